// Change notifications against the metadata: the subscription as POST, GET and PATCH return it,
// and the changeNotificationCollection the sandbox delivers to the notification URL.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import { appToken, graph, personByUpn, PRODUCT_APP, startTestSandbox } from '../../src/testing.js';
import {
  eventually,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';
import { expectCollectionContract, expectContract } from './contract-support.js';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let receiver: WebhookReceiver;
let token: string;
const organizer = personByUpn('sanne.devries');

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: '2022-06-01' });
  receiver = await startWebhookReceiver();
  token = await appToken(sandbox, PRODUCT_APP);
});

afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
});

describe('subscription', () => {
  it('is a microsoft.graph.subscription when created, read, listed and renewed', async () => {
    const expiry = (minutes: number) =>
      new Date(sandbox.ctx.clock.now().getTime() + minutes * 60_000).toISOString();
    const created = await graph(sandbox, token, 'POST', '/subscriptions', {
      changeType: 'created,updated,deleted',
      notificationUrl: receiver.url,
      lifecycleNotificationUrl: receiver.url,
      resource: `/users/${organizer.id}/events`,
      expirationDateTime: expiry(60),
      clientState: 'contract',
    });
    expect(created.status).toBe(201);
    expectContract('subscription', created.body);
    const read = await graph(sandbox, token, 'GET', `/subscriptions/${created.body.id}`);
    expectContract('subscription', read.body);
    expectCollectionContract(
      'subscription',
      (await graph(sandbox, token, 'GET', '/subscriptions')).body,
    );
    const renewed = await graph(sandbox, token, 'PATCH', `/subscriptions/${created.body.id}`, {
      expirationDateTime: expiry(120),
    });
    expectContract('subscription', renewed.body);
  });

  it('notifies with a microsoft.graph.changeNotificationCollection', async () => {
    await graph(sandbox, token, 'POST', `/users/${organizer.upn}/events`, {
      subject: 'OPTIE Workshop weerbaarheid – Zandvoort',
      start: { dateTime: '2022-06-16T19:30:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2022-06-16T22:30:00', timeZone: 'W. Europe Standard Time' },
    });
    const [collection] = await eventually(
      () => receiver.notificationBodies(),
      (bodies) => bodies.length > 0,
    );
    // Graph writes resourceData's type as '#Microsoft.Graph.Event' (its own documentation's
    // examples), a spelling the metadata does not list: checked here, then the rest by type.
    const value = (collection?.value ?? []) as { resourceData?: Record<string, unknown> }[];
    expect(value.map((n) => n.resourceData?.['@odata.type'])).toEqual(
      value.map(() => '#Microsoft.Graph.Event'),
    );
    const typed = {
      value: value.map(({ resourceData, ...rest }) => {
        const { '@odata.type': _type, ...data } = resourceData ?? {};
        return { ...rest, resourceData: data };
      }),
    };
    expectContract('changeNotificationCollection', typed);
  });
});

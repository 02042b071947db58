// Graph change notifications on the organizers' calendars, against the sandbox (real HTTP both
// ways: the product subscribes through Graph, the sandbox posts to the product's endpoint):
// the validation handshake (valid, wrong clientState, too late), a notification that syncs the
// organizer's answers, renewal on the sandbox clock, `missed` → a full delta catch-up, an
// expired subscription made again, and bad input that is refused or ignored without a change.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import { countRoundTrips, PRODUCT_APP, RIEC_TENANT } from '@workshopplanner/m365-sandbox';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  createNotificationReceiver,
  manageSubscriptions,
  type NotificationReceiver,
  type NotificationSettings,
  type SubscriptionPorts,
} from '../../../src/app/change-notifications.js';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { createAppState } from '../../../src/app/app-state.js';
import type { Access } from '../../../src/app/access.js';
import { createGraphClient } from '../../../src/graph/client/client.js';
import { appTokenProvider, createConfidentialClient } from '../../../src/graph/client/tokens.js';
import { createMicrosoft365, createSubscriptionPorts } from '../../../src/graph/gateway.js';
import {
  NOTIFICATIONS_PATH,
  registerNotificationRoute,
} from '../../../src/server/http/notifications.js';
import {
  accountHolder,
  FIXED_TODAY,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import { answer, current, proposed } from '../../support/planning-scenarios.js';

const HOUR = 60 * 60 * 1000;
const SECRET = 'geheim-van-de-notificatietest-0123';

let h: PlanningHarness;
let server: FastifyInstance;
let receiver: NotificationReceiver;
let settings: NotificationSettings;
let url: string;
const sanne = accountHolder('sanne.devries');
const organizer = sanne.email.toLowerCase();

// The app's Graph client; made again after the sandbox clock jumps days ahead (the tokens it
// holds are expired on that clock).
let client: Client;
function freshClient(): void {
  const msal = createConfidentialClient({
    authorityHost: h.sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PRODUCT_APP.clientId,
    clientSecret: PRODUCT_APP.clientSecret,
  });
  client = createGraphClient({
    baseUrl: `${h.sandbox.urls.https}/v1.0`,
    tokens: appTokenProvider(msal),
  });
}
const as = (access: Access) =>
  h.context(access, { m365: createMicrosoft365(client, { site: 'root' }) });
// The background work's context: a process of its own (no cursors in memory), the sandbox clock.
const state = createAppState();
const system = () =>
  h.context(SYSTEM_ACCESS, { state, m365: createMicrosoft365(client, { site: 'root' }) });
const ports = () => createSubscriptionPorts(client, { site: 'root' });
/** The receiver's ports, on whatever client is current. */
const livePorts: SubscriptionPorts = {
  subscriptions: {
    create: (organizer, request) => ports().subscriptions.create(organizer, request),
    renew: (subscription, expiresAt) => ports().subscriptions.renew(subscription, expiresAt),
  },
  records: {
    list: () => ports().records.list(),
    write: (subscription) => ports().records.write(subscription),
  },
};
/** Graph round trips so far (the sandbox's request log, control calls not counted). */
const graphRequests = () => countRoundTrips(h.sandbox.ctx.requestLog.since(0));

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${h.sandbox.urls.http}/_sandbox/subscriptions${path}`, {
    method,
    headers: {
      'x-sandbox-control': '1',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- control JSON, asserted on
  return text ? (JSON.parse(text) as any) : undefined;
}

/** The sandbox's subscriptions (with their clientState) and its delivery log. */
async function sandboxSubscriptions(): Promise<
  { id: string; clientState: string | null; expirationDateTime: string; mailboxId: string }[]
> {
  return (await control('GET', '/')).subscriptions;
}

/** Until the sandbox has delivered everything and the receiver has processed it. */
async function settle(): Promise<void> {
  await control('POST', '/settle');
  await receiver.idle();
}

async function post(body: string, contentType = 'application/json', query = '') {
  const response = await fetch(`${url}${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function shiftClock(ms: number): void {
  h.sandbox.ctx.clock.set(new Date(h.sandbox.ctx.clock.now().getTime() + ms));
  freshClient();
}

beforeAll(async () => {
  h = await startPlanningHarness({ today: FIXED_TODAY });
  freshClient();
  server = Fastify({ logger: false });
  // The receiver needs the URL, known once the server listens: it is made after.
  await registerNotificationRoute(server, {
    receive: (body) => receiver.receive(body),
    idle: () => receiver.idle(),
  });
  const address = await server.listen({ host: '127.0.0.1', port: 0 });
  url = `${address}${NOTIFICATIONS_PATH}`;
  settings = {
    notificationUrl: url,
    clientState: SECRET,
    lifetimeMs: 48 * HOUR,
    renewBeforeMs: 24 * HOUR,
  };
  receiver = createNotificationReceiver({ settings, ports: livePorts, context: system });
  await control('PUT', '/delivery', { retryDelaysMs: [50, 50], notificationTimeoutMs: 3_000 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await h?.close();
});
afterEach(async () => {
  await control('PUT', '/delivery', { mode: 'deliver', validationTimeoutMs: 10_000 });
});

describe('subscribing to an organizer’s calendar', () => {
  it('fails when the endpoint answers the handshake too late, and succeeds the next cycle', async () => {
    await control('PUT', '/delivery', { validationTimeoutMs: 0 });
    const late = await manageSubscriptions(system(), ports(), settings, [organizer]);
    expect(late).toMatchObject({ created: [], failed: [organizer] });
    expect(await sandboxSubscriptions()).toEqual([]);
    expect(await ports().records.list()).toEqual([]);

    await control('PUT', '/delivery', { validationTimeoutMs: 10_000 });
    const made = await manageSubscriptions(system(), ports(), settings, [organizer]);
    expect(made).toMatchObject({ created: [organizer], failed: [] });
    const [subscription] = await sandboxSubscriptions();
    expect(subscription).toMatchObject({ clientState: SECRET });
    // Kept in the state list, so another instance knows whose calendar it is.
    expect(await ports().records.list()).toEqual([
      { id: subscription!.id, organizer, expiresAt: expect.any(String) },
    ]);
    // A second cycle finds it: nothing to do.
    expect(await manageSubscriptions(system(), ports(), settings, [organizer])).toEqual({
      created: [],
      renewed: [],
      recreated: [],
      failed: [],
    });
  }, 60_000);

  it('ignores the notifications of a subscription with another clientState', async () => {
    // Someone subscribed our endpoint to mohamed's calendar with a clientState of their own:
    // the sandbox delivers, the endpoint acknowledges, nothing is read or written.
    const mohamed = accountHolder('mohamed.elidrissi');
    const wrong = await manageSubscriptions(
      system(),
      ports(),
      { ...settings, clientState: 'niet-het-geheim-van-workshopplanner' },
      [mohamed.email],
    );
    expect(wrong.created).toEqual([mohamed.email.toLowerCase()]);
    const signup = await proposed(as(mohamed), 'GM0363');
    await settle();
    const before = await current(as(mohamed), signup.signup.id);
    const requests = graphRequests();
    const deliveries = (await control('GET', '/')).lastDeliverySeq as number;
    answer(h.sandbox, signup, 0, { berenschot: 'accept' });
    await settle();
    const delivered = (await control('GET', `/?since=${deliveries}`)).deliveries as {
      outcome: string;
      status: number;
    }[];
    expect(delivered).toContainEqual(
      expect.objectContaining({ outcome: 'delivered', status: 202 }),
    );
    // No Graph request at all, and the answer is not recorded (the safety-net poll would).
    expect(graphRequests()).toBe(requests);
    const after = await current(as(mohamed), signup.signup.id);
    expect(after.eTag).toBe(before.eTag);
    expect(after.signup.options[0]?.answers.berenschot).toBe('none');
  }, 60_000);
});

describe('notifications', () => {
  it('sync the organizer’s answers without a poll', async () => {
    const signup = await proposed(as(sanne), 'GM0375');
    await settle();
    answer(h.sandbox, signup, 1, { riec: 'decline' });
    await settle();
    const after = await current(as(sanne), signup.signup.id);
    expect(after.signup.options[1]?.answers.riec).toBe('declined');
  }, 60_000);

  it('`missed`: a full delta catch-up records what was dropped', async () => {
    const signup = await proposed(as(sanne), 'GM0373');
    await settle();
    await control('PUT', '/delivery', { mode: 'drop' });
    answer(h.sandbox, signup, 2, { berenschot: 'decline' });
    await control('POST', '/settle');
    await receiver.idle();
    expect((await current(as(sanne), signup.signup.id)).signup.options[2]?.answers).toEqual(
      expect.objectContaining({ berenschot: 'none' }),
    );
    // Back to delivering: the sandbox sends `missed` for what it dropped.
    await control('PUT', '/delivery', { mode: 'deliver' });
    await settle();
    const after = await current(as(sanne), signup.signup.id);
    expect(after.signup.options[2]?.answers.berenschot).toBe('declined');
  }, 60_000);
});

describe('renewal and expiry on the sandbox clock', () => {
  it('renews before expiry, and makes an expired subscription again with a catch-up', async () => {
    const [first] = await ports().records.list();
    expect(first).toBeDefined();
    // 30 hours later: less than 24 hours left, renewed (same id, later expiry).
    shiftClock(30 * HOUR);
    await settle();
    const renewal = await manageSubscriptions(system(), ports(), settings, [organizer]);
    expect(renewal.renewed).toEqual([organizer]);
    const [renewed] = (await ports().records.list()).filter((r) => r.organizer === organizer);
    expect(renewed!.id).toBe(first!.id);
    expect(Date.parse(renewed!.expiresAt)).toBeGreaterThan(Date.parse(first!.expiresAt));

    // Three days on: Graph deleted it; the cycle subscribes again and reads the calendar.
    const signup = await proposed(as(sanne), 'GM0394', 4);
    shiftClock(72 * HOUR);
    await control('POST', '/settle');
    expect((await sandboxSubscriptions()).filter((s) => s.id === first!.id)).toEqual([]);
    answer(h.sandbox, signup, 0, { riec: 'accept' });
    const again = await manageSubscriptions(system(), ports(), settings, [organizer]);
    expect(again.recreated).toEqual([organizer]);
    const [made] = (await ports().records.list()).filter((r) => r.organizer === organizer);
    expect(made!.id).not.toBe(first!.id);
    const after = await current(as(sanne), signup.signup.id);
    expect(after.signup.options[0]?.answers.riec).toBe('accepted');
  }, 90_000);
});

describe('bad input on the endpoint: refused or ignored, never a change, never a 5xx', () => {
  const genuine = async () => {
    const [record] = (await ports().records.list()).filter((r) => r.organizer === organizer);
    return { subscriptionId: record!.id, clientState: SECRET, changeType: 'updated' };
  };

  it('answers the handshake with the token, as text', async () => {
    const token = 'Validation: Testing client application reachability <&> ü';
    const result = await post('', 'text/plain', `?validationToken=${encodeURIComponent(token)}`);
    expect(result).toEqual({ status: 200, text: token });
  });

  it('refuses malformed and oversized bodies, ignores forged and unknown ones', async () => {
    const signup = await proposed(as(sanne), 'GM0361', 5);
    await settle();
    const before = await current(as(sanne), signup.signup.id);
    const real = await genuine();
    const requests = graphRequests();
    const cases: [string, string, number][] = [
      ['not json', '{"value": [', 400],
      ['no collection', JSON.stringify({ value: 'x' }), 400],
      ['empty collection', JSON.stringify({ value: [] }), 400],
      ['an array', JSON.stringify([real]), 400],
      ['forged clientState', JSON.stringify({ value: [{ ...real, clientState: 'raden' }] }), 202],
      ['no clientState', JSON.stringify({ value: [{ subscriptionId: real.subscriptionId }] }), 202],
      [
        'a clientState of another type',
        JSON.stringify({ value: [{ ...real, clientState: { $ne: null } }] }),
        202,
      ],
      [
        'unknown lifecycle event',
        JSON.stringify({ value: [{ ...real, lifecycleEvent: 'deleteEverything' }] }),
        202,
      ],
      [
        'a 1 MB body',
        JSON.stringify({ value: [{ ...real, padding: 'x'.repeat(1024 * 1024) }] }),
        413,
      ],
    ];
    for (const [what, body, status] of cases) {
      const result = await post(body);
      expect({ what, status: result.status }).toEqual({ what, status });
    }
    expect((await post('<xml/>', 'application/xml')).status).toBe(415);
    await receiver.idle();
    // Nothing was read or written for any of them.
    expect(graphRequests()).toBe(requests);

    // An unknown subscription with the right secret: the records are read once, nothing else.
    const unknown = await post(
      JSON.stringify({ value: [{ ...real, subscriptionId: 'abonnement-dat-niet-bestaat' }] }),
    );
    expect(unknown.status).toBe(202);
    await receiver.idle();
    const after = await current(as(sanne), signup.signup.id);
    expect(after.eTag).toBe(before.eTag);

    // A genuine notification replayed ten times: reads, no change (nothing new in the calendar).
    for (let i = 0; i < 10; i++) {
      expect((await post(JSON.stringify({ value: [real] }))).status).toBe(202);
    }
    await receiver.idle();
    expect((await current(as(sanne), signup.signup.id)).eTag).toBe(before.eTag);
  }, 60_000);
});

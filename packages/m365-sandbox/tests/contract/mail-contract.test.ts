// Mail payloads against the metadata: a message read from /users/{id}/messages, both a plain
// mail (sendMail) and the invitation a hold sends to a trainer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import { appToken, graph, personByUpn, startTestSandbox } from '../../src/testing.js';
import { expectCollectionContract, expectContract } from './contract-support.js';

let sandbox: Sandbox;
let token: string;
const sender = personByUpn('sanne.devries');
const recipient = personByUpn('fatima.amrani');

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: '2022-06-01' });
  token = await appToken(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

describe('message', () => {
  it('a mail sent with sendMail reads back as microsoft.graph.message', async () => {
    const sent = await graph(sandbox, token, 'POST', `/users/${sender.upn}/sendMail`, {
      message: {
        subject: 'Aanmelding workshop weerbaarheid',
        body: { contentType: 'text', content: 'De gemeente Haarlem meldt zich aan.' },
        toRecipients: [{ emailAddress: { address: recipient.upn } }],
      },
      saveToSentItems: true,
    });
    expect(sent.status).toBe(202);
    const inbox = await graph(sandbox, token, 'GET', `/users/${recipient.upn}/messages`);
    expect(inbox.status).toBe(200);
    expectCollectionContract('message', inbox.body);
    const first = (inbox.body.value as { id: string }[])[0]!;
    const one = await graph(sandbox, token, 'GET', `/users/${recipient.upn}/messages/${first.id}`);
    expectContract('message', one.body);
  });

  it('the invitation of a hold reads back as a message (eventMessage by @odata.type)', async () => {
    const created = await graph(sandbox, token, 'POST', `/users/${sender.upn}/events`, {
      subject: 'OPTIE Workshop weerbaarheid – Zandvoort',
      start: { dateTime: '2022-06-16T19:30:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2022-06-16T22:30:00', timeZone: 'W. Europe Standard Time' },
      attendees: [{ type: 'required', emailAddress: { address: recipient.upn } }],
      showAs: 'tentative',
    });
    expect(created.status).toBe(201);
    const inbox = await graph(sandbox, token, 'GET', `/users/${recipient.upn}/messages`);
    const invitation = (inbox.body.value as { subject: string }[]).find((m) =>
      m.subject.includes('Zandvoort'),
    );
    expect(invitation).toBeDefined();
    expectContract('message', invitation);
  });
});

// Mail in the sandbox over real HTTPS: sendMail into inboxes of both organisations and into
// the external mailboxes (the mayors' offices), Sent Items, reading with the Graph SDK, the
// errors Graph gives, and the message / eventMessage shapes against Microsoft's metadata.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Client } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { checkAgainstType } from '../contract/graph-metadata.js';
import { deliverMessage, listExternalMailboxes, listMailbox } from '../../src/mail/index.js';
import {
  appToken,
  graph,
  GRAPH_EXPLORER_APP,
  passwordToken,
  personByUpn,
  startTestSandbox,
} from '../../src/testing.js';

const sanne = personByUpn('sanne.devries');
const jeroen = personByUpn('jeroen.visser');
const daan = personByUpn('daan.meijer');
const lotte = personByUpn('lotte.mulder');
const marieke = personByUpn('marieke.vandijk'); // Berenschot: the other organisation
const MAYOR = 'burgemeester@haarlem.nl';

let sandbox: Sandbox;
let app: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  app = await appToken(sandbox);
}, 60_000);
afterAll(async () => sandbox.close());

const to = (...addresses: string[]) => addresses.map((address) => ({ emailAddress: { address } }));

function mail(subject: string, extra: Record<string, unknown> = {}) {
  return {
    message: {
      subject,
      body: { contentType: 'HTML', content: `<p>Beste collega,</p><p>${subject}</p>` },
      toRecipients: to(jeroen.upn),
      ...extra,
    },
  };
}

function sdkClient(token: string): Client {
  return Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => token },
    baseUrl: sandbox.urls.https + '/',
    defaultVersion: 'v1.0',
    customHosts: new Set(['localhost']),
  });
}

describe('sendMail', () => {
  test('delivers to a colleague, to a user of the other organisation and to an external mailbox', async () => {
    const sent = await graph(sandbox, app, 'POST', `/users/${sanne.upn}/sendMail`, {
      message: {
        subject: 'Workshop Haarlem bevestigd',
        body: { contentType: 'Text', content: 'De workshop is op 14 juni.' },
        toRecipients: to(jeroen.upn),
        ccRecipients: to(marieke.upn),
        bccRecipients: to(MAYOR.toUpperCase()),
      },
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toBeUndefined();

    const inbox = await graph(
      sandbox,
      app,
      'GET',
      `/users/${jeroen.id}/mailFolders/inbox/messages`,
    );
    expect(inbox.status).toBe(200);
    const received = inbox.body.value.find(
      (m: { subject: string }) => m.subject === 'Workshop Haarlem bevestigd',
    );
    expect(received).toMatchObject({
      from: { emailAddress: { address: sanne.upn, name: 'Sanne de Vries' } },
      toRecipients: [{ emailAddress: { address: jeroen.upn, name: 'Jeroen Visser' } }],
      ccRecipients: [{ emailAddress: { address: marieke.upn } }],
      // Recipients never see the bcc line.
      bccRecipients: [],
      body: { contentType: 'text', content: 'De workshop is op 14 juni.' },
      bodyPreview: 'De workshop is op 14 juni.',
      isRead: false,
    });

    expect(listMailbox(sandbox.ctx, marieke.id).map((m) => m.message.subject)).toEqual([
      'Workshop Haarlem bevestigd',
    ]);
    const external = listMailbox(sandbox.ctx, MAYOR);
    expect(external).toHaveLength(1);
    expect(external[0]).toMatchObject({ isExternal: true, mailbox: MAYOR, folder: 'inbox' });
    expect(listExternalMailboxes(sandbox.ctx)).toContain(MAYOR);
  });

  test('the RIEC app cannot read a mailbox of the Berenschot organisation', async () => {
    const response = await graph(sandbox, app, 'GET', `/users/${marieke.id}/messages`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ErrorInvalidUser');
  });

  test('keeps a copy in Sent Items unless saveToSentItems is false', async () => {
    const kept = mail('Met kopie', { bccRecipients: to('griffie@haarlem.nl') });
    expect((await graph(sandbox, app, 'POST', `/users/${lotte.id}/sendMail`, kept)).status).toBe(
      202,
    );
    const notKept = { ...mail('Zonder kopie'), saveToSentItems: false };
    expect((await graph(sandbox, app, 'POST', `/users/${lotte.id}/sendMail`, notKept)).status).toBe(
      202,
    );

    const sent = await graph(
      sandbox,
      app,
      'GET',
      `/users/${lotte.id}/mailFolders/sentitems/messages`,
    );
    expect(sent.body.value.map((m: { subject: string }) => m.subject)).toEqual(['Met kopie']);
    expect(sent.body.value[0]).toMatchObject({
      isRead: true,
      bccRecipients: [{ emailAddress: { address: 'griffie@haarlem.nl' } }],
    });
    // Both were delivered all the same.
    const subjects = listMailbox(sandbox.ctx, jeroen.id).map((m) => m.message.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Met kopie', 'Zonder kopie']));
  });

  test('a delegated user sends from their own mailbox only', async () => {
    const token = await passwordToken(sandbox, sanne.upn, 'Mail.Send');
    const own = await graph(sandbox, token, 'POST', '/me/sendMail', mail('Eigen postvak'));
    expect(own.status).toBe(202);
    const asOther = await graph(
      sandbox,
      token,
      'POST',
      `/users/${daan.upn}/sendMail`,
      mail('Namens Daan'),
    );
    expect(asOther.status).toBe(403);
    expect(asOther.body.error.code).toBe('ErrorAccessDenied');
    const subjects = listMailbox(sandbox.ctx, jeroen.id).map((m) => m.message.subject);
    expect(subjects).toContain('Eigen postvak');
    expect(subjects).not.toContain('Namens Daan');
  });

  test('refuses a message without recipients, and stores nothing', async () => {
    const before = listMailbox(sandbox.ctx, sanne.id, 'sentitems').length;
    const response = await graph(sandbox, app, 'POST', `/users/${sanne.id}/sendMail`, {
      message: { subject: 'Aan niemand', body: { contentType: 'text', content: 'x' } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('ErrorInvalidRecipients');
    expect(response.body.error.message).toMatch(/contains no recipients/);
    expect(listMailbox(sandbox.ctx, sanne.id, 'sentitems')).toHaveLength(before);
  });

  test('refuses an address that does not resolve', async () => {
    const response = await graph(sandbox, app, 'POST', `/users/${sanne.id}/sendMail`, {
      message: { subject: 'Fout adres', toRecipients: to('geen-adres') },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('ErrorInvalidRecipients');
    expect(response.body.error.message).toContain('"geen-adres"');
  });

  test.each([
    [
      'the message',
      { ...mail('x').message, isUrgent: true },
      undefined,
      /'isUrgent'.*'microsoft\.graph\.message'/,
    ],
    [
      'the body',
      { ...mail('x').message, body: { content: 'x', charset: 'utf-8' } },
      undefined,
      /'charset'.*'microsoft\.graph\.itemBody'/,
    ],
    [
      'a recipient',
      {
        ...mail('x').message,
        toRecipients: [{ emailAddress: { address: jeroen.upn }, type: 'to' }],
      },
      undefined,
      /'type'.*'microsoft\.graph\.recipient'/,
    ],
    ['the action', mail('x').message, { sendNow: true }, /parameter 'sendNow'.*'sendMail'/],
  ])(
    'refuses an unknown property on %s with RequestBodyRead',
    async (_where, message, extra, expected) => {
      const response = await graph(sandbox, app, 'POST', `/users/${sanne.id}/sendMail`, {
        message,
        ...extra,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('RequestBodyRead');
      expect(response.body.error.message).toMatch(expected);
    },
  );

  test('answers malformed JSON with Graph’s error shape', async () => {
    const response = await graph(
      sandbox,
      app,
      'POST',
      `/users/${sanne.id}/sendMail`,
      '{"message": {"subject": ',
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: 'BadRequest',
      message: expect.stringMatching(/JSON/),
      innerError: expect.objectContaining({ 'request-id': expect.any(String) }),
    });
  });
});

describe('reading messages', () => {
  test('pages newest first with $top and @odata.nextLink through the Graph SDK', async () => {
    for (const n of [1, 2, 3]) {
      const body = mail(`Bericht ${n}`, { toRecipients: to(daan.upn) });
      expect((await graph(sandbox, app, 'POST', `/users/${sanne.id}/sendMail`, body)).status).toBe(
        202,
      );
    }
    const client = sdkClient(app);
    const first = await client.api(`/users/${daan.upn}/messages`).top(2).get();
    expect(first.value.map((m: { subject: string }) => m.subject)).toEqual([
      'Bericht 3',
      'Bericht 2',
    ]);
    expect(first['@odata.nextLink']).toContain('$skip=2');
    const second = await client.api(first['@odata.nextLink']).get();
    expect(second.value.map((m: { subject: string }) => m.subject)).toEqual(['Bericht 1']);
    expect(second['@odata.nextLink']).toBeUndefined();

    const oldestFirst = await client
      .api(`/users/${daan.id}/mailFolders/Inbox/messages`)
      .orderby('receivedDateTime asc')
      .get();
    expect(oldestFirst.value.map((m: { subject: string }) => m.subject)).toEqual([
      'Bericht 1',
      'Bericht 2',
      'Bericht 3',
    ]);
  });

  test('returns 10 messages per page by default', async () => {
    for (let n = 0; n < 11; n++) {
      const body = mail(`Stapel ${n}`, { toRecipients: to(lotte.upn) });
      await graph(sandbox, app, 'POST', `/users/${sanne.id}/sendMail`, body);
    }
    const page = await graph(sandbox, app, 'GET', `/users/${lotte.id}/mailFolders/inbox/messages`);
    expect(page.body.value).toHaveLength(10);
    expect(page.body['@odata.nextLink']).toEqual(expect.stringContaining('$top=10'));
  });

  test('gets one message, with $select', async () => {
    const list = await graph(sandbox, app, 'GET', `/users/${jeroen.id}/messages?$top=1`);
    const id: string = list.body.value[0].id;
    const one = await graph(
      sandbox,
      app,
      'GET',
      `/users/${jeroen.id}/messages/${id}?$select=subject,from`,
    );
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual(
      ['@odata.context', '@odata.etag', 'from', 'id', 'subject'].sort(),
    );
    const elsewhere = await graph(sandbox, app, 'GET', `/users/${daan.id}/messages/${id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('ErrorItemNotFound');
  });

  test('a delegated user reads their own mailbox but not a colleague’s', async () => {
    // Mail.Read is not consented to the product app: read as the user through Graph Explorer.
    const token = await passwordToken(sandbox, jeroen.upn, 'Mail.Read', GRAPH_EXPLORER_APP);
    const own = await graph(sandbox, token, 'GET', '/me/messages');
    expect(own.status).toBe(200);
    expect(own.body.value.length).toBeGreaterThan(0);
    const other = await graph(sandbox, token, 'GET', `/users/${sanne.id}/messages`);
    expect(other.status).toBe(403);
  });

  test('refuses query options it does not implement instead of ignoring them', async () => {
    const response = await graph(
      sandbox,
      app,
      'GET',
      `/users/${jeroen.id}/messages?$filter=isRead eq false`,
    );
    expect(response.status).toBe(400);
  });
});

describe('a Message-ID chosen by the sender', () => {
  test('every copy carries it and the sender finds the message in Sent Items by it', async () => {
    const id = '<herinnering.test-1@workshopplanner.example>';
    const sent = await graph(sandbox, app, 'POST', `/users/${sanne.upn}/sendMail`, {
      message: { ...mail('Herinnering').message, internetMessageId: id, toRecipients: to(MAYOR) },
    });
    expect(sent.status).toBe(202);
    const filter = encodeURIComponent(`internetMessageId eq '${id}'`);
    const found = await graph(
      sandbox,
      app,
      'GET',
      `/users/${sanne.id}/mailFolders/sentitems/messages?$filter=${filter}&$select=id,internetMessageId`,
    );
    expect(found.status).toBe(200);
    expect(found.body.value).toHaveLength(1);
    expect(found.body.value[0].internetMessageId).toBe(id);
    const other = encodeURIComponent(`internetMessageId eq '<nooit.verstuurd@example>'`);
    const none = await graph(
      sandbox,
      app,
      'GET',
      `/users/${sanne.id}/mailFolders/sentitems/messages?$filter=${other}`,
    );
    expect(none.body.value).toHaveLength(0);
    expect(
      listMailbox(sandbox.ctx, MAYOR).filter((m) => m.message.internetMessageId === id),
    ).toHaveLength(1);
  });

  test('refuses a Message-ID that is not <local@domain>', async () => {
    const sent = await graph(sandbox, app, 'POST', `/users/${sanne.upn}/sendMail`, {
      message: { ...mail('Herinnering').message, internetMessageId: 'geen-id' },
    });
    expect(sent.status).toBe(400);
  });
});

describe('meeting messages from the calendar', () => {
  const meeting = (type: 'meetingRequest' | 'meetingCancelled' | 'meetingAccepted') => ({
    from: { name: 'Sanne de Vries', address: sanne.upn },
    toRecipients: [{ address: jeroen.upn }, { address: MAYOR }],
    subject: type === 'meetingRequest' ? 'OPTIE Workshop Bloemendaal' : `${type} Bloemendaal`,
    body: { contentType: 'html' as const, content: '<p>Optie voor de workshop</p>' },
    meeting: {
      type,
      organizerEventId: 'AAMkAG-organizer-event-1',
      start: { dateTime: '2026-06-16T17:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-06-16T20:30:00.0000000', timeZone: 'UTC' },
      responseRequested: true,
      allowNewTimeProposals: false,
      location: 'Gemeentehuis Bloemendaal',
    },
  });

  test('are delivered as eventMessages; a later cancellation makes the request out of date', async () => {
    const copies = deliverMessage(sandbox.ctx, meeting('meetingRequest'));
    expect(copies.map((c) => c.mailbox).sort()).toEqual([jeroen.id, MAYOR].sort());
    const requestId = copies.find((c) => c.mailbox === jeroen.id)?.id;
    const get = () => graph(sandbox, app, 'GET', `/users/${jeroen.id}/messages/${requestId}`);

    expect((await get()).body).toMatchObject({
      '@odata.type': '#microsoft.graph.eventMessageRequest',
      meetingMessageType: 'meetingRequest',
      meetingRequestType: 'newMeetingRequest',
      startDateTime: { dateTime: '2026-06-16T17:30:00.0000000', timeZone: 'UTC' },
      isOutOfDate: false,
      responseRequested: true,
      allowNewTimeProposals: false,
    });
    deliverMessage(sandbox.ctx, meeting('meetingCancelled'));
    expect((await get()).body.isOutOfDate).toBe(true);
  });

  test('message and eventMessage JSON use only what Graph’s metadata declares', async () => {
    deliverMessage(sandbox.ctx, meeting('meetingRequest'));
    deliverMessage(sandbox.ctx, meeting('meetingAccepted'));
    const inbox = await graph(sandbox, app, 'GET', `/users/${jeroen.id}/messages?$top=50`);
    const byType = new Map<string, unknown>();
    for (const message of inbox.body.value) {
      byType.set(message['@odata.type'] ?? '#microsoft.graph.message', message);
    }
    expect([...byType.keys()].sort()).toEqual([
      '#microsoft.graph.eventMessage',
      '#microsoft.graph.eventMessageRequest',
      '#microsoft.graph.eventMessageResponse',
      '#microsoft.graph.message',
    ]);
    for (const [odataType, message] of byType) {
      expect(checkAgainstType(odataType.replace('#microsoft.graph.', ''), message)).toEqual([]);
    }
  });
});

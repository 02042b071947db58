// Events on the sandbox's Graph, driven by @microsoft/microsoft-graph-client as the product
// drives it: holds with attendees (copies and invitations across both organisations and to a
// mayor's office), transactionId retries, the confirm PATCH, delete, time zones, paging, and
// Graph's error shape for bad requests.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { listMailbox } from '../../src/mail/index.js';
import { appToken, graph, passwordToken, startTestSandbox } from '../../src/testing.js';
import {
  MAYOR_HAARLEM,
  SEED_DATE,
  dayRange,
  fatima,
  graphClient,
  holdBody,
  marieke,
  meetingMessages,
  sanne,
} from './calendar-fixtures.js';

let sandbox: Sandbox;
let token: string;
let client: Client;
let mariekeClient: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: SEED_DATE });
  token = await appToken(sandbox);
  client = graphClient(sandbox, token);
  mariekeClient = graphClient(
    sandbox,
    await passwordToken(sandbox, marieke.upn, 'Calendars.ReadWrite'),
  );
}, 60_000);
afterAll(async () => sandbox.close());

describe('POST /users/{id}/events with attendees', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph JSON, asserted field by field
  let hold: any;

  beforeAll(async () => {
    hold = await client.api(`/users/${sanne.upn}/events`).post(
      holdBody({
        day: '2022-06-14',
        from: '19:30',
        to: '22:30',
        attendees: [fatima.upn, marieke.upn, MAYOR_HAARLEM],
        transactionId: 'aanmelding-0392-optie-1',
      }),
    );
  });

  it("returns the organizer's event as Graph serialises it", () => {
    expect(hold).toMatchObject({
      '@odata.etag': `W/"${hold.changeKey}"`,
      isOrganizer: true,
      responseStatus: { response: 'organizer' },
      showAs: 'tentative',
      type: 'singleInstance',
      transactionId: 'aanmelding-0392-optie-1',
      originalStartTimeZone: 'W. Europe Standard Time',
      bodyPreview: 'Optie voor de workshop weerbaarheid.',
      recurrence: null,
      organizer: { emailAddress: { address: sanne.upn, name: 'Sanne de Vries' } },
      // Stored in UTC and written back in UTC with seven fractional digits (CEST is UTC+2).
      start: { dateTime: '2022-06-14T17:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2022-06-14T20:30:00.0000000', timeZone: 'UTC' },
    });
    expect(hold.attendees).toEqual([
      expect.objectContaining({
        type: 'required',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: 'Fatima Amrani', address: fatima.upn },
      }),
      expect.objectContaining({ emailAddress: expect.objectContaining({ address: marieke.upn }) }),
      expect.objectContaining({
        emailAddress: expect.objectContaining({ address: MAYOR_HAARLEM }),
      }),
    ]);
  });

  it("puts a copy showing 'none' and tentative in the RIEC trainer's calendar", async () => {
    const view = await client
      .api(`/users/${fatima.upn}/calendarView?${dayRange('2022-06-14')}`)
      .get();
    const copy = view.value.find((e: { iCalUId: string }) => e.iCalUId === hold.iCalUId);
    expect(copy).toMatchObject({
      isOrganizer: false,
      responseStatus: { response: 'none' },
      showAs: 'tentative',
      subject: hold.subject,
      organizer: { emailAddress: { address: sanne.upn } },
    });
    expect(copy.id).not.toBe(hold.id);
  });

  it("puts a copy in the Berenschot trainer's calendar, in Berenschot's own tenant", async () => {
    const view = await mariekeClient.api(`/me/calendarView?${dayRange('2022-06-14')}`).get();
    expect(view.value).toContainEqual(
      expect.objectContaining({ iCalUId: hold.iCalUId, isOrganizer: false, showAs: 'tentative' }),
    );
    // And the RIEC app cannot reach that calendar: another organisation's mailbox.
    const blocked = await graph(sandbox, token, 'GET', `/users/${marieke.upn}/events`);
    expect(blocked.status).toBe(404);
  });

  it('sends each attendee a meeting request that points at their own copy', () => {
    const [request] = meetingMessages(sandbox, fatima.id, hold.id);
    expect(request?.message.meeting).toMatchObject({
      type: 'meetingRequest',
      organizerEventId: hold.id,
      recipientEventIds: { [fatima.upn]: expect.any(String), [marieke.upn]: expect.any(String) },
    });
    expect(meetingMessages(sandbox, marieke.id, hold.id)).toHaveLength(1);
  });

  it("sends the mayor's office only the message, into its external mailbox", async () => {
    const external = meetingMessages(sandbox, MAYOR_HAARLEM, hold.id);
    expect(external).toHaveLength(1);
    expect(external[0]?.isExternal).toBe(true);
    expect(external[0]?.message.meeting?.recipientEventIds?.[MAYOR_HAARLEM]).toBeUndefined();
  });

  it('is readable through /me, /calendar/events and /users/{upn} alike', async () => {
    const sanneClient = graphClient(
      sandbox,
      await passwordToken(sandbox, sanne.upn, 'Calendars.ReadWrite'),
    );
    const viaMe = await sanneClient.api(`/me/events/${hold.id}`).get();
    const viaCalendar = await client.api(`/users/${sanne.id}/calendar/events/${hold.id}`).get();
    expect(viaMe.iCalUId).toBe(hold.iCalUId);
    expect(viaCalendar.iCalUId).toBe(hold.iCalUId);
  });
});

describe('transactionId', () => {
  const body = holdBody({
    day: '2022-06-21',
    from: '19:30',
    to: '22:30',
    attendees: [fatima.upn],
    transactionId: 'aanmelding-0394-optie-2',
  });

  it('answers a retry of the same POST with the original event and creates or sends nothing', async () => {
    const first = await client.api(`/users/${sanne.upn}/events`).post(body);
    const invitationsBefore = listMailbox(sandbox.ctx, fatima.id).length;
    // Same content, keys in another order: the canonical body is what counts.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const retry = await graph(sandbox, token, 'POST', `/users/${sanne.upn}/events`, reordered);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.id);
    expect(listMailbox(sandbox.ctx, fatima.id)).toHaveLength(invitationsBefore);
    const events = await client
      .api(`/users/${sanne.upn}/events`)
      .filter(`transactionId eq 'aanmelding-0394-optie-2'`)
      .get();
    expect(events.value).toHaveLength(1);
  });

  it('refuses the same transactionId with a different body (ErrorDuplicateTransactionId)', async () => {
    const different = { ...body, subject: 'OPTIE een andere workshop' };
    const response = await graph(sandbox, token, 'POST', `/users/${sanne.upn}/events`, different);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'ErrorDuplicateTransactionId',
      message: expect.stringContaining('has already been used to create a different event'),
    });
  });

  it('answers an identical retry 400 ErrorDuplicateTransactionId when set to, creating nothing', async () => {
    const settings = (duplicateTransactionId: string) =>
      fetch(`${sandbox.urls.https}/_sandbox/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
        body: JSON.stringify({ duplicateTransactionId }),
      });
    const first = await client.api(`/users/${sanne.upn}/events`).post(
      holdBody({
        day: '2022-06-22',
        from: '19:30',
        to: '22:30',
        attendees: [fatima.upn],
        transactionId: 'aanmelding-0394-optie-3',
      }),
    );
    const invitationsBefore = listMailbox(sandbox.ctx, fatima.id).length;
    expect((await settings('error')).status).toBe(200);
    try {
      const retry = await graph(
        sandbox,
        token,
        'POST',
        `/users/${sanne.upn}/events`,
        holdBody({
          day: '2022-06-22',
          from: '19:30',
          to: '22:30',
          attendees: [fatima.upn],
          transactionId: 'aanmelding-0394-optie-3',
        }),
      );
      expect(retry.status).toBe(400);
      expect(retry.body.error.code).toBe('ErrorDuplicateTransactionId');
    } finally {
      await settings('returnExisting');
    }
    expect(listMailbox(sandbox.ctx, fatima.id)).toHaveLength(invitationsBefore);
    // The client finds the event it made by its transactionId.
    const found = await client
      .api(`/users/${sanne.upn}/events`)
      .filter(`transactionId eq 'aanmelding-0394-optie-3'`)
      .select('id')
      .get();
    expect(found.value.map((e: { id: string }) => e.id)).toEqual([first.id]);
  });
});

describe('PATCH of the organizer event (confirming a slot)', () => {
  it("updates the attendees' copies, invites the added mayor's office and keeps the answers", async () => {
    const hold = await client
      .api(`/users/${sanne.upn}/events`)
      .post(holdBody({ day: '2022-06-28', from: '19:00', to: '22:00', attendees: [fatima.upn] }));
    const [invitation] = meetingMessages(sandbox, fatima.id, hold.id);
    const copyId = invitation!.message.meeting!.recipientEventIds![fatima.upn]!;
    await client.api(`/users/${fatima.upn}/events/${copyId}/accept`).post({ comment: 'Prima' });

    const confirmed = await client.api(`/users/${sanne.upn}/events/${hold.id}`).patch({
      subject: 'Workshop weerbaarheid gemeente Haarlem',
      showAs: 'busy',
      attendees: [
        { emailAddress: { address: fatima.upn }, type: 'required' },
        { emailAddress: { address: 'burgemeester@zandvoort.nl' }, type: 'required' },
      ],
    });
    expect(confirmed.attendees).toEqual([
      expect.objectContaining({ status: expect.objectContaining({ response: 'accepted' }) }),
      expect.objectContaining({ status: expect.objectContaining({ response: 'none' }) }),
    ]);
    expect(confirmed.changeKey).not.toBe(hold.changeKey);

    const copy = await client.api(`/users/${fatima.upn}/events/${copyId}`).get();
    // Accepted: the copy now shows what the organizer intends (busy), with the new subject.
    expect(copy).toMatchObject({
      subject: 'Workshop weerbaarheid gemeente Haarlem',
      showAs: 'busy',
      responseStatus: { response: 'accepted' },
    });
    expect(meetingMessages(sandbox, fatima.id, hold.id)).toHaveLength(2);
    expect(meetingMessages(sandbox, 'burgemeester@zandvoort.nl', hold.id)).toEqual([
      expect.objectContaining({
        message: expect.objectContaining({
          meeting: expect.objectContaining({ type: 'meetingRequest' }),
        }),
      }),
    ]);
  });

  it('asks attendees again when the meeting moves', async () => {
    const hold = await client
      .api(`/users/${sanne.upn}/events`)
      .post(holdBody({ day: '2022-06-29', from: '19:00', to: '22:00', attendees: [fatima.upn] }));
    const copyId = meetingMessages(sandbox, fatima.id, hold.id)[0]!.message.meeting!
      .recipientEventIds![fatima.upn]!;
    await client.api(`/users/${fatima.upn}/events/${copyId}/accept`).post({});
    const moved = await client.api(`/users/${sanne.upn}/events/${hold.id}`).patch({
      start: { dateTime: '2022-06-30T19:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2022-06-30T22:00:00', timeZone: 'W. Europe Standard Time' },
    });
    expect(moved.attendees[0].status.response).toBe('none');
    const copy = await client.api(`/users/${fatima.upn}/events/${copyId}`).get();
    expect(copy).toMatchObject({
      start: { dateTime: '2022-06-30T17:00:00.0000000' },
      responseStatus: { response: 'none' },
      showAs: 'tentative',
    });
  });
});

describe('DELETE', () => {
  it("removes the organizer's event (404 afterwards) and sends a cancellation", async () => {
    const hold = await client
      .api(`/users/${sanne.upn}/events`)
      .post(holdBody({ day: '2022-07-05', from: '19:30', to: '22:30', attendees: [fatima.upn] }));
    const deleted = await graph(sandbox, token, 'DELETE', `/users/${sanne.upn}/events/${hold.id}`);
    expect(deleted.status).toBe(204);
    const after = await graph(sandbox, token, 'GET', `/users/${sanne.upn}/events/${hold.id}`);
    expect(after.status).toBe(404);
    expect(after.body.error.code).toBe('ErrorItemNotFound');
    const messages = meetingMessages(sandbox, fatima.id, hold.id);
    expect(messages.map((m) => m.message.meeting?.type)).toContain('meetingCancelled');
    const copyId = messages[0]!.message.meeting!.recipientEventIds![fatima.upn]!;
    const copy = await client.api(`/users/${fatima.upn}/events/${copyId}`).get();
    expect(copy.isCancelled).toBe(true);
  });

  it("removes an attendee's copy without telling the organizer", async () => {
    const hold = await client
      .api(`/users/${sanne.upn}/events`)
      .post(holdBody({ day: '2022-07-06', from: '19:30', to: '22:30', attendees: [fatima.upn] }));
    const copyId = meetingMessages(sandbox, fatima.id, hold.id)[0]!.message.meeting!
      .recipientEventIds![fatima.upn]!;
    const deleted = await graph(sandbox, token, 'DELETE', `/users/${fatima.upn}/events/${copyId}`);
    expect(deleted.status).toBe(204);
    expect(meetingMessages(sandbox, sanne.id, hold.id)).toHaveLength(0);
    const organizer = await client.api(`/users/${sanne.upn}/events/${hold.id}`).get();
    expect(organizer.isCancelled).toBe(false);
  });
});

describe('time zones', () => {
  it('reads IANA and Windows names and writes the zone Prefer asks for, echoed as given', async () => {
    const created = await client.api(`/users/${sanne.upn}/events`).post({
      subject: 'Overleg Pacific',
      start: { dateTime: '2022-07-12T09:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2022-07-12T10:00:00', timeZone: 'America/Los_Angeles' },
    });
    expect(created.start).toEqual({ dateTime: '2022-07-12T16:00:00.0000000', timeZone: 'UTC' });
    const amsterdam = await client
      .api(`/users/${sanne.upn}/events/${created.id}`)
      .header('Prefer', 'outlook.timezone="W. Europe Standard Time"')
      .get();
    expect(amsterdam.start).toEqual({
      dateTime: '2022-07-12T18:00:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });
    expect(amsterdam.originalStartTimeZone).toBe('Pacific Standard Time');
  });

  it('refuses a time zone Graph does not know', async () => {
    const response = await graph(sandbox, token, 'POST', `/users/${sanne.upn}/events`, {
      subject: 'x',
      start: { dateTime: '2022-07-12T09:00:00', timeZone: 'Mars/Olympus' },
      end: { dateTime: '2022-07-12T10:00:00', timeZone: 'Mars/Olympus' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('TimeZoneNotSupportedException');
  });

  // resources/datetimetimezone.md: Windows ids plus a listed set of IANA names, which has
  // Europe/Berlin and Europe/Paris but not Europe/Amsterdam.
  it('writes only Windows ids and the documented additional names: not Europe/Amsterdam', async () => {
    const at = (timeZone: string) => ({
      subject: `Zone ${timeZone}`,
      start: { dateTime: '2022-07-13T19:30:00', timeZone },
      end: { dateTime: '2022-07-13T22:30:00', timeZone },
    });
    const amsterdam = await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/events`,
      at('Europe/Amsterdam'),
    );
    expect(amsterdam.status).toBe(400);
    expect(amsterdam.body.error).toMatchObject({
      code: 'TimeZoneNotSupportedException',
      message: expect.stringContaining("'Europe/Amsterdam'"),
    });
    for (const zone of ['W. Europe Standard Time', 'Europe/Berlin', 'Europe/Paris', 'UTC']) {
      const created = await graph(sandbox, token, 'POST', `/users/${sanne.upn}/events`, at(zone));
      expect(created.status).toBe(201);
      expect(created.body.start.dateTime).toBe(
        zone === 'UTC' ? '2022-07-13T19:30:00.0000000' : '2022-07-13T17:30:00.0000000',
      );
    }
    const created = await client.api(`/users/${sanne.upn}/events`).post(at('Europe/Berlin'));
    const moved = await graph(sandbox, token, 'PATCH', `/users/${sanne.upn}/events/${created.id}`, {
      start: at('Europe/Amsterdam').start,
      end: at('Europe/Amsterdam').end,
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.code).toBe('TimeZoneNotSupportedException');
    const schedule = await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/calendar/getSchedule`,
      {
        schedules: [fatima.upn],
        startTime: { dateTime: '2022-07-13T00:00:00', timeZone: 'Europe/Amsterdam' },
        endTime: { dateTime: '2022-07-14T00:00:00', timeZone: 'Europe/Amsterdam' },
      },
    );
    expect(schedule.status).toBe(400);
    expect(schedule.body.error.code).toBe('TimeZoneNotSupportedException');
  });

  it('still answers in an IANA zone that Prefer: outlook.timezone asks for', async () => {
    const created = await client.api(`/users/${sanne.upn}/events`).post({
      subject: 'Prefer IANA',
      start: { dateTime: '2022-07-14T19:30:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2022-07-14T22:30:00', timeZone: 'W. Europe Standard Time' },
    });
    const read = await client
      .api(`/users/${sanne.upn}/events/${created.id}`)
      .header('Prefer', 'outlook.timezone="Europe/Amsterdam"')
      .get();
    expect(read.start).toEqual({
      dateTime: '2022-07-14T19:30:00.0000000',
      timeZone: 'Europe/Amsterdam',
    });
  });
});

describe('GET /users/{id}/events', () => {
  it('pages with $top and @odata.nextLink and honours $select', async () => {
    const first = await client.api(`/users/${fatima.upn}/events`).top(5).select('subject').get();
    expect(first.value).toHaveLength(5);
    expect(Object.keys(first.value[0]).sort()).toEqual(['@odata.etag', 'id', 'subject']);
    const second = await client.api(first['@odata.nextLink']).get();
    expect(second.value).toHaveLength(5);
    const ids = new Set([...first.value, ...second.value].map((e: { id: string }) => e.id));
    expect(ids.size).toBe(10);
  });
});

describe("Graph's error shape, never a 500", () => {
  const path = `/users/${sanne.upn}/events`;

  it('answers malformed JSON with 400 and an error body', async () => {
    const response = await graph(sandbox, token, 'POST', path, '{"subject": "kapot",');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
    });
  });

  it('answers an unknown property with 400 RequestBodyRead (POST and PATCH)', async () => {
    const body = {
      ...holdBody({ day: '2022-07-19', from: '19:00', to: '22:00', attendees: [] }),
      sujet: 'typo',
    };
    const post = await graph(sandbox, token, 'POST', path, body);
    expect(post.status).toBe(400);
    expect(post.body.error.code).toBe('RequestBodyRead');
    expect(post.body.error.message).toContain("'sujet'");

    const created = await client
      .api(path)
      .post(holdBody({ day: '2022-07-19', from: '19:00', to: '22:00', attendees: [] }));
    const patch = await graph(sandbox, token, 'PATCH', `${path}/${created.id}`, {
      attendees: [{ emailAddress: { address: fatima.upn, naam: 'x' } }],
    });
    expect(patch.status).toBe(400);
    expect(patch.body.error.code).toBe('RequestBodyRead');
  });

  it("refuses a delegated caller in somebody else's mailbox and an unknown event", async () => {
    const fatimaToken = await passwordToken(sandbox, fatima.upn, 'Calendars.ReadWrite');
    const other = await graph(sandbox, fatimaToken, 'GET', path);
    expect(other.status).toBe(403);
    const missing = await graph(sandbox, token, 'GET', `${path}/AAMkAGdoesnotexist`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ErrorItemNotFound');
    const unknownUser = await graph(sandbox, token, 'GET', '/users/niemand@riec.nl/events');
    expect(unknownUser.body.error.code).toBe('ErrorInvalidUser');
  });
});

// Issue 15 item 12: what a replay of Graph's documentation examples found the sandbox ignoring.
describe('OData query options as Graph reads them', () => {
  const get = (path: string) => graph(sandbox, token, 'GET', path);

  it('reads option names whatever their case ($Filter, startdatetime)', async () => {
    const created = await client.api(`/users/${sanne.upn}/events`).post({
      subject: 'Hoofdletters',
      start: { dateTime: '2022-07-20T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2022-07-20T11:00:00', timeZone: 'UTC' },
    });
    const view = await get(
      `/users/${sanne.upn}/calendarview?startdatetime=2022-07-20T09:00:00Z&ENDDATETIME=2022-07-20T12:00:00Z&$SELECT=subject`,
    );
    expect(view.status).toBe(200);
    expect(view.body.value).toEqual([
      expect.objectContaining({ id: created.id, subject: 'Hoofdletters' }),
    ]);
    expect(view.body.value[0].start).toBeUndefined();
    const filtered = await get(
      `/users/${sanne.upn}/events?$Filter=subject eq 'Hoofdletters'&$TOP=5`,
    );
    expect(filtered.body.value.map((e: { id: string }) => e.id)).toEqual([created.id]);
    const twice = await get(`/users/${sanne.upn}/events?$top=1&$TOP=2`);
    expect(twice.status).toBe(400);
  });

  it('counts with $count=true and refuses $search instead of ignoring it', async () => {
    const range = 'startDateTime=2022-07-20T00:00:00Z&endDateTime=2022-07-21T00:00:00Z';
    const counted = await get(`/users/${sanne.upn}/calendarView?${range}&$count=true&$top=1`);
    expect(counted.status).toBe(200);
    expect(counted.body['@odata.count']).toBeGreaterThanOrEqual(1);
    expect(counted.body.value).toHaveLength(1);
    const events = await get(`/users/${sanne.upn}/events?$count=true&$top=1`);
    expect(typeof events.body['@odata.count']).toBe('number');
    expect((await get(`/users/${sanne.upn}/events?$count=maybe`)).status).toBe(400);
    for (const path of [
      `/users/${sanne.upn}/events?$search="Hoofdletters"`,
      `/users/${sanne.upn}/calendarView?${range}&$search="x"`,
      `/users/${sanne.upn}/calendarView/delta?${range}&$count=true`,
      `/users/${sanne.upn}?$count=true`,
    ]) {
      const refused = await get(path);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/\$search|\$count/);
    }
  });

  it('returns a selected property the event lacks as null, and refuses one the type lacks', async () => {
    const selected = await get(`/users/${sanne.upn}/events?$top=1&$select=subject,transactionId`);
    expect(selected.status).toBe(200);
    expect(Object.keys(selected.body.value[0]).sort()).toEqual(
      ['@odata.etag', 'id', 'subject', 'transactionId'].sort(),
    );
    const unknown = await get(`/users/${sanne.upn}/events?$select=subject,kleur`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("Could not find a property named 'kleur'");
  });
});

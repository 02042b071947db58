// Answers and cancellations: accept / tentativelyAccept / decline on the attendee's own copy
// update the organizer's attendees[].status (also for a Berenschot trainer answering from the
// other tenant), cancel is for organizers only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { respondToEvent } from '../../src/calendar/responses.js';
import { laterInstant } from '../../src/calendar/store.js';
import { appToken, graph, passwordToken, startTestSandbox } from '../../src/testing.js';
import {
  MAYOR_HAARLEM,
  SEED_DATE,
  dayRange,
  fatima,
  graphClient,
  holdBody,
  jeroen,
  marieke,
  meetingMessages,
  sanne,
} from './calendar-fixtures.js';

let sandbox: Sandbox;
let token: string;
let client: Client;
let fatimaClient: Client;
let mariekeToken: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: SEED_DATE });
  token = await appToken(sandbox);
  client = graphClient(sandbox, token);
  fatimaClient = graphClient(
    sandbox,
    await passwordToken(sandbox, fatima.upn, 'Calendars.ReadWrite'),
  );
  mariekeToken = await passwordToken(sandbox, marieke.upn, 'Calendars.ReadWrite');
}, 60_000);
afterAll(async () => sandbox.close());

/** A hold with the trainers, and the id of each sandbox attendee's copy. */
async function createHold(day: string, attendees: string[] = [fatima.upn, marieke.upn]) {
  const hold = await client
    .api(`/users/${sanne.upn}/events`)
    .post(holdBody({ day, from: '19:30', to: '22:30', attendees }));
  // Every recipient's copy of the request lists the ids of all attendees' own copies.
  const ids = meetingMessages(sandbox, attendees[0]!, hold.id)[0]?.message.meeting
    ?.recipientEventIds;
  return { hold, copyOf: (upn: string) => ids?.[upn] ?? '' };
}

async function organizerStatus(eventId: string, address: string) {
  const event = await client.api(`/users/${sanne.upn}/events/${eventId}`).get();
  return event.attendees.find(
    (a: { emailAddress: { address: string } }) => a.emailAddress.address === address,
  ).status;
}

describe('accept / tentativelyAccept / decline', () => {
  it("accept (202) updates the organizer's attendee status and the trainer's copy", async () => {
    const { hold, copyOf } = await createHold('2022-06-14');
    const response = await graph(
      sandbox,
      token,
      'POST',
      `/users/${fatima.upn}/events/${copyOf(fatima.upn)}/accept`,
      {
        comment: 'Ik kan die avond.',
        sendResponse: true,
      },
    );
    expect(response.status).toBe(202);
    expect(response.body).toBeUndefined();

    const status = await organizerStatus(hold.id, fatima.upn);
    expect(status.response).toBe('accepted');
    expect(Date.parse(status.time)).toBeGreaterThan(Date.parse('2020-01-01'));
    const organizerAfter = await client.api(`/users/${sanne.upn}/events/${hold.id}`).get();
    expect(organizerAfter.changeKey).not.toBe(hold.changeKey);

    const copy = await fatimaClient.api(`/me/events/${copyOf(fatima.upn)}`).get();
    // Accepting a hold keeps it as the organizer intends it: tentative.
    expect(copy).toMatchObject({ responseStatus: { response: 'accepted' }, showAs: 'tentative' });

    const answer = meetingMessages(sandbox, sanne.id, hold.id).find(
      (m) => m.message.meeting?.type === 'meetingAccepted',
    );
    expect(answer?.message).toMatchObject({
      subject: `Accepted: ${hold.subject}`,
      from: { address: fatima.upn },
      body: { content: 'Ik kan die avond.' },
    });
  });

  it('a Berenschot trainer declining from her own tenant updates the RIEC organizer', async () => {
    const { hold, copyOf } = await createHold('2022-06-15');
    const mariekeClient = graphClient(sandbox, mariekeToken);
    await mariekeClient
      .api(`/me/events/${copyOf(marieke.upn)}/decline`)
      .post({ comment: 'Helaas' });

    expect((await organizerStatus(hold.id, marieke.upn)).response).toBe('declined');
    // Declined: out of her calendar view, as Outlook removes a declined meeting …
    const view = await mariekeClient.api(`/me/calendarView?${dayRange('2022-06-15')}`).get();
    expect(view.value.map((e: { iCalUId: string }) => e.iCalUId)).not.toContain(hold.iCalUId);
    // … but still readable by id, marked declined.
    const copy = await mariekeClient.api(`/me/events/${copyOf(marieke.upn)}`).get();
    expect(copy.responseStatus.response).toBe('declined');
  });

  it('tentativelyAccept records tentativelyAccepted', async () => {
    const { hold, copyOf } = await createHold('2022-06-16');
    await fatimaClient.api(`/me/events/${copyOf(fatima.upn)}/tentativelyAccept`).post({});
    expect((await organizerStatus(hold.id, fatima.upn)).response).toBe('tentativelyAccepted');
    const answer = meetingMessages(sandbox, sanne.id, hold.id)[0];
    expect(answer?.message.meeting?.type).toBe('meetingTenativelyAccepted');
  });

  it('with sendResponse false the organizer is not told (no reply, no status change)', async () => {
    const { hold, copyOf } = await createHold('2022-06-17');
    await fatimaClient.api(`/me/events/${copyOf(fatima.upn)}/accept`).post({ sendResponse: false });
    expect((await organizerStatus(hold.id, fatima.upn)).response).toBe('none');
    expect(meetingMessages(sandbox, sanne.id, hold.id)).toHaveLength(0);
    const copy = await fatimaClient.api(`/me/events/${copyOf(fatima.upn)}`).get();
    expect(copy.responseStatus.response).toBe('accepted');
  });

  it('refuses an answer from the organizer and unknown body properties', async () => {
    const { hold } = await createHold('2022-06-20');
    const own = await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/events/${hold.id}/accept`,
      {},
    );
    expect(own.status).toBe(400);
    expect(own.body.error.code).toBe('ErrorInvalidRequest');

    const bad = await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/events/${hold.id}/decline`,
      {
        reden: 'x',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('RequestBodyRead');
  });

  it("reads the action's parameter names case-insensitively, as the metadata spells them", async () => {
    const { hold, copyOf } = await createHold('2022-06-21');
    const response = await graph(
      sandbox,
      token,
      'POST',
      `/users/${fatima.upn}/events/${copyOf(fatima.upn)}/accept`,
      {
        Comment: 'Akkoord',
        SendResponse: true,
      },
    );
    expect(response.status).toBe(202);
    expect((await organizerStatus(hold.id, fatima.upn)).response).toBe('accepted');
  });
});

describe('cancel', () => {
  it('is refused to an attendee (400, organizer only)', async () => {
    const { copyOf } = await createHold('2022-06-22');
    const response = await graph(
      sandbox,
      token,
      'POST',
      `/users/${fatima.upn}/events/${copyOf(fatima.upn)}/cancel`,
      {
        comment: 'Ik zeg af',
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'ErrorInvalidRequest',
      message: 'You need to be an organizer to cancel a meeting.',
    });
  });

  it('by the organizer (202): the event goes away, copies are cancelled, attendees get the comment', async () => {
    const { hold, copyOf } = await createHold('2022-06-23', [
      fatima.upn,
      jeroen.upn,
      MAYOR_HAARLEM,
    ]);
    const response = await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/events/${hold.id}/cancel`,
      {
        comment: 'Gemeente Haarlem koos een andere datum.',
      },
    );
    expect(response.status).toBe(202);

    const gone = await graph(sandbox, token, 'GET', `/users/${sanne.upn}/events/${hold.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('ErrorItemNotFound');
    const view = await client
      .api(`/users/${sanne.upn}/calendarView?${dayRange('2022-06-23')}`)
      .get();
    expect(view.value.map((e: { id: string }) => e.id)).not.toContain(hold.id);

    const copy = await client.api(`/users/${jeroen.upn}/events/${copyOf(jeroen.upn)}`).get();
    // Graph marks the copy cancelled; it does not rename it (Outlook prefixes the message only).
    expect(copy).toMatchObject({ isCancelled: true, subject: hold.subject });

    for (const mailbox of [fatima.id, MAYOR_HAARLEM]) {
      const cancellation = meetingMessages(sandbox, mailbox, hold.id).find(
        (m) => m.message.meeting?.type === 'meetingCancelled',
      );
      expect(cancellation?.message).toMatchObject({
        subject: `Canceled: ${hold.subject}`,
        body: { content: 'Gemeente Haarlem koos een andere datum.' },
      });
    }

    const late = await graph(
      sandbox,
      token,
      'POST',
      `/users/${fatima.upn}/events/${copyOf(fatima.upn)}/accept`,
      {},
    );
    expect(late.status).toBe(400);
  });
});

describe('lastModifiedDateTime', () => {
  it('is later after every change, also for two answers in the same millisecond', async () => {
    const { hold } = await createHold('2022-06-22');
    const read = async () =>
      (await client.api(`/users/${sanne.upn}/events/${hold.id}`).get()) as {
        lastModifiedDateTime: string;
      };
    const before = (await read()).lastModifiedDateTime;
    // Two answers straight after each other, in one tick of the event loop.
    respondToEvent(sandbox.ctx, fatima.upn, hold.id, 'accept');
    const between = (await read()).lastModifiedDateTime;
    respondToEvent(sandbox.ctx, marieke.upn, hold.id, 'tentativelyAccept');
    respondToEvent(sandbox.ctx, fatima.upn, hold.id, 'tentativelyAccept');
    const after = (await read()).lastModifiedDateTime;
    for (const [earlier, later] of [
      [before, between],
      [between, after],
    ] as const) {
      expect(later > earlier || Date.parse(later) > Date.parse(earlier)).toBe(true);
      expect(later).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    }
  });

  it('moves one tick (100 ns) past the previous time when the clock has not moved', () => {
    expect(laterInstant('2026-09-01T07:00:25.3160000Z', '2026-09-01T07:00:25.3160000Z')).toBe(
      '2026-09-01T07:00:25.3160001Z',
    );
    expect(laterInstant('2026-09-01T07:00:25.3160000Z', '2026-09-01T07:00:59.9999999Z')).toBe(
      '2026-09-01T07:01:00.0000000Z',
    );
    expect(laterInstant('2026-09-01T07:00:25.3170000Z', '2026-09-01T07:00:25.3160003Z')).toBe(
      '2026-09-01T07:00:25.3170000Z',
    );
    expect(laterInstant('2026-09-01T07:00:25.3160000Z', undefined)).toBe(
      '2026-09-01T07:00:25.3160000Z',
    );
  });
});

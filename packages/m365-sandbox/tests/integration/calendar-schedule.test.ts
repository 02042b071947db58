// getSchedule as the availability check uses it: Graph's limits (20 schedules, < 62 days,
// interval 5–1440), availabilityView digits from seeded and new items, the other organisation
// invisible until free/busy sharing is turned on, errors per schedule for unknown addresses.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { PEOPLE, appToken, graph, startTestSandbox } from '../../src/testing.js';
import {
  SEED_DATE,
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
const path = `/users/${sanne.upn}/calendar/getSchedule`;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: SEED_DATE });
  token = await appToken(sandbox);
  client = graphClient(sandbox, token);
}, 60_000);
afterAll(async () => sandbox.close());

const utc = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });
const amsterdam = (dateTime: string) => ({ dateTime, timeZone: 'W. Europe Standard Time' });

async function scheduleOf(address: string, start: object, end: object, interval = 30) {
  const result = await client.api(path).post({
    schedules: [address],
    startTime: start,
    endTime: end,
    availabilityViewInterval: interval,
  });
  return result.value[0];
}

describe("Graph's limits", () => {
  const window = { startTime: utc('2022-06-13T00:00:00'), endTime: utc('2022-06-14T00:00:00') };
  const riecAddresses = PEOPLE.filter((p) => p.upn.endsWith('@riec.nl')).map((p) => p.upn);

  it('takes 20 schedules and refuses 21 (400)', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => riecAddresses[i % riecAddresses.length]);
    const ok = await graph(sandbox, token, 'POST', path, { schedules: twenty, ...window });
    expect(ok.status).toBe(200);
    expect(ok.body.value).toHaveLength(20);
    const tooMany = await graph(sandbox, token, 'POST', path, {
      schedules: [...twenty, fatima.upn],
      ...window,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('ErrorInvalidParameters');
  });

  it('refuses a window of 62 days or more and takes 61', async () => {
    const body = (end: string) => ({
      schedules: [fatima.upn],
      startTime: utc('2022-06-01T00:00:00'),
      endTime: utc(end),
    });
    const tooLong = await graph(sandbox, token, 'POST', path, body('2022-08-02T00:00:00'));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('ErrorTimeIntervalTooBig');
    const ok = await graph(sandbox, token, 'POST', path, body('2022-08-01T00:00:00'));
    expect(ok.status).toBe(200);
  });

  it('takes an interval of 5–1440 minutes (also as a string) and refuses 4 and 1441', async () => {
    for (const interval of [4, 1441]) {
      const response = await graph(sandbox, token, 'POST', path, {
        schedules: [fatima.upn],
        startTime: utc('2022-06-01T00:00:00'),
        endTime: utc('2022-06-03T00:00:00'),
        availabilityViewInterval: interval,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('ErrorInvalidMergedFreeBusyInterval');
    }
    const asString = await graph(sandbox, token, 'POST', path, {
      Schedules: [fatima.upn],
      StartTime: utc('2022-06-01T09:00:00'),
      EndTime: utc('2022-06-01T10:00:00'),
      availabilityViewInterval: '15',
    });
    expect(asString.status).toBe(200);
    expect(asString.body.value[0].availabilityView).toHaveLength(4);
  });

  it('refuses an end before the start, malformed JSON and unknown properties (never a 500)', async () => {
    const backwards = await graph(sandbox, token, 'POST', path, {
      schedules: [fatima.upn],
      startTime: utc('2022-06-02T00:00:00'),
      endTime: utc('2022-06-01T00:00:00'),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('ErrorInvalidTimeInterval');
    const malformed = await graph(sandbox, token, 'POST', path, '{"schedules": [');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toEqual(expect.any(String));
    const unknown = await graph(sandbox, token, 'POST', path, {
      ...window,
      schedules: [],
      extra: 1,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('RequestBodyRead');
  });
});

describe('availabilityView', () => {
  it('shows a seeded busy item as 2s between free slots', async () => {
    const week = await client
      .api(
        `/users/${fatima.upn}/calendarView?startDateTime=2022-05-16T00:00:00Z&endDateTime=2022-06-11T00:00:00Z`,
      )
      .top(1000)
      .get();
    type Item = { showAs: string; start: { dateTime: string }; end: { dateTime: string } };
    const ms = (value: { dateTime: string }) => Date.parse(`${value.dateTime.slice(0, 19)}Z`);
    const hour = 3_600_000;
    const isolated = (week.value as Item[]).find(
      (item) =>
        item.showAs === 'busy' &&
        (week.value as Item[]).every(
          (other) =>
            other === item ||
            ms(other.end) <= ms(item.start) - hour ||
            ms(other.start) >= ms(item.end) + hour,
        ),
    );
    expect(isolated).toBeDefined();
    const start = ms(isolated!.start);
    const end = ms(isolated!.end);
    const iso = (at: number) => new Date(at).toISOString().slice(0, 19);
    const schedule = await scheduleOf(fatima.upn, utc(iso(start - hour)), utc(iso(end + hour)));
    expect(schedule.availabilityView).toBe(`00${'2'.repeat((end - start) / 1_800_000)}00`);
    expect(schedule.scheduleItems).toEqual([
      expect.objectContaining({ status: 'busy', isPrivate: false, subject: expect.any(String) }),
    ]);
  });

  it('shows a seeded holiday week as 3 (out of office)', async () => {
    const riecPeople = PEOPLE.filter((p) => p.upn.endsWith('@riec.nl'));
    let holiday: { start: { dateTime: string } } | undefined;
    let who = '';
    for (const person of riecPeople) {
      const found = await client.api(`/users/${person.upn}/events`).filter(`showAs eq 'oof'`).get();
      if (found.value.length > 0) {
        holiday = found.value[0];
        who = person.upn;
        break;
      }
    }
    expect(holiday).toBeDefined();
    // The holiday starts on a Monday 00:00 in Amsterdam: Tuesday is out of office all day.
    const monday = Date.parse(`${holiday!.start.dateTime.slice(0, 19)}Z`);
    const tuesday = new Date(monday + 86_400_000 + 7_200_000).toISOString().slice(0, 10);
    const schedule = await scheduleOf(
      who,
      amsterdam(`${tuesday}T00:00:00`),
      amsterdam(`${tuesday}T23:59:00`),
      60,
    );
    expect(schedule.availabilityView).toBe('3'.repeat(24));
  });

  it('counts a hold as tentative for organizer and trainer, busy once confirmed, free once cancelled', async () => {
    // A Saturday evening: the seed leaves weekends free.
    const hold = await client
      .api(`/users/${sanne.upn}/events`)
      .post(holdBody({ day: '2022-06-18', from: '19:30', to: '22:30', attendees: [jeroen.upn] }));
    const window = [amsterdam('2022-06-18T19:00:00'), amsterdam('2022-06-18T23:00:00')] as const;
    expect((await scheduleOf(sanne.upn, ...window)).availabilityView).toBe('01111110');
    expect((await scheduleOf(jeroen.upn, ...window)).availabilityView).toBe('01111110');

    const copyId = meetingMessages(sandbox, jeroen.id, hold.id)[0]!.message.meeting!
      .recipientEventIds![jeroen.upn]!;
    await client.api(`/users/${jeroen.upn}/events/${copyId}/accept`).post({});
    await client.api(`/users/${sanne.upn}/events/${hold.id}`).patch({ showAs: 'busy' });
    expect((await scheduleOf(jeroen.upn, ...window)).availabilityView).toBe('02222220');

    await client.api(`/users/${sanne.upn}/events/${hold.id}/cancel`).post({ comment: 'Vervalt' });
    expect((await scheduleOf(jeroen.upn, ...window)).availabilityView).toBe('00000000');
    expect((await scheduleOf(sanne.upn, ...window)).availabilityView).toBe('00000000');
  });

  it('writes scheduleItems in the Prefer time zone', async () => {
    await client
      .api(`/users/${sanne.upn}/events`)
      .post(holdBody({ day: '2022-06-19', from: '19:30', to: '22:30', attendees: [] }));
    const result = await client
      .api(path)
      .header('Prefer', 'outlook.timezone="W. Europe Standard Time"')
      .post({
        schedules: [sanne.upn],
        startTime: utc('2022-06-19T00:00:00'),
        endTime: utc('2022-06-20T00:00:00'),
      });
    expect(result.value[0].scheduleItems[0].start).toEqual({
      dateTime: '2022-06-19T19:30:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });
    expect(result.value[0].availabilityView).toHaveLength(48);
  });
});

describe('schedules that cannot be read', () => {
  const window = {
    startTime: amsterdam('2022-06-13T08:00:00'),
    endTime: amsterdam('2022-06-13T18:00:00'),
  };

  it('gives an unknown address an item with an error', async () => {
    const result = await client.api(path).post({ schedules: ['niemand@riec.nl'], ...window });
    expect(result.value).toEqual([
      {
        scheduleId: 'niemand@riec.nl',
        error: { message: expect.any(String), responseCode: 'ErrorMailRecipientNotFound' },
      },
    ]);
  });

  it('hides the Berenschot calendar from the RIEC tenant until free/busy sharing is on', async () => {
    const hidden = await client.api(path).post({ schedules: [marieke.upn, fatima.upn], ...window });
    expect(hidden.value[0]).toEqual({
      scheduleId: marieke.upn,
      error: { message: expect.any(String), responseCode: 'ErrorFreeBusyAccessDenied' },
    });
    expect(hidden.value[1].availabilityView).toMatch(/^[0-4]{20}$/);

    const setting = await fetch(`${sandbox.urls.https}/_sandbox/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
      body: JSON.stringify({ freeBusySharing: true }),
    });
    expect(setting.status).toBe(200);
    try {
      const shared = await client.api(path).post({ schedules: [marieke.upn], ...window });
      expect(shared.value[0].error).toBeUndefined();
      expect(shared.value[0].availabilityView).toMatch(/^[0-4]{20}$/);
      // Another organisation: free/busy only, no subjects or locations.
      for (const item of shared.value[0].scheduleItems) {
        expect(item.subject).toBeUndefined();
        expect(item.location).toBeUndefined();
      }
    } finally {
      await fetch(`${sandbox.urls.https}/_sandbox/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
        body: JSON.stringify({ freeBusySharing: false }),
      });
    }
  });
});

// calendarView (range, order, Prefer time zone across DST, paging) and calendarView/delta
// (full sync in pages, "nothing changed" in one request, an answer and a cancellation seen as
// changes), as the response-sync use case reads them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { appToken, graph, startTestSandbox } from '../../src/testing.js';
import {
  SEED_DATE,
  fatima,
  jeroen,
  graphClient,
  holdBody,
  meetingMessages,
  sanne,
} from './calendar-fixtures.js';

let sandbox: Sandbox;
let token: string;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: SEED_DATE });
  token = await appToken(sandbox);
  client = graphClient(sandbox, token);
}, 60_000);
afterAll(async () => sandbox.close());

describe('calendarView', () => {
  it('requires startDateTime and endDateTime (400 ErrorInvalidParameters)', async () => {
    const response = await graph(
      sandbox,
      token,
      'GET',
      `/users/${sanne.upn}/calendarView?startDateTime=2022-06-01T00:00:00Z`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('ErrorInvalidParameters');
  });

  it('returns the events overlapping the range, ordered by start', async () => {
    const make = (subject: string, from: string, to: string) =>
      client.api(`/users/${sanne.upn}/events`).post({
        subject,
        start: { dateTime: from, timeZone: 'UTC' },
        end: { dateTime: to, timeZone: 'UTC' },
      });
    await make('Z later', '2022-08-06T12:00:00', '2022-08-06T13:00:00');
    await make('A vroeger, loopt door', '2022-08-06T09:30:00', '2022-08-06T10:30:00');
    await make('Eindigt precies bij de start', '2022-08-06T09:00:00', '2022-08-06T10:00:00');
    await make('Na het bereik', '2022-08-06T14:00:00', '2022-08-06T15:00:00');
    const view = await client
      .api(
        `/users/${sanne.upn}/calendarView?startDateTime=2022-08-06T10:00:00Z&endDateTime=2022-08-06T14:00:00Z`,
      )
      .get();
    expect(view.value.map((e: { subject: string }) => e.subject)).toEqual([
      'A vroeger, loopt door',
      'Z later',
    ]);
  });

  it('writes times in the Prefer zone, with the right offset on both sides of a DST change', async () => {
    // 30 October 2022: Amsterdam goes from CEST (UTC+2) to CET (UTC+1).
    for (const day of ['2022-10-29', '2022-10-31']) {
      await client.api(`/users/${sanne.upn}/events`).post({
        subject: `Avond ${day}`,
        start: { dateTime: `${day}T19:30:00`, timeZone: 'W. Europe Standard Time' },
        end: { dateTime: `${day}T22:30:00`, timeZone: 'W. Europe Standard Time' },
      });
    }
    const range = 'startDateTime=2022-10-29T00:00:00Z&endDateTime=2022-11-01T00:00:00Z';
    const utc = await client.api(`/users/${sanne.upn}/calendarView?${range}`).get();
    const local = await client
      .api(`/users/${sanne.upn}/calendarView?${range}`)
      .header('Prefer', 'outlook.timezone="W. Europe Standard Time"')
      .get();
    const starts = (view: { value: { subject: string; start: unknown }[] }) =>
      view.value.filter((e) => e.subject.startsWith('Avond')).map((e) => e.start);
    expect(starts(utc)).toEqual([
      { dateTime: '2022-10-29T17:30:00.0000000', timeZone: 'UTC' },
      { dateTime: '2022-10-31T18:30:00.0000000', timeZone: 'UTC' },
    ]);
    expect(starts(local)).toEqual([
      { dateTime: '2022-10-29T19:30:00.0000000', timeZone: 'W. Europe Standard Time' },
      { dateTime: '2022-10-31T19:30:00.0000000', timeZone: 'W. Europe Standard Time' },
    ]);
  });

  it('pages with $top / @odata.nextLink and applies $select', async () => {
    const range = 'startDateTime=2022-05-16T00:00:00Z&endDateTime=2022-06-16T00:00:00Z';
    const all = await client.api(`/users/${fatima.upn}/calendarView?${range}`).top(1000).get();
    expect(all.value.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let page = await client
      .api(`/users/${fatima.upn}/calendarView?${range}`)
      .select('subject,start')
      .top(20)
      .get();
    expect(Object.keys(page.value[0]).sort()).toEqual(['@odata.etag', 'id', 'start', 'subject']);
    for (;;) {
      seen.push(...page.value.map((e: { id: string }) => e.id));
      if (!page['@odata.nextLink']) break;
      page = await client.api(page['@odata.nextLink']).get();
    }
    expect(seen).toEqual(all.value.map((e: { id: string }) => e.id));
  });
});

describe('calendarView/delta', () => {
  const range = 'startDateTime=2022-09-01T00:00:00Z&endDateTime=2022-10-01T00:00:00Z';
  let deltaLink: string;
  let holdId: string;
  let copyId: string;

  async function requestsSince(seq: number) {
    const log = (await (
      await fetch(`${sandbox.urls.https}/_sandbox/requests?since=${seq}`)
    ).json()) as {
      lastSeq: number;
      entries: { kind: string }[];
    };
    return log.entries.filter((e) => e.kind === 'graph').length;
  }

  it('first sync returns every event in the range, in pages, then a deltaLink', async () => {
    const hold = await client
      .api(`/users/${sanne.upn}/events`)
      .post(holdBody({ day: '2022-09-13', from: '19:30', to: '22:30', attendees: [fatima.upn] }));
    holdId = hold.id;
    copyId = meetingMessages(sandbox, fatima.id, hold.id)[0]!.message.meeting!.recipientEventIds![
      fatima.upn
    ]!;
    const expected = await client.api(`/users/${sanne.upn}/calendarView?${range}`).top(1000).get();
    const ids: string[] = [];
    let pages = 0;
    let page = await client
      .api(`/users/${sanne.upn}/calendarView/delta?${range}`)
      .header('Prefer', 'odata.maxpagesize=10')
      .get();
    for (;;) {
      pages++;
      ids.push(...page.value.map((e: { id: string }) => e.id));
      if (page['@odata.deltaLink']) break;
      expect(page['@odata.nextLink']).toContain('$skiptoken=');
      page = await client
        .api(page['@odata.nextLink'])
        .header('Prefer', 'odata.maxpagesize=10')
        .get();
    }
    deltaLink = page['@odata.deltaLink'];
    expect(pages).toBeGreaterThan(1);
    expect(ids.sort()).toEqual(expected.value.map((e: { id: string }) => e.id).sort());
    expect(ids).toContain(holdId);
  });

  it('answers "nothing changed" with an empty value and a new deltaLink, in one request', async () => {
    const before = (
      (await (await fetch(`${sandbox.urls.https}/_sandbox/requests`)).json()) as { lastSeq: number }
    ).lastSeq;
    const page = await client.api(deltaLink).get();
    expect(page.value).toEqual([]);
    expect(page['@odata.nextLink']).toBeUndefined();
    expect(page['@odata.deltaLink']).toEqual(expect.stringContaining('$deltatoken='));
    expect(await requestsSince(before)).toBe(1);
    deltaLink = page['@odata.deltaLink'];
  });

  it("returns the organizer's event after an attendee's answer", async () => {
    await client.api(`/users/${fatima.upn}/events/${copyId}/accept`).post({});
    const page = await client.api(deltaLink).get();
    expect(page.value).toHaveLength(1);
    expect(page.value[0]).toMatchObject({
      id: holdId,
      attendees: [
        expect.objectContaining({ status: expect.objectContaining({ response: 'accepted' }) }),
      ],
    });
    deltaLink = page['@odata.deltaLink'];
  });

  it('reports a cancelled event as @removed', async () => {
    await client.api(`/users/${sanne.upn}/events/${holdId}/cancel`).post({ comment: 'Vervalt' });
    const page = await client.api(deltaLink).get();
    expect(page.value).toEqual([
      { '@odata.type': '#microsoft.graph.event', id: holdId, '@removed': { reason: 'deleted' } },
    ]);
    const quiet = await client.api(page['@odata.deltaLink']).get();
    expect(quiet.value).toEqual([]);
  });

  it('refuses $select, $filter and $orderby, and a token that is not its own', async () => {
    for (const option of ['$select=subject', "$filter=subject eq 'x'", '$orderby=start/dateTime']) {
      const response = await graph(
        sandbox,
        token,
        'GET',
        `/users/${sanne.upn}/calendarView/delta?${range}&${option}`,
      );
      expect(response.status).toBe(400);
    }
    const forged = await graph(
      sandbox,
      token,
      'GET',
      `/users/${sanne.upn}/calendarView/delta?$deltatoken=bm90LWEtdG9rZW4`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('ErrorInvalidSyncStateData');
  });
});

describe('calendarView/delta paging while the calendar changes (issue 11 item 8)', () => {
  // A mailbox of its own and a window no seed reaches: exactly the events made here.
  const owner = jeroen.upn;
  const range = 'startDateTime=2031-03-01T00:00:00Z&endDateTime=2031-04-01T00:00:00Z';
  const maxPage = { Prefer: 'odata.maxpagesize=100' };
  type Page = { value: { id: string }[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
  const get = async (url: string): Promise<Page> =>
    (await graph(sandbox, token, 'GET', url.replace(/^.*\/v1\.0/, ''), undefined, maxPage)).body;

  async function makeEvents(count: number, day: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const startMs = Date.UTC(2031, 2, day, 8, 0) + i * 60_000;
      const at = (ms: number) => ({
        dateTime: new Date(ms).toISOString().slice(0, 19),
        timeZone: 'UTC',
      });
      const created = await graph(sandbox, token, 'POST', `/users/${owner}/events`, {
        subject: `Wijziging ${day}-${i}`,
        start: at(startMs),
        end: at(startMs + 30 * 60_000),
      });
      ids.push(created.body.id as string);
    }
    return ids;
  }

  const touch = (id: string, subject: string) =>
    graph(sandbox, token, 'PATCH', `/users/${owner}/events/${id}`, { subject });

  it('delivers all 150 changes of a round when one changes again between the pages', async () => {
    const start = await get(`/users/${owner}/calendarView/delta?${range}`);
    expect(start.value).toEqual([]);
    const ids = await makeEvents(150, 3);

    const first = await get(start['@odata.deltaLink']!);
    expect(first.value).toHaveLength(100);
    expect(first['@odata.nextLink']).toBeDefined();
    // An event already delivered on page 1 changes again before page 2 is read.
    const again = first.value[10]!.id;
    expect((await touch(again, 'Nog eens gewijzigd')).status).toBe(200);
    const second = await get(first['@odata.nextLink']!);
    expect(second['@odata.deltaLink']).toBeDefined();

    const delivered = new Set([...first.value, ...second.value].map((e) => e.id));
    expect([...delivered].sort()).toEqual([...ids].sort());
    // The second change is the next round's news.
    const next = await get(second['@odata.deltaLink']!);
    expect(next.value.map((e) => e.id)).toEqual([again]);
  }, 120_000);

  it('delivers every event of the first sync when one is deleted between the pages', async () => {
    const ids = await makeEvents(150, 10);
    const window = 'startDateTime=2031-03-10T00:00:00Z&endDateTime=2031-03-11T00:00:00Z';
    const first = await get(`/users/${owner}/calendarView/delta?${window}`);
    expect(first.value).toHaveLength(100);
    const gone = first.value[5]!.id;
    expect((await graph(sandbox, token, 'DELETE', `/users/${owner}/events/${gone}`)).status).toBe(
      204,
    );
    const second = await get(first['@odata.nextLink']!);
    const delivered = new Set([...first.value, ...second.value].map((e) => e.id));
    expect([...delivered].sort()).toEqual([...ids].sort());
    const next = await get(second['@odata.deltaLink']!);
    expect(next.value).toEqual([
      expect.objectContaining({ id: gone, '@removed': expect.anything() }),
    ]);
  }, 120_000);
});

describe('calendarView/delta tokens expired on request (control API)', () => {
  const range = 'startDateTime=2031-05-01T00:00:00Z&endDateTime=2031-06-01T00:00:00Z';
  const expire = (body: object) =>
    fetch(`${sandbox.urls.https}/_sandbox/calendar/delta-tokens/expire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
      body: JSON.stringify(body),
    });
  const deltaOf = async (upn: string) =>
    (await graph(sandbox, token, 'GET', `/users/${upn}/calendarView/delta?${range}`)).body[
      '@odata.deltaLink'
    ] as string;
  const follow = (link: string) =>
    graph(sandbox, token, 'GET', link.replace(/^.*\/v1\.0/, ''), undefined, {
      Prefer: 'odata.maxpagesize=1',
    });

  it("answers one mailbox's old tokens 410 syncStateNotFound and leaves the others alone", async () => {
    const sanneLink = await deltaOf(sanne.upn);
    const fatimaLink = await deltaOf(fatima.upn);
    expect((await expire({ mailbox: sanne.upn })).status).toBe(200);
    const stale = await follow(sanneLink);
    expect(stale.status).toBe(410);
    expect(stale.body.error).toMatchObject({ code: 'syncStateNotFound' });
    expect((await follow(fatimaLink)).status).toBe(200);
    // A new initial sync gives a token that works again.
    expect((await follow(await deltaOf(sanne.upn))).status).toBe(200);
  });

  it('expires every mailbox, mid-round nextLinks too, and can answer as a synchronization reset', async () => {
    for (const day of ['2031-05-06', '2031-05-07']) {
      await client.api(`/users/${fatima.upn}/events`).post({
        subject: `Reset ${day}`,
        start: { dateTime: `${day}T10:00:00`, timeZone: 'UTC' },
        end: { dateTime: `${day}T11:00:00`, timeZone: 'UTC' },
      });
    }
    const first = await graph(
      sandbox,
      token,
      'GET',
      `/users/${fatima.upn}/calendarView/delta?${range}`,
      undefined,
      { Prefer: 'odata.maxpagesize=1' },
    );
    const nextLink = first.body['@odata.nextLink'] as string;
    expect(nextLink).toContain('$skiptoken=');
    const sanneLink = await deltaOf(sanne.upn);
    expect((await expire({ answer: 'resyncRequired' })).status).toBe(200);
    for (const link of [nextLink, sanneLink]) {
      const stale = await follow(link);
      expect(stale.status).toBe(410);
      expect(stale.body.error.code).toBe('resyncRequired');
    }
    const reset = await follow(nextLink);
    const location = reset.headers.get('location')!;
    expect(location).toContain(
      `/users/${encodeURIComponent(fatima.upn)}/calendarView/delta?startDateTime=2031-05-01`,
    );
    const again = await follow(location);
    expect(again.status).toBe(200);
    expect(again.body.value).toHaveLength(1);
  });

  it('refuses an unknown mailbox and unknown options', async () => {
    expect((await expire({ mailbox: 'niemand@riec.nl' })).status).toBe(404);
    expect((await expire({ answer: 'gone' })).status).toBe(400);
  });
});

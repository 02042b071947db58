// The sign-up lists a page at a time (issue 16, item 4), over real HTTP against the sandbox:
// a cursor round trip gives every sign-up once, also while sign-ups change and arrive between
// pages; an unchanged page answers 304 to If-None-Match; a forged cursor, another query's cursor
// or too large a page is a 400 in Dutch; another RIEC's account holder, a trainer and a partner
// tenant's user see nothing of others. SharePoint is read with $select and indexed filters only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import { accountHolder } from '../../support/planning.js';
import { groupEvenings, register } from '../../support/planner.js';
import { appToken, graph } from '../../support/sandbox.js';
import { expectStatus, FIXED_TODAY, startApiStack, type ApiStack } from './api-harness.js';
import { expectProblem } from './server-harness.js';

const SANNE = 'sanne.devries';
const MOHAMED = 'mohamed.elidrissi';
const TRAINER = 'fatima.amrani';
const PARTNER = 'marieke.vandijk';

let stack: ApiStack;
let nhIds: string[];
let aaIds: string[];

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const sanne = stack.planning.context(accountHolder(SANNE));
  const mohamed = stack.planning.context(accountHolder(MOHAMED));
  const nh = municipalitiesOfRiec('RIEC Noord-Holland').slice(0, 7);
  const aa = municipalitiesOfRiec('RIEC Amsterdam-Amstelland').slice(0, 2);
  nhIds = [];
  aaIds = [];
  // Interleaved, so the two RIECs' ids alternate in the list.
  for (const [i, m] of nh.entries()) {
    nhIds.push((await register(sanne, m.cbsCode, groupEvenings(i, FIXED_TODAY, 3))).signup.id);
    const other = aa[i];
    if (other) {
      aaIds.push(
        (await register(mohamed, other.cbsCode, groupEvenings(i + 7, FIXED_TODAY, 3))).signup.id,
      );
    }
  }
}, 240_000);
afterAll(async () => stack?.close());

interface Row {
  id: string;
  riec: string;
  status: string;
}

/** Follows nextCursor from the first page; `between` runs after each page. */
async function allPages(
  who: string,
  path: string,
  limit: number,
  between: (page: number) => Promise<void> = async () => {},
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = expectStatus(await stack.as(who, url), 200);
    expect(page.body.signups.length).toBeLessThanOrEqual(limit);
    ids.push(...page.body.signups.map((s: Row) => s.id));
    cursor = page.body.nextCursor;
    pages += 1;
    await between(pages);
  } while (cursor !== null && pages < 50);
  return { ids, pages };
}

describe('GET /api/signups/summaries and /api/signups a page at a time', () => {
  it('gives every sign-up of the caller once over the pages, as the full list does', async () => {
    const full = expectStatus(await stack.as(SANNE, '/api/signups'), 200);
    expect(full.body.nextCursor).toBeNull();
    const fullIds = full.body.signups.map((s: Row) => s.id).sort();
    expect(fullIds).toEqual([...nhIds].sort());
    for (const path of ['/api/signups/summaries', '/api/signups']) {
      const { ids, pages } = await allPages(SANNE, path, 3);
      expect(pages).toBe(3);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(fullIds);
    }
    // The summary is a row, not a whole view.
    const first = expectStatus(await stack.as(SANNE, '/api/signups/summaries'), 200);
    expect(first.body.nextCursor).toBeNull();
    expect(Object.keys(first.body.signups[0]).sort()).toEqual(
      [
        'accountHolder',
        'answers',
        'campaignId',
        'confirmedSlot',
        'id',
        'lapsesAt',
        'municipality',
        'needsAction',
        'pair',
        'pendingOperation',
        'registeredAt',
        'riec',
        'status',
      ].sort(),
    );
  }, 120_000);

  it('neither repeats nor skips a sign-up that changes between pages, and shows one that arrives', async () => {
    const sanne = stack.planning.context(accountHolder(SANNE));
    const extra = municipalitiesOfRiec('RIEC Noord-Holland')[8]!;
    let arrived = '';
    const { ids } = await allPages(SANNE, '/api/signups/summaries', 2, async (page) => {
      if (page !== 1) return;
      // A sign-up on the next page changes (cancelled), one on this page too; a new one arrives.
      for (const id of [nhIds[0]!, nhIds[3]!]) {
        expectStatus(
          await stack.as(SANNE, `/api/signups/${id}/cancel`, {
            method: 'POST',
            body: { reason: 'Test: wijziging tussen twee pagina’s' },
          }),
          200,
        );
      }
      arrived = (await register(sanne, extra.cbsCode, groupEvenings(12, FIXED_TODAY, 3))).signup.id;
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...nhIds, arrived].sort());
    nhIds.push(arrived);
  }, 120_000);

  it('keeps the filters over the pages', async () => {
    const { ids } = await allPages(SANNE, '/api/signups/summaries?status=geannuleerd', 1);
    expect([...ids].sort()).toEqual([nhIds[0]!, nhIds[3]!].sort());
  }, 60_000);

  it('pages one edition for the overview, with the answers and what needs action per row', async () => {
    // The overview asks for the edition listMunicipalities names (the current one).
    const overview = expectStatus(await stack.as(SANNE, '/api/municipalities'), 200);
    const campaignId = overview.body.campaignId as string;
    const path = `/api/signups/summaries?campaignId=${encodeURIComponent(campaignId)}`;
    const { ids } = await allPages(SANNE, path, 2);
    expect([...ids].sort()).toEqual([...nhIds].sort());
    const other = expectStatus(
      await stack.as(SANNE, '/api/signups/summaries?campaignId=weerbaarheid-1999'),
      200,
    );
    expect(other.body).toEqual({ signups: [], nextCursor: null });
    // Each row carries what listMunicipalities says of the same sign-up.
    let matched = 0;
    const page = expectStatus(await stack.as(SANNE, `${path}&limit=50`), 200);
    for (const row of page.body.signups as (Row & { answers: unknown; needsAction: unknown })[]) {
      const municipality = (
        overview.body.municipalities as {
          signup: { id: string; answers: unknown; needsAction: unknown } | null;
        }[]
      ).find((m) => m.signup?.id === row.id);
      if (!municipality?.signup) continue;
      matched += 1;
      expect({ answers: row.answers, needsAction: row.needsAction }).toEqual({
        answers: municipality.signup.answers,
        needsAction: municipality.signup.needsAction,
      });
    }
    expect(matched).toBeGreaterThan(0);
    // A cursor of the edition's query is not one of the query over all editions.
    const first = expectStatus(await stack.as(SANNE, `${path}&limit=1`), 200);
    expectProblem(
      await stack.as(SANNE, `/api/signups/summaries?cursor=${first.body.nextCursor}`),
      400,
      'VALIDATION_FAILED',
    );
    // Another RIEC's account holder sees only his own in the same edition.
    const { ids: his } = await allPages(MOHAMED, path, 2);
    expect([...his].sort()).toEqual([...aaIds].sort());
    expectProblem(
      await stack.as(MOHAMED, `/api/signups/summaries?campaignId=${'x'.repeat(51)}`),
      400,
      'VALIDATION_FAILED',
    );
  }, 120_000);

  it('answers 304 to If-None-Match while the page is unchanged, and 200 after a change', async () => {
    const first = expectStatus(await stack.as(SANNE, '/api/signups/summaries?limit=5'), 200);
    const eTag = first.headers.get('etag');
    expect(eTag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await stack.as(SANNE, '/api/signups/summaries?limit=5', {
      headers: { 'if-none-match': eTag! },
    });
    expect([again.status, again.headers.get('etag')]).toEqual([304, eTag]);
    expect(again.text).toBe('');
    const full = expectStatus(await stack.as(SANNE, '/api/signups'), 200);
    const fullAgain = await stack.as(SANNE, '/api/signups', {
      headers: { 'if-none-match': full.headers.get('etag')! },
    });
    expect(fullAgain.status).toBe(304);
    // Another caller's tag is not this page's.
    const other = await stack.as(MOHAMED, '/api/signups/summaries?limit=5', {
      headers: { 'if-none-match': eTag! },
    });
    expect(other.status).toBe(200);
    // A change on the page gives a new tag.
    expectStatus(
      await stack.as(SANNE, `/api/signups/${nhIds[1]}/cancel`, {
        method: 'POST',
        body: { reason: 'Test: de pagina verandert' },
      }),
      200,
    );
    const changed = await stack.as(SANNE, '/api/signups/summaries?limit=5', {
      headers: { 'if-none-match': eTag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(eTag);
  }, 120_000);

  it('refuses a forged cursor, another query’s cursor and too large a page in Dutch, reading nothing', async () => {
    const page = expectStatus(await stack.as(SANNE, '/api/signups/summaries?limit=2'), 200);
    const cursor = page.body.nextCursor as string;
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const forged = Buffer.from(JSON.stringify({ v: 1, a: 0, q: 'x' })).toString('base64url');
    for (const path of [
      `/api/signups/summaries?cursor=${forged}`,
      '/api/signups/summaries?cursor=niet-geldig!',
      `/api/signups/summaries?cursor=${cursor}&status=aangemeld`,
      `/api/signups?cursor=${cursor}`,
      '/api/signups/summaries?limit=500',
      '/api/signups?limit=0',
    ]) {
      const refused = await stack.as(SANNE, path);
      expectProblem(refused, 400, 'VALIDATION_FAILED');
    }
    const dutch = await stack.as(SANNE, `/api/signups/summaries?cursor=${forged}`);
    expect(dutch.body.errors).toEqual([
      expect.objectContaining({
        field: 'cursor',
        message: expect.stringContaining('cursor is ongeldig') as unknown,
      }),
    ]);
    const english = await stack.as(SANNE, `/api/signups/summaries?cursor=${forged}`, {
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.errors[0].message).toContain('cursor is not valid');
    // Refused before any Graph request for the sign-ups.
    const reads = stack.sandbox.ctx.requestLog
      .since(since)
      .filter((entry) => entry.kind === 'graph' && entry.path.includes('Workshopaanmeldingen'));
    expect(reads).toEqual([]);
  }, 60_000);

  it('shows another RIEC’s account holder only his own, and refuses him Noord-Holland', async () => {
    const { ids } = await allPages(MOHAMED, '/api/signups/summaries', 1);
    expect([...ids].sort()).toEqual([...aaIds].sort());
    expectProblem(
      await stack.as(MOHAMED, '/api/signups/summaries?riec=RIEC%20Noord-Holland'),
      403,
      'FORBIDDEN',
    );
    // Sanne's cursor in Mohamed's hands continues only within Mohamed's own sign-ups.
    const sannePage = expectStatus(await stack.as(SANNE, '/api/signups/summaries?limit=1'), 200);
    const borrowed = expectStatus(
      await stack.as(MOHAMED, `/api/signups/summaries?cursor=${sannePage.body.nextCursor}`),
      200,
    );
    for (const row of borrowed.body.signups as Row[]) expect(aaIds).toContain(row.id);
  }, 60_000);

  it('shows a trainer and a partner tenant’s user nothing of sign-ups they do not train', async () => {
    for (const who of [TRAINER, PARTNER]) {
      const result = await stack.as(who, '/api/signups/summaries');
      if (result.status === 200) expect(result.body.signups).toEqual([]);
      else expectProblem(result, 403, 'FORBIDDEN');
      const full = await stack.as(who, '/api/signups?limit=10');
      if (full.status === 200) expect(full.body.signups).toEqual([]);
      else expectProblem(full, 403, 'FORBIDDEN');
    }
  }, 60_000);

  it('reads SharePoint with $select and on indexed columns only; the sandbox refuses others', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    expectStatus(await stack.as(SANNE, '/api/signups/summaries?status=aangemeld&limit=3'), 200);
    const reads = stack.sandbox.ctx.requestLog
      .since(since)
      .filter((entry) => entry.kind === 'graph' && entry.path.includes('Workshopaanmeldingen'));
    expect(reads.length).toBeGreaterThan(0);
    for (const entry of reads) {
      const url = decodeURIComponent(entry.path);
      expect(url).toContain('fields($select=');
      expect(url).toMatch(/\$top=4/);
    }
    // The sandbox, as SharePoint, refuses a $filter on a column without an index.
    const token = await appToken(stack.sandbox);
    const list = '/sites/root/lists/Workshopaanmeldingen/items?expand=fields&$filter=';
    const unindexed = await graph(stack.sandbox, token, 'GET', `${list}fields/ContactNaam eq 'x'`);
    expect(unindexed.status).toBe(400);
    expect(unindexed.body.error.message).toMatch(/not indexed/);
    const indexed = await graph(stack.sandbox, token, 'GET', `${list}fields/ID gt 0`);
    expect(indexed.status).toBe(200);
  }, 60_000);
});

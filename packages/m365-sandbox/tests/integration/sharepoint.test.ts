// SharePoint in the sandbox over real HTTPS, driven by @microsoft/microsoft-graph-client as the
// product drives it (and raw fetch where the error body matters): the two lists the product
// provisions, item writes guarded by If-Match, $filter with and without indexes, paging,
// validation, permissions and persistence.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Client, type GraphError } from '@microsoft/microsoft-graph-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../../src/app.js';
import { readSandboxConfig } from '../../src/config.js';
import { RIEC_ROOT_SITE_ID } from '../../src/sharepoint/index.js';
import { parseFilter } from '../../src/sharepoint/odata-filter.js';
import { SharePointStore } from '../../src/sharepoint/store.js';
import { restrictedToken } from '../contract/restricted-app.js';
import {
  appToken,
  GRAPH_EXPLORER_APP,
  graph,
  passwordToken,
  personByUpn,
  SANDBOX_TOOLS_APP,
  startTestSandbox,
} from '../../src/testing.js';

// Each file starts its own seeded sandbox: more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

let sandbox: Sandbox;
let token: string;
let client: Client;

const STATUSES = [
  'aangemeld',
  'opties_geplaatst',
  'bevestigd',
  'uitgevoerd',
  'geannuleerd',
  'nieuwe_data_nodig',
];
const RIECS = ['RIEC Noord-Holland', 'RIEC Amsterdam-Amstelland', 'RIEC Midden-Nederland'];

/** The sign-up list as `npm run provision` creates it (DESIGN.md, "SharePoint"). */
const AANMELDINGEN = {
  displayName: 'Workshopaanmeldingen',
  description: 'Eén item per aanmelding van een gemeente',
  columns: [
    { name: 'Gemeente', text: {}, required: true },
    {
      name: 'CbsCode',
      displayName: 'CBS-code',
      text: { maxLength: 6 },
      indexed: true,
      enforceUniqueValues: true,
    },
    { name: 'Riec', displayName: 'RIEC', choice: { choices: RIECS }, indexed: true },
    { name: 'Accounthouder', text: {} },
    {
      name: 'Status',
      choice: { choices: STATUSES },
      indexed: true,
      defaultValue: { value: 'aangemeld' },
    },
    { name: 'Voorkeur1', dateTime: { format: 'dateTime' } },
    { name: 'Voorkeur2', dateTime: { format: 'dateTime' } },
    { name: 'Voorkeur3', dateTime: { format: 'dateTime' } },
    { name: 'Deadline', dateTime: { format: 'dateOnly' } },
    { name: 'Deelnemers', number: { decimalPlaces: 'none', minimum: 0 } },
    { name: 'ScanGebruikt', boolean: {} },
    { name: 'Opmerkingen', text: { allowMultipleLines: true } },
  ],
  list: { template: 'genericList' },
};

const LOGBOEK = {
  displayName: 'Workshoplogboek',
  columns: [
    { name: 'AanmeldingId', number: {}, indexed: true },
    { name: 'Wie', text: {} },
    { name: 'Wanneer', dateTime: { format: 'dateTime' }, indexed: true },
    { name: 'Van', text: {} },
    { name: 'Naar', text: {} },
    { name: 'Detail', text: { allowMultipleLines: true } },
  ],
  list: { template: 'genericList' },
};

const ITEMS = '/sites/root/lists/Workshopaanmeldingen/items';
const HONOR = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

function graphClient(accessToken: string): Client {
  return Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => accessToken },
    baseUrl: `${sandbox.urls.https}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set(['localhost']),
  });
}

/** The status code of a failed SDK call. */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    return (error as GraphError).statusCode;
  }
}

let nextCbs = 100;
/** Creates a sign-up with a unique CBS code; returns the created listItem. */
async function createSignup(fields: Record<string, unknown> = {}) {
  return client.api(ITEMS).post({
    fields: {
      Title: 'Aanmelding',
      Gemeente: 'Haarlem',
      CbsCode: `GM${nextCbs++}`,
      Riec: RIECS[0],
      ...fields,
    },
  });
}

async function titlesFor(filter: string, headers: Record<string, string> = {}): Promise<string[]> {
  const page = await client
    .api(ITEMS)
    .headers(headers)
    .filter(filter)
    .expand('fields')
    .top(999)
    .get();
  return (page.value as { fields: { Title: string } }[]).map((item) => item.fields.Title).sort();
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await appToken(sandbox);
  client = graphClient(token);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

describe('provisioning the product’s lists', () => {
  it('creates both lists with typed columns, Title added, indexes as asked', async () => {
    const created = await client.api('/sites/root/lists').post(AANMELDINGEN);
    expect(created).toMatchObject({
      displayName: 'Workshopaanmeldingen',
      list: { template: 'genericList' },
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    await client.api('/sites/root/lists').post(LOGBOEK);

    const columns = await client.api('/sites/root/lists/Workshopaanmeldingen/columns').get();
    const byName = new Map((columns.value as { name: string }[]).map((c) => [c.name, c]));
    expect(byName.get('Title')).toMatchObject({ text: { maxLength: 255 } });
    expect(byName.get('Status')).toMatchObject({ indexed: true, choice: { choices: STATUSES } });
    expect(byName.get('CbsCode')).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
      displayName: 'CBS-code',
    });
    expect(byName.get('Deadline')).toMatchObject({ dateTime: { format: 'dateOnly' } });
    expect(byName.get('Opmerkingen')).toMatchObject({
      indexed: false,
      text: { allowMultipleLines: true },
    });

    const lists = await client.api('/sites/root/lists').get();
    expect((lists.value as { displayName: string }[]).map((l) => l.displayName).sort()).toEqual([
      'Workshopaanmeldingen',
      'Workshoplogboek',
    ]);
  });

  it('refuses a second list with the same name (409 nameAlreadyExists), so provisioning can detect it', async () => {
    const again = await graph(sandbox, token, 'POST', '/sites/root/lists', {
      ...LOGBOEK,
      displayName: 'workshoplogboek',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
    const lists = await client
      .api('/sites/root/lists')
      .filter("displayName eq 'Workshoplogboek'")
      .get();
    expect(lists.value).toHaveLength(1);
  });

  it('adds a column to an existing list once; the second time is 409', async () => {
    const path = '/sites/root/lists/Workshoplogboek/columns';
    const added = await client
      .api(path)
      .post({ name: 'Reden', text: { allowMultipleLines: true } });
    expect(added).toMatchObject({ name: 'Reden', text: { allowMultipleLines: true } });
    const twice = await graph(sandbox, token, 'POST', path, { name: 'Reden', text: {} });
    expect(twice.status).toBe(409);
    const log = await client.api('/sites/root/lists/Workshoplogboek/items').post({
      fields: {
        AanmeldingId: 1,
        Wie: 'Sanne de Vries',
        Wanneer: '2022-05-02T08:00:00Z',
        Naar: 'aangemeld',
        Reden: 'eerste aanmelding',
      },
    });
    expect(log.fields).toMatchObject({
      AanmeldingId: 1,
      Reden: 'eerste aanmelding',
      Wanneer: '2022-05-02T08:00:00Z',
    });
  });

  it('refuses a column with no type facet or with two', async () => {
    const path = '/sites/root/lists/Workshoplogboek/columns';
    const none = await graph(sandbox, token, 'POST', path, { name: 'Leeg' });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/exactly one type facet.*found none/);
    const two = await graph(sandbox, token, 'POST', path, { name: 'Dubbel', text: {}, number: {} });
    expect(two.status).toBe(400);
    expect(two.body.error.message).toMatch(/'text', 'number'/);
  });
});

describe('items', () => {
  it('creates an item with increasing id, eTag, fields and defaults; reads it back', async () => {
    const first = await createSignup({
      Title: 'Haarlem',
      Voorkeur1: '2022-06-14T19:30:00+02:00',
      Deadline: '2022-06-15',
      Deelnemers: '25',
    });
    const second = await createSignup({ Title: 'Zandvoort', Gemeente: 'Zandvoort' });
    expect(Number(second.id)).toBe(Number(first.id) + 1);
    expect(first.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(first['@odata.etag']).toBe(first.eTag);
    expect(first.contentType).toEqual({ id: expect.stringMatching(/^0x0100/), name: 'Item' });
    expect(first.createdBy.application.displayName).toBe(SANDBOX_TOOLS_APP.displayName);
    expect(first.fields).toMatchObject({
      Title: 'Haarlem',
      Status: 'aangemeld',
      Voorkeur1: '2022-06-14T17:30:00Z',
      Deadline: '2022-06-15T00:00:00Z',
      Deelnemers: 25,
      _UIVersionString: '1.0',
      LinkTitle: 'Haarlem',
    });
    const read = await client
      .api(`${ITEMS}/${first.id as string}`)
      .expand('fields(select=Title,Status)')
      .get();
    expect(read.fields).toEqual({
      '@odata.etag': first.eTag,
      Title: 'Haarlem',
      Status: 'aangemeld',
    });
    const fields = await client.api(`${ITEMS}/${first.id as string}/fields`).get();
    expect(fields.Gemeente).toBe('Haarlem');
  });

  it('PATCH …/fields with the current eTag writes and bumps the version; a stale eTag is 412 and writes nothing', async () => {
    const item = await createSignup({ Title: 'Bloemendaal' });
    const path = `${ITEMS}/${item.id as string}/fields`;
    const patched = await client
      .api(path)
      .header('If-Match', item.eTag)
      .patch({ Status: 'opties_geplaatst' });
    expect(patched).toMatchObject({ Status: 'opties_geplaatst', _UIVersionString: '2.0' });
    expect(patched['@odata.etag']).not.toBe(item.eTag);

    const stale = await graph(
      sandbox,
      token,
      'PATCH',
      path,
      { Status: 'geannuleerd' },
      { 'If-Match': item.eTag },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('preconditionFailed');
    const after = await client.api(path).get();
    expect(after).toMatchObject({ Status: 'opties_geplaatst', _UIVersionString: '2.0' });

    const any = await client
      .api(path)
      .header('If-Match', '*')
      .patch({ Opmerkingen: 'bel de griffie' });
    expect(any._UIVersionString).toBe('3.0');
  });

  it('two concurrent PATCHes with the same eTag: exactly one 200 and one 412', async () => {
    const item = await createSignup({ Title: 'Heemstede' });
    const path = `${ITEMS}/${item.id as string}/fields`;
    const attempts = ['bevestigd', 'geannuleerd'].map((status) =>
      graph(sandbox, token, 'PATCH', path, { Status: status }, { 'If-Match': item.eTag }),
    );
    const results = await Promise.all(attempts);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const stored = await client.api(path).get();
    expect(stored.Status).toBe(winner.body.Status);
    expect(stored._UIVersionString).toBe('2.0');
  });

  it('DELETE answers 204 (a stale If-Match first 412); the item is gone and its id not reused', async () => {
    const item = await createSignup({ Title: 'Weg' });
    const path = `${ITEMS}/${item.id as string}`;
    await client.api(`${path}/fields`).patch({ Opmerkingen: 'nieuwe versie' });
    expect(
      (await graph(sandbox, token, 'DELETE', path, undefined, { 'If-Match': item.eTag })).status,
    ).toBe(412);
    expect((await graph(sandbox, token, 'DELETE', path)).status).toBe(204);
    const gone = await graph(sandbox, token, 'GET', path);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('itemNotFound');
    const next = await createSignup({ Title: 'Nieuw' });
    expect(Number(next.id)).toBe(Number(item.id) + 1);
  });
  it('a list read follows every write, and a refused write leaves it as it was (the sandbox keeps parsed lists)', async () => {
    const item = await createSignup({ Title: 'Cache-Uitgeest' });
    const code = item.fields.CbsCode as string;
    const listed = async () => {
      const page = await client
        .api(ITEMS)
        .filter(`fields/CbsCode eq '${code}'`)
        .expand('fields')
        .get();
      return (page.value as { fields: { Status: string } }[]).map((i) => i.fields.Status);
    };
    expect(await listed()).toEqual(['aangemeld']);
    await client.api(`${ITEMS}/${item.id as string}/fields`).patch({ Status: 'bevestigd' });
    expect(await listed()).toEqual(['bevestigd']);
    // A duplicate unique value is refused inside the write's transaction: nothing changes.
    const duplicate = await graph(sandbox, token, 'POST', ITEMS, {
      fields: { Title: 'Dubbel', Gemeente: 'Uitgeest', CbsCode: code, Riec: RIECS[0] },
    });
    expect(duplicate.status).toBe(400);
    expect(await listed()).toEqual(['bevestigd']);
    expect((await graph(sandbox, token, 'DELETE', `${ITEMS}/${item.id as string}`)).status).toBe(
      204,
    );
    expect(await listed()).toEqual([]);
  });
});

describe('$filter', () => {
  beforeAll(async () => {
    await createSignup({
      Title: 'F-Alkmaar',
      Riec: RIECS[0],
      Status: 'bevestigd',
      Deelnemers: 30,
      Voorkeur1: '2022-06-20T17:00:00Z',
    });
    await createSignup({
      Title: 'F-Amstelveen',
      Riec: RIECS[1],
      Status: 'aangemeld',
      Deelnemers: 12,
      Voorkeur1: '2022-06-10T17:00:00Z',
    });
    await createSignup({
      Title: 'F-Hilversum',
      Riec: RIECS[2],
      Status: 'geannuleerd',
      Deelnemers: 8,
    });
  });

  it('filters on indexed columns with eq, ne, and, or and parentheses', async () => {
    expect(
      await titlesFor("fields/Status eq 'bevestigd' and startswith(fields/CbsCode,'GM')"),
    ).toContain('F-Alkmaar');
    expect(await titlesFor(`fields/Riec eq '${RIECS[1]}'`)).toEqual(['F-Amstelveen']);
    const notNh = await titlesFor(
      `fields/Riec ne '${RIECS[0]}' and fields/Status ne 'geannuleerd'`,
    );
    expect(notNh).toEqual(['F-Amstelveen']);
    const either = await titlesFor(
      `(fields/Riec eq '${RIECS[1]}' or fields/Riec eq '${RIECS[2]}') and (fields/Status eq 'aangemeld' or fields/Status eq 'geannuleerd')`,
    );
    expect(either).toEqual(['F-Amstelveen', 'F-Hilversum']);
  });

  it('refuses a non-indexed column with Graph’s message unless Prefer: HonorNonIndexedQueries… is sent', async () => {
    const refused = await graph(
      sandbox,
      token,
      'GET',
      `${ITEMS}?expand=fields&$filter=fields/Deelnemers gt 10`,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'invalidRequest',
      message:
        "Field 'Deelnemers' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    });
    expect(
      await titlesFor("fields/Deelnemers gt 10 and startswith(fields/Title,'F-')", HONOR),
    ).toEqual(['F-Alkmaar', 'F-Amstelveen']);
    expect(await titlesFor("fields/Voorkeur1 ge '2022-06-15T00:00:00Z'", HONOR)).toEqual([
      'F-Alkmaar',
    ]);
    expect(await titlesFor("startswith(fields/Title,'f-h')", HONOR)).toEqual(['F-Hilversum']);
    expect(await statusOf(client.api(ITEMS).filter("startswith(fields/Title,'F')").get())).toBe(
      400,
    );
  });

  it('answers 400, not 500, for a malformed filter or an unknown field', async () => {
    const malformed = await graph(sandbox, token, 'GET', `${ITEMS}?$filter=fields/Status eq`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/Invalid filter clause/);
    const unknown = await graph(sandbox, token, 'GET', `${ITEMS}?$filter=fields/Kleur eq 'rood'`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Field 'Kleur' is not recognized");
  });

  it('sorts with $orderby on an indexed column', async () => {
    const page = await client
      .api(ITEMS)
      .filter("startswith(fields/Title,'F-')")
      .headers(HONOR)
      .orderby('fields/Riec desc')
      .expand('fields')
      .get();
    expect((page.value as { fields: { Riec: string } }[]).map((i) => i.fields.Riec)).toEqual([
      RIECS[0],
      RIECS[2],
      RIECS[1],
    ]);
  });
});

describe('the $filter parser', () => {
  it('binds and tighter than or, flips literal-first comparisons and reads OData literals', () => {
    expect(parseFilter("fields/A eq 'x' or fields/B eq 'it''s' and 5 lt fields/C")).toEqual({
      kind: 'or',
      left: {
        kind: 'compare',
        op: 'eq',
        property: ['fields', 'A'],
        value: { type: 'string', value: 'x' },
      },
      right: {
        kind: 'and',
        left: {
          kind: 'compare',
          op: 'eq',
          property: ['fields', 'B'],
          value: { type: 'string', value: "it's" },
        },
        right: {
          kind: 'compare',
          op: 'gt',
          property: ['fields', 'C'],
          value: { type: 'number', value: 5 },
        },
      },
    });
    expect(parseFilter('not (fields/D ge 2022-06-14T19:30:00Z)')).toEqual({
      kind: 'not',
      operand: {
        kind: 'compare',
        op: 'ge',
        property: ['fields', 'D'],
        value: { type: 'dateTime', value: '2022-06-14T19:30:00Z' },
      },
    });
  });

  it('reports syntax errors with their position', () => {
    expect(() => parseFilter("fields/A eq 'open")).toThrow(
      /unterminated string literal at position 12/,
    );
    expect(() => parseFilter('(fields/A eq 1')).toThrow(/expected '\)'/);
    expect(() => parseFilter('fields/A eq fields/B')).toThrow(/one property and one literal/);
    expect(() => parseFilter("substringof('x',fields/A)")).toThrow(/not supported/);
  });
});

describe('paging', () => {
  it('pages with $top and @odata.nextLink ($skiptoken) through every item exactly once', async () => {
    const all = await client.api(ITEMS).top(999).get();
    const expected = (all.value as { id: string }[]).map((i) => i.id);
    expect(expected.length).toBeGreaterThan(7);
    const seen: string[] = [];
    let page = await client.api(ITEMS).top(3).expand('fields(select=Title)').get();
    for (;;) {
      expect((page.value as unknown[]).length).toBeLessThanOrEqual(3);
      seen.push(...(page.value as { id: string }[]).map((i) => i.id));
      if (!page['@odata.nextLink']) break;
      expect(page['@odata.nextLink']).toContain('skiptoken');
      page = await client.api(page['@odata.nextLink'] as string).get();
    }
    expect(seen).toEqual(expected);
  });

  it('uses pages of 200 by default', async () => {
    const logbook = '/sites/root/lists/Workshoplogboek/items';
    for (let i = 0; i < 201; i++) {
      await client.api(logbook).post({ fields: { AanmeldingId: 100 + i, Naar: 'aangemeld' } });
    }
    const first = await client.api(logbook).get();
    expect(first.value).toHaveLength(200);
    const second = await client.api(first['@odata.nextLink'] as string).get();
    expect(second.value).toHaveLength(2);
    expect(second['@odata.nextLink']).toBeUndefined();
  }, 30_000);
});

describe('validation', () => {
  async function expectRejected(fields: Record<string, unknown>, message: RegExp | string) {
    const before = (await client.api(ITEMS).top(999).get()).value.length as number;
    const response = await graph(sandbox, token, 'POST', ITEMS, { fields });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalidRequest');
    expect(response.body.error.message).toMatch(message);
    expect((await client.api(ITEMS).top(999).get()).value).toHaveLength(before);
  }
  const valid = () => ({ Gemeente: 'Uithoorn', CbsCode: `GM${nextCbs++}`, Riec: RIECS[1] });

  it('refuses values that do not fit the column, naming the field', async () => {
    await expectRejected({ ...valid(), Deelnemers: 'veel' }, /'Deelnemers'/);
    await expectRejected({ ...valid(), Deelnemers: -1 }, /'Deelnemers'.*minimum/);
    await expectRejected({ ...valid(), Voorkeur1: 'dinsdagavond' }, /'Voorkeur1'/);
    await expectRejected({ ...valid(), ScanGebruikt: 'ja' }, /'ScanGebruikt'/);
    await expectRejected(
      { ...valid(), Status: 'misschien' },
      /'misschien' is not one of the choices/,
    );
    await expectRejected({ ...valid(), CbsCode: 'GM12345' }, /at most 6/);
  });

  it('refuses unknown and read-only fields, a missing required field and a duplicate unique value', async () => {
    await expectRejected({ ...valid(), Kleur: 'rood' }, "Field 'Kleur' is not recognized");
    await expectRejected({ ...valid(), status: 'aangemeld' }, "Field 'status' is not recognized");
    await expectRejected({ ...valid(), Created: '2022-01-01T00:00:00Z' }, /'Created' is read-only/);
    await expectRejected({ CbsCode: `GM${nextCbs++}` }, /'Gemeente' is required/);
    const taken = await createSignup();
    await expectRejected(
      { ...valid(), CbsCode: taken.fields.CbsCode as string },
      /duplicate values.*\[CbsCode\]/,
    );
  });

  it('answers malformed JSON and a non-object body with Graph’s error shape, never 500', async () => {
    const malformed = await graph(sandbox, token, 'POST', ITEMS, '{"fields": {');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({
      code: 'BadRequest',
      innerError: { 'request-id': expect.any(String) },
    });
    const array = await graph(sandbox, token, 'PATCH', `${ITEMS}/1/fields`, '[1,2]');
    expect(array.status).toBe(400);
    const unknownProperty = await graph(sandbox, token, 'POST', ITEMS, { velden: {} });
    expect(unknownProperty.status).toBe(400);
    expect(unknownProperty.body.error.code).toBe('RequestBodyRead');
  });
});

describe('permissions', () => {
  it('refuses tokens without a Sites permission (delegated and app-only) with 403 accessDenied', async () => {
    const delegated = await restrictedToken(sandbox, personByUpn('sanne.devries').upn);
    const appOnly = await restrictedToken(sandbox);
    for (const restricted of [delegated, appOnly]) {
      const denied = await graph(sandbox, restricted, 'GET', '/sites/root');
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('accessDenied');
      expect(
        (await graph(sandbox, restricted, 'POST', ITEMS, { fields: { Gemeente: 'X' } })).status,
      ).toBe(403);
    }
  });

  it('lets a delegated Sites.ReadWrite.All user who is a site member write items but not create lists', async () => {
    const sanne = personByUpn('sanne.devries');
    new SharePointStore(sandbox.ctx.db).setUserRole(RIEC_ROOT_SITE_ID, sanne.id, 'write');
    const user = graphClient(
      await passwordToken(sandbox, sanne.upn, 'Sites.ReadWrite.All', GRAPH_EXPLORER_APP),
    );
    const item = await user
      .api(ITEMS)
      .post({ fields: { Gemeente: 'Velsen', CbsCode: `GM${nextCbs++}` } });
    expect(item.createdBy.user).toEqual({
      id: sanne.id,
      displayName: 'Sanne de Vries',
      email: sanne.upn,
    });
    expect(item.fields.AuthorLookupId).toMatch(/^\d+$/);
    expect(item.fields.AuthorLookupId).not.toBe('1073741822');
    expect(await statusOf(user.api('/sites/root/lists').post({ displayName: 'Eigen lijst' }))).toBe(
      403,
    );
  });
});

describe('sites', () => {
  it('serves the RIEC root site by root, id, hostname and hostname:/path; unknown ids are 404', async () => {
    const root = await client.api('/sites/root').get();
    expect(root).toMatchObject({
      displayName: 'RIEC intranet (sandbox)',
      siteCollection: { hostname: 'riec.sharepoint.com' },
    });
    expect(root.id).toMatch(/^riec\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    for (const ref of [root.id as string, 'riec.sharepoint.com', 'riec.sharepoint.com:/']) {
      expect((await client.api(`/sites/${ref}`).get()).id).toBe(root.id);
    }
    const missing = await graph(sandbox, token, 'GET', '/sites/contoso.sharepoint.com,1,2/lists');
    expect(missing.status).toBe(404);
    expect(
      (await graph(sandbox, token, 'GET', '/sites/root/lists/Bestaatniet')).body.error.code,
    ).toBe('itemNotFound');
  });
});

describe('persistence', () => {
  it('keeps lists and items in SQLite across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-sp-'));
    const base = readSandboxConfig({});
    const config = {
      ...base,
      httpsPort: 0,
      dataDir,
      caDir: resolve(process.env.SANDBOX_DATA_DIR ?? '.data/sandbox', 'ca'),
    };
    try {
      const first = await startSandbox(config);
      const firstToken = await appToken(first);
      await graph(first, firstToken, 'POST', '/sites/root/lists', LOGBOEK);
      await graph(first, firstToken, 'POST', '/sites/root/lists/Workshoplogboek/items', {
        fields: { Wie: 'blijft' },
      });
      await first.close();
      const second = await startSandbox(config);
      try {
        const items = await graph(
          second,
          await appToken(second),
          'GET',
          '/sites/root/lists/Workshoplogboek/items?expand=fields',
        );
        expect(items.body.value.map((i: { fields: { Wie: string } }) => i.fields.Wie)).toEqual([
          'blijft',
        ]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

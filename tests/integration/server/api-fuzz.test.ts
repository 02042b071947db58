// Property-based fuzzing of every operation in the OpenAPI document, over real HTTP with a real
// token: arbitrary JSON, wrong types, huge strings, unicode, missing and extra fields, weird ids
// and query strings. Whatever comes in, the answer is 2xx or a 4xx application/problem+json —
// never a 5xx — and a 4xx writes nothing to Microsoft 365 (no POST/PATCH/PUT/DELETE reaches
// Graph, and the lists keep their item counts). The operations come from the document itself, so
// a new route without a fuzz spec here fails the first test.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { eveningSlots, FIXED_TODAY } from '../../support/planning.js';
import { appToken, graph } from '../../support/sandbox.js';
import { expectStatus, graphWritesSince, startApiStack, type ApiStack } from './api-harness.js';
import { call } from './server-harness.js';

jest.setTimeout(300_000);

const RUNS = 100;

interface FuzzRequest {
  readonly path: string;
  readonly body?: unknown;
}

let stack: ApiStack;
let signupId: string;
let operations: { operationId: string; method: string; path: string }[];

// --- building blocks -------------------------------------------------------------------------

const huge = fc.constantFrom('x'.repeat(70_000), 'é'.repeat(40_000), '🙂'.repeat(20_000));
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }), // any code point, lone surrogates included
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '<script>', "'; DROP TABLE", '../..', '%00', 'null'),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
  { arbitrary: text, weight: 3 },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  { arbitrary: huge, weight: 1 },
);

const MISSING = Symbol('missing');

/**
 * An object whose known fields are mostly valid — so that many requests get past validation into
 * the use cases — and otherwise of another type or missing, sometimes with extra keys.
 */
function mutated(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const each = Object.fromEntries(
    Object.entries(fields).map(([key, valid]) => [
      key,
      fc.oneof(
        { arbitrary: valid, weight: 12 },
        { arbitrary: anyValue, weight: 1 },
        { arbitrary: fc.constant(MISSING), weight: 1 },
      ),
    ]),
  );
  const extra = fc.oneof(
    { arbitrary: fc.constant({}), weight: 5 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 2 }), weight: 1 },
  );
  return fc.tuple(fc.record(each), extra).map(([known, more]) => ({
    ...more,
    ...Object.fromEntries(Object.entries(known).filter(([, value]) => value !== MISSING)),
  }));
}

function body(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: mutated(fields), weight: 4 }, anyValue);
}

const ids = () =>
  fc.oneof(
    { arbitrary: fc.constant(signupId), weight: 3 },
    fc.nat().map(String),
    fc.constantFrom('0', '-1', '1e3', '00001', '99999999999999999999', '1.5', ' 1', '0x1F'),
    text.filter((value) => value.length > 0),
  );

const query = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom('status', 'riec', '$filter', 'signupId', 'cursor', 'limit'),
      fc.string({ maxLength: 8 }),
    ),
    fc.oneof(
      text,
      fc.array(fc.oneof(text, fc.constantFrom('aangemeld', 'bevestigd'))),
      fc.constantFrom('aangemeld,bevestigd', 'RIEC Noord-Holland', 'RIEC Amsterdam-Amstelland'),
    ),
    { maxKeys: 3 },
  )
  .map((params) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      for (const item of [value].flat()) search.append(key, item.replaceAll('\u0000', ''));
    }
    const qs = search.toString();
    return qs ? `?${qs}` : '';
  });

const slot = () => fc.constantFrom(...eveningSlots(FIXED_TODAY));
const slotsBody = fc.oneof(
  { arbitrary: fc.constant(eveningSlots(FIXED_TODAY)), weight: 4 },
  fc.array(fc.oneof(slot(), mutated({ start: text, end: text })), { maxLength: 5 }),
  anyValue,
);
const email = fc.constantFrom(
  'marieke.vandijk@berenschot.nl',
  'fatima.amrani@riec.nl',
  'thomas.kok@berenschot.nl',
  'onbekend@example.nl',
);
const path = (template: (id: string) => string) =>
  ids().map((id) => template(encodeURIComponent(id)));

const assignmentsBody = body({
  assignments: fc.array(
    mutated({
      signupId: ids(),
      slotIndex: fc.integer({ min: -1, max: 3 }),
      berenschot: email,
      riec: email,
    }),
    { maxLength: 3 },
  ),
});

const campaignIds = fc.oneof(
  fc.constantFrom('weerbaarheid-2022', 'weerbaarheid-demo', 'WEERBAARHEID-2022', '../x', ''),
  text,
);
const exportFormats = fc.constantFrom('', '?format=xlsx', '?format=csv', '?format=pdf', '?format=');
const campaignBody = body({
  version: fc.oneof(text, fc.constantFrom('"stale,1"')),
  id: campaignIds,
  settings: mutated({
    title: text,
    signupDeadline: fc.oneof(text, fc.constantFrom('2026-09-29', '2022-06-15', '2026-13-01')),
    window: mutated({ start: text, end: text }),
    maxDurationMinutes: fc.integer({ min: -1, max: 1000 }),
    holdLapseDays: fc.integer({ min: -1, max: 100 }),
    reminderDays: fc.array(fc.integer({ min: -5, max: 100 }), { maxLength: 4 }),
  }),
});

const attendeeSourceBody = body({
  source: fc.oneof(
    mutated({
      kind: fc.constant('text'),
      text: fc.oneof(text, fc.constant('Naam\tFractie\nAnna\tPartij A')),
    }),
    mutated({
      kind: fc.constant('file'),
      fileName: text,
      contentBase64: fc.oneof(text, fc.constantFrom('UEsDBA==', '%%%', 'JVBERi0=')),
    }),
  ),
});

const reminderBody = body({
  template: fc.oneof(text, fc.constant('Aanmelden kan tot en met {deadline}.')),
  recipients: fc.array(
    mutated({
      cbsCode: fc.constantFrom('GM0361', 'GM0392', 'GM0363', 'gm0361', 'GM9999'),
      address: fc.oneof(text, fc.constantFrom('griffie@alkmaar.nl', 'geen adres')),
    }),
    { maxLength: 3 },
  ),
});

/** The operations of the API issue; every one must be in the document. */
const REQUIRED_OPERATIONS = [
  'getHealth',
  'getMe',
  'getCampaign',
  'listMunicipalities',
  'listSignups',
  'getSignup',
  'getSignupLog',
  'registerSignup',
  'getAvailability',
  'proposeHolds',
  'syncAnswers',
  'confirmSlot',
  'cancelSignup',
  'extractSlots',
];

// --- one spec per operation --------------------------------------------------------------------

const SPECS: Record<string, () => fc.Arbitrary<FuzzRequest>> = {
  getHealth: () => query.map((q) => ({ path: `/api/health${q}` })),
  getWebConfig: () => query.map((q) => ({ path: `/api/web-config${q}` })),
  getMe: () => query.map((q) => ({ path: `/api/me${q}` })),
  getCampaign: () => query.map((q) => ({ path: `/api/campaign${q}` })),
  listMunicipalities: () => query.map((q) => ({ path: `/api/municipalities${q}` })),
  getDashboard: () => query.map((q) => ({ path: `/api/dashboard${q}` })),
  listSignups: () => query.map((q) => ({ path: `/api/signups${q}` })),
  listSignupSummaries: () => query.map((q) => ({ path: `/api/signups/summaries${q}` })),
  getSignup: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}`),
        query,
      )
      .map(([p, q]) => ({ path: `${p}${q}` })),
  getSignupLog: () => path((id) => `/api/signups/${id}/log`).map((p) => ({ path: p })),
  // The editions: read by everyone, written by the coordinator only (the fuzzer is an account
  // holder: every write is refused, whatever the body).
  listCampaigns: () => query.map((q) => ({ path: `/api/campaigns${q}` })),
  getCampaignEdition: () =>
    campaignIds.map((id) => ({ path: `/api/campaigns/${encodeURIComponent(id)}` })),
  createCampaign: () => campaignBody.map((b) => ({ path: '/api/campaigns', body: b })),
  updateCampaign: () =>
    fc
      .tuple(campaignIds, campaignBody)
      .map(([id, b]) => ({ path: `/api/campaigns/${encodeURIComponent(id)}`, body: b })),
  exportCampaignStatus: () =>
    fc
      .tuple(campaignIds, exportFormats)
      .map(([id, f]) => ({ path: `/api/campaigns/${encodeURIComponent(id)}/export/status${f}` })),
  exportCampaignLog: () =>
    fc
      .tuple(campaignIds, exportFormats)
      .map(([id, f]) => ({ path: `/api/campaigns/${encodeURIComponent(id)}/export/log${f}` })),
  // Reminders (issue 13, item 3): bad input, another RIEC's municipality or one that signed up
  // is refused with nothing sent; a valid selection sends (2xx), at most once a day.
  listReminders: () =>
    campaignIds.map((id) => ({ path: `/api/campaigns/${encodeURIComponent(id)}/reminders` })),
  previewReminders: () =>
    fc.tuple(campaignIds, reminderBody).map(([id, b]) => ({
      path: `/api/campaigns/${encodeURIComponent(id)}/reminders/preview`,
      body: b,
    })),
  sendReminders: () =>
    fc.tuple(campaignIds, reminderBody).map(([id, b]) => ({
      path: `/api/campaigns/${encodeURIComponent(id)}/reminders`,
      body: b,
    })),
  // A trainer's own availability: the account holder is no trainer (403), whatever the body.
  getMyAvailability: () => query.map((q) => ({ path: `/api/me/availability${q}` })),
  saveMyAvailability: () =>
    body({
      weekly: fc.array(
        mutated({
          weekday: fc.integer({ min: -1, max: 8 }),
          dayPart: fc.constantFrom('ochtend', 'middag', 'avond', 'nacht'),
          canWork: fc.oneof(fc.boolean(), text),
        }),
        { maxLength: 3 },
      ),
      dates: fc.array(
        mutated({
          date: fc.oneof(text, fc.constantFrom('2026-09-22', '2026-02-30')),
          canWork: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
    }).map((b) => ({ path: '/api/me/availability', body: b })),
  listLog: () =>
    fc
      .tuple(
        fc.constantFrom('', '?gemeente=GM0392', '?gemeente=gm0392', '?gemeente=GM', '?pagina=0'),
        fc.constantFrom('', '&pagina=2', '&pagina=999999', '&pagina=-1', '&pagina=1e3'),
      )
      .map(([a, b]) => ({ path: `/api/log${a}${a === '' ? b.replace('&', '?') : b}` })),
  registerSignup: () =>
    body({
      cbsCode: fc.constantFrom('GM0392', 'GM0453', 'GM0363', 'gm0392', 'GM9999'),
      contact: mutated({ name: fc.constantFrom('Kabinet'), email: fc.constantFrom('a@b.nl') }),
      preferences: slotsBody,
      scanStatus: fc.constantFrom('gedaan', 'gepland', 'nee', 'onbekend'),
      remarks: text,
      lateOverride: fc.oneof(
        { arbitrary: fc.constant(MISSING), weight: 3 },
        mutated({ reason: text }),
      ),
    }).map((b) => ({ path: '/api/signups', body: b })),
  getAvailability: () =>
    body({ slots: slotsBody, cbsCode: fc.constantFrom('GM0392', 'GM0363', 'GM0000') }).map((b) => ({
      path: '/api/availability',
      body: b,
    })),
  proposeHolds: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/propose`),
        body({ berenschot: email, riec: email }),
      )
      .map(([p, b]) => ({ path: p, body: b })),
  syncAnswers: () =>
    fc
      .tuple(query, fc.option(anyValue, { nil: undefined }))
      .map(([q, b]) => ({ path: `/api/sync${q}`, body: b })),
  confirmSlot: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/confirm`),
        body({
          slotIndex: fc.integer({ min: -1, max: 3 }),
          override: fc.oneof(fc.constant(MISSING), mutated({ reason: text })),
        }),
      )
      .map(([p, b]) => ({ path: p, body: b })),
  cancelSignup: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/cancel`),
        // Mostly invalid: a valid reason cancels the seeded sign-up (a 200, allowed) and then
        // the other commands only meet a cancelled sign-up.
        body({ reason: fc.constantFrom('', '   ', 42, null) }),
      )
      .map(([p, b]) => ({ path: p, body: b })),
  previewAttendees: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/attendees/preview`),
        attendeeSourceBody,
      )
      .map(([p, b]) => ({ path: p, body: b })),
  saveAttendees: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/attendees`),
        attendeeSourceBody,
      )
      .map(([p, b]) => ({ path: p, body: b })),
  getWorkshopSheet: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/attendees`),
        query,
      )
      .map(([p, q]) => ({ path: p + q })),
  getGroupsWorkbook: () =>
    path((id) => `/api/signups/${id}/groups/workbook`).map((p) => ({ path: p })),
  getAttendeeTemplate: () =>
    fc
      .oneof(fc.constantFrom('?lang=nl', '?lang=en', '?lang=de', ''), query)
      .map((q) => ({ path: `/api/attendees/template${q}` })),
  makeGroups: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/groups`),
        body({
          groups: fc.oneof(
            mutated({ count: fc.integer({ min: -1, max: 50 }) }),
            mutated({
              sizeMin: fc.integer({ min: 0, max: 9 }),
              sizeMax: fc.integer({ min: 0, max: 9 }),
            }),
          ),
          seed: fc.integer(),
          outside: fc.array(text, { maxLength: 3 }),
          apart: fc.array(fc.tuple(text, text), { maxLength: 2 }),
        }),
      )
      .map(([p, b]) => ({ path: p, body: b })),
  saveGroups: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/groups`),
        body({
          groups: fc.array(fc.array(fc.constantFrom('p1', 'p2', 'p3', 'x'), { maxLength: 3 }), {
            maxLength: 3,
          }),
          outside: fc.array(text, { maxLength: 2 }),
        }),
      )
      .map(([p, b]) => ({ path: p, body: b })),
  // Edits and new dates with a version that never matches (stale: 409, nothing written) or
  // input the rules refuse; a valid one would change the seeded sign-up under the others.
  updateSignup: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}`),
        body({
          eTag: fc.oneof(text, fc.constantFrom('"stale,1"')),
          contact: mutated({ name: fc.constantFrom('Kabinet', ''), email: email }),
          scanStatus: fc.constantFrom('gedaan', 'nee', 'misschien'),
          remarks: text,
          preferences: slotsBody,
        }),
      )
      .map(([p, b]) => ({ path: p, body: b })),
  updateSignupDates: () =>
    fc
      .tuple(
        path((id) => `/api/signups/${id}/new-dates`),
        body({
          eTag: fc.oneof(text, fc.constantFrom('"stale,1"')),
          preferences: slotsBody,
          reason: text,
        }),
      )
      .map(([p, b]) => ({ path: p, body: b })),
  checkSignup: () =>
    body({
      signupId: fc.oneof(fc.constant(MISSING), ids()),
      cbsCode: fc.constantFrom('GM0392', 'GM0363', 'GM9999', MISSING),
      contact: mutated({ name: fc.constantFrom('Kabinet'), email: email }),
      preferences: slotsBody,
      scanStatus: fc.constantFrom('gedaan', 'onbekend', 'x'),
      remarks: text,
    }).map((b) => ({ path: '/api/signups/check', body: b })),
  planCampaign: () =>
    body({
      riec: fc.constantFrom(
        'RIEC Noord-Holland',
        'RIEC Amsterdam-Amstelland',
        'RIEC Elders',
        MISSING,
      ),
      keep: fc.oneof(
        fc.constant(MISSING),
        fc.array(mutated({ signupId: ids(), slotIndex: fc.integer({ min: -1, max: 3 }) }), {
          maxLength: 2,
        }),
      ),
      leaveOut: fc.oneof(fc.constant(MISSING), fc.array(ids(), { maxLength: 2 })),
    }).map((b) => ({ path: '/api/planning/plan', body: b })),
  applyPlan: () => assignmentsBody.map((b) => ({ path: '/api/planning/apply', body: b })),
  getApplyProgress: () =>
    assignmentsBody.map((b) => ({ path: '/api/planning/apply/progress', body: b })),
  extractSlots: () =>
    body({
      subject: text,
      from: fc.constantFrom('Griffie <griffie@haarlem.nl>', 'x@y', '<>'),
      text: fc.oneof(text, fc.constantFrom('dinsdag 14 juni van 19.30 tot 22.30 uur')),
      html: fc.oneof(text, fc.constantFrom('<p>do 23-6 &#39;s avonds</p>', '<b><i>')),
      receivedAt: fc.oneof(
        fc.constantFrom('2022-05-10', '2022-05-10T09:00:00+02:00', '2022-13-45', ''),
        text,
      ),
    }).map((b) => ({ path: '/api/extract-slots', body: b })),
};

async function countItems(list: string): Promise<number> {
  const token = await appToken(stack.sandbox);
  const page = await graph(stack.sandbox, token, 'GET', `/sites/root/lists/${list}/items?$top=999`);
  return (page.body.value as unknown[]).length;
}

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const registered = expectStatus(
    await stack.as('sanne.devries', '/api/signups', {
      method: 'POST',
      body: {
        cbsCode: 'GM0392',
        contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
        preferences: eveningSlots(FIXED_TODAY),
        scanStatus: 'onbekend',
      },
    }),
    201,
  );
  signupId = registered.body.signup.id;
  const document = (await call(stack.server, '/api/openapi.json')).body as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  operations = Object.entries(document.paths).flatMap(([p, item]) =>
    Object.entries(item).map(([method, op]) => ({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path: p,
    })),
  );
});
afterAll(async () => stack?.close());

describe('fuzzing the API', () => {
  it('has a fuzz spec for every operation in the OpenAPI document', () => {
    const documented = operations.map((op) => op.operationId);
    expect(documented.filter((id) => !(id in SPECS))).toEqual([]);
    expect(REQUIRED_OPERATIONS.filter((id) => !documented.includes(id))).toEqual([]);
  });

  it.each(Object.keys(SPECS))(
    '%s: 2xx or 4xx problem+json, never 5xx; a 4xx writes nothing',
    async (operationId) => {
      const operation = operations.find((op) => op.operationId === operationId);
      if (!operation) {
        // Only an operation another part of the product may not have (yet) can be absent.
        if (REQUIRED_OPERATIONS.includes(operationId)) throw new Error(`${operationId} missing`);
        return;
      }
      const token = await stack.token('sanne.devries');
      const before = {
        signups: await countItems('Workshopaanmeldingen'),
        log: await countItems('Workshoplogboek'),
      };
      let successes = 0;
      await fc.assert(
        fc.asyncProperty(SPECS[operationId]!(), async (request) => {
          const since = stack.sandbox.ctx.requestLog.lastSeq;
          const result = await call(stack.server, request.path, {
            method: operation.method,
            token,
            ...(request.body !== undefined && operation.method !== 'GET'
              ? { body: request.body }
              : {}),
          });
          const summary = `${operation.method} ${request.path.slice(0, 120)} → ${result.status} ${result.text.slice(0, 300)}`;
          if (result.status >= 500) throw new Error(`server error: ${summary}`);
          if (result.status < 400) {
            successes++;
            return;
          }
          if (!result.headers.get('content-type')?.startsWith('application/problem+json')) {
            throw new Error(`not problem+json: ${summary}`);
          }
          if (result.body?.status !== result.status || typeof result.body?.code !== 'string') {
            throw new Error(`malformed problem: ${summary}`);
          }
          const writes = graphWritesSince(stack.sandbox, since);
          if (writes.length > 0) {
            throw new Error(
              `a ${result.status} wrote to Graph: ${writes.map((w) => `${w.method} ${w.path}`).join(', ')} (${summary})`,
            );
          }
        }),
        { numRuns: RUNS },
      );
      if (successes === 0) {
        // Nothing went through, so nothing may have been written at all.
        expect({
          signups: await countItems('Workshopaanmeldingen'),
          log: await countItems('Workshoplogboek'),
        }).toEqual(before);
      }
    },
  );
});

// The campaign-wide log over HTTP (issue 18, items 9 and 12): GET /api/log gives the lines of
// the sign-ups the caller may read, newest first, per municipality and a page at a time; an
// answer comes as a code with parameters. Another RIEC's account holder sees none of the
// other's lines; a trainer and a user of the partner tenant (Berenschot) are refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import type { StoredSignup } from '../../../src/domain/ports.js';
import { accountHolder } from '../../support/planning.js';
import { answer, proposed } from '../../support/planning-scenarios.js';
import { groupEvenings, register } from '../../support/planner.js';
import { expectStatus, FIXED_TODAY, startApiStack, type ApiStack } from './api-harness.js';
import { expectProblem } from './server-harness.js';

const SANNE = 'sanne.devries';
const MOHAMED = 'mohamed.elidrissi';
const PIETER = 'pieter.bakker';
const TRAINER = 'fatima.amrani';
const PARTNER = 'marieke.vandijk';

interface Line {
  at: string;
  signupId: string;
  cbsCode: string;
  municipality: string;
  action: string;
  event: { code: string; params: Record<string, string> } | null;
}

let stack: ApiStack;
let placed: StoredSignup;
let nhCodes: string[];
let aaCode: string;

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const sanne = stack.planning.context(accountHolder(SANNE));
  const nh = municipalitiesOfRiec('RIEC Noord-Holland');
  placed = await proposed(sanne, nh[0]!.cbsCode);
  answer(stack.sandbox, placed, 0, { berenschot: 'decline' });
  await syncAnswers(sanne, sanne.access.email);
  for (const [i, m] of nh.slice(1, 3).entries()) {
    await register(sanne, m.cbsCode, groupEvenings(i, FIXED_TODAY, 3));
  }
  nhCodes = nh.slice(0, 3).map((m) => m.cbsCode);
  const mohamed = stack.planning.context(accountHolder(MOHAMED));
  const aa = municipalitiesOfRiec('RIEC Amsterdam-Amstelland');
  aaCode = aa[0]!.cbsCode;
  await register(mohamed, aaCode, groupEvenings(5, FIXED_TODAY, 3));
}, 180_000);
afterAll(async () => stack?.close());

const lines = (body: { entries: Line[] }) => body.entries;

describe('GET /api/log', () => {
  it('gives an account holder her RIEC’s lines only, newest first, with answers as codes', async () => {
    const result = expectStatus(await stack.as(SANNE, '/api/log'), 200);
    const entries = lines(result.body);
    expect(result.body).toMatchObject({ page: 1, pageSize: 50, total: entries.length });
    expect(new Set(entries.map((e) => e.cbsCode))).toEqual(new Set(nhCodes));
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const decline = entries.find((e) => e.event?.code === 'trainerAnswered');
    expect(decline).toMatchObject({
      signupId: placed.signup.id,
      action: 'recordAnswers',
      event: { params: { role: 'berenschot', answer: 'declined', option: '1' } },
    });
  }, 60_000);

  it('filters by municipality and pages', async () => {
    const one = expectStatus(await stack.as(SANNE, `/api/log?gemeente=${nhCodes[0]}`), 200);
    expect(lines(one.body).every((e) => e.cbsCode === nhCodes[0])).toBe(true);
    expect(one.body.total).toBeGreaterThanOrEqual(3); // registered, options placed, an answer
    const beyond = expectStatus(await stack.as(SANNE, '/api/log?pagina=2'), 200);
    expect(beyond.body).toMatchObject({ page: 2, entries: [] });
    expect((await stack.as(SANNE, '/api/log?pagina=0')).status).toBe(400);
  }, 60_000);

  it('lets the coordinator read every RIEC', async () => {
    const result = expectStatus(await stack.as(PIETER, '/api/log'), 200);
    const codes = new Set(lines(result.body).map((e) => e.cbsCode));
    expect(codes).toEqual(new Set([...nhCodes, aaCode]));
  }, 60_000);

  it('shows another RIEC’s account holder none of the other’s lines', async () => {
    const own = expectStatus(await stack.as(MOHAMED, '/api/log'), 200);
    expect(lines(own.body).map((e) => e.cbsCode)).toEqual(lines(own.body).map(() => aaCode));
    expect(lines(own.body).length).toBeGreaterThan(0);
    const other = expectStatus(await stack.as(MOHAMED, `/api/log?gemeente=${nhCodes[0]}`), 200);
    expect(other.body).toMatchObject({ entries: [], total: 0 });
  }, 60_000);

  it('refuses a trainer and a partner-tenant user', async () => {
    for (const who of [TRAINER, PARTNER]) {
      expectProblem(await stack.as(who, '/api/log'), 403, 'FORBIDDEN');
    }
  }, 60_000);
});

// "Mijn beschikbaarheid" over HTTP (issue 12): a RIEC advisor of the home tenant and a
// Berenschot advisor of the partner tenant state their evenings; only the trainer whose account
// (tid+oid) it is reads or writes it; another trainer, an account holder and a partner-tenant
// user who is no trainer in the pool are refused. The planner then reads it as known instead of
// "unknown" for the Berenschot advisors. Real tokens, real HTTP, the sandbox's lists.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { closePlanSolver } from '../../../src/server/routes/planning/_plan-solver.js';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import { accountHolder } from '../../support/planning.js';
import { groupEvenings, register } from '../../support/planner.js';
import {
  expectStatus,
  FIXED_TODAY,
  graphWritesSince,
  startApiStack,
  type ApiStack,
} from './api-harness.js';
import {
  accountHolderClaims,
  BERENSCHOT_TENANT,
  call,
  expectProblem,
  signWithSandboxKey,
} from './server-harness.js';

const PATH = '/api/me/availability';
const BERENSCHOT = [
  'marieke.vandijk',
  'thomas.kok',
  'ilse.verhoeven',
  'ruben.dekker',
  'noor.willems',
  'bas.vanleeuwen',
];

let stack: ApiStack;
const save = (who: string, body: unknown) => stack.as(who, PATH, { method: 'POST', body });
const inWindow = (days: number) =>
  DateTime.fromJSDate(FIXED_TODAY, { zone: 'Europe/Amsterdam' })
    .plus({ days })
    .toFormat('yyyy-MM-dd');

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
}, 120_000);
afterAll(async () => {
  await closePlanSolver();
  await stack?.close();
});

describe('a trainer states their own availability', () => {
  it('a RIEC advisor (home tenant) reads nothing yet, saves a week and an exception, and reads it back', async () => {
    const empty = expectStatus(await stack.as('fatima.amrani', PATH), 200);
    expect(empty.body).toMatchObject({
      trainer: { email: 'fatima.amrani@riec.nl', role: 'riec' },
      weekly: [],
      dates: [],
      updatedAt: null,
    });
    expect(empty.body.window.start <= empty.body.window.end).toBe(true);
    const body = {
      weekly: [
        { weekday: 4, dayPart: 'avond', canWork: false },
        { weekday: 2, dayPart: 'avond', canWork: true },
      ],
      dates: [{ date: inWindow(10), canWork: false }],
    };
    const saved = expectStatus(await save('fatima.amrani', body), 200);
    // Stored in a stable order: weekday, then day part.
    expect(saved.body.weekly).toEqual([
      { weekday: 2, dayPart: 'avond', canWork: true },
      { weekday: 4, dayPart: 'avond', canWork: false },
    ]);
    expect(saved.body.updatedAt).toEqual(expect.any(String));
    const again = expectStatus(await stack.as('fatima.amrani', PATH), 200);
    expect(again.body.weekly).toEqual(saved.body.weekly);
    expect(again.body.dates).toEqual([{ date: inWindow(10), canWork: false }]);
    // A second save replaces the first (guarded by its version), it adds no second item.
    expectStatus(await save('fatima.amrani', { ...body, dates: [] }), 200);
    expect((await stack.as('fatima.amrani', PATH)).body.dates).toEqual([]);
  }, 120_000);

  it('a Berenschot advisor (partner tenant) does the same, with her own account', async () => {
    const saved = expectStatus(
      await save('marieke.vandijk', {
        weekly: [{ weekday: 3, dayPart: 'avond', canWork: true }],
        dates: [],
      }),
      200,
    );
    expect(saved.body.trainer).toMatchObject({
      email: 'marieke.vandijk@berenschot.nl',
      role: 'berenschot',
    });
  }, 120_000);

  it('refuses a date outside the campaign window at its field, in Dutch, and writes nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = await save('fatima.amrani', {
      weekly: [],
      dates: [{ date: '2001-01-01', canWork: true }],
    });
    expectProblem(result, 422, 'DOMAIN_RULE_VIOLATED');
    expect(JSON.stringify(result.body)).toContain('dates.0.date');
    expect(JSON.stringify(result.body)).toMatch(/valt buiten de periode van de workshop/);
    expectProblem(
      await save('fatima.amrani', {
        weekly: [{ weekday: 8, dayPart: 'avond', canWork: true }],
        dates: [],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  }, 120_000);
});

describe('only the trainer whose account it is', () => {
  it('another trainer sees their own (empty) statement, never Fatima’s', async () => {
    const jeroen = expectStatus(await stack.as('jeroen.visser', PATH), 200);
    expect(jeroen.body).toMatchObject({
      trainer: { email: 'jeroen.visser@riec.nl' },
      weekly: [],
      dates: [],
    });
  }, 120_000);

  it('refuses an account holder, the coordinator and partner-tenant users who are no trainer in the pool, and writes nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const body = { weekly: [{ weekday: 2, dayPart: 'avond', canWork: false }], dates: [] };
    for (const who of ['sanne.devries', 'pieter.bakker']) {
      expectProblem(await stack.as(who, PATH), 403, 'FORBIDDEN');
      expectProblem(await save(who, body), 403, 'FORBIDDEN');
    }
    const partner = {
      ...accountHolderClaims(stack.sandbox),
      tid: BERENSCHOT_TENANT.id,
      iss: `${stack.sandbox.urls.https}/${BERENSCHOT_TENANT.id}/v2.0`,
      oid: '9a9a9a9a-0000-4000-8000-000000000001',
      preferred_username: 'fatima.amrani@riec.nl',
      name: 'Iemand van Berenschot',
    };
    const issuedAt = stack.sandbox.ctx.clock.now();
    // With the trainer role from the partner tenant, but not in the trainer list; the e-mail
    // claim naming Fatima gives nothing.
    const notInPool = await signWithSandboxKey(
      stack.sandbox,
      { ...partner, roles: ['Workshop.Trainer'] },
      {},
      issuedAt,
    );
    expectProblem(await call(stack.server, PATH, { token: notInPool }), 403, 'FORBIDDEN');
    expectProblem(
      await call(stack.server, PATH, { method: 'POST', body, token: notInPool }),
      403,
      'FORBIDDEN',
    );
    // With a planning role the partner tenant cannot grant: no role at all.
    const noRole = await signWithSandboxKey(stack.sandbox, partner, {}, issuedAt);
    expectProblem(
      await call(stack.server, PATH, { method: 'POST', body, token: noRole }),
      403,
      'NO_ROLE',
    );
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    // Fatima's statement is untouched.
    const fatima = expectStatus(await stack.as('fatima.amrani', PATH), 200);
    expect(fatima.body.weekly).toHaveLength(2);
  }, 120_000);
});

describe('the planner reads what the trainers stated', () => {
  it('plans the one Berenschot advisor who can, as known, and none who said they cannot', async () => {
    const sanne = stack.planning.context(accountHolder('sanne.devries'));
    const [haarlem] = municipalitiesOfRiec('RIEC Noord-Holland');
    const evenings = groupEvenings(0, FIXED_TODAY, 3);
    await register(sanne, haarlem!.cbsCode, evenings);

    const before = expectStatus(
      await stack.as('sanne.devries', '/api/planning/plan', { method: 'POST', body: {} }),
      200,
    );
    expect(before.body.rows[0].planned.unknown).toContain('berenschot');

    // Every Berenschot advisor but Ilse cannot work on weekday evenings; Ilse can.
    const weekdays = [1, 2, 3, 4, 5];
    for (const who of BERENSCHOT) {
      const canWork = who === 'ilse.verhoeven';
      expectStatus(
        await save(who, {
          weekly: weekdays.map((weekday) => ({ weekday, dayPart: 'avond', canWork })),
          dates: [],
        }),
        200,
      );
    }
    const after = expectStatus(
      await stack.as('sanne.devries', '/api/planning/plan', { method: 'POST', body: {} }),
      200,
    );
    const [row] = after.body.rows;
    expect(row.planned.berenschot.email).toBe('ilse.verhoeven@berenschot.nl');
    expect(row.planned.unknown).not.toContain('berenschot');
  }, 180_000);
});

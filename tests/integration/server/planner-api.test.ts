// The province planner over HTTP (issue 12, item 3): an account holder plans her RIEC (solved in
// a worker thread), applies the plan and polls its progress; the coordinator plans the province
// read-only. Another RIEC's account holder, a trainer and a user of the partner tenant
// (Berenschot) are refused every new operation. Real tokens, real HTTP, the sandbox's Graph.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closePlanSolver } from '../../../src/server/routes/planning/_plan-solver.js';
import { toSignupId } from '../../../src/domain/ids.js';
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
import { expectProblem } from './server-harness.js';

const SANNE = 'sanne.devries';
const MOHAMED = 'mohamed.elidrissi';
const PIETER = 'pieter.bakker';
const TRAINER = 'fatima.amrani';
const PARTNER = 'marieke.vandijk';

interface Assignment {
  signupId: string;
  slotIndex: number;
  berenschot: string;
  riec: string;
}

let stack: ApiStack;
let assignments: Assignment[];

const post = (who: string, path: string, body: unknown) =>
  stack.as(who, path, { method: 'POST', body });

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const sanne = stack.planning.context(accountHolder(SANNE));
  const nh = municipalitiesOfRiec('RIEC Noord-Holland');
  for (const [i, m] of nh.slice(0, 4).entries()) {
    await register(sanne, m.cbsCode, groupEvenings(i, FIXED_TODAY, 3));
  }
  const mohamed = stack.planning.context(accountHolder(MOHAMED));
  const aa = municipalitiesOfRiec('RIEC Amsterdam-Amstelland');
  await register(mohamed, aa[0]!.cbsCode, groupEvenings(5, FIXED_TODAY, 3));
}, 120_000);
afterAll(async () => {
  await closePlanSolver();
  await stack?.close();
});

describe('POST /api/planning/plan', () => {
  it('plans the account holder’s own RIEC in Dutch and writes nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = expectStatus(await post(SANNE, '/api/planning/plan', {}), 200);
    expect(result.body).toMatchObject({
      kind: 'plan',
      scope: ['RIEC Noord-Holland'],
      status: 'optimal',
      metrics: { planned: 4, unplanned: 0 },
    });
    // Codes and data, not words: the page words them (src/contract/README.md).
    expect(result.body).not.toHaveProperty('summary');
    expect(result.body.rows).toHaveLength(4);
    for (const row of result.body.rows) {
      expect(row).toMatchObject({ next: 'propose', unplanned: null });
      expect(row.planned.berenschot.role).toBe('berenschot');
      expect(row.planned.riec.role).toBe('riec');
    }
    assignments = result.body.assignments;
    expect(assignments).toHaveLength(4);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  }, 120_000);

  it('lets the coordinator plan the whole province, read-only', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = expectStatus(await post(PIETER, '/api/planning/plan', {}), 200);
    expect(result.body.kind).toBe('plan');
    expect(result.body.scope).toHaveLength(3);
    expect(result.body.metrics.planned).toBe(5);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  }, 120_000);

  it('answers a keep that cannot be with a Dutch explanation', async () => {
    const result = expectStatus(
      await post(SANNE, '/api/planning/plan', {
        keep: [{ signupId: assignments[0]!.signupId, slotIndex: 0 }],
      }),
      200,
    );
    expect(result.body).toMatchObject({ kind: 'refused', code: 'INVALID_INPUT' });
    expect(result.body.message).toMatch(/geen opties die u kunt vasthouden/);
  }, 120_000);

  it('refuses another RIEC, its sign-ups, a trainer and a partner-tenant user', async () => {
    expectProblem(
      await post(MOHAMED, '/api/planning/plan', { riec: 'RIEC Noord-Holland' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await post(MOHAMED, '/api/planning/plan', { leaveOut: [assignments[0]!.signupId] }),
      404,
      'NOT_FOUND',
    );
    for (const who of [TRAINER, PARTNER]) {
      const result = await post(who, '/api/planning/plan', {});
      expect(result.status).toBe(403);
    }
  }, 120_000);
});

describe('POST /api/planning/apply and /api/planning/apply/progress', () => {
  it('refuses another RIEC (as not there), the coordinator, a trainer and a partner-tenant user, and writes nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    expectProblem(await post(MOHAMED, '/api/planning/apply', { assignments }), 404, 'NOT_FOUND');
    expectProblem(
      await post(MOHAMED, '/api/planning/apply/progress', { assignments }),
      404,
      'NOT_FOUND',
    );
    for (const who of [PIETER, TRAINER, PARTNER]) {
      expect((await post(who, '/api/planning/apply', { assignments })).status).toBe(403);
    }
    for (const who of [TRAINER, PARTNER]) {
      expect((await post(who, '/api/planning/apply/progress', { assignments })).status).toBe(403);
    }
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  }, 120_000);

  it('places the holds of the plan, reports progress, and is safe to repeat', async () => {
    const before = expectStatus(
      await post(SANNE, '/api/planning/apply/progress', { assignments }),
      200,
    );
    expect(before.body).toMatchObject({ total: 4, done: 0, isFinished: false });

    const applied = expectStatus(await post(SANNE, '/api/planning/apply', { assignments }), 200);
    expect(applied.body).toMatchObject({ total: 4, done: 4, isFinished: true });
    expect(applied.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(
      Array(4).fill('placed'),
    );

    const progress = expectStatus(
      await post(PIETER, '/api/planning/apply/progress', { assignments }),
      200,
    );
    expect(progress.body).toMatchObject({ total: 4, done: 4, isFinished: true });

    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const again = expectStatus(await post(SANNE, '/api/planning/apply', { assignments }), 200);
    expect(again.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(
      Array(4).fill('alreadyPlaced'),
    );
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);

    for (const signupId of assignments.map((a) => a.signupId)) {
      const stored = await stack.planning.m365.statusLog.read(toSignupId(signupId));
      expect(stored?.signup.status).toBe('opties_geplaatst');
    }
  }, 120_000);

  it('refuses an assignment list with a sign-up twice', async () => {
    const result = await post(SANNE, '/api/planning/apply', {
      assignments: [assignments[0], assignments[0]],
    });
    expect(result.status).toBe(400);
  }, 60_000);
});

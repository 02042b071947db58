// The seeded province end to end with the planner (issue 12, item 6): all 44 municipalities
// register (three a week on the same evenings, as the province benchmark has them); each RIEC's
// account holder plans and applies her own RIEC in turn, seeing the holds of the RIECs before
// her as fixed; both trainers accept the planned slot; every planned sign-up is confirmed, with
// no TRAINER_NOT_FREE and no TRAINER_TAKEN.
import { RIEC_TENANT } from '@workshopplanner/m365-sandbox/people';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mintAccess, type AuthorizedRiec } from '../../../src/app/access.js';
import type { CampaignPlan } from '../../../src/app/planner/plan-campaign.js';
import { MUNICIPALITIES, RIECS, type RiecName } from '../../../src/domain/municipalities.js';
import {
  accountHolder,
  FIXED_TODAY,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import {
  acceptPlanned,
  apply,
  confirmPlanned,
  groupEvenings,
  plan,
  register,
} from '../../support/planner.js';
import { graphWritesSince } from '../server/api-harness.js';

const HOLDERS = new Map(
  [
    accountHolder('sanne.devries'),
    accountHolder('mohamed.elidrissi'),
    accountHolder('anouk.jansen'),
  ].map((access) => [access.riecs[0]!, access]),
);
const accountHolderOf = (riec: RiecName) => HOLDERS.get(riec as AuthorizedRiec)!;
const COORDINATOR = mintAccess({
  tenantId: RIEC_TENANT.id,
  userId: 'pieter',
  email: 'pieter.bakker@riec.nl',
  name: 'Pieter Bakker',
  roles: ['coordinator'],
  riecs: [],
});

let h: PlanningHarness;

beforeAll(async () => {
  h = await startPlanningHarness({ today: FIXED_TODAY });
  for (const [i, municipality] of MUNICIPALITIES.entries()) {
    await register(
      h.context(accountHolderOf(municipality.riec)),
      municipality.cbsCode,
      groupEvenings(i, FIXED_TODAY),
    );
  }
}, 180_000);
afterAll(async () => h?.close());

describe('the province, planned RIEC by RIEC', () => {
  it('the coordinator’s read-only plan of the whole province places all 44', async () => {
    const since = h.sandbox.ctx.requestLog.lastSeq;
    const preview = await plan(h.context(COORDINATOR));
    expect(preview.scope).toEqual([...RIECS]);
    expect(preview.plan.status).toBe('optimal');
    expect(preview.plan.metrics.planned).toBe(MUNICIPALITIES.length);
    expect(graphWritesSince(h.sandbox, since)).toEqual([]);
  }, 120_000);

  it('plans, applies and confirms every sign-up without a trainer conflict', async () => {
    const plans: CampaignPlan[] = [];
    for (const riec of RIECS) {
      const ctx = h.context(accountHolderOf(riec));
      const made = await plan(ctx);
      expect(made.scope).toEqual([riec]);
      expect(made.plan.status).toBe('optimal');
      expect(made.rows.every((row) => row.outcome.outcome === 'planned')).toBe(true);
      const progress = await apply(ctx, made);
      expect(progress).toMatchObject({ isFinished: true, done: made.assignments.length });
      expect(progress.rows.every((row) => row.outcome === 'placed')).toBe(true);
      plans.push(made);
    }
    expect(plans.reduce((sum, p) => sum + p.assignments.length, 0)).toBe(MUNICIPALITIES.length);

    // Applying the same plan again places nothing new.
    const first = plans[0]!;
    const again = await apply(h.context(accountHolderOf(first.scope[0]!)), first);
    expect(again.rows.every((row) => row.outcome === 'alreadyPlaced')).toBe(true);

    const failures: { id: string; code: string }[] = [];
    let confirmed = 0;
    for (const made of plans) {
      await acceptPlanned(h.sandbox, h.m365, made);
      const result = await confirmPlanned(h.context(accountHolderOf(made.scope[0]!)), made);
      confirmed += result.confirmed.length;
      failures.push(...result.failed);
    }
    expect(failures).toEqual([]);
    expect(confirmed).toBe(MUNICIPALITIES.length);
  }, 300_000);
});

// Applying a plan is crash-safe and resumable (issue 12, item 3): a process killed between any
// two steps of the batched proposals (the intents, the chained holds, the log lines, the final
// states), and the same plan applied again minutes later, ends where an uninterrupted run ends —
// every sign-up with its three holds with the planned pair, none twice, one log line, nothing
// pending — and the progress a page polls says so.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAppState } from '../../../src/app/app-state.js';
import type { UseCaseContext } from '../../../src/app/context.js';
import { applyPlan, readApplyProgress } from '../../../src/app/planner/apply-plan.js';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import type { PlanStep, StepOutcome, WorkPlan } from '../../../src/domain/ports.js';
import {
  accountHolder,
  FIXED_TODAY,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import { current, eventsFor, logOf } from '../../support/planning-scenarios.js';
import { groupEvenings, plan, register, unwrap } from '../../support/planner.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');
const noordHolland = municipalitiesOfRiec('RIEC Noord-Holland');
let nextMunicipality = 0;

class ProcessKilled extends Error {}

/** Runs the plans of Graph steps as usual, and dies in plan `atCall` after `afterSteps` steps. */
class KillingPlan implements WorkPlan {
  private calls = 0;
  constructor(
    private readonly inner: WorkPlan,
    private readonly atCall: number,
    private readonly afterSteps: number,
  ) {}

  async run(steps: readonly PlanStep[], mode?: 'chain' | 'independent'): Promise<StepOutcome[]> {
    this.calls++;
    if (this.calls !== this.atCall) return this.inner.run(steps, mode);
    if (this.afterSteps > 0) await this.inner.run(steps.slice(0, this.afterSteps), mode);
    throw new ProcessKilled(`killed after step ${this.afterSteps} of plan ${this.atCall}`);
  }
}

function crashAndRestart(
  atCall: number,
  afterSteps: number,
): { crashing: UseCaseContext; restarted: UseCaseContext } {
  return {
    crashing: h.context(sanne, {
      m365: { ...h.m365, plan: new KillingPlan(h.m365.plan, atCall, afterSteps) },
      state: createAppState(),
    }),
    // Minutes later: the cut-off operations are stale, so the new run may take them over.
    restarted: h.context(sanne, {
      now: () => new Date(h.sandbox.ctx.clock.now().getTime() + 3 * 60_000),
      state: createAppState(),
    }),
  };
}

beforeAll(async () => {
  h = await startPlanningHarness({ today: FIXED_TODAY });
}, 120_000);
afterAll(async () => h?.close());

describe('applying a plan, killed between any two steps and applied again', () => {
  // Two sign-ups, one organizer: plan 1 = two intents; plan 2 = one chain of six holds;
  // plan 3 = two log lines; plan 4 = two final states.
  const crashes = [
    ...[0, 1, 2].map((k) => [1, k] as const),
    ...[0, 1, 2, 3, 4, 5, 6].map((k) => [2, k] as const),
    ...[0, 1, 2].map((k) => [3, k] as const),
    ...[0, 1, 2].map((k) => [4, k] as const),
  ];
  it.each(crashes)(
    'plan %i killed after %i steps ends as an uninterrupted run',
    async (atCall, afterSteps) => {
      const municipalities = noordHolland.slice(nextMunicipality, nextMunicipality + 2);
      const first = nextMunicipality;
      nextMunicipality += 2;
      const registered = [];
      for (const [j, m] of municipalities.entries()) {
        registered.push(
          await register(h.context(sanne), m.cbsCode, groupEvenings(first + j, FIXED_TODAY)),
        );
      }
      const ids = registered.map((s) => s.signup.id);
      // The whole plan, as the page applies it: the sign-ups of the earlier cases are in it too
      // (their holds placed already), and the plan may put ours beside their fallbacks.
      const made = await plan(h.context(sanne));
      const { assignments } = made;
      const ours = assignments.filter((a) => ids.includes(a.signupId));
      expect(ours).toHaveLength(2);

      const { crashing, restarted } = crashAndRestart(atCall, afterSteps);
      await expect(applyPlan(crashing, assignments)).rejects.toThrow(ProcessKilled);
      const resumed = unwrap(await applyPlan(restarted, assignments));
      expect(resumed).toMatchObject({ done: assignments.length, isFinished: true });

      const progress = unwrap(await readApplyProgress(h.context(sanne), assignments));
      const outcomes = progress.rows.map((r) => [r.signupId, r.outcome]);
      expect(outcomes).toEqual(assignments.map((a) => [a.signupId, 'placed']));
      for (const a of ours) {
        const after = await current(h.context(sanne), a.signupId);
        expect(after.pending).toBeNull();
        expect(after.signup.status).toBe('opties_geplaatst');
        expect(after.signup.pair?.berenschot.email.toLowerCase()).toBe(a.berenschot);
        expect(after.signup.pair?.riec.email.toLowerCase()).toBe(a.riec);
        const name = registered.find((s) => s.signup.id === a.signupId)!.signup.municipality.name;
        // Exactly this municipality's (eventsFor matches a part of the subject: Haarlem and
        // Haarlemmermeer).
        const events = (await eventsFor(h, sanne.email, name)).filter((e) =>
          e.subject.endsWith(`gemeente ${name}`),
        );
        expect(events).toHaveLength(3);
        expect(events.map((e) => e.id).sort()).toEqual(
          after.signup.options.map((o) => o.eventId).sort(),
        );
        expect((await logOf(h.context(sanne), a.signupId)).map((l) => l.to)).toEqual([
          'aangemeld',
          'opties_geplaatst',
        ]);
      }
    },
    120_000,
  );
});

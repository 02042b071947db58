// Small planner inputs written the way a person checks them by hand: a fixed "today" (Monday
// 30 November 2026, like the sandbox's seed date), evenings in Amsterdam time, a few trainers.
import { DateTime } from 'luxon';
import { createHighsSolver } from '../../../../src/app/planner/highs.js';
import { planGreedy } from '../../../../src/domain/planner/greedy.js';
import { planWithSolver } from '../../../../src/domain/planner/milp.js';
import type {
  Plan,
  PlannedSignup,
  PlannerInput,
  PlannerSignup,
  PlannerTrainer,
  SignupOutcome,
  UnplannedSignup,
} from '../../../../src/domain/planner/types.js';
import type { Slot } from '../../../../src/domain/time.js';

export const NOW = '2026-11-30T09:00:00+01:00';
export const NH = 'RIEC Noord-Holland';
export const AA = 'RIEC Amsterdam-Amstelland';

/** A slot on an Amsterdam date, e.g. slot('2026-12-01') for 19:30–22:30 that evening. */
export function slot(date: string, from = '19:30', hours = 3): Slot {
  const start = DateTime.fromISO(`${date}T${from}`, { zone: 'Europe/Amsterdam' });
  return { start: start.toISO()!, end: start.plus({ hours }).toISO()! };
}

export function berenschot(id: string, name: string): PlannerTrainer {
  return { id, name, role: 'berenschot' };
}

export function riecAdvisor(id: string, name: string, riec = NH): PlannerTrainer {
  return { id, name, role: 'riec', riec };
}

/** A sign-up whose municipality is called like its id: signup('hoorn', …) is Hoorn. */
export function signup(id: string, preferences: readonly Slot[], riec = NH): PlannerSignup {
  return { id, name: id.charAt(0).toUpperCase() + id.slice(1), riec, preferences };
}

export function plannerInput(
  parts: Partial<PlannerInput> & Pick<PlannerInput, 'signups' | 'trainers'>,
): PlannerInput {
  return { now: NOW, freeBusy: {}, ...parts };
}

export const solver = createHighsSolver();

export async function planExactly(input: PlannerInput): Promise<Plan> {
  const outcome = await planWithSolver(input, solver);
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  return outcome.plan;
}

export function planFirstCome(input: PlannerInput): Plan {
  const outcome = planGreedy(input);
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  return outcome.plan;
}

export function outcomeOf(plan: Plan, signupId: string): SignupOutcome {
  const outcome = plan.outcomes.find((o) => o.signupId === signupId);
  if (!outcome) throw new Error(`no outcome for ${signupId}`);
  return outcome;
}

export function planned(plan: Plan, signupId: string): PlannedSignup {
  const outcome = outcomeOf(plan, signupId);
  if (outcome.outcome !== 'planned')
    throw new Error(`${signupId} is not planned: ${outcome.message.en}`);
  return outcome;
}

export function unplanned(plan: Plan, signupId: string): UnplannedSignup {
  const outcome = outcomeOf(plan, signupId);
  if (outcome.outcome !== 'unplanned') throw new Error(`${signupId} is planned`);
  return outcome;
}

/** "a: 2 b1+r1" per planned sign-up, "b: –" per unplanned one: a plan at a glance. */
export function sketch(plan: Plan): string[] {
  return plan.outcomes.map((o) =>
    o.outcome === 'planned'
      ? `${o.signupId}: ${o.rank} ${o.pair.berenschotId}+${o.pair.riecId}`
      : `${o.signupId}: –`,
  );
}

/** Starting a HiGHS runtime and its first solves take a while on a busy 2-core machine. */
export const SOLVER_TIMEOUT = 120_000;

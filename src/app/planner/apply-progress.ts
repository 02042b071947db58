// The progress of applying a plan, as data a page can show and poll: per sign-up where it
// stands, and how many of all are done. It can always be derived from the sign-ups themselves
// (their status, pair and recorded operation), so any server instance answers a poll, also
// after a restart: the server keeps nothing about a run.
import { readCurrentCampaign } from '../campaigns.js';
import type { DomainIssue } from '../../domain/errors.js';
import type { SignupId } from '../../domain/ids.js';
import { hasStarted, isOptionLive } from '../../domain/lifecycle-rules.js';
import type { RiecName } from '../../domain/municipalities.js';
import type { StoredSignup } from '../../domain/ports.js';
import type { Texts } from '../../domain/planner/types.js';
import type { UseCaseContext } from '../context.js';
import type { PlanAssignment } from './plan-campaign.js';

/**
 * - `waiting`: nothing placed yet; `placing`: its operation is recorded, holds on their way;
 * - `placed`: the holds are out with the planned pair (by this run); `alreadyPlaced`: they
 *   were before it; `confirmed`: the planned slot is confirmed;
 * - `needsConfirmation`: not placed, the planned slot meets something the plan did not know
 *   (`issues`): make a new plan;
 * - `changed`: the sign-up is no longer as the plan found it (status, pair, the planned option);
 * - `inProgress`: another operation runs on it (try again after `retryAfterSeconds`);
 * - `failed`: Microsoft 365 failed; what was started is finished later.
 */
export type ApplyOutcome =
  | 'waiting'
  | 'placing'
  | 'placed'
  | 'alreadyPlaced'
  | 'confirmed'
  | 'needsConfirmation'
  | 'changed'
  | 'inProgress'
  | 'failed';

export interface ApplyRow {
  readonly signupId: SignupId;
  readonly municipality: string;
  readonly riec: RiecName;
  readonly slotIndex: number;
  readonly outcome: ApplyOutcome;
  readonly message?: Texts;
  readonly issues?: readonly DomainIssue[];
  readonly retryAfterSeconds?: number;
}

export interface ApplyProgress {
  readonly total: number;
  /** Sign-ups with their holds out with the planned pair (or confirmed). */
  readonly done: number;
  /** Nothing is waiting or being placed any more. */
  readonly isFinished: boolean;
  readonly rows: readonly ApplyRow[];
}

const DONE: ReadonlySet<ApplyOutcome> = new Set(['placed', 'alreadyPlaced', 'confirmed']);

export function progressOf(rows: readonly ApplyRow[]): ApplyProgress {
  return {
    total: rows.length,
    done: rows.filter((row) => DONE.has(row.outcome)).length,
    isFinished: !rows.some((row) => row.outcome === 'waiting' || row.outcome === 'placing'),
    rows: [...rows],
  };
}

export function emptyRow(assignment: PlanAssignment, stored: StoredSignup): ApplyRow {
  return {
    signupId: assignment.signupId,
    municipality: stored.signup.municipality.name,
    riec: stored.signup.riec,
    slotIndex: assignment.slotIndex,
    outcome: 'waiting',
  };
}

function isSamePair(stored: StoredSignup, assignment: PlanAssignment): boolean {
  const pair = stored.signup.pair;
  return (
    pair?.berenschot.email.toLowerCase() === assignment.berenschot.toLowerCase() &&
    pair.riec.email.toLowerCase() === assignment.riec.toLowerCase()
  );
}

/** Where a sign-up stands against its assignment, from what is stored. */
export function classifyStored(
  stored: StoredSignup,
  assignment: PlanAssignment,
  now: Date,
): 'waiting' | 'placing' | 'placed' | 'confirmed' | 'changed' {
  const { signup } = stored;
  // The intent of a proposal is written with the new state: its holds are on their way.
  if (stored.pending?.command === 'propose') {
    return isSamePair(stored, assignment) ? 'placing' : 'changed';
  }
  switch (signup.status) {
    case 'aangemeld': {
      const slot = signup.preferences[assignment.slotIndex];
      return slot && !hasStarted(slot.start, now) ? 'waiting' : 'changed';
    }
    case 'opties_geplaatst': {
      const option = signup.options.find((o) => o.slotIndex === assignment.slotIndex);
      return isSamePair(stored, assignment) && option && isOptionLive(option, signup, now)
        ? 'placed'
        : 'changed';
    }
    case 'bevestigd':
    case 'uitgevoerd':
      return isSamePair(stored, assignment) && signup.confirmedSlotIndex === assignment.slotIndex
        ? 'confirmed'
        : 'changed';
    default:
      return 'changed';
  }
}

/**
 * The campaign's sign-ups in one query: those of the plan by id, and the others that hold
 * trainers with open options (for the overlap check).
 */
export async function readPlanSignups(
  ctx: UseCaseContext,
  assignments: readonly PlanAssignment[],
): Promise<{ byId: ReadonlyMap<string, StoredSignup>; holding: readonly StoredSignup[] }> {
  const campaign = await readCurrentCampaign(ctx);
  const signups = await ctx.m365.statusLog.list({ campaignId: campaign.id });
  const wanted = new Set(assignments.map((a) => String(a.signupId)));
  return {
    byId: new Map(
      signups.filter((s) => wanted.has(String(s.signup.id))).map((s) => [String(s.signup.id), s]),
    ),
    holding: signups.filter((s) => s.signup.status === 'opties_geplaatst'),
  };
}

// Carries out a lifecycle command on a stored sign-up, crash-safe (DESIGN.md principle 5):
//   1. the new state and the operation's remaining effects ("pending") are written first,
//      guarded by the eTag — a concurrent change makes this fail and nothing else happens;
//   2. the calendar effects (holds created, finalized, cancelled), the mail and the log line;
//   3. the final state without "pending", guarded again.
// In the fast path all of it is one chained $batch (two when holds are created, because their
// ids are needed in the final state). When a step fails, or a run was cut off, resumePending
// finishes the operation from what was written in step 1; every step is safe to repeat.
import { transition } from '../domain/lifecycle.js';
import type { Command, Effect } from '../domain/lifecycle-types.js';
import type { EventId } from '../domain/ids.js';
import type {
  Microsoft365,
  PendingOperation,
  PlanStep,
  StepOutcome,
  StoredSignup,
} from '../domain/ports.js';
import type { Signup } from '../domain/signup.js';
import { calendarSteps, closingSteps, isCalendarEffect, logKey } from './effects.js';
import { failWith, succeed, type Outcome } from './outcome.js';

export interface PlanningDeps {
  readonly m365: Microsoft365;
  readonly now: () => Date;
  readonly newId: () => string;
}

/**
 * A pending operation older than this was cut off; younger ones may still be running. The one
 * constant behind both the resume and the Retry-After a caller gets while it runs.
 */
export const PENDING_STALE_MS = 2 * 60 * 1000;

/** Since when the operation has been running: its start, or the run that claimed it last. */
function runningSince(pending: PendingOperation): number {
  return Date.parse(pending.resumedAt ?? pending.startedAt);
}

export function isStale(pending: PendingOperation, now: Date): boolean {
  return now.getTime() - runningSince(pending) >= PENDING_STALE_MS;
}

/** Seconds until a running operation counts as cut off and another run may finish it. */
export function secondsUntilStale(pending: PendingOperation, now: Date): number {
  const ms = runningSince(pending) + PENDING_STALE_MS - now.getTime();
  return Math.max(1, Math.ceil(ms / 1000));
}

function inProgress(pending: PendingOperation, now: Date): Outcome<never> {
  return failWith({
    kind: 'conflict',
    reason: 'operationInProgress',
    retryAfterSeconds: secondsUntilStale(pending, now),
  });
}

export interface ApplyOptions {
  /**
   * Guarded writes that must succeed before the sign-up changes: they run at the head of the
   * same chained batch as the intent, so when one fails (another request changed what it
   * guards) nothing of the command happens — e.g. booking the trainers before a confirmation.
   */
  readonly guards?: readonly PlanStep[];
}

export async function applyCommand(
  deps: PlanningDeps,
  current: StoredSignup,
  command: Command,
  options: ApplyOptions = {},
): Promise<Outcome<StoredSignup>> {
  let stored = current;
  if (stored.pending) {
    if (!isStale(stored.pending, deps.now())) return inProgress(stored.pending, deps.now());
    const resumed = await resumePending(deps, stored);
    if (!resumed.ok) return resumed;
    // The same command again (a retry after a crash or a lost connection): it is done now.
    if (stored.pending.command === command.type) return resumed;
    stored = resumed.value;
  }
  const result = transition(stored.signup, command, deps.now());
  if (!result.ok) return failWith({ kind: 'rejected', issue: result.error });
  if (result.effects.length === 0) return succeed(stored);
  const by = 'by' in command && command.by ? command.by : 'systeem';
  return performEffects(
    deps,
    stored,
    result.state,
    result.effects,
    { command: command.type, by },
    options.guards ?? [],
  );
}

/**
 * The one write path (issue 17, item 2): performs the effects of a transition to `next`, from
 * `stored`, or from nothing when the operation creates the item (registration). Every use case
 * that changes a sign-up comes here, through applyCommand or createWithEffects.
 */
async function performEffects(
  deps: PlanningDeps,
  stored: StoredSignup | null,
  next: Signup,
  effects: readonly Effect[],
  operation: { command: PendingOperation['command']; by: string },
  guards: readonly PlanStep[],
): Promise<Outcome<StoredSignup>> {
  if (stored && effects.every((e) => e.type === 'writeStatus') && guards.length === 0) {
    return writeStateOnly(deps, stored, next);
  }
  const pending: PendingOperation = {
    id: deps.newId(),
    command: operation.command,
    by: operation.by,
    startedAt: deps.now().toISOString(),
    effects: effects.filter((effect) => effect.type !== 'writeStatus'),
  };
  const first = firstBatch(stored, next, pending, guards);
  const all = await deps.m365.plan.run(first.steps);
  const refused = all.slice(0, guards.length).find((outcome) => !outcome.ok);
  if (refused) {
    // The chain stopped before the intent: nothing of the command happened.
    if (refused.ok === false && (refused.status === 412 || refused.status === 409))
      return failWith({ kind: 'conflict', reason: 'guardChanged' });
    return graphFailure(refused, false);
  }
  const outcomes = all.slice(guards.length);
  const written = outcomes[0];
  if (!written?.ok) {
    if (written?.status === 412) return failWith({ kind: 'conflict', reason: 'concurrentChange' });
    return graphFailure(written, false);
  }
  if (!stored && !written.signupId) {
    return failWith({ kind: 'graphFailed', status: 0, code: 'noId', isPending: false });
  }
  const state: Signup = stored ? next : { ...next, id: written.signupId ?? next.id };
  const eTag = written.eTag ?? '';
  const afterIntent: StoredSignup = { signup: { ...state, eTag }, eTag, pending };
  // This run wrote the intent: it owns the operation and finishes it without a claim.
  if (outcomes.some((outcome) => !outcome.ok)) return resumeOwned(deps, afterIntent);
  if (first.isComplete) return succeed(finished(state, outcomes.at(-1)));
  // A new item with calendar effects: resuming runs them and records the hold ids.
  if (!stored && pending.effects.some(isCalendarEffect)) return resumeOwned(deps, afterIntent);

  const withIds = stored
    ? recordHoldIds(state, first.steps.slice(guards.length), outcomes, deps.now())
    : state;
  const closing = await deps.m365.plan.run([
    ...closingSteps(withIds, pending, pending.effects),
    finalWrite(withIds, { eTag }),
  ]);
  if (closing.some((outcome) => !outcome.ok)) return resumeOwned(deps, afterIntent);
  return succeed(finished(withIds, closing.at(-1)));
}

/** Nothing but the state changes (e.g. an answer recorded): one guarded write is enough. */
async function writeStateOnly(
  deps: PlanningDeps,
  stored: StoredSignup,
  next: Signup,
): Promise<Outcome<StoredSignup>> {
  const [written] = await deps.m365.plan.run([
    { kind: 'writeSignup', signup: next, pending: null, guard: { eTag: stored.eTag } },
  ]);
  if (written?.ok) return succeed(finished(next, written));
  if (written?.status === 412) return failWith({ kind: 'conflict', reason: 'concurrentChange' });
  return graphFailure(written, false);
}

/**
 * The first chained $batch: the guards, the intent (the new state with "pending", guarded by the
 * eTag read; or the created item) and the calendar steps. It carries the closing steps and the
 * final write too (`isComplete`) unless they need what the batch answers: the ids of created
 * holds, or the id of a created item (its log line and final write name it).
 */
function firstBatch(
  stored: StoredSignup | null,
  next: Signup,
  pending: PendingOperation,
  guards: readonly PlanStep[],
): { readonly steps: PlanStep[]; readonly isComplete: boolean } {
  if (!stored) {
    return {
      steps: [...guards, { kind: 'createSignup', signup: next, pending }],
      isComplete: false,
    };
  }
  const intent: PlanStep = {
    kind: 'writeSignup',
    signup: next,
    pending,
    guard: { eTag: stored.eTag },
  };
  const head = [...guards, intent, ...calendarSteps(next, pending.effects)];
  if (pending.effects.some((effect) => effect.type === 'createHolds')) {
    return { steps: head, isComplete: false };
  }
  return {
    steps: [
      ...head,
      ...closingSteps(next, pending, pending.effects),
      finalWrite(next, 'afterPreviousWrite'),
    ],
    isComplete: true,
  };
}

function resumeOwned(
  deps: PlanningDeps,
  afterIntent: StoredSignup,
): Promise<Outcome<StoredSignup>> {
  return resumePending(deps, afterIntent, { isOwner: true });
}

/**
 * Creates a sign-up and performs the effects its creation asks for (registration), on the same
 * crash-safe path as a command: the item is created with its intent ("pending"), then the log
 * line (and mail) and the final state; a failure after the create is finished by resumePending.
 * A refused create answers graphFailed with the list's code (DUPLICATE_SIGNUP for a second one).
 */
export function createWithEffects(
  deps: PlanningDeps,
  created: { readonly state: Signup; readonly effects: readonly Effect[] },
  by: string,
): Promise<Outcome<StoredSignup>> {
  return performEffects(
    deps,
    null,
    created.state,
    created.effects,
    { command: 'register', by },
    [],
  );
}

/**
 * Claims a cut-off operation for this run with a guarded write (If-Match) that stamps it as
 * resumed now: of two instances (or two requests) that find the same stale operation, exactly
 * one gets past this point, and only that one performs the steps that cannot be repeated (the
 * notice mail). The loser sees 412 and stops: it reports the operation as running, or as done
 * when the winner already finished it.
 */
async function claimPending(
  deps: PlanningDeps,
  stored: StoredSignup,
  pending: PendingOperation,
): Promise<Outcome<StoredSignup>> {
  const claimed: PendingOperation = { ...pending, resumedAt: deps.now().toISOString() };
  const [written] = await deps.m365.plan.run([
    { kind: 'writeSignup', signup: stored.signup, pending: claimed, guard: { eTag: stored.eTag } },
  ]);
  if (written?.ok) {
    const eTag = written.eTag ?? '';
    return succeed({ signup: { ...stored.signup, eTag }, eTag, pending: claimed });
  }
  if (written?.status !== 412) return graphFailure(written, true);
  const now = await deps.m365.statusLog.read(stored.signup.id);
  if (!now) return failWith({ kind: 'notFound', what: 'signup' });
  if (!now.pending) return succeed(now);
  return inProgress(now.pending, deps.now());
}

/**
 * Finishes an operation that was started and not completed: from the state and effects written
 * in its first step. A run that did not start it claims it first (claimPending). If its log
 * line exists, the chain got past every calendar step (they come before it), so only the final
 * write is left — plus creating the holds again when their ids were not stored yet (the
 * transactionId returns the same events). Otherwise the calendar steps run again (safe to
 * repeat) and then the closing steps. A notice mail may still go out twice if a run was cut off
 * between sending it and logging (they are the same $batch, milliseconds apart) — the one step
 * that cannot be made idempotent; two runs at once never both send it.
 */
export async function resumePending(
  deps: PlanningDeps,
  given: StoredSignup,
  options: { readonly isOwner?: boolean } = {},
): Promise<Outcome<StoredSignup>> {
  if (!given.pending) return succeed(given);
  let stored = given;
  if (!options.isOwner) {
    const claimed = await claimPending(deps, given, given.pending);
    if (!claimed.ok) return claimed;
    // Finished by another run meanwhile: nothing left to do.
    if (!claimed.value.pending) return claimed;
    stored = claimed.value;
  }
  const pending = stored.pending;
  if (!pending) return succeed(stored);
  let state = stored.signup;
  const log = await deps.m365.statusLog.readLog(state.id);
  const isLogged = log.some((entry) => entry.key === logKey(state, pending));
  const createsHolds = pending.effects.some((effect) => effect.type === 'createHolds');
  const isMissingIds = createsHolds && state.options.some((o) => o.hold === 'open' && !o.eventId);
  // Logged: only the hold ids may still be missing (creating again returns the same events).
  const effects = isLogged
    ? pending.effects.filter((effect) => isMissingIds && effect.type === 'createHolds')
    : pending.effects.filter(isCalendarEffect);
  const calendar = calendarSteps(state, effects);
  const outcomes = await deps.m365.plan.run(calendar, 'independent');
  const failed = outcomes.find((outcome) => !outcome.ok);
  if (failed) return graphFailure(failed, true);
  if (isMissingIds) state = recordHoldIds(state, calendar, outcomes, deps.now());
  const closing = isLogged ? [] : closingSteps(state, pending, pending.effects);
  const written = await deps.m365.plan.run([...closing, finalWrite(state, { eTag: stored.eTag })]);
  const last = written.at(-1);
  if (last?.ok) return succeed(finished(state, last));
  if (last?.status === 412) {
    // Someone else finished it meanwhile (a parallel resume): read what is there now.
    const now = await deps.m365.statusLog.read(state.id);
    if (now && !now.pending) return succeed(now);
    if (now?.pending) return inProgress(now.pending, deps.now());
    return failWith({ kind: 'conflict', reason: 'concurrentChange' });
  }
  return graphFailure(
    written.find((outcome) => !outcome.ok),
    true,
  );
}

function finalWrite(signup: Signup, guard: { eTag: string } | 'afterPreviousWrite'): PlanStep {
  return { kind: 'writeSignup', signup, pending: null, guard };
}

/** The sign-up as stored after its final write (also for the batched proposals of applyPlan). */
export function finished(signup: Signup, write: StepOutcome | undefined): StoredSignup {
  const eTag = write?.ok ? (write.eTag ?? '') : '';
  return { signup: { ...signup, eTag }, eTag, pending: null };
}

/** The event ids the createHold steps returned, stored in the options (lifecycle recordHoldIds). */
export function recordHoldIds(
  state: Signup,
  steps: readonly PlanStep[],
  outcomes: readonly StepOutcome[],
  now: Date,
): Signup {
  const eventIds: { slotIndex: number; eventId: EventId }[] = [];
  steps.forEach((step, index) => {
    const outcome = outcomes[index];
    if (step.kind !== 'createHold' || !outcome?.ok || !outcome.eventId) return;
    const option = state.options.find((o) => step.hold.transactionId.endsWith(`-${o.holdKey}`));
    if (option) eventIds.push({ slotIndex: option.slotIndex, eventId: outcome.eventId });
  });
  const result = transition(state, { type: 'recordHoldIds', eventIds }, now);
  return result.ok ? result.state : state;
}

export function graphFailure(outcome: StepOutcome | undefined, isPending: boolean): Outcome<never> {
  if (!outcome || outcome.ok)
    return failWith({ kind: 'graphFailed', status: 0, code: 'unknown', isPending });
  return failWith({
    kind: 'graphFailed',
    status: outcome.status,
    code: outcome.code,
    isPending,
    ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
  });
}

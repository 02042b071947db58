// Placing the holds of many sign-ups at once: the propose command of apply-command.ts, with
// the same intent, steps and resume, but phase by phase across sign-ups in shared $batches
// instead of two batches per sign-up:
//   1. every intent (new state + pending operation, guarded by its own eTag): one independent
//      $batch per 20 sign-ups — a concurrent change fails that sign-up alone;
//   2. every hold: one chained $batch per 20 holds and organizer mailbox. A chain, because
//      Outlook runs at most 4 requests per mailbox at once, also inside a $batch (PLATFORM.md
//      §3): 20 parallel creates in one mailbox would mostly come back 429;
//   3. every log line, independent; 4. every final write, independent (after its log line, so
//      a sign-up never ends without it).
// The province's 32 sign-ups of one RIEC: 2 + 5 + 2 + 2 requests instead of 64 batches.
// Each sign-up carries its own pending operation from phase 1 on, so nothing here has to be
// resumed as a whole: a sign-up whose step fails (or a run cut off anywhere) is finished by the
// single-sign-up resume (resumePending), exactly as a cut-off proposal is — here right away, or
// by the background cycle, or by applying the plan again.
import type { Command } from '../../domain/lifecycle-types.js';
import { transition } from '../../domain/lifecycle.js';
import type { PendingOperation, PlanStep, StepOutcome, StoredSignup } from '../../domain/ports.js';
import type { Signup, TrainerPair } from '../../domain/signup.js';
import {
  applyCommand,
  finished,
  graphFailure,
  recordHoldIds,
  resumePending,
  type PlanningDeps,
} from '../apply-command.js';
import { calendarSteps, closingSteps } from '../effects.js';
import { failWith, succeed, type Outcome } from '../outcome.js';

export interface Proposal {
  readonly stored: StoredSignup;
  readonly pair: TrainerPair;
}

export interface ProposalObserver {
  /** The sign-up's intent is written: its holds are on their way. */
  readonly started?: (index: number) => void;
  readonly settled?: (index: number, outcome: Outcome<StoredSignup>) => void;
}

interface Running {
  readonly index: number;
  readonly stored: StoredSignup;
  readonly next: Signup;
  readonly pending: PendingOperation;
  readonly holds: readonly PlanStep[];
  afterIntent?: StoredSignup;
  withIds?: Signup;
}

// Sign-ups finished one by one at a time, when their batched step failed.
const RESUME_CONCURRENCY = 4;

async function runLimited(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) await tasks[next++]!();
  });
  await Promise.all(workers);
}

function groupByOrganizer(running: readonly Running[]): Running[][] {
  const groups = new Map<string, Running[]>();
  for (const r of running) {
    const key = r.next.accountHolder.email.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

/** The outcomes of steps that were sent together, handed back per sign-up. */
function splitOutcomes<T>(
  items: readonly T[],
  stepsOf: (item: T) => readonly PlanStep[],
  outcomes: readonly StepOutcome[],
): { item: T; outcomes: StepOutcome[] }[] {
  let offset = 0;
  return items.map((item) => {
    const count = stepsOf(item).length;
    const own = outcomes.slice(offset, offset + count);
    offset += count;
    return { item, outcomes: own };
  });
}

const isAllOk = (outcomes: readonly StepOutcome[]) =>
  outcomes.length > 0 && outcomes.every((o) => o.ok);

export async function proposeMany(
  deps: PlanningDeps,
  proposals: readonly Proposal[],
  by: string,
  observer: ProposalObserver = {},
): Promise<Outcome<StoredSignup>[]> {
  const results: Outcome<StoredSignup>[] = [];
  const settle = (index: number, outcome: Outcome<StoredSignup>) => {
    results[index] = outcome;
    observer.settled?.(index, outcome);
  };
  const singly: (() => Promise<void>)[] = [];
  const finishSingly = (index: number, task: () => Promise<Outcome<StoredSignup>>) =>
    singly.push(async () => settle(index, await task()));
  const now = deps.now();

  const running: Running[] = [];
  for (const [index, { stored, pair }] of proposals.entries()) {
    const command: Command = { type: 'propose', pair, by };
    // An operation is recorded on it: claim and finish it (or wait for it) the usual way.
    if (stored.pending) {
      finishSingly(index, () => applyCommand(deps, stored, command));
      continue;
    }
    const result = transition(stored.signup, command, now);
    if (!result.ok) {
      settle(index, failWith({ kind: 'rejected', issue: result.error }));
      continue;
    }
    const pending: PendingOperation = {
      id: deps.newId(),
      command: 'propose',
      by,
      startedAt: now.toISOString(),
      effects: result.effects.filter((effect) => effect.type !== 'writeStatus'),
    };
    running.push({
      index,
      stored,
      next: result.state,
      pending,
      holds: calendarSteps(result.state, pending.effects),
    });
  }
  // A phase with nothing to do sends nothing.
  const run = (steps: readonly PlanStep[], mode: 'chain' | 'independent') =>
    steps.length === 0 ? Promise.resolve<StepOutcome[]>([]) : deps.m365.plan.run(steps, mode);
  const resume = (r: Running) =>
    finishSingly(r.index, () => resumePending(deps, r.afterIntent!, { isOwner: true }));

  // 1. The intents.
  const intents = await run(
    running.map((r) => ({
      kind: 'writeSignup',
      signup: r.next,
      pending: r.pending,
      guard: { eTag: r.stored.eTag },
    })),
    'independent',
  );
  const started = running.filter((r, k) => {
    const written = intents[k];
    if (written?.ok) {
      const eTag = written.eTag ?? '';
      r.afterIntent = { signup: { ...r.next, eTag }, eTag, pending: r.pending };
      observer.started?.(r.index);
      return true;
    }
    if (written?.status === 412)
      settle(r.index, failWith({ kind: 'conflict', reason: 'concurrentChange' }));
    else settle(r.index, graphFailure(written, false));
    return false;
  });

  // 2. The holds, one chain per organizer mailbox (the mailboxes side by side).
  await Promise.all(
    groupByOrganizer(started).map(async (group) => {
      const outcomes = await run(
        group.flatMap((r) => r.holds),
        'chain',
      );
      for (const { item: r, outcomes: own } of splitOutcomes(group, (r) => r.holds, outcomes)) {
        if (isAllOk(own)) r.withIds = recordHoldIds(r.next, r.holds, own, now);
        else resume(r);
      }
    }),
  );

  // 3. The log lines.
  const held = started.filter((r) => r.withIds);
  const closingOf = (r: Running) => closingSteps(r.withIds!, r.pending, r.pending.effects);
  const logs = await run(held.flatMap(closingOf), 'independent');
  const logged = splitOutcomes(held, closingOf, logs).flatMap(({ item: r, outcomes: own }) => {
    if (isAllOk(own)) return [r];
    resume(r);
    return [];
  });

  // 4. The final states.
  const finals = await run(
    logged.map((r) => ({
      kind: 'writeSignup',
      signup: r.withIds!,
      pending: null,
      guard: { eTag: r.afterIntent!.eTag },
    })),
    'independent',
  );
  logged.forEach((r, k) => {
    const written = finals[k];
    if (written?.ok) settle(r.index, succeed(finished(r.withIds!, written)));
    else resume(r);
  });

  await runLimited(singly, RESUME_CONCURRENCY);
  return results;
}

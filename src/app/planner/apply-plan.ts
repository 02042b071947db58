// Applying a plan (issue 12, item 3): per sign-up the holds of its preferences with the planned
// pair — the planned slot is the one to confirm, the others stay as fallbacks — placed for all
// sign-ups at once in shared $batches (propose-many.ts). Crash-safe and resumable: every sign-up
// records its own operation before its holds (as a single proposal does), so a run cut off
// anywhere is finished by applying the same plan again (or by the background cycle), and
// idempotent: a sign-up that already has its holds with the planned pair is left as it is.
// Progress is data (apply-progress.ts): the run reports it as it goes, and readApplyProgress
// derives it from the sign-ups themselves, for a page that polls (any server instance).
import { campaignLookup } from '../campaigns.js';
import type { SignupId } from '../../domain/ids.js';
import type { StoredSignup, TrainerEntry } from '../../domain/ports.js';
import type { TrainerPair } from '../../domain/signup.js';
import { canPlanFor } from '../access.js';
import { secondsUntilStale } from '../apply-command.js';
import type { UseCaseContext } from '../context.js';
import { failWith, succeed, type Outcome } from '../outcome.js';
import {
  classifyStored,
  emptyRow,
  progressOf,
  readPlanSignups,
  type ApplyProgress,
  type ApplyRow,
} from './apply-progress.js';
import type { PlanAssignment } from './plan-campaign.js';
import { unplannedOverlaps, type PlanMember } from './plan-overlaps.js';
import { PLAN_TEXTS } from './plan-texts.js';
import { proposeMany, type Proposal } from './propose-many.js';

export interface ApplyPlanOptions {
  /** Called after every phase of the run with the progress so far. */
  readonly onProgress?: (progress: ApplyProgress) => void;
}

const DEFAULT_BUFFER_MINUTES = 60;

function findPair(trainers: readonly TrainerEntry[], a: PlanAssignment): TrainerPair | undefined {
  const find = (email: string, role: TrainerEntry['role']) =>
    trainers.find((t) => t.email.toLowerCase() === email.toLowerCase() && t.role === role);
  const berenschot = find(a.berenschot, 'berenschot');
  const riec = find(a.riec, 'riec');
  return berenschot && riec ? { berenschot, riec } : undefined;
}

export async function applyPlan(
  ctx: UseCaseContext,
  assignments: readonly PlanAssignment[],
  options: ApplyPlanOptions = {},
): Promise<Outcome<ApplyProgress>> {
  const addresses = assignments.flatMap((a) => [a.berenschot, a.riec]);
  const [read, trainers, agendas] = await Promise.all([
    readPlanSignups(ctx, assignments),
    ctx.state.trainers.get(ctx.m365.trainers),
    ctx.m365.agendas.read(addresses),
  ]);
  // Every sign-up must be one the caller plans; another RIEC's answers as a missing one. Nothing
  // is written unless all of them are.
  const found = assignments.map((a) => read.byId.get(a.signupId));
  if (found.some((s) => !s || !canPlanFor(ctx.access, s.signup.riec)))
    return failWith({ kind: 'notFound', what: 'signup' });
  const pairs = assignments.map((a) => findPair(trainers, a));
  if (pairs.some((p) => !p)) return failWith({ kind: 'notFound', what: 'trainer' });

  const now = ctx.now();
  const campaignOf = await campaignLookup(ctx);
  const rows: ApplyRow[] = assignments.map((a, i) => emptyRow(a, found[i]!));
  const report = () => options.onProgress?.(progressOf(rows));
  const members: PlanMember[] = assignments.map((a, i) => ({
    signup: found[i]!.signup,
    pair: pairs[i]!,
    slotIndex: a.slotIndex,
  }));
  const proposals: (Proposal & { row: number })[] = [];
  assignments.forEach((a, i) => {
    const stored = found[i]!;
    if (stored.pending && stored.pending.command !== 'propose') {
      // Another operation (a confirmation, a cancellation) is running on it: leave it be.
      rows[i] = {
        ...rows[i]!,
        outcome: 'inProgress',
        message: PLAN_TEXTS.inProgress(stored.signup.municipality.name),
        retryAfterSeconds: secondsUntilStale(stored.pending, now),
      };
      return;
    }
    const state = classifyStored(stored, a, now);
    if (state === 'placed' || state === 'confirmed' || state === 'changed') {
      rows[i] = {
        ...rows[i]!,
        outcome: state === 'placed' ? 'alreadyPlaced' : state,
        ...(state === 'changed'
          ? { message: PLAN_TEXTS.changed(stored.signup.municipality.name) }
          : {}),
      };
      return;
    }
    if (state === 'waiting') {
      const buffer =
        campaignOf(stored.signup.campaignId)?.trainerBufferMinutes ?? DEFAULT_BUFFER_MINUTES;
      const issues = unplannedOverlaps(members[i]!, members, read.holding, agendas, buffer, now);
      if (issues.length > 0) {
        const name = stored.signup.municipality.name;
        const isWorkshop = issues.some((issue) => issue.code === 'HOLD_OVERLAPS_WORKSHOP');
        rows[i] = {
          ...rows[i]!,
          outcome: 'needsConfirmation',
          issues,
          message: isWorkshop ? PLAN_TEXTS.staleWorkshop(name) : PLAN_TEXTS.staleHold(name),
        };
        return;
      }
    }
    proposals.push({ stored, pair: pairs[i]!, row: i });
  });
  report();

  await proposeMany(ctx, proposals, ctx.access.email, {
    started: (k) => {
      rows[proposals[k]!.row] = { ...rows[proposals[k]!.row]!, outcome: 'placing' };
      report();
    },
    settled: (k, outcome) => {
      const i = proposals[k]!.row;
      rows[i] = settledRow(ctx, rows[i]!, assignments[i]!, outcome);
    },
  });
  const progress = progressOf(rows);
  options.onProgress?.(progress);
  return succeed(progress);
}

function settledRow(
  ctx: UseCaseContext,
  row: ApplyRow,
  assignment: PlanAssignment,
  outcome: Outcome<StoredSignup>,
): ApplyRow {
  const name = row.municipality;
  if (outcome.ok) {
    ctx.state.signups.remember(outcome.value);
    ctx.state.organizers.add(outcome.value.signup.accountHolder.email.toLowerCase());
    const state = classifyStored(outcome.value, assignment, ctx.now());
    return state === 'placed'
      ? { ...row, outcome: 'placed' }
      : { ...row, outcome: 'changed', message: PLAN_TEXTS.changed(name) };
  }
  const failure = outcome.failure;
  if (failure.kind === 'conflict' && failure.reason === 'operationInProgress') {
    return {
      ...row,
      outcome: 'inProgress',
      message: PLAN_TEXTS.inProgress(name),
      retryAfterSeconds: failure.retryAfterSeconds,
    };
  }
  if (failure.kind === 'graphFailed') {
    return { ...row, outcome: 'failed', message: PLAN_TEXTS.failed(name) };
  }
  return { ...row, outcome: 'changed', message: PLAN_TEXTS.changed(name) };
}

/** The progress of applying `assignments`, read from the sign-ups themselves (writes nothing). */
export async function readApplyProgress(
  ctx: UseCaseContext,
  assignments: readonly PlanAssignment[],
): Promise<Outcome<ApplyProgress>> {
  const read = await readPlanSignups(ctx, assignments);
  const found = assignments.map((a) => read.byId.get(a.signupId as SignupId));
  const mayRead = (s: StoredSignup) =>
    ctx.access.canReadAll || canPlanFor(ctx.access, s.signup.riec);
  if (found.some((s) => !s || !mayRead(s))) return failWith({ kind: 'notFound', what: 'signup' });
  const now = ctx.now();
  const rows = assignments.map((a, i): ApplyRow => {
    const stored = found[i]!;
    const state = classifyStored(stored, a, now);
    return {
      ...emptyRow(a, stored),
      outcome: state,
      ...(state === 'changed'
        ? { message: PLAN_TEXTS.changed(stored.signup.municipality.name) }
        : {}),
    };
  });
  return succeed(progressOf(rows));
}

// Following the trainers' answers: the organizer's calendar changes since the last sync
// (calendarView/delta — one request when nothing changed), mapped to the sign-ups whose holds
// they are, recorded with the lifecycle (which moves a sign-up to nieuwe_data_nodig and releases
// what is left when every option is declined).
import { SYSTEM_ACTOR, type OptionAnswers } from '../domain/lifecycle-types.js';
import type { SignupId } from '../domain/ids.js';
import type { HoldChange, StoredSignup } from '../domain/ports.js';
import type { Signup } from '../domain/signup.js';
import { applyCommand } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { signupIdOfTransaction } from './texts.js';

export interface SyncReport {
  readonly organizer: string;
  /** Calendar changes delta reported. */
  readonly changes: number;
  /** Sign-ups whose stored answers or status changed. */
  readonly updated: readonly SignupId[];
  readonly failed: readonly SignupId[];
}

const DAY = 24 * 60 * 60 * 1000;
const MAX_CONFLICT_RETRIES = 3;

/** The answers in `changes` for the options of `signup`, by trainer role. */
export function answersFor(signup: Signup, changes: readonly HoldChange[]): OptionAnswers[] {
  if (!signup.pair) return [];
  const berenschot = signup.pair.berenschot.email.toLowerCase();
  const riec = signup.pair.riec.email.toLowerCase();
  return signup.options.flatMap((option) => {
    const change = changes.find(
      (c) =>
        !c.removed &&
        (c.eventId === option.eventId || c.transactionId?.endsWith(`-${option.holdKey}`)),
    );
    if (!change) return [];
    const answers: OptionAnswers = {
      slotIndex: option.slotIndex,
      ...(change.answers[berenschot] ? { berenschot: change.answers[berenschot] } : {}),
      ...(change.answers[riec] ? { riec: change.answers[riec] } : {}),
    };
    const isNew =
      answers.berenschot !== option.answers.berenschot || answers.riec !== option.answers.riec;
    return isNew ? [answers] : [];
  });
}

async function recordWithRetry(
  ctx: UseCaseContext,
  id: SignupId,
  changes: readonly HoldChange[],
  first: StoredSignup | undefined,
): Promise<'updated' | 'unchanged' | 'failed'> {
  let stored = first;
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    stored ??= await ctx.m365.statusLog.read(id);
    if (!stored) return 'unchanged';
    const answers = answersFor(stored.signup, changes);
    if (answers.length === 0) return 'unchanged';
    const result = await applyCommand(ctx, stored, {
      type: 'recordAnswers',
      answers,
      by: SYSTEM_ACTOR,
    });
    if (result.ok) {
      ctx.state.signups.remember(result.value);
      return 'updated';
    }
    // A transition the lifecycle refuses (e.g. a late answer after cancelling) changes nothing.
    if (result.failure.kind === 'rejected') return 'unchanged';
    if (result.failure.kind !== 'conflict') return 'failed';
    stored = undefined; // changed meanwhile: read again and re-apply
  }
  return 'failed';
}

export async function syncAnswers(ctx: UseCaseContext, organizer: string): Promise<SyncReport> {
  const now = ctx.now().getTime();
  const window = {
    start: new Date(now - 30 * DAY).toISOString(),
    end: new Date(now + 400 * DAY).toISOString(),
  };
  const { changes, cursor } = await ctx.m365.calendar.readHoldChanges(
    organizer,
    ctx.state.deltaCursors.get(organizer),
    window,
  );
  const byId = new Map<SignupId, HoldChange[]>();
  for (const change of changes) {
    const id = change.transactionId ? signupIdOfTransaction(change.transactionId) : undefined;
    if (id) byId.set(id as SignupId, [...(byId.get(id as SignupId) ?? []), change]);
  }
  // A change whose answers this process already stored (e.g. its own finalize or cancel) needs
  // no read; anything else is read fresh.
  const ids = [...byId.keys()].filter((id) => {
    const cached = ctx.state.signups.recall(id);
    return !cached || answersFor(cached.signup, byId.get(id) ?? []).length > 0;
  });
  const stored = await Promise.all(ids.map((id) => ctx.m365.statusLog.read(id)));
  const results = await Promise.all(
    ids.map((id, i) => recordWithRetry(ctx, id, byId.get(id) ?? [], stored[i])),
  );
  const failed = ids.filter((_, i) => results[i] === 'failed');
  // Keep the old cursor when something failed, so the next cycle sees those changes again.
  if (failed.length === 0) ctx.state.deltaCursors.set(organizer, cursor);
  return {
    organizer,
    changes: changes.length,
    updated: ids.filter((_, i) => results[i] === 'updated'),
    failed,
  };
}

// Following the trainers' answers: the organizer's calendar changes since the last sync
// (calendarView/delta — one request when nothing changed), mapped to the sign-ups whose holds
// they are, recorded with the lifecycle (which moves a sign-up to nieuwe_data_nodig and releases
// what is left when every option is declined).
//
// Two rules keep answers safe when syncs run side by side or someone plays games with a
// calendar:
// - A change only touches a sign-up whose stored organizer is the owner of this calendar and
//   one of whose stored options has exactly this event id. The transactionId is a hint to find
//   the sign-up, never a proof: anyone can create an event with any transactionId in their own
//   calendar and invite any trainer. Anything else is ignored and reported.
// - Answers only move forward: each reading carries the event's lastModifiedDateTime and an
//   older one never overwrites a newer one; after a lost race (412) the answers are read again
//   from the calendar itself instead of re-applying what this sync read earlier. The delta
//   cursor advances only when every change was stored or is known to be older than what is.
import type { EventId, SignupId } from '../domain/ids.js';
import { isNewer } from '../domain/lifecycle-options.js';
import { SYSTEM_ACTOR, type OptionAnswers } from '../domain/lifecycle-types.js';
import type { HoldChange, StoredSignup } from '../domain/ports.js';
import type { HoldOption, Signup } from '../domain/signup.js';
import { applyCommand } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { signupIdOfTransaction } from './texts.js';

/** A change that named a sign-up it may not touch. */
export interface IgnoredChange {
  readonly eventId: EventId;
  readonly signupId: SignupId;
  /**
   * - `otherOrganizer`: the sign-up's holds are in another account holder's calendar — an event
   *   made to look like one of ours (suspicious);
   * - `unknownEvent`: the organizer is right but no option of the sign-up has this event (an
   *   earlier round's hold, or a copy someone made).
   */
  readonly reason: 'otherOrganizer' | 'unknownEvent';
}

export interface SyncReport {
  readonly organizer: string;
  /** Calendar changes delta reported. */
  readonly changes: number;
  /** Sign-ups whose stored answers or status changed. */
  readonly updated: readonly SignupId[];
  readonly failed: readonly SignupId[];
  /** Sign-ups whose changes wait for a running operation (e.g. hold ids not stored yet). */
  readonly deferred: readonly SignupId[];
  readonly ignored: readonly IgnoredChange[];
}

type Verdict = 'updated' | 'unchanged' | 'failed' | 'deferred';

const DAY = 24 * 60 * 60 * 1000;
const MAX_CONFLICT_RETRIES = 4;

function isSameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function isOrganizerOf(signup: Signup, organizer: string): boolean {
  return isSameAddress(signup.accountHolder.email, organizer);
}

/** The newest reading of every event (a delta round may report one event more than once). */
function newestPerEvent(changes: readonly HoldChange[]): HoldChange[] {
  const byEvent = new Map<EventId, HoldChange>();
  for (const change of changes) {
    const known = byEvent.get(change.eventId);
    if (!known || isNewer(change.lastModified, known.lastModified))
      byEvent.set(change.eventId, change);
  }
  return [...byEvent.values()];
}

function optionOf(signup: Signup, change: HoldChange): HoldOption | undefined {
  return signup.options.find((option) => option.eventId === change.eventId);
}

/**
 * The answers in `changes` that are newer and different from the stored ones, per option: the
 * trainers' on every option, the mayor's office's on the confirmed workshop.
 */
export function answersFor(signup: Signup, changes: readonly HoldChange[]): OptionAnswers[] {
  if (!signup.pair) return [];
  const berenschot = signup.pair.berenschot.email.toLowerCase();
  const riec = signup.pair.riec.email.toLowerCase();
  const contact = signup.contact.email;
  return newestPerEvent(changes).flatMap((change) => {
    const option = optionOf(signup, change);
    if (!option || change.removed || option.hold === 'released') return [];
    if (!isNewer(change.lastModified, option.answersAt)) return [];
    // The mayor's office is an attendee of the confirmed workshop only.
    const municipality =
      option.hold === 'finalized' ? change.answers[contact.toLowerCase()] : undefined;
    const answers: OptionAnswers = {
      slotIndex: option.slotIndex,
      ...(change.answers[berenschot] ? { berenschot: change.answers[berenschot] } : {}),
      ...(change.answers[riec] ? { riec: change.answers[riec] } : {}),
      ...(municipality && municipality !== 'none' ? { municipality } : {}),
      ...(change.lastModified ? { at: change.lastModified } : {}),
    };
    const isNew =
      (answers.berenschot ?? option.answers.berenschot) !== option.answers.berenschot ||
      (answers.riec ?? option.answers.riec) !== option.answers.riec ||
      (answers.municipality ?? option.municipalityAnswer) !== option.municipalityAnswer;
    return isNew ? [answers] : [];
  });
}

/** Whether the stored sign-up still waits for the ids of holds it is creating. */
function isCreatingHolds(stored: StoredSignup): boolean {
  return stored.pending?.effects.some((effect) => effect.type === 'createHolds') ?? false;
}

/** Which changes this calendar may apply to the sign-up, and which it may not. */
function screen(
  stored: StoredSignup,
  organizer: string,
  changes: readonly HoldChange[],
): { ignored: IgnoredChange[]; isWaiting: boolean } {
  const signupId = stored.signup.id;
  if (!isOrganizerOf(stored.signup, organizer)) {
    return {
      ignored: changes.map((c) => ({ eventId: c.eventId, signupId, reason: 'otherOrganizer' })),
      isWaiting: false,
    };
  }
  const unknown = changes.filter((change) => !optionOf(stored.signup, change));
  // Holds just created: their ids are stored when the running operation finishes.
  if (unknown.length > 0 && isCreatingHolds(stored)) return { ignored: [], isWaiting: true };
  return {
    ignored: unknown.map((c) => ({ eventId: c.eventId, signupId, reason: 'unknownEvent' })),
    isWaiting: false,
  };
}

/** Nothing in `changes` is news for this (recently seen) version of the sign-up. */
function isAccountedFor(stored: StoredSignup, changes: readonly HoldChange[]): boolean {
  if (stored.pending) return false;
  return changes.every((change) => {
    const option = optionOf(stored.signup, change);
    return option !== undefined && !isNewer(change.lastModified, option.answersAt);
  });
}

async function record(
  ctx: UseCaseContext,
  organizer: string,
  changes: readonly HoldChange[],
  first: StoredSignup,
  ignored: IgnoredChange[],
): Promise<Verdict> {
  let stored: StoredSignup | undefined = first;
  let readings = changes;
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    stored ??= await ctx.m365.statusLog.read(first.signup.id);
    if (!stored) return 'unchanged';
    const screened = screen(stored, organizer, readings);
    if (attempt === 0) ignored.push(...screened.ignored);
    if (screened.isWaiting) return 'deferred';
    if (screened.ignored.some((c) => c.reason === 'otherOrganizer')) return 'unchanged';
    const answers = answersFor(stored.signup, readings);
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
    if (result.failure.kind === 'conflict' && result.failure.reason === 'operationInProgress')
      return 'deferred';
    if (result.failure.kind !== 'conflict') return 'failed';
    // Someone changed the sign-up meanwhile — perhaps a sync with newer calendar data. Read both
    // again: the item, and the answers from the calendar as they are now.
    stored = await ctx.m365.statusLog.read(first.signup.id);
    if (!stored) return 'unchanged';
    const eventIds = stored.signup.options.flatMap((o) => (o.eventId ? [o.eventId] : []));
    try {
      readings = await ctx.m365.calendar.readHolds(organizer, eventIds);
    } catch {
      // The calendar could not be read now: keep the cursor, the next cycle tries again.
      return 'failed';
    }
  }
  return 'failed';
}

/**
 * Advances the cursor in this process and in Microsoft 365. The stored one is written only when
 * this round had changes (or there was none): a round without changes leaves the stored cursor
 * just as good — reading from it finds nothing new — so an idle sync stays one request.
 */
async function storeCursor(
  ctx: UseCaseContext,
  organizer: string,
  cursor: string,
  round: { readonly hadChanges: boolean; readonly from: string | null },
): Promise<void> {
  if (round.hadChanges || round.from === null) {
    try {
      await ctx.m365.cursors.write(organizer, cursor);
    } catch {
      // Everything is stored already; the stored cursor stays older, so the next process to
      // start from it reads those changes once more and finds them stored. Not worth a failure.
      ctx.state.deltaCursors.set(organizer, cursor);
      return;
    }
  }
  ctx.state.deltaCursors.set(organizer, cursor);
}

export async function syncAnswers(ctx: UseCaseContext, organizer: string): Promise<SyncReport> {
  const now = ctx.now().getTime();
  const window = {
    start: new Date(now - 30 * DAY).toISOString(),
    end: new Date(now + 400 * DAY).toISOString(),
  };
  const known = ctx.state.deltaCursors.get(organizer);
  const from = known !== undefined ? known : await ctx.m365.cursors.read(organizer);
  const { changes, cursor } = await ctx.m365.calendar.readHoldChanges(organizer, from, window);
  const byId = new Map<SignupId, HoldChange[]>();
  for (const change of changes) {
    const id = change.transactionId ? signupIdOfTransaction(change.transactionId) : undefined;
    if (id) byId.set(id as SignupId, [...(byId.get(id as SignupId) ?? []), change]);
  }
  // A change whose answers this process has already seen stored needs no read; anything else is
  // read fresh (the cache only ever holds versions that were stored).
  const ids = [...byId.keys()].filter((id) => {
    const cached = ctx.state.signups.recall(id);
    return !cached || !isAccountedFor(cached, byId.get(id) ?? []);
  });
  const stored = await Promise.all(ids.map((id) => ctx.m365.statusLog.read(id)));
  const ignored: IgnoredChange[] = [];
  const verdicts = await Promise.all(
    ids.map((id, i) => {
      const first = stored[i];
      return first
        ? record(ctx, organizer, byId.get(id) ?? [], first, ignored)
        : Promise.resolve<Verdict>('unchanged');
    }),
  );
  const having = (verdict: Verdict) => ids.filter((_, i) => verdicts[i] === verdict);
  const failed = having('failed');
  const deferred = having('deferred');
  // Keep the old cursor when a change was not stored, so the next cycle sees it again.
  if (failed.length === 0 && deferred.length === 0) {
    await storeCursor(ctx, organizer, cursor, { hadChanges: changes.length > 0, from });
  }
  return {
    organizer,
    changes: changes.length,
    updated: having('updated'),
    failed,
    deferred,
    ignored,
  };
}

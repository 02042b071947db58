// Building blocks shared by the transitions: effects, failures, log texts.
import { createIssue } from './errors.js';
import type { IssueCode, IssueParams } from './errors.js';
import type { Actor, Command, Effect, HoldRef, TransitionResult } from './lifecycle-types.js';
import type { HoldOption, Signup, SignupStatus, Slot } from './signup.js';
import { formatSlot, toAmsterdam, toUtcIso } from './time.js';

/** Marks every hold still in a calendar (open or finalized) as released, except `keep`. */
export function releaseHolds(
  options: readonly HoldOption[],
  keep?: number,
): { readonly options: readonly HoldOption[]; readonly holds: readonly HoldRef[] } {
  const holds: HoldRef[] = [];
  const next = options.map((option) => {
    if (option.hold === 'released' || option.slotIndex === keep) return option;
    holds.push(toHoldRef(option));
    return { ...option, hold: 'released' as const };
  });
  return { options: next, holds };
}

export function toHoldRef(option: HoldOption): HoldRef {
  const { slotIndex, holdKey, eventId } = option;
  return eventId === undefined ? { slotIndex, holdKey } : { slotIndex, holdKey, eventId };
}

/**
 * A status change: write the new status first (the intent, guarded by the eTag), then the
 * calendar effects, then exactly one log line, then the mail.
 */
export function transitionTo(
  next: Signup,
  from: SignupStatus | null,
  by: Actor,
  now: Date,
  detail: string,
  extra: { readonly calendar?: readonly Effect[]; readonly notify?: Effect } = {},
): { readonly ok: true; readonly state: Signup; readonly effects: readonly Effect[] } {
  const effects: Effect[] = [
    { type: 'writeStatus', status: next.status },
    ...(extra.calendar ?? []),
    { type: 'appendLog', from, to: next.status, by, at: toUtcIso(toAmsterdam(now)), detail },
    ...(extra.notify ? [extra.notify] : []),
  ];
  return { ok: true, state: next, effects };
}

/** A failed transition: the state stays as it was. */
export function fail<C extends IssueCode>(
  code: C,
  field: string,
  params: IssueParams[C],
): TransitionResult {
  return { ok: false, error: createIssue(code, field, params) };
}

export function rejectCommand(state: Signup, command: Command): TransitionResult {
  return fail('INVALID_TRANSITION', '', { command: command.type, status: state.status });
}

export function isInStatus(state: Signup, ...statuses: readonly SignupStatus[]): boolean {
  return statuses.includes(state.status);
}

/** The cancel effect for released holds, or nothing when no hold was placed. */
export function cancelHoldsEffects(holds: readonly HoldRef[], comment: string): Effect[] {
  if (holds.length === 0) return [];
  return [{ type: 'cancelHolds', slotIndices: holds.map((h) => h.slotIndex), holds, comment }];
}

/** "optie 1 dinsdag 14 juni 2022 19:30–22:30; optie 2 …" for log lines. */
export function describeOptions(options: readonly HoldOption[]): string {
  return options.map((o) => `optie ${o.slotIndex + 1} ${formatSlot(o.slot, 'nl')}`).join('; ');
}

export function describePreferences(preferences: readonly Slot[]): string {
  return preferences.map((slot, i) => `voorkeur ${i + 1} ${formatSlot(slot, 'nl')}`).join('; ');
}

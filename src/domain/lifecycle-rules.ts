// Questions about a sign-up's state that both the transitions and the UI ask: has it lapsed,
// which options can still be confirmed, which commands make sense now.
import type { CommandType } from './lifecycle-types.js';
import type { SignupId } from './ids.js';
import type { HoldOption, Signup } from './signup.js';
import { instantMillis } from './time.js';

/** Unique per sign-up, proposal round and slot, so a new round never reuses a transactionId. */
export function createHoldKey(id: SignupId, round: number, slotIndex: number): string {
  return `${id}-r${round}-o${slotIndex}`;
}

export function findOption(state: Signup, slotIndex: number): HoldOption | undefined {
  return state.options.find((option) => option.slotIndex === slotIndex);
}

export function hasStarted(instant: string, now: Date): boolean {
  const millis = instantMillis(instant);
  return millis !== undefined && millis <= now.getTime();
}

/** The holds lapse `holdLapseDays` after they were placed when nobody confirmed one. */
export function hasLapsed(state: Signup, now: Date): boolean {
  return state.lapsesAt !== undefined && hasStarted(state.lapsesAt, now);
}

export function isDeclined(option: HoldOption): boolean {
  return option.answers.berenschot === 'declined' || option.answers.riec === 'declined';
}

export function isAcceptedByBoth(option: HoldOption): boolean {
  return option.answers.berenschot === 'accepted' && option.answers.riec === 'accepted';
}

/** An option that can still become the workshop: open, not declined, in the future, not lapsed. */
export function isOptionLive(option: HoldOption, state: Signup, now: Date): boolean {
  return (
    option.hold === 'open' &&
    !isDeclined(option) &&
    !hasStarted(option.slot.start, now) &&
    !hasLapsed(state, now)
  );
}

export interface ConfirmableOption {
  readonly slotIndex: number;
  /** True when not both trainers accepted: confirming then needs an override with a reason. */
  readonly needsOverride: boolean;
}

/** The options the account holder can confirm now (the UI enables these). */
export function listConfirmableOptions(state: Signup, now: Date): readonly ConfirmableOption[] {
  if (state.status !== 'opties_geplaatst') return [];
  return state.options
    .filter((option) => isOptionLive(option, state, now))
    .map((option) => ({ slotIndex: option.slotIndex, needsOverride: !isAcceptedByBoth(option) }));
}

export function findConfirmedOption(state: Signup): HoldOption | undefined {
  return state.confirmedSlotIndex === undefined
    ? undefined
    : findOption(state, state.confirmedSlotIndex);
}

/**
 * The commands that make sense for this sign-up now, for the UI. A command not listed here fails;
 * a listed command can still fail on its parameters (a missing reason, a busy trainer).
 */
export function allowedActions(state: Signup, now: Date): readonly CommandType[] {
  switch (state.status) {
    case 'aangemeld': {
      const hasFuture = state.preferences.some((slot) => !hasStarted(slot.start, now));
      return hasFuture ? ['propose', 'edit', 'cancel'] : ['edit', 'cancel'];
    }
    case 'opties_geplaatst': {
      const actions: CommandType[] = ['recordHoldIds', 'recordAnswers'];
      const anyLive = state.options.some((option) => isOptionLive(option, state, now));
      actions.push(
        ...(anyLive ? (['confirm'] as const) : (['expire'] as const)),
        'newDates',
        'edit',
        'cancel',
      );
      return actions;
    }
    case 'bevestigd': {
      const confirmed = findConfirmedOption(state);
      const isOver = confirmed !== undefined && hasStarted(confirmed.slot.end, now);
      const hasBegun = confirmed !== undefined && hasStarted(confirmed.slot.start, now);
      return [
        'recordHoldIds',
        'recordAnswers',
        ...(hasBegun ? [] : (['newDates'] as const)),
        'edit',
        'cancel',
        ...(isOver ? ['markExecuted' as const] : []),
      ];
    }
    case 'nieuwe_data_nodig':
      return ['newDates', 'edit', 'cancel'];
    case 'uitgevoerd':
    case 'geannuleerd':
      return [];
  }
}

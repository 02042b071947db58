// Leaving the main path (geannuleerd, nieuwe_data_nodig), coming back with new dates, and closing
// a sign-up once the workshop has been held.
import {
  cancelHoldsEffects,
  describeOptions,
  describePreferences,
  fail,
  isInStatus,
  rejectCommand,
  releaseHolds,
  transitionTo,
} from './lifecycle-effects.js';
import { findConfirmedOption, hasLapsed, hasStarted, isOptionLive } from './lifecycle-rules.js';
import type {
  Actor,
  CancelCommand,
  ExpireCommand,
  MarkExecutedCommand,
  NewDatesCommand,
  TransitionResult,
} from './lifecycle-types.js';
import { SYSTEM_ACTOR } from './lifecycle-types.js';
import type { Signup } from './signup.js';
import { formatSlot } from './time.js';

export function cancelSignup(state: Signup, command: CancelCommand, now: Date): TransitionResult {
  if (!isInStatus(state, 'aangemeld', 'opties_geplaatst', 'bevestigd', 'nieuwe_data_nodig')) {
    return rejectCommand(state, command);
  }
  const reason = command.reason.trim();
  if (reason === '') return fail('CANCEL_REASON_REQUIRED', 'reason', {});
  // Releases the confirmed workshop too: cancelling it tells the trainers and the mayor's office.
  const released = releaseHolds(state.options);
  const { confirmedSlotIndex: _confirmed, ...rest } = state;
  const next: Signup = { ...rest, status: 'geannuleerd', options: released.options };
  const comment = `De workshop met gemeente ${state.municipality.name} gaat niet door: ${reason}`;
  return transitionTo(next, state.status, command.by, now, `Geannuleerd: ${reason}`, {
    calendar: cancelHoldsEffects(released.holds, comment),
    notify: {
      type: 'notifyMunicipality',
      reason: 'geannuleerd',
      to: state.contact,
      detail: reason,
    },
  });
}

/** Lets the holds lapse once none of them can become the workshop any more. */
export function expireOptions(state: Signup, command: ExpireCommand, now: Date): TransitionResult {
  if (!isInStatus(state, 'opties_geplaatst')) return rejectCommand(state, command);
  if (state.options.some((o) => isOptionLive(o, state, now))) {
    return fail('HOLDS_NOT_LAPSED', '', { lapsesAt: state.lapsesAt ?? '' });
  }
  return toNewDatesNeeded(state, command.by ?? SYSTEM_ACTOR, now);
}

/** No option can become the workshop: release what is left and ask for new dates. */
export function toNewDatesNeeded(state: Signup, by: Actor, now: Date): TransitionResult {
  const released = releaseHolds(state.options);
  const next: Signup = { ...state, status: 'nieuwe_data_nodig', options: released.options };
  const why = hasLapsed(state, now)
    ? `de opties zijn niet binnen ${state.holdLapseDays} dagen bevestigd`
    : 'geen van de opties kan nog doorgaan (afgewezen of verstreken)';
  const name = state.municipality.name;
  const comment = `Deze optie vervalt: ${why}. De gemeente ${name} wordt om nieuwe data gevraagd.`;
  return transitionTo(next, state.status, by, now, `Nieuwe data nodig: ${why}.`, {
    calendar: cancelHoldsEffects(released.holds, comment),
    notify: {
      type: 'notifyMunicipality',
      reason: 'nieuwe_data_nodig',
      to: state.contact,
      detail: why,
    },
  });
}

export function markExecuted(
  state: Signup,
  command: MarkExecutedCommand,
  now: Date,
): TransitionResult {
  if (!isInStatus(state, 'bevestigd')) return rejectCommand(state, command);
  const confirmed = findConfirmedOption(state);
  if (!confirmed) return rejectCommand(state, command);
  if (!hasStarted(confirmed.slot.end, now)) {
    return fail('WORKSHOP_NOT_PASSED', '', { end: confirmed.slot.end });
  }
  const detail = `Workshop gehouden op ${formatSlot(confirmed.slot, 'nl')}.`;
  const next: Signup = { ...state, status: 'uitgevoerd' };
  return transitionTo(next, state.status, command.by ?? SYSTEM_ACTOR, now, detail);
}

/**
 * The municipality gave new dates: back to `aangemeld` on the same sign-up, ready for a new round
 * of options. From `opties_geplaatst` or `bevestigd` ("andere data") the holds — or the confirmed
 * workshop — are released first; the municipality gets no "geannuleerd" mail, since the workshop
 * is not cancelled. A workshop that has been held cannot move.
 */
export function acceptNewDates(
  state: Signup,
  command: NewDatesCommand,
  now: Date,
): TransitionResult {
  if (!isInStatus(state, 'nieuwe_data_nodig', 'opties_geplaatst', 'bevestigd')) {
    return rejectCommand(state, command);
  }
  const confirmed = findConfirmedOption(state);
  if (state.status === 'bevestigd' && confirmed && hasStarted(confirmed.slot.start, now)) {
    return rejectCommand(state, command);
  }
  const released = releaseHolds(state.options);
  const {
    pair: _pair,
    optionsPlacedAt: _placedAt,
    lapsesAt: _lapsesAt,
    confirmedSlotIndex: _confirmed,
    ...rest
  } = state;
  const next: Signup = {
    ...rest,
    status: 'aangemeld',
    preferences: command.preferences,
    options: [],
  };
  const reason = command.reason?.trim() ?? '';
  const why = reason === '' ? '' : ` Reden: ${reason}.`;
  const newDates = `Nieuwe voorkeuren ontvangen: ${describePreferences(command.preferences)}.`;
  if (state.status === 'nieuwe_data_nodig') {
    return transitionTo(next, state.status, command.by, now, `${newDates}${why}`);
  }
  const what = state.status === 'bevestigd' ? 'De bevestigde workshop' : 'De opties';
  const releasedText =
    released.holds.length === 0
      ? ''
      : ` ${what} (${describeOptions(state.options.filter((o) => o.hold !== 'released'))}) zijn vrijgegeven.`;
  const name = state.municipality.name;
  const comment =
    `De gemeente ${name} heeft om andere data gevraagd; deze ` +
    `${state.status === 'bevestigd' ? 'afspraak' : 'optie'} vervalt.${why} Er volgt een nieuw voorstel.`;
  return transitionTo(
    next,
    state.status,
    command.by,
    now,
    `Andere data.${releasedText}${why} ${newDates}`,
    { calendar: cancelHoldsEffects(released.holds, comment) },
  );
}

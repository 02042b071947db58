// Confirming one option: it becomes the workshop, the other holds are released.
import type { TrainerRole } from './campaign.js';
import {
  cancelHoldsEffects,
  fail,
  isInStatus,
  rejectCommand,
  releaseHolds,
  toHoldRef,
  transitionTo,
} from './lifecycle-effects.js';
import { findOption, hasLapsed, hasStarted, isAcceptedByBoth } from './lifecycle-rules.js';
import type { ConfirmCommand, Effect, TransitionResult } from './lifecycle-types.js';
import type { Signup } from './signup.js';
import { formatSlot } from './time.js';

const ROLES: readonly TrainerRole[] = ['berenschot', 'riec'];

/**
 * DESIGN.md: confirming needs both trainers to have accepted the slot (or an override whose reason
 * is logged), the slot in the future and a fresh free/busy check. A declined option cannot be
 * overridden (the trainer can accept it in Outlook after all), nor can a trainer who is busy now.
 */
export function confirmOption(state: Signup, command: ConfirmCommand, now: Date): TransitionResult {
  if (!isInStatus(state, 'opties_geplaatst')) return rejectCommand(state, command);
  const index = command.slotIndex;
  const option = findOption(state, index);
  const pair = state.pair;
  if (!option || option.hold !== 'open' || !pair) {
    return fail('SLOT_INDEX_INVALID', 'slotIndex', { index });
  }
  if (hasLapsed(state, now)) return fail('HOLDS_LAPSED', '', { lapsesAt: state.lapsesAt ?? '' });
  if (hasStarted(option.slot.start, now)) {
    return fail('SLOT_IN_PAST', 'slotIndex', { index, start: option.slot.start });
  }
  const decliner = ROLES.find((role) => option.answers[role] === 'declined');
  if (decliner) {
    return fail('SLOT_DECLINED', 'slotIndex', {
      index,
      role: decliner,
      trainer: pair[decliner].name,
    });
  }
  const taken = command.takenBy?.[0];
  if (taken) {
    return fail('TRAINER_TAKEN', 'slotIndex', {
      index,
      role: taken.role,
      trainer: pair[taken.role].name,
      municipality: taken.booking.municipality,
      start: taken.booking.start,
    });
  }
  const isOverride = !isAcceptedByBoth(option);
  const reason = command.override?.reason.trim() ?? '';
  if (isOverride && !command.override) {
    const { berenschot, riec } = option.answers;
    return fail('SLOT_NOT_ACCEPTED', 'slotIndex', { index, berenschot, riec });
  }
  if (isOverride && reason === '')
    return fail('OVERRIDE_REASON_REQUIRED', 'override.reason', { index });
  const busy = ROLES.find((role) => command.freshAvailability[role] === 'busy');
  if (busy)
    return fail('TRAINER_NOT_FREE', 'slotIndex', { index, role: busy, trainer: pair[busy].name });

  const released = releaseHolds(state.options, index);
  const options = released.options.map((o) =>
    o.slotIndex === index ? { ...o, hold: 'finalized' as const } : o,
  );
  const next: Signup = { ...state, status: 'bevestigd', options, confirmedSlotIndex: index };
  const slotText = formatSlot(option.slot, 'nl');
  const unknown = ROLES.filter((role) => command.freshAvailability[role] === 'unknown').map(
    (role) => pair[role].name,
  );
  const detail = [
    `Optie ${index + 1} bevestigd: ${slotText} met ${pair.berenschot.name} en ${pair.riec.name}.`,
    isOverride ? `Bevestigd zonder akkoord van beide trainers; reden: ${reason}` : '',
    unknown.length > 0 ? `Vrij/bezet niet te controleren voor ${unknown.join(' en ')}.` : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  const calendar: Effect[] = [
    {
      type: 'finalizeHold',
      slotIndex: index,
      hold: toHoldRef(option),
      slot: option.slot,
      attendee: state.contact,
    },
    ...cancelHoldsEffects(
      released.holds,
      `Deze optie vervalt: de workshop met gemeente ${state.municipality.name} is vastgelegd op ${slotText}.`,
    ),
  ];
  return transitionTo(next, state.status, command.by, now, detail, { calendar });
}

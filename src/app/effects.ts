// The lifecycle's effects as work-plan steps: the only place that turns "what should happen"
// into "what to send to Microsoft 365".
import type {
  AppendLogEffect,
  CommandType,
  Effect,
  NotifyMunicipalityEffect,
} from '../domain/lifecycle-types.js';
import type { LogEntry, PendingOperation, PlanStep } from '../domain/ports.js';
import type { Signup } from '../domain/signup.js';
import { finalizeDraft, holdDraft, noticeMail } from './texts.js';

export type CalendarEffect = Extract<
  Effect,
  { type: 'createHolds' | 'finalizeHold' | 'cancelHolds' }
>;

export function isCalendarEffect(effect: Effect): effect is CalendarEffect {
  return (
    effect.type === 'createHolds' || effect.type === 'finalizeHold' || effect.type === 'cancelHolds'
  );
}

/** The key of the log line of an operation: unique, so a resumed run logs it once. */
export function logKey(signup: Signup, pending: PendingOperation): string {
  return `${signup.id}:${pending.id}`;
}

export function toLogEntry(
  signup: Signup,
  pending: PendingOperation,
  effect: AppendLogEffect,
): LogEntry {
  return {
    // A line with its own key (an answer) is the same line whoever logs it; the others are
    // the operation's one line.
    key: effect.key ? `${signup.id}:${effect.key}` : logKey(signup, pending),
    signupId: signup.id,
    cbsCode: signup.municipality.cbsCode,
    municipality: signup.municipality.name,
    action: pending.command as CommandType | 'register',
    from: effect.from,
    to: effect.to,
    by: effect.by,
    at: effect.at,
    detail: effect.detail,
    ...(effect.event ? { event: effect.event } : {}),
  };
}

/** Steps for the calendar effects, in order; `signup` supplies names, pair and organizer. */
export function calendarSteps(signup: Signup, effects: readonly Effect[]): PlanStep[] {
  const organizer = signup.accountHolder.email;
  return effects.filter(isCalendarEffect).flatMap((effect): PlanStep[] => {
    switch (effect.type) {
      case 'createHolds':
        return effect.holds.map((hold) => ({
          kind: 'createHold',
          organizer,
          hold: holdDraft(signup, effect.pair, hold),
        }));
      case 'finalizeHold': {
        if (!effect.hold.eventId || !signup.pair) return [];
        return [
          {
            kind: 'finalizeHold',
            organizer,
            eventId: effect.hold.eventId,
            draft: finalizeDraft(signup, signup.pair, effect.slot, effect.attendee),
          },
        ];
      }
      case 'cancelHolds':
        // A hold without an event id was never created: the propose step records ids before it
        // finishes (and is resumed before anything else), so there is nothing to cancel.
        return effect.holds.flatMap((hold): PlanStep[] =>
          hold.eventId
            ? [{ kind: 'cancelHold', organizer, eventId: hold.eventId, comment: effect.comment }]
            : [],
        );
    }
  });
}

/** Mail to the municipality and the log line: the steps after the calendar. */
export function closingSteps(
  signup: Signup,
  pending: PendingOperation,
  effects: readonly Effect[],
): PlanStep[] {
  const mails = effects
    .filter((e): e is NotifyMunicipalityEffect => e.type === 'notifyMunicipality')
    .map((effect): PlanStep => {
      const mail = noticeMail(signup, effect.reason, effect.detail);
      return { kind: 'sendMail', from: signup.accountHolder.email, to: effect.to, ...mail };
    });
  const logs = effects
    .filter((e): e is AppendLogEffect => e.type === 'appendLog')
    .map((effect): PlanStep => ({ kind: 'appendLog', entry: toLogEntry(signup, pending, effect) }));
  return [...mails, ...logs];
}

// A stored sign-up → the view the API returns (signup-view.schema.ts). Pure: the lifecycle's own
// rules say which actions are allowed and which slots can be confirmed; the caller's rights say
// which of those are theirs.
import { canPlanFor, type Access } from '../../app/access.js';
import type { Language } from '../../app/errors.js';
import { confirmationText, type ConfirmationText } from '../../app/texts.js';
import type { DomainIssue } from '../../domain/errors.js';
import { formatIssue } from '../../domain/errors.js';
import { ANSWER_LABELS, STATUS_LABELS } from '../../domain/labels.js';
import { allowedActions, listConfirmableOptions } from '../../domain/lifecycle.js';
import { findConfirmedOption, isOptionLive } from '../../domain/lifecycle-rules.js';
import { findMunicipalityByCbsCode } from '../../domain/municipalities.js';
import type { StoredSignup } from '../../domain/ports.js';
import type { HoldOption, Signup, Slot, Trainer, TrainerAnswer } from '../../domain/signup.js';
import { formatSlot } from '../../domain/time.js';
import { hasPermission, type Permission } from '../auth/authorize.js';
import type { TFieldMessage, TSignupView, TSlotView, TTrainerView } from './signup-view.schema.js';
import { HOLD_LABELS, SCAN_LABELS } from './view-labels.js';

export interface ViewContext {
  readonly now: Date;
  readonly language: Language;
  readonly access: Access;
  /**
   * A list leaves out what only one sign-up's page shows: the invitation text per option, which
   * is most of a view's size (listSignups at 400 sign-ups would move it 1,200 times).
   */
  readonly form?: 'full' | 'list';
}

// Formatting a slot through Intl costs about 0.1 ms, and a list of 400 sign-ups shows some
// 2,500 slots, most of them more than once (a preference and its option): remember the labels.
// A label depends only on the instants and the language; the bound keeps the memory small.
const MAX_LABELS = 10_000;
const slotLabels = new Map<string, string>();

function labelOf(slot: Slot, language: Language): string {
  const key = `${language}|${slot.start}|${slot.end}`;
  let label = slotLabels.get(key);
  if (label === undefined) {
    if (slotLabels.size >= MAX_LABELS) slotLabels.clear();
    label = formatSlot(slot, language);
    slotLabels.set(key, label);
  }
  return label;
}

export function toSlotView(slot: Slot, slotIndex: number, language: Language): TSlotView {
  return { slotIndex, start: slot.start, end: slot.end, label: labelOf(slot, language) };
}

export function toTrainerView(trainer: Trainer): TTrainerView {
  return { id: trainer.id, name: trainer.name, email: trainer.email, role: trainer.role };
}

function toAnswerView(answer: TrainerAnswer, language: Language) {
  return { answer, label: ANSWER_LABELS[language][answer] };
}

function toInvitationView(text: ConfirmationText) {
  return {
    ...text,
    attendees: text.attendees.map((a) => ({ name: a.name, email: a.email })),
    paragraphs: [...text.paragraphs],
  };
}

function toOptionView(option: HoldOption, signup: Signup, context: ViewContext) {
  const { language } = context;
  return {
    slotIndex: option.slotIndex,
    slot: toSlotView(option.slot, option.slotIndex, language),
    hold: option.hold,
    holdLabel: HOLD_LABELS[language][option.hold],
    eventId: option.eventId ?? null,
    answers: {
      berenschot: toAnswerView(option.answers.berenschot, language),
      riec: toAnswerView(option.answers.riec, language),
    },
    isConfirmed: signup.confirmedSlotIndex === option.slotIndex,
    isLive: isOptionLive(option, signup, context.now),
    // The exact text the confirmation sends (src/app/texts.ts), so the tab shows what will go out.
    invitation:
      signup.pair && context.form !== 'list'
        ? toInvitationView(confirmationText(signup, signup.pair, option.slot, signup.contact))
        : null,
  };
}

// The lifecycle's commands a user gives through the API, and the permission each needs.
const USER_ACTIONS = [
  ['propose', 'signups:propose'],
  ['confirm', 'signups:confirm'],
  ['cancel', 'signups:cancel'],
  ['newDates', 'signups:write'],
] as const satisfies readonly (readonly [string, Permission])[];

type UserAction = (typeof USER_ACTIONS)[number][0];

function userActionsOf(signup: Signup, allowed: readonly string[], access: Access): UserAction[] {
  if (!canPlanFor(access, signup.riec)) return [];
  return USER_ACTIONS.filter(
    ([action, permission]) => allowed.includes(action) && hasPermission(access, permission),
  ).map(([action]) => action);
}

export function toSignupView(stored: StoredSignup, context: ViewContext): TSignupView {
  const { signup } = stored;
  const { language, now } = context;
  const confirmed = findConfirmedOption(signup);
  const allowed = allowedActions(signup, now);
  const confirmable = listConfirmableOptions(signup, now);
  return {
    id: signup.id,
    eTag: stored.eTag,
    campaignId: signup.campaignId,
    municipality: {
      cbsCode: signup.municipality.cbsCode,
      name: signup.municipality.name,
      domain: findMunicipalityByCbsCode(signup.municipality.cbsCode)?.domain ?? null,
    },
    riec: signup.riec,
    accountHolder: { name: signup.accountHolder.name, email: signup.accountHolder.email },
    contact: { name: signup.contact.name, email: signup.contact.email },
    preferences: signup.preferences.map((slot, index) => toSlotView(slot, index, language)),
    scanStatus: signup.scanStatus,
    scanStatusLabel: SCAN_LABELS[language][signup.scanStatus],
    remarks: signup.remarks,
    status: signup.status,
    statusLabel: STATUS_LABELS[language][signup.status],
    registeredAt: signup.registeredAt,
    lateOverride: signup.lateOverride ? { reason: signup.lateOverride.reason } : null,
    pair: signup.pair
      ? {
          berenschot: toTrainerView(signup.pair.berenschot),
          riec: toTrainerView(signup.pair.riec),
        }
      : null,
    round: signup.round,
    options: signup.options.map((option) => toOptionView(option, signup, context)),
    optionsPlacedAt: signup.optionsPlacedAt ?? null,
    lapsesAt: signup.lapsesAt ?? null,
    confirmedSlot: confirmed ? toSlotView(confirmed.slot, confirmed.slotIndex, language) : null,
    allowedActions: [...allowed],
    userActions: userActionsOf(
      signup,
      confirmable.length > 0 ? allowed : allowed.filter((a) => a !== 'confirm'),
      context.access,
    ),
    confirmableSlots: confirmable.map((option) => ({ ...option })),
    pendingOperation: stored.pending !== null,
  };
}

/** Domain warnings or errors as field messages in the caller's language. */
export function toFieldMessages(
  issues: readonly DomainIssue[],
  language: Language,
): TFieldMessage[] {
  return issues.map((issue) => ({
    field: issue.field,
    code: issue.code,
    message: formatIssue(issue, language),
  }));
}

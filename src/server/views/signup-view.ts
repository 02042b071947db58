// A stored sign-up → the view the API returns (src/contract/schemas/signup-view.ts). Pure: the
// lifecycle's own rules say which actions are allowed and which slots can be confirmed; the
// caller's rights say which of those are theirs. Codes only: the words are the clients' to pick
// (src/contract/README.md).
import type {
  TScanThemes,
  TFieldMessage,
  TSignupRow,
  TSignupView,
  TSlotView,
  TTrainerView,
  UserAction,
} from '../../contract/index.js';
import { canPlanFor, type Access } from '../../app/access.js';
import type { Language } from '../../app/errors.js';
import { confirmationText, type ConfirmationText } from '../../app/texts.js';
import type { DomainIssue } from '../../domain/errors.js';
import { formatIssue } from '../../domain/errors.js';
import { allowedActions, listConfirmableOptions } from '../../domain/lifecycle.js';
import { findConfirmedOption, isOptionLive } from '../../domain/lifecycle-rules.js';
import { findMunicipalityByCbsCode } from '../../domain/municipalities.js';
import type { StoredSignup } from '../../domain/ports.js';
import type { HoldOption, ScanThemes, Signup, Slot, Trainer } from '../../domain/signup.js';
import { hasPermission, type Permission } from '../auth/authorize.js';

export interface ViewContext {
  readonly now: Date;
  readonly access: Access;
  /**
   * A list leaves out what only one sign-up's page shows: the invitation text per option, which
   * is most of a view's size (listSignups at 400 sign-ups would move it 1,200 times).
   */
  readonly form?: 'full' | 'list';
}

/** The scan's themes as the API shows them (a copy: the view never shares the domain's arrays). */
export function toScanThemesView(scan: ScanThemes): TScanThemes {
  return { themes: [...scan.themes], other: scan.other, scanDate: scan.scanDate };
}

export function toSlotView(slot: Slot, slotIndex: number): TSlotView {
  return { slotIndex, start: slot.start, end: slot.end };
}

export function toTrainerView(trainer: Trainer): TTrainerView {
  return { id: trainer.id, name: trainer.name, email: trainer.email, role: trainer.role };
}

function toInvitationView(text: ConfirmationText) {
  return {
    ...text,
    attendees: text.attendees.map((a) => ({ name: a.name, email: a.email })),
    paragraphs: [...text.paragraphs],
  };
}

function toOptionView(option: HoldOption, signup: Signup, context: ViewContext) {
  return {
    slotIndex: option.slotIndex,
    slot: toSlotView(option.slot, option.slotIndex),
    hold: option.hold,
    eventId: option.eventId ?? null,
    answers: { berenschot: option.answers.berenschot, riec: option.answers.riec },
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
  ['edit', 'signups:write'],
] as const satisfies readonly (readonly [UserAction, Permission])[];

function userActionsOf(signup: Signup, allowed: readonly string[], access: Access): UserAction[] {
  if (!canPlanFor(access, signup.riec)) return [];
  return USER_ACTIONS.filter(
    ([action, permission]) => allowed.includes(action) && hasPermission(access, permission),
  ).map(([action]) => action);
}

export function toSignupView(stored: StoredSignup, context: ViewContext): TSignupView {
  const { signup } = stored;
  const { now } = context;
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
    contact: {
      name: signup.contact.name,
      email: signup.contact.email,
      ...(signup.contact.function ? { function: signup.contact.function } : {}),
    },
    preferences: signup.preferences.map((slot, index) => toSlotView(slot, index)),
    scanStatus: signup.scanStatus,
    ...(signup.scan ? { scan: toScanThemesView(signup.scan) } : {}),
    remarks: signup.remarks,
    status: signup.status,
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
    confirmedSlot: confirmed ? toSlotView(confirmed.slot, confirmed.slotIndex) : null,
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

/** A row of the overview: no options, contact or invitation texts (issue 16, item 4). */
/** The row without what needs the clock (answers and needsAction: see list-signup-summaries.ts). */
export function toSignupRow(stored: StoredSignup): Omit<TSignupRow, 'answers' | 'needsAction'> {
  const { signup } = stored;
  const confirmed = findConfirmedOption(signup);
  return {
    id: signup.id,
    campaignId: signup.campaignId,
    municipality: { cbsCode: signup.municipality.cbsCode, name: signup.municipality.name },
    riec: signup.riec,
    status: signup.status,
    registeredAt: signup.registeredAt,
    accountHolder: signup.accountHolder.name,
    pair: signup.pair
      ? { berenschot: signup.pair.berenschot.name, riec: signup.pair.riec.name }
      : null,
    lapsesAt: signup.lapsesAt ?? null,
    confirmedSlot: confirmed ? toSlotView(confirmed.slot, confirmed.slotIndex) : null,
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

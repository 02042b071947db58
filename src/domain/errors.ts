// Domain errors and warnings as values: a stable code the app and UI switch on, a field path the
// UI shows the message at, typed parameters, and the Dutch message a civil servant reads. The
// English text comes from the same table (`messages.en`). Expected outcomes are returned, not
// thrown (STYLE.md, "Types and errors").
import type { TrainerRole } from './campaign.js';
import type { CommandType } from './lifecycle-types.js';
import { MESSAGES_EN } from './messages-en.js';
import { MESSAGES_NL } from './messages-nl.js';
import type { SignupStatus, TrainerAnswer } from './signup.js';
import type { Locale, PlainDate } from './time.js';

type NoParams = Readonly<Record<string, never>>;

/**
 * Every code with its parameters. `index` and `other` are 0-based preference (slot) indices, as in
 * field paths; messages show them 1-based ("voorkeur 2"). Instants are UTC ISO strings.
 */
export interface IssueParams {
  // Sign-up validation: errors.
  MUNICIPALITY_UNKNOWN: { readonly cbsCode: string };
  CONTACT_NAME_REQUIRED: NoParams;
  CONTACT_NAME_INVALID: NoParams;
  CONTACT_EMAIL_INVALID: { readonly email: string };
  PREFERENCES_COUNT: { readonly expected: number; readonly actual: number };
  PREFERENCES_DUPLICATE: { readonly index: number; readonly other: number };
  SLOT_INVALID_TIME: { readonly index: number; readonly value: string };
  SLOT_END_BEFORE_START: { readonly index: number };
  SLOT_TOO_LONG: { readonly index: number; readonly minutes: number; readonly maxMinutes: number };
  SLOT_IN_PAST: { readonly index: number; readonly start: string };
  SLOT_OUTSIDE_WINDOW: {
    readonly index: number;
    readonly windowStart: PlainDate;
    readonly windowEnd: PlainDate;
  };
  SLOT_OVERLAP: { readonly index: number; readonly other: number };
  DEADLINE_PASSED: { readonly deadline: PlainDate };
  LATE_OVERRIDE_REASON_REQUIRED: { readonly deadline: PlainDate };
  // Sign-up validation: warnings.
  SLOT_ON_HOLIDAY: {
    readonly index: number;
    readonly date: PlainDate;
    readonly holidayNl: string;
    readonly holidayEn: string;
  };
  SLOT_IN_WEEKEND: { readonly index: number; readonly date: PlainDate };
  SLOT_ON_EVENING_OFF: {
    readonly index: number;
    readonly date: PlainDate;
    readonly eveningNl: string;
    readonly eveningEn: string;
  };
  SLOT_OUTSIDE_MEETING_HOURS: {
    readonly index: number;
    readonly from: string;
    readonly to: string;
  };
  SLOT_IN_ELECTION_WEEK: { readonly index: number; readonly electionDate: PlainDate };
  LATE_OVERRIDE_USED: { readonly deadline: PlainDate; readonly reason: string };
  // Campaign settings (campaign-settings.ts).
  CAMPAIGN_TITLE_REQUIRED: NoParams;
  CAMPAIGN_DATE_INVALID: { readonly value: string };
  CAMPAIGN_DEADLINE_IN_PAST: { readonly deadline: PlainDate; readonly today: PlainDate };
  CAMPAIGN_WINDOW_END_BEFORE_START: { readonly start: PlainDate; readonly end: PlainDate };
  CAMPAIGN_DURATION_OUT_OF_RANGE: {
    readonly minutes: number;
    readonly min: number;
    readonly max: number;
  };
  CAMPAIGN_LAPSE_DAYS_OUT_OF_RANGE: { readonly days: number; readonly max: number };
  CAMPAIGN_REMINDER_DAY_INVALID: {
    readonly day: number;
    readonly problem: 'notWhole' | 'afterDeadline' | 'duplicate';
  };
  CAMPAIGN_TEXT_REQUIRED: { readonly text: 'senderName' | 'reminderText' };
  CAMPAIGN_NUDGE_DAYS_OUT_OF_RANGE: {
    readonly days: number;
    readonly min: number;
    readonly max: number;
  };
  CAMPAIGN_AUTO_SEND_INVALID: { readonly value: string };
  CAMPAIGN_ID_INVALID: { readonly id: string };
  CAMPAIGN_ID_TAKEN: { readonly id: string };
  // Lifecycle.
  INVALID_TRANSITION: { readonly command: CommandType; readonly status: SignupStatus };
  SLOT_INDEX_INVALID: { readonly index: number };
  SLOT_NOT_ACCEPTED: {
    readonly index: number;
    readonly berenschot: TrainerAnswer;
    readonly riec: TrainerAnswer;
  };
  SLOT_DECLINED: { readonly index: number; readonly role: TrainerRole; readonly trainer: string };
  OVERRIDE_REASON_REQUIRED: { readonly index: number };
  TRAINER_NOT_FREE: {
    readonly index: number;
    readonly role: TrainerRole;
    readonly trainer: string;
  };
  TRAINER_TAKEN: {
    readonly index: number;
    readonly role: TrainerRole;
    readonly trainer: string;
    /** The workshop that has the trainer at that time. */
    readonly municipality: string;
    readonly start: string;
  };
  /** Proposing: a trainer already gives a workshop at (or too close to) this preference. */
  HOLD_OVERLAPS_WORKSHOP: {
    readonly index: number;
    readonly trainer: string;
    readonly municipality: string;
    readonly start: string;
  };
  /** Proposing: a trainer already has an open hold for another sign-up at this time. */
  HOLD_OVERLAPS_HOLD: {
    readonly index: number;
    readonly trainer: string;
    readonly municipality: string;
    readonly start: string;
  };
  HOLDS_LAPSED: { readonly lapsesAt: string };
  HOLDS_NOT_LAPSED: { readonly lapsesAt: string };
  WORKSHOP_NOT_PASSED: { readonly end: string };
  CANCEL_REASON_REQUIRED: NoParams;
  PAIR_INVALID: { readonly problem: 'wrong_role' | 'same_person' };
  NO_FUTURE_PREFERENCES: NoParams;
  // "Mijn beschikbaarheid" (stated-availability.ts).
  AVAILABILITY_OUTSIDE_WINDOW: {
    readonly date: PlainDate;
    readonly windowStart: PlainDate;
    readonly windowEnd: PlainDate;
  };
  /** The same weekday and day part, or the same date, said twice. */
  AVAILABILITY_DUPLICATE: {
    readonly weekday?: number;
    readonly dayPart?: 'ochtend' | 'middag' | 'avond';
    readonly date?: PlainDate;
  };
  /** Editing: the preferred slots are fixed once options are placed ('andere data' instead). */
  PREFERENCES_LOCKED: { readonly status: SignupStatus };
  // Registration.
  // Reminders to municipalities without a sign-up (reminders.ts).
  REMINDER_TEMPLATE_REQUIRED: NoParams;
  REMINDER_SELECTION_EMPTY: NoParams;
  REMINDER_MUNICIPALITY_TWICE: { readonly municipality: string };
  REMINDER_ADDRESS_INVALID: { readonly address: string };
  REMINDER_ALREADY_SIGNED_UP: { readonly municipality: string };
  ALREADY_SIGNED_UP: {
    readonly municipality: string;
    readonly status: SignupStatus;
    /** The existing sign-up, for a link to it. */
    readonly signupId: string;
  };
}

export type IssueCode = keyof IssueParams;

/** An error or warning: which rule, where in the input, with what values, in Dutch words. */
export type DomainIssue<C extends IssueCode = IssueCode> = {
  [K in C]: {
    readonly code: K;
    /** Path of the input field, e.g. `preferences.1.end`; `''` for the sign-up as a whole. */
    readonly field: string;
    readonly params: IssueParams[K];
    /** The Dutch message (nl-NL); `formatIssue(issue, 'en')` gives the English one. */
    readonly message: string;
  };
}[C];

export type MessageTable = { readonly [C in IssueCode]: (params: IssueParams[C]) => string };

/** The message texts per language, keyed by code; each takes the issue's parameters. */
export const messages: Readonly<Record<Locale, MessageTable>> = {
  nl: MESSAGES_NL,
  en: MESSAGES_EN,
};

export function renderMessage<C extends IssueCode>(
  code: C,
  params: IssueParams[C],
  locale: Locale,
): string {
  const render: (params: IssueParams[C]) => string = messages[locale][code];
  return render(params);
}

export function createIssue<C extends IssueCode>(
  code: C,
  field: string,
  params: IssueParams[C],
): DomainIssue {
  const issue = { code, field, params, message: renderMessage(code, params, 'nl') };
  // TypeScript cannot see that an object with a generic code `C` is a member of the mapped union.
  return issue as DomainIssue;
}

export function formatIssue(issue: DomainIssue, locale: Locale): string {
  return renderMessage(issue.code, issue.params, locale);
}

// The closed lists the API speaks in: every code a request or an answer can carry. The domain,
// the server and the web import them from here (the contract is the leaf: it imports nothing of
// the product), so a status or a permission is written once. Words for them: labels.ts.

/** The states of a sign-up, in the order a sign-up passes them, in the words users use. */
export const SIGNUP_STATUSES = [
  'aangemeld',
  'opties_geplaatst',
  'bevestigd',
  'uitgevoerd',
  'geannuleerd',
  'nieuwe_data_nodig',
] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** Whether the municipality did the "bestuurlijke weerbaarheidsscan" (optional input, no condition). */
export const SCAN_STATUSES = ['gedaan', 'gepland', 'nee', 'onbekend'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** The themes a municipality can ask the workshop to focus on (issue 14, item 3); free text beside. */
export const SCAN_THEMES = [
  'vastgoed',
  'vergunningverlening',
  'intimidatie_raadsleden',
  'integriteit',
  'informatiedeling',
] as const;
export type ScanTheme = (typeof SCAN_THEMES)[number];

/** The three RIECs whose municipalities lie in Noord-Holland (src/data). */
export const RIECS = [
  'RIEC Noord-Holland',
  'RIEC Amsterdam-Amstelland',
  'RIEC Midden-Nederland',
] as const;
export type RiecName = (typeof RIECS)[number];

/** The two trainers of a workshop: one Berenschot advisor and one RIEC advisor (the letter). */
export const TRAINER_ROLES = ['berenschot', 'riec'] as const;
export type TrainerRole = (typeof TRAINER_ROLES)[number];

/** A trainer's answer to a hold invitation, as Graph reports `attendees[].status.response`. */
export const TRAINER_ANSWERS = [
  'none',
  'accepted',
  'tentativelyAccepted',
  'declined',
  'notResponded',
] as const;
export type TrainerAnswer = (typeof TRAINER_ANSWERS)[number];

/** A trainer's free/busy for a slot; a calendar the product cannot see is `unknown`. */
export const AVAILABILITIES = [
  'free',
  'tentative',
  'busy',
  'oof',
  'workingElsewhere',
  'unknown',
] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** How a trainer pair fits one slot (getAvailability). */
export const PAIR_VERDICTS = [
  'beide_vrij',
  'berenschot_onbekend',
  'riec_onbekend',
  'beide_onbekend',
  'bezet',
] as const;
export type PairVerdict = (typeof PAIR_VERDICTS)[number];

/**
 * The state of one hold: `open` from the moment the lifecycle asks for it, `finalized` when it
 * became the confirmed workshop, `released` once it was cancelled.
 */
export const HOLD_STATES = ['open', 'finalized', 'released'] as const;
export type HoldState = (typeof HOLD_STATES)[number];

/** The lifecycle's commands (a line in the log names one, or `register`). */
export const COMMAND_TYPES = [
  'propose',
  'recordHoldIds',
  'recordAnswers',
  'confirm',
  'cancel',
  'expire',
  'markExecuted',
  'newDates',
  'edit',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/** What a line in the log records: a lifecycle command or the registration. */
export const LOG_ACTIONS = [...COMMAND_TYPES, 'register'] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

/**
 * What a line in the log tells, as a code with parameters (the web owns the words, in Dutch and
 * English; issue 18, item 12). Lines written before these codes carry only their Dutch detail.
 * - `trainerAnswered`: a trainer accepted, accepted tentatively or declined an option
 *   (params: role, trainer, option, start, end, answer, comment?);
 * - `municipalityAnswered`: the mayor's office answered the invitation to the confirmed workshop
 *   (params: contact, start, end, answer, comment?);
 * - `attendeesSaved`: the attendee list of the confirmed workshop was saved (params: count). The
 *   line never names an attendee or a party: those live only on the workshop's event (issue 14).
 */
export const LOG_EVENT_CODES = [
  'trainerAnswered',
  'municipalityAnswered',
  'attendeesSaved',
] as const;
export type LogEventCode = (typeof LOG_EVENT_CODES)[number];

/** What the caller may do with a sign-up now (buttons): the lifecycle's actions within their rights. */
export const USER_ACTIONS = ['propose', 'confirm', 'cancel', 'newDates', 'edit'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * What the account holder should look at first, most urgent first:
 * - `municipality_declined`: the mayor's office declined the confirmed workshop (the cabinet
 *   cannot come on the confirmed date): agree on another date;
 * - `new_dates_needed`: no option worked out; ask the municipality for new dates;
 * - `both_accepted`: both trainers accepted an option: it can be confirmed;
 * - `lapses_soon`: the options lapse within three days without a confirmation;
 * - `answer_received`: a trainer answered (e.g. declined or tentative) — have a look;
 * - `options_needed`: registered, no options placed yet.
 */
export const NEEDS_ACTION = [
  'municipality_declined',
  'new_dates_needed',
  'both_accepted',
  'lapses_soon',
  'answer_received',
  'options_needed',
] as const;
export type NeedsAction = (typeof NEEDS_ACTION)[number];

/** The roles of Workshopplanner (from the token's app roles). */
export const ROLES = ['accountHolder', 'trainer', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a caller may do; each route needs one (or one of several). The UI shows by them. */
export const PERMISSIONS = [
  /** Who am I and what may I do (every role). */
  'me:read',
  /** The open campaign: deadline, window, rules (every role). */
  'campaign:read',
  /** Create and edit the editions of the campaign (coordinator). */
  'campaign:write',
  /** Sign-ups of the caller's RIEC(s); every RIEC for the coordinator. */
  'signups:read',
  'signups:write',
  'signups:propose',
  'signups:confirm',
  'signups:cancel',
  'signups:sync',
  /** The caller's own holds and workshops (trainers). */
  'workshops:read-own',
  /** The trainer's own availability ("Mijn beschikbaarheid"): read and state it (trainers). */
  'availability:write-own',
  /** The province view: dashboard and planner previews across all RIECs. */
  'province:read',
  /** Provisioning of the SharePoint lists. */
  'admin:provision',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Stable error codes of problem+json answers; the UI switches on them. */
export const ERROR_CODES = [
  'MALFORMED_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'NO_ROLE',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'DOMAIN_RULE_VIOLATED',
  'PRECONDITION_REQUIRED',
  'RATE_LIMITED',
  'INTERNAL',
  'GRAPH_UNAVAILABLE',
  'AUTH_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Field codes of a 409 from proposeHolds that the account holder may overrule by sending the
 * request again with `acknowledgeOverlaps: true` ("Toch plaatsen").
 */
export const OVERLAP_CODES = ['HOLD_OVERLAPS_WORKSHOP', 'HOLD_OVERLAPS_HOLD'] as const;
export type OverlapCode = (typeof OVERLAP_CODES)[number];

/** How the extraction of a sign-up mail went, when there is something to say about it. */
export const EXTRACTION_WARNINGS = ['mail_cut', 'mail_not_read'] as const;

/** Of a mail body, only this many characters are read (text and HTML each); the rest is cut. */
export const MAX_BODY_CHARACTERS = 64 * 1024;

export type Language = 'nl' | 'en';
export const LANGUAGES = ['nl', 'en'] as const;

/** The verdict of a plan: proven best, best within the time limit (with its gap), greedy, empty. */
export const PLAN_STATUSES = ['optimal', 'timeLimit', 'heuristic', 'empty'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Why the planner left a sign-up without a slot (docs/planner.md). */
export const UNPLANNED_CODES = [
  'SLOTS_UNUSABLE',
  'LOCKED_PAIR_NOT_FREE',
  'NO_COMMON_FREE_SLOT',
  'TRAINER_AT_MAXIMUM',
  'TRAINER_TAKEN',
  'NOT_FOUND_IN_TIME',
] as const;
export type UnplannedCode = (typeof UNPLANNED_CODES)[number];

/** What one preferred slot of an unplanned sign-up was: unusable, blocked by trainers, or open. */
export const SLOT_VERDICTS = ['past', 'outsideWindow', 'invalid', 'blocked', 'open'] as const;
export type SlotVerdict = (typeof SLOT_VERDICTS)[number];

/** Why a sign-up is not in a plan at all: it waits for new dates, or its RIEC has no advisors. */
export const NOT_PLANNABLE_CODES = ['NEEDS_NEW_DATES', 'NO_TRAINERS'] as const;
export type NotPlannableCode = (typeof NOT_PLANNABLE_CODES)[number];

/** Why the planner made no plan at all. */
export const PLAN_REFUSAL_CODES = ['NO_TRAINERS', 'INVALID_INPUT'] as const;
export type PlanRefusalCode = (typeof PLAN_REFUSAL_CODES)[number];

/** Where one sign-up of an applied plan is. */
export const APPLY_OUTCOMES = [
  'waiting',
  'placing',
  'placed',
  'alreadyPlaced',
  'confirmed',
  'needsConfirmation',
  'changed',
  'inProgress',
  'failed',
] as const;
export type ApplyOutcome = (typeof APPLY_OUTCOMES)[number];

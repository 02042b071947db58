// Commands the lifecycle accepts and effects it asks the app layer to perform (DESIGN.md, "The
// sign-up lifecycle"). Effects are data: the domain decides, the app layer talks to Graph.
import type { CommandType as ContractCommandType, LogEventCode } from '../contract/lists.js';
import type { TrainerRole } from './campaign.js';
import type { DomainIssue } from './errors.js';
import type { TrainerConflict } from './trainer-agenda.js';
import type { EventId } from './ids.js';
import type {
  Contact,
  ScanStatus,
  ScanThemes,
  Signup,
  SignupStatus,
  Slot,
  TrainerAnswer,
  TrainerPair,
  ValidPreferences,
} from './signup.js';

/** Who gave a command: display name or UPN of a user, or `systeem` for background jobs. */
export type Actor = string;
export const SYSTEM_ACTOR: Actor = 'systeem';

/** Place the holds for the future preferences with this trainer pair. */
export interface ProposeCommand {
  readonly type: 'propose';
  readonly pair: TrainerPair;
  readonly by: Actor;
}

/** The app created the hold events and knows their ids. */
export interface RecordHoldIdsCommand {
  readonly type: 'recordHoldIds';
  readonly eventIds: readonly { readonly slotIndex: number; readonly eventId: EventId }[];
  readonly by?: Actor;
}

/** Answers read from the organizer's copy of each hold (`attendees[].status.response`). */
export interface OptionAnswers {
  readonly slotIndex: number;
  readonly berenschot?: TrainerAnswer;
  readonly riec?: TrainerAnswer;
  /** The mayor's office's answer to the invitation to the confirmed workshop. */
  readonly municipality?: TrainerAnswer;
  /**
   * The answers' comments (what the trainer or the mayor's office wrote with the answer), when
   * known; logged with the answer.
   */
  readonly comments?: Partial<Readonly<Record<TrainerRole | 'municipality', string>>>;
  /**
   * `lastModifiedDateTime` of the event version the answers come from. An answer read from a
   * version that is not newer than the stored one is ignored (two syncs racing, one working from
   * older calendar data, must not move answers back).
   */
  readonly at?: string;
}

export interface RecordAnswersCommand {
  readonly type: 'recordAnswers';
  readonly answers: readonly OptionAnswers[];
  readonly by?: Actor;
}

/**
 * A trainer's free/busy for the slot, checked just before confirming, *not counting the hold
 * itself* (it sits in their calendar as tentative). Tentative, out of office and working elsewhere
 * are `busy`; a failed or invisible schedule is `unknown`, never `free`.
 */
export type FreshAvailability = 'free' | 'busy' | 'unknown';

export interface ConfirmCommand {
  readonly type: 'confirm';
  readonly slotIndex: number;
  readonly by: Actor;
  readonly freshAvailability: Readonly<Record<TrainerRole, FreshAvailability>>;
  /**
   * Workshops of other sign-ups the trainers give at (or too close to) this slot, from the
   * product's own agenda of confirmed workshops: a trainer cannot be in two places, so no
   * override helps.
   */
  readonly takenBy?: readonly TrainerConflict[];
  /** Confirm although not both trainers accepted in Outlook (e.g. agreed by phone); logged. */
  readonly override?: { readonly reason: string };
}

export interface CancelCommand {
  readonly type: 'cancel';
  readonly reason: string;
  readonly by: Actor;
}

/** Re-evaluates the options: when none can be confirmed any more (lapsed, declined, past). */
export interface ExpireCommand {
  readonly type: 'expire';
  readonly by?: Actor;
}

export interface MarkExecutedCommand {
  readonly type: 'markExecuted';
  readonly by?: Actor;
}

/**
 * The municipality gave new dates: after `nieuwe_data_nodig`, or ("andere data") while options
 * are placed or the workshop is confirmed — then the holds are released first. The same
 * sign-up goes back to `aangemeld`; its history stays in the log.
 */
export interface NewDatesCommand {
  readonly type: 'newDates';
  readonly preferences: ValidPreferences;
  readonly by: Actor;
  /** Why other dates (e.g. "extra raadsvergadering"); logged and in the hold's cancellation. */
  readonly reason?: string;
}

/** What an edit changes; a field left out stays as it is. */
export interface SignupChanges {
  readonly contact?: Contact;
  readonly scanStatus?: ScanStatus;
  /** The scan's themes and date; all empty clears them. */
  readonly scan?: ScanThemes;
  readonly remarks?: string;
  /** Only while nothing is placed (`aangemeld`). */
  readonly preferences?: ValidPreferences;
}

/** The account holder corrects the contact, the scan, the remarks or (unplaced) the slots. */
export interface EditCommand {
  readonly type: 'edit';
  readonly changes: SignupChanges;
  readonly by: Actor;
}

export type Command =
  | ProposeCommand
  | RecordHoldIdsCommand
  | RecordAnswersCommand
  | ConfirmCommand
  | CancelCommand
  | ExpireCommand
  | MarkExecutedCommand
  | NewDatesCommand
  | EditCommand;

export type CommandType = Command['type'];

/** The commands as the API lists them (src/contract/lists.ts); the line below keeps both equal. */
export { COMMAND_TYPES } from '../contract/lists.js';
type SameCommands = [CommandType] extends [ContractCommandType]
  ? [ContractCommandType] extends [CommandType]
    ? true
    : never
  : never;
export const COMMANDS_MATCH_CONTRACT: SameCommands = true;

export interface HoldRef {
  readonly slotIndex: number;
  readonly holdKey: string;
  readonly eventId?: EventId;
}

/** Create one tentative hold per slot with both trainers as required attendees. */
export interface CreateHoldsEffect {
  readonly type: 'createHolds';
  readonly pair: TrainerPair;
  readonly holds: readonly (HoldRef & { readonly slot: Slot })[];
}

/** Turn the chosen hold into the workshop: busy, no "OPTIE", the mayor's office invited. */
export interface FinalizeHoldEffect {
  readonly type: 'finalizeHold';
  readonly slotIndex: number;
  readonly hold: HoldRef;
  readonly slot: Slot;
  readonly attendee: Contact;
}

/** Cancel these holds (organizer's `POST /events/{id}/cancel`) with a Dutch comment. */
export interface CancelHoldsEffect {
  readonly type: 'cancelHolds';
  readonly slotIndices: readonly number[];
  readonly holds: readonly HoldRef[];
  readonly comment: string;
}

/** Write the sign-up's new state to its list item, guarded by its eTag. */
export interface WriteStatusEffect {
  readonly type: 'writeStatus';
  readonly status: SignupStatus;
}

/** What a log line tells, as a code with parameters (the web owns the words). */
export interface LogEvent {
  readonly code: LogEventCode;
  readonly params: Readonly<Record<string, string>>;
}

/** One item in "Workshoplogboek" per status change, and one per answer received. */
export interface AppendLogEffect {
  readonly type: 'appendLog';
  /**
   * The line's own key within the sign-up, when the line is not the operation's one log line
   * (e.g. each answer): derived from what it logs, so the same answer read twice — by two syncs
   * that overlap, or a sync repeated — is one line.
   */
  readonly key?: string;
  readonly event?: LogEvent;
  /** `null` for the registration itself. */
  readonly from: SignupStatus | null;
  readonly to: SignupStatus;
  readonly by: Actor;
  readonly at: string;
  /** Dutch text; includes any override or late-sign-up reason. */
  readonly detail: string;
}

/** A mail to the mayor's office for news that is not a calendar invitation. */
export interface NotifyMunicipalityEffect {
  readonly type: 'notifyMunicipality';
  readonly reason: 'geannuleerd' | 'nieuwe_data_nodig';
  readonly to: Contact;
  /** Dutch text explaining why. */
  readonly detail: string;
}

/**
 * In the order the app layer should perform them: the status write first (the intent, guarded by
 * the eTag, so a crash can resume), then the calendar, then the log and mail.
 */
export type Effect =
  | WriteStatusEffect
  | CreateHoldsEffect
  | FinalizeHoldEffect
  | CancelHoldsEffect
  | AppendLogEffect
  | NotifyMunicipalityEffect;

export type LifecycleError = DomainIssue;

export type TransitionResult =
  | { readonly ok: true; readonly state: Signup; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: LifecycleError };

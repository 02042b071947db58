// The sign-up (aanmelding): what a municipality sends in, and the aggregate the lifecycle moves
// through its states. Types only; rules live in signup-validation.ts and lifecycle.ts.
import type { TrainerRole } from './campaign.js';
import type { Brand, CbsCode, EventId, SignupId } from './ids.js';
import type { Municipality, RiecName } from './municipalities.js';
import type { Slot } from './time.js';
import type {
  HoldState,
  ScanStatus,
  ScanTheme,
  SignupStatus,
  TrainerAnswer,
} from '../contract/lists.js';

export type { Slot } from './time.js';

// The lists of values are the API contract's (src/contract/lists.ts): written once, for the
// domain, the server and the web.
export {
  SCAN_STATUSES,
  SCAN_THEMES,
  type ScanTheme,
  SIGNUP_STATUSES,
  type HoldState,
  type ScanStatus,
  type SignupStatus,
  type TrainerAnswer,
} from '../contract/lists.js';

/** The contact person at the mayor's office (kabinet van de burgemeester / griffie). */
export interface Contact {
  /** The person's name ("J. de Boer"); older sign-ups may have the function after a comma. */
  readonly name: string;
  readonly email: string;
  /** Their function ("kabinet van de burgemeester"), asked separately from the name. */
  readonly function?: string;
}

/**
 * What the municipality wants the workshop to focus on, from its "bestuurlijke
 * weerbaarheidsscan" (issue 14, item 3): themes from a fixed list, free text, and the scan's date.
 * Not special category data; the trainers see it on the workshop sheet.
 */
export interface ScanThemes {
  readonly themes: readonly ScanTheme[];
  readonly other: string;
  /** Amsterdam calendar date `YYYY-MM-DD`, or null when not known. */
  readonly scanDate: string | null;
}

/** A sign-up as the account holder enters it (or as extracted from the municipality's mail). */
export interface SignupRequest {
  readonly cbsCode: string;
  readonly contact: Contact;
  /** The preferred slots, most preferred first. */
  readonly preferences: readonly Slot[];
  readonly scanStatus: ScanStatus;
  /** The scan's themes and date; absent when none were given. */
  readonly scan?: ScanThemes;
  readonly remarks: string;
  /** Accepting a sign-up after the deadline needs an explicit reason, which is logged. */
  readonly lateOverride?: { readonly reason: string };
}

/** Preferences that passed validatePreferences; only signup-validation.ts mints this type. */
export type ValidPreferences = Brand<readonly Slot[], 'ValidPreferences'>;

export interface ValidSignup {
  readonly municipality: Municipality;
  readonly contact: Contact;
  /** Normalised to UTC ISO instants. */
  readonly preferences: ValidPreferences;
  readonly scanStatus: ScanStatus;
  readonly scan?: ScanThemes;
  readonly remarks: string;
  /** Present only when the sign-up came in after the deadline; the app layer logs it. */
  readonly lateOverride?: { readonly reason: string };
}

export interface Trainer {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: TrainerRole;
}

export interface TrainerPair {
  readonly berenschot: Trainer;
  readonly riec: Trainer;
}

export type TrainerAnswers = Readonly<Record<TrainerRole, TrainerAnswer>>;

/** One option: the hold for one preferred slot with the trainer pair. */
export interface HoldOption {
  /** Index of the preference (0-based) this hold is for. */
  readonly slotIndex: number;
  readonly slot: Slot;
  /** Unique per sign-up, round and slot; the gateway derives the Graph `transactionId` from it. */
  readonly holdKey: string;
  readonly eventId?: EventId;
  readonly hold: HoldState;
  readonly answers: TrainerAnswers;
  /**
   * When the organizer's event last changed in the version these answers were read from (Graph's
   * `lastModifiedDateTime`). Answers only move forward: an older reading never overwrites them.
   */
  readonly answersAt?: string;
  /**
   * The mayor's office's answer to the invitation (only on the confirmed workshop's option, where
   * the contact is an attendee). A decline puts the sign-up on the action list.
   */
  readonly municipalityAnswer?: TrainerAnswer;
}

export interface AccountHolder {
  readonly name: string;
  readonly email: string;
}

/** The sign-up aggregate; one item in the SharePoint list "Workshopaanmeldingen". */
export interface Signup {
  readonly id: SignupId;
  readonly campaignId: string;
  readonly municipality: { readonly cbsCode: CbsCode; readonly name: string };
  readonly riec: RiecName;
  readonly accountHolder: AccountHolder;
  readonly contact: Contact;
  readonly preferences: readonly Slot[];
  readonly scanStatus: ScanStatus;
  /** The scan's themes and date (column ScanThemas); absent when none were given. */
  readonly scan?: ScanThemes;
  readonly remarks: string;
  readonly status: SignupStatus;
  /** Copied from the campaign at registration so the rule cannot change under a running sign-up. */
  readonly holdLapseDays: number;
  readonly registeredAt: string;
  readonly lateOverride?: { readonly reason: string };
  readonly pair?: TrainerPair;
  /** How many times options were placed; part of every hold key so a new round never reuses one. */
  readonly round: number;
  /** The holds of the current round; empty before the first proposal and after new dates. */
  readonly options: readonly HoldOption[];
  readonly optionsPlacedAt?: string;
  /** When the holds lapse without a confirmation (Amsterdam calendar days after placing). */
  readonly lapsesAt?: string;
  readonly confirmedSlotIndex?: number;
  /** The SharePoint eTag of the item this state was read from; the app layer fills it. */
  readonly eTag?: string;
}

// The interfaces the planning core needs from Microsoft 365, owned by the inner layer (STYLE.md)
// and implemented by the Graph gateway (src/graph) — or by hand-written fakes in tests.
// Graph's own types never appear here.
import type { ActivityNotice } from './activity-feed.js';
import type { CampaignRecord } from './campaign-settings.js';
import type { CbsCode, EventId, SignupId } from './ids.js';
import type { Actor, CommandType, Effect, LogEvent } from './lifecycle-types.js';
import type { RiecName } from './municipalities.js';
import type { Availability } from './pairing.js';
import type { StoredStatement } from './stated-availability.js';
import type { TrainerAgenda, TrainerBooking } from './trainer-agenda.js';
import type { Contact, Signup, SignupStatus, Slot, Trainer, TrainerAnswer } from './signup.js';

/**
 * An operation that was started on a sign-up and not yet finished: written to the list item
 * before any calendar change, so a crashed run can be resumed (DESIGN.md principle 5).
 */
export interface PendingOperation {
  /** Unique per operation; the key of its log line, so a resumed run logs it once. */
  readonly id: string;
  readonly command: CommandType | 'register';
  readonly by: Actor;
  readonly startedAt: string;
  /**
   * Set by the run that claimed a cut-off operation to finish it (a guarded write before any
   * step that cannot be repeated), so a second instance sees it as running, not as stale.
   */
  readonly resumedAt?: string;
  /** The effects still to perform, exactly as the lifecycle asked for them. */
  readonly effects: readonly Effect[];
}

export interface StoredSignup {
  readonly signup: Signup;
  /** The list item's eTag, for guarded writes (If-Match). */
  readonly eTag: string;
  readonly pending: PendingOperation | null;
}

export interface SignupFilter {
  readonly riec?: RiecName;
  readonly statuses?: readonly SignupStatus[];
  readonly accountHolder?: string;
  readonly trainer?: string;
  readonly cbsCode?: CbsCode;
  readonly campaignId?: string;
  /** Open holds that lapse before this instant. */
  readonly lapsesBefore?: string;
}

/** A page of sign-ups in item id order (StatusLog.page). */
export interface SignupPage {
  readonly signups: readonly StoredSignup[];
  /** The id of the last item read (a hand-broken item is skipped but still read past). */
  readonly lastId: number | undefined;
  /** More items match after `lastId`. */
  readonly more: boolean;
}

/** One line of the audit log (SharePoint list "Workshoplogboek"). */
export interface LogEntry {
  /** Unique: a retried write of the same line is recognised and not doubled. */
  readonly key: string;
  readonly signupId: SignupId;
  readonly cbsCode: CbsCode;
  readonly municipality: string;
  readonly action: CommandType | 'register';
  readonly from: SignupStatus | null;
  readonly to: SignupStatus;
  readonly by: Actor;
  readonly at: string;
  /** Dutch text, for whoever reads the list in SharePoint (and for lines without `event`). */
  readonly detail: string;
  /** What the line tells as a code with parameters; absent on lines written before the codes. */
  readonly event?: LogEvent;
}

/** Which log lines to read across sign-ups. */
export interface LogFilter {
  /** Only this municipality's lines (an indexed column). */
  readonly cbsCode?: CbsCode;
}

/** Reads of the sign-up list and the log. Writes go through a WorkPlan. */
export interface StatusLog {
  read(id: SignupId): Promise<StoredSignup | undefined>;
  list(filter: SignupFilter): Promise<StoredSignup[]>;
  /**
   * One page of a query in item id order: at most `limit` sign-ups whose id is above `afterId`.
   * Ids only grow, so a page after another never repeats or skips an item that changes between
   * the two reads (issue 16, item 4).
   */
  page(filter: SignupFilter, afterId: number | undefined, limit: number): Promise<SignupPage>;
  readLog(id: SignupId): Promise<LogEntry[]>;
  /** Log lines across sign-ups (the campaign-wide log), in no particular order. */
  listLog(filter: LogFilter): Promise<LogEntry[]>;
}

export interface ScheduleItem {
  readonly start: string;
  readonly end: string;
  readonly status: Availability;
  readonly subject?: string;
}

/** What getSchedule told about one address; `visible: false` when it could not see it. */
export interface TrainerSchedule {
  readonly address: string;
  readonly visible: boolean;
  readonly items: readonly ScheduleItem[];
}

/** The organizer's copy of a hold, as delta reports it after a change. */
export interface HoldChange {
  readonly eventId: EventId;
  /** The transactionId the event was created with; undefined for events not made by us. */
  readonly transactionId: string | undefined;
  readonly removed: boolean;
  /** Answers by attendee address (lower case). */
  readonly answers: Readonly<Record<string, TrainerAnswer>>;
  /** The event's `lastModifiedDateTime` in this version (answers only move forward). */
  readonly lastModified?: string;
}

export interface CalendarGateway {
  /**
   * Free/busy of `addresses` as seen from `organizer`'s mailbox, for every window (one
   * getSchedule per window; any number of addresses): result[window][address].
   */
  getSchedules(
    organizer: string,
    addresses: readonly string[],
    windows: readonly Slot[],
  ): Promise<TrainerSchedule[][]>;
  /** Changes to the organizer's calendar since `cursor` (null: everything in `window`). */
  readHoldChanges(
    organizer: string,
    cursor: string | null,
    window: Slot,
  ): Promise<{ readonly changes: readonly HoldChange[]; readonly cursor: string }>;
  /**
   * The organizer's events as they are now (one $batch), for re-deriving answers from the
   * calendar itself after a concurrent change; an event that is gone comes back `removed`.
   */
  readHolds(organizer: string, eventIds: readonly EventId[]): Promise<HoldChange[]>;
}

/** A hold as it goes into the organizer's calendar (texts already rendered, in Dutch). */
export interface HoldDraft {
  /** Unique per sign-up, round and slot: retries of the create return the same event. */
  readonly transactionId: string;
  readonly subject: string;
  readonly bodyHtml: string;
  readonly slot: Slot;
  readonly location: string;
  readonly attendees: readonly Contact[];
  readonly category: string;
}

export interface FinalizeDraft {
  readonly subject: string;
  readonly bodyHtml: string;
  readonly attendees: readonly Contact[];
}

/**
 * The trainers' agendas of confirmed workshops (trainer-agenda.ts), kept by the product in a
 * list that only the application writes.
 */
export interface TrainerAgendas {
  /** The agendas of these trainers (addresses); a trainer without one gets an empty agenda. */
  read(trainers: readonly string[]): Promise<TrainerAgenda[]>;
}

export type PlanStep =
  | {
      readonly kind: 'createSignup';
      readonly signup: Signup;
      readonly pending: PendingOperation | null;
    }
  | {
      readonly kind: 'writeSignup';
      readonly signup: Signup;
      readonly pending: PendingOperation | null;
      /** The eTag read, or the one the item gets from the previous write in this plan. */
      readonly guard: { readonly eTag: string } | 'afterPreviousWrite';
    }
  | { readonly kind: 'createHold'; readonly organizer: string; readonly hold: HoldDraft }
  | {
      readonly kind: 'finalizeHold';
      readonly organizer: string;
      readonly eventId: EventId;
      readonly draft: FinalizeDraft;
    }
  | {
      readonly kind: 'cancelHold';
      readonly organizer: string;
      readonly eventId: EventId;
      readonly comment: string;
    }
  | { readonly kind: 'appendLog'; readonly entry: LogEntry }
  | {
      /**
       * Replaces a trainer's bookings, guarded by the version read (If-Match), or creates the
       * agenda when it had none (its key is unique): a concurrent booking makes it fail.
       */
      readonly kind: 'writeTrainerAgenda';
      readonly agenda: TrainerAgenda;
      readonly bookings: readonly TrainerBooking[];
    }
  | {
      readonly kind: 'sendMail';
      readonly from: string;
      readonly to: Contact;
      readonly subject: string;
      readonly bodyHtml: string;
    };

/**
 * The failure code of a createSignup step that the list refused because the municipality
 * already has a sign-up in the campaign (SharePoint's unique column; status 409).
 */
export const DUPLICATE_SIGNUP = 'duplicateSignup';

export type StepOutcome =
  | {
      readonly ok: true;
      readonly eventId?: EventId;
      readonly eTag?: string;
      readonly signupId?: SignupId;
    }
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: string;
      readonly message: string;
      readonly requestId?: string;
    };

/**
 * Performs writes in as few round trips as the platform allows (one $batch per 20 steps).
 * - `chain` (default): each step runs only if every step before it succeeded — the fast path,
 *   where a guarded intent write comes first and the final write last;
 * - `independent`: every step runs regardless of the others — the resume path.
 * Every step is safe to repeat: holds carry their transactionId; a cancel of a hold that is
 * already gone and a log line that is already there report success.
 */
export interface WorkPlan {
  run(steps: readonly PlanStep[], mode?: 'chain' | 'independent'): Promise<StepOutcome[]>;
}

/** A trainer in the pool; a RIEC advisor belongs to one RIEC. */
export interface TrainerEntry extends Trainer {
  readonly riec?: RiecName;
  /**
   * The account the trainer signs in with (tenant id and object id, lower case): a trainer's
   * rights follow this pair. Missing until the coordinator or provisioning fills it in; a trainer
   * without it sees no workshops.
   */
  readonly account?: { readonly tenantId: string; readonly objectId: string };
}

/** The trainer pool (SharePoint list "Workshoptrainers"), maintained by the coordinator. */
export interface TrainerDirectory {
  listTrainers(): Promise<readonly TrainerEntry[]>;
}

/**
 * Each organizer's calendarView/delta cursor, kept in Microsoft 365 so that a restart or another
 * instance continues where the last sync left off (DESIGN.md "Many instances"). A cursor is
 * written only after every change before it was stored, so whichever instance writes last, the
 * stored cursor never skips a change: at worst a sync reads again what is already stored.
 */
export interface DeltaCursorStore {
  /** The stored cursor, or null when this organizer was never synced. */
  read(organizer: string): Promise<string | null>;
  write(organizer: string, cursor: string): Promise<void>;
}

/**
 * The lease of the background cycle (DESIGN.md "Many instances"): one holder at a time, kept in
 * Microsoft 365 with an expiry and taken or renewed with a guarded write, so that of several
 * instances exactly one runs each interval and a crashed holder is replaced once its lease ran
 * out.
 */
export interface CycleLease {
  /**
   * Takes the lease for `holder` until `until`, or renews it when `holder` has it; false when
   * another holder's lease has not run out at `now`, or another instance took it first.
   */
  acquire(holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease up if `holder` has it (a clean stop), so the next need not wait. */
  release(holder: string, now: Date): Promise<void>;
}

/** What writing a trainer's statement may end in: written, or changed by someone meanwhile. */
export type StatementWriteOutcome =
  | { readonly ok: true; readonly statement: StoredStatement }
  | { readonly ok: false; readonly reason: 'conflict' };

/**
 * The trainers' own availability ("Mijn beschikbaarheid", list Workshopbeschikbaarheid), one
 * item per campaign and trainer account, written only by the application.
 */
export interface StatedAvailabilityStore {
  /** Every statement of the campaign. */
  list(campaignId: string): Promise<StoredStatement[]>;
  /** The statement of one trainer account, or undefined when they stated nothing yet. */
  read(
    campaignId: string,
    account: { readonly tenantId: string; readonly objectId: string },
  ): Promise<StoredStatement | undefined>;
  /**
   * Creates it (`current` undefined; the key is unique) or replaces it guarded by the version
   * read (If-Match): a concurrent save makes it a conflict.
   */
  write(
    statement: Omit<StoredStatement, 'stored'>,
    current: StoredStatement['stored'] | undefined,
  ): Promise<StatementWriteOutcome>;
}

/** An edition as stored, with the version its writes are guarded by (If-Match). */
export interface StoredCampaign {
  readonly record: CampaignRecord;
  /** The list item's eTag. */
  readonly version: string;
}

/** A change of an edition, for the audit log (Workshoplogboek). */
export interface CampaignChange {
  /** Unique: a retried write of the same line is recognised and not doubled. */
  readonly key: string;
  readonly campaignId: string;
  readonly action: 'campaignCreate' | 'campaignUpdate' | 'campaignCurrent';
  readonly by: Actor;
  readonly at: string;
  readonly detail: string;
}

/**
 * The editions of the campaign (SharePoint list "Workshopcampagnes"), edited by the coordinator.
 * The use cases read them through src/app/campaigns.ts, which keeps them a short while.
 */
export interface CampaignStore {
  list(): Promise<StoredCampaign[]>;
  /** 'duplicate' when an edition with this id exists (the id column is unique). */
  create(record: CampaignRecord): Promise<StoredCampaign | 'duplicate'>;
  /** Guarded by `version`: 'conflict' when the edition changed since (or is gone). */
  update(record: CampaignRecord, version: string): Promise<StoredCampaign | 'conflict'>;
  /** Writes the change to the audit log; a line already there counts as written. */
  log(change: CampaignChange): Promise<void>;
}

/** Everything the use cases need from Microsoft 365 for one caller (user or background job). */
/**
 * A file attached to an event in the organizer's calendar (the confirmed workshop's attendee list,
 * issue 14). Only the application's identity writes them; the attendees' copies do not get them.
 */
export interface EventFile {
  readonly id: string;
  readonly name: string;
  readonly lastModified: string;
  readonly content: Uint8Array;
}

export interface EventAttachments {
  /** The files on the organizer's event; `null` when the event is gone. */
  list(organizer: string, eventId: EventId): Promise<EventFile[] | null>;
  add(
    organizer: string,
    eventId: EventId,
    file: { readonly name: string; readonly contentType: string; readonly content: Uint8Array },
  ): Promise<EventFile>;
  /** Safe to repeat: a file that is already gone counts as removed. */
  remove(organizer: string, eventId: EventId, attachmentId: string): Promise<void>;
}

/**
 * One line about a reminder in the audit log (Workshoplogboek), on the municipality: `claimed`
 * is written before the mail goes (so one run sends it), `sent` after Graph took it.
 */
export interface ReminderRecord {
  /** The reminder's key (reminders.ts reminderKey); the line's own key adds the state. */
  readonly key: string;
  /**
   * What the mail is: a reminder to a municipality (the default), a nudge to a trainer who has
   * not answered, or the notice to the account holder that holds lapse soon.
   */
  readonly kind?: 'reminder' | 'nudge' | 'lapseNotice' | 'optionAccepted' | 'notSignedUp';
  /** `resumed`: a run took over a stale claim to finish it (one per claim and interval). */
  readonly state: 'claimed' | 'resumed' | 'sent';
  readonly campaignId: string;
  readonly cbsCode: CbsCode;
  readonly municipality: string;
  readonly address: string;
  /** The account holder's mailbox it is sent from. */
  readonly sender: string;
  /** The Message-ID it is sent with, to find it in the sender's Sent Items. */
  readonly messageId: string;
  readonly by: Actor;
  readonly at: string;
  /** On the claim: the mail as rendered, so a run that finishes it sends the same text. */
  readonly mail?: { readonly subject: string; readonly bodyHtml: string };
  /**
   * On the claim: the Teams activity feed notification to try first (issue 13, item 5); the mail
   * goes only where the app is not installed for the recipient (or a stale claim is finished).
   */
  readonly feed?: ActivityNotice;
}

/** A reminder as Graph sends it: from the account holder's mailbox, with a chosen Message-ID. */
export interface ReminderMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly bodyHtml: string;
  readonly messageId: string;
}

/** Reminders to municipalities (issue 13, item 3): the log lines and the mail. */
export interface ReminderGateway {
  /** Every reminder line (of every edition), in no particular order. */
  list(): Promise<ReminderRecord[]>;
  /** Writes the line; 'exists' when a line with the same key and state is there already. */
  write(record: ReminderRecord): Promise<'written' | 'exists'>;
  send(mail: ReminderMail): Promise<void>;
  /** Whether the sender's Sent Items hold a message with this Message-ID. */
  isSent(sender: string, messageId: string): Promise<boolean>;
  /**
   * Sends a Teams activity feed notification to the recipient; 'notInstalled' when the app is
   * not installed for them (the caller falls back to mail). Absent: no feed, mail only.
   */
  notify?(recipient: string, notice: ActivityNotice): Promise<'sent' | 'notInstalled'>;
}

export interface Microsoft365 {
  /** Files on the organizer's events (attendee lists); absent in fakes that do not need them. */
  readonly attachments?: EventAttachments;
  readonly statusLog: StatusLog;
  readonly cursors: DeltaCursorStore;
  readonly calendar: CalendarGateway;
  readonly plan: WorkPlan;
  readonly trainers: TrainerDirectory;
  readonly agendas: TrainerAgendas;
  readonly statedAvailability: StatedAvailabilityStore;
  readonly campaigns: CampaignStore;
  /** Reminders to municipalities; absent in fakes that do not need them. */
  readonly reminders?: ReminderGateway;
}

/**
 * A change-notification subscription on one organizer's calendar (Graph `/subscriptions` on
 * `/users/{id}/events`), as the product remembers it.
 */
export interface CalendarSubscription {
  readonly id: string;
  /** The organizer's address (lower case). */
  readonly organizer: string;
  /** When Graph drops it unless it is renewed (ISO instant). */
  readonly expiresAt: string;
}

export interface SubscriptionRequest {
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string;
  /** The shared secret every notification must carry (checked before anything is done). */
  readonly clientState: string;
  readonly expiresAt: string;
}

/** Graph's subscriptions, with the app's own identity (application Calendars.Read). */
export interface CalendarSubscriptions {
  /** Subscribes to the organizer's events; Graph validates the endpoint first. */
  create(organizer: string, request: SubscriptionRequest): Promise<CalendarSubscription>;
  /** Extends it; undefined when Graph no longer has it (expired or removed). */
  renew(
    subscription: CalendarSubscription,
    expiresAt: string,
  ): Promise<CalendarSubscription | undefined>;
}

/**
 * The subscriptions the product holds, kept in Microsoft 365 (the state list) so that every
 * instance knows which subscription belongs to which organizer, and a restart renews instead of
 * subscribing again. One per organizer; the last one written wins.
 */
export interface SubscriptionRecords {
  list(): Promise<CalendarSubscription[]>;
  write(subscription: CalendarSubscription): Promise<void>;
}

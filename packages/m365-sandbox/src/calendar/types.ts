// The sandbox's model of a calendar item: one row per copy (the organizer's event and every
// attendee's own copy share an iCalUId), instants in UTC, Graph's enums as Graph spells them.

export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export type ResponseType =
  'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
export type AttendeeType = 'required' | 'optional' | 'resource';
export type Importance = 'low' | 'normal' | 'high';
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';

export type AttendeeAnswer = 'accept' | 'tentativelyAccept' | 'decline';

export interface EmailAddress {
  readonly name: string;
  readonly address: string;
}

export interface ResponseStatus {
  readonly response: ResponseType;
  /** ISO instant, or Graph's "0001-01-01T00:00:00Z" when not answered. */
  readonly time: string;
}

export interface Attendee {
  readonly type: AttendeeType;
  readonly status: ResponseStatus;
  readonly emailAddress: EmailAddress;
}

/** graph.location, kept as the client sent it (plus the defaults Graph fills in). */
export type EventLocation = Readonly<Record<string, unknown>> & {
  readonly displayName: string;
};

/**
 * Where a row is: `active` in the calendar; `declined` is an attendee copy the attendee declined
 * (Outlook moves it out of the calendar: not in events, calendarView or getSchedule, but still
 * readable by id and re-answerable from the invitation); `deleted` is gone (Deleted Items, or
 * deleted for good): 404 by id, `@removed` in delta.
 */
export type EventState = 'active' | 'declined' | 'deleted';

/** The properties Graph serialises, minus the ones derived from the row. */
export interface EventData {
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  importance: Importance;
  sensitivity: Sensitivity;
  showAs: ShowAs;
  isAllDay: boolean;
  isCancelled: boolean;
  isDraft: boolean;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  responseRequested: boolean;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  categories: string[];
  location: EventLocation;
  locations: EventLocation[];
  attendees: Attendee[];
  organizer: EmailAddress;
  responseStatus: ResponseStatus;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
}

export interface StoredEvent {
  readonly id: string;
  /** The user whose calendar holds this copy. */
  readonly ownerId: string;
  readonly iCalUId: string;
  /** For attendee copies: the id of the organizer's event; null on the organizer's own event. */
  readonly organizerEventId: string | null;
  readonly isOrganizer: boolean;
  readonly transactionId: string | null;
  /** Hash of the canonical POST body, to tell a retry from a different event (transactionId). */
  readonly transactionFingerprint: string | null;
  state: EventState;
  startMs: number;
  endMs: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  /** Change sequence (calendar-wide, monotonic): delta returns rows changed after a token's. */
  changeSeq: number;
  /** Sequence at creation, to leave out of delta what a client never saw and never will. */
  readonly createdSeq: number;
  data: EventData;
}

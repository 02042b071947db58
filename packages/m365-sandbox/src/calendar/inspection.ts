// Read access for the inspector: a user's calendar items in a range and single items, in a
// plain shape (the inspector renders HTML and must not depend on the storage model).
import type { SandboxContext } from '../context.js';
import { findEventRow, listEventsInRange } from './store.js';
import type { Attendee, EmailAddress, ResponseType, ShowAs, StoredEvent } from './types.js';

export interface CalendarItem {
  readonly id: string;
  readonly ownerId: string;
  readonly subject: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly showAs: ShowAs;
  readonly isAllDay: boolean;
  readonly isCancelled: boolean;
  readonly isOrganizer: boolean;
  /** The owner's own answer (organizer, none, accepted, …). */
  readonly response: ResponseType;
  /** True when the owner declined (the item is out of the calendar, still answerable). */
  readonly isDeclined: boolean;
  readonly organizer: EmailAddress;
  readonly attendees: readonly Attendee[];
  readonly location: string;
  readonly categories: readonly string[];
  readonly organizerEventId: string | null;
}

function toItem(event: StoredEvent): CalendarItem {
  return {
    id: event.id,
    ownerId: event.ownerId,
    subject: event.data.subject,
    startMs: event.startMs,
    endMs: event.endMs,
    showAs: event.data.showAs,
    isAllDay: event.data.isAllDay,
    isCancelled: event.data.isCancelled,
    isOrganizer: event.isOrganizer,
    response: event.data.responseStatus.response,
    isDeclined: event.state === 'declined',
    organizer: event.data.organizer,
    attendees: event.data.attendees,
    location: event.data.location.displayName,
    categories: event.data.categories,
    organizerEventId: event.organizerEventId,
  };
}

/** Items in a user's calendar overlapping [startMs, endMs), by start. */
export function listCalendarWeek(
  ctx: SandboxContext,
  userId: string,
  startMs: number,
  endMs: number,
): CalendarItem[] {
  return listEventsInRange(ctx.db, userId, startMs, endMs).map(toItem);
}

/** One item by id, unless deleted. */
export function findCalendarItem(ctx: SandboxContext, id: string): CalendarItem | undefined {
  const event = findEventRow(ctx.db, id);
  return event && event.state !== 'deleted' ? toItem(event) : undefined;
}

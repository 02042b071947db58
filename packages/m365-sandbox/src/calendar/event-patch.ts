// PATCH /events/{id}: applies the writable properties to a stored item and says what changed,
// so the organizer's changes can be carried to the attendees (meetings.ts).
import type { Directory } from '../directory/store.js';
import { GraphError } from '../http/graph-error.js';
import { type TUpdateEvent, toAttendees, toLocation, toTimes } from './event-body.js';
import type { MeetingChange } from './meetings.js';
import { formatDateTimeTimeZone, NEVER, UTC_OUTPUT } from './time-zones.js';
import type { StoredEvent } from './types.js';

/** What attendees see of a meeting: a change here is sent to them as an update. */
function visibleContent(event: StoredEvent): string {
  const d = event.data;
  return JSON.stringify([
    d.subject,
    d.body,
    d.location,
    d.locations,
    d.showAs,
    d.categories,
    d.importance,
    d.sensitivity,
    d.isAllDay,
    event.startMs,
    event.endMs,
  ]);
}

export function applyEventPatch(
  directory: Directory,
  event: StoredEvent,
  body: TUpdateEvent,
): MeetingChange {
  if (body.transactionId !== undefined && body.transactionId !== event.transactionId) {
    // transactionId is immutable once set (resources/event.md).
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      'The transactionId of an event cannot be changed.',
    );
  }
  const before = visibleContent(event);
  const previousAttendees = event.data.attendees;
  const d = event.data;
  if (body.subject !== undefined) d.subject = body.subject;
  if (body.body !== undefined) {
    d.body = {
      contentType: body.body.contentType ?? d.body.contentType,
      content: body.body.content ?? '',
    };
  }
  if (body.importance !== undefined) d.importance = body.importance;
  if (body.sensitivity !== undefined) d.sensitivity = body.sensitivity;
  if (body.showAs !== undefined) d.showAs = body.showAs;
  if (body.categories !== undefined) d.categories = body.categories;
  if (body.isAllDay !== undefined) d.isAllDay = body.isAllDay;
  if (body.isReminderOn !== undefined) d.isReminderOn = body.isReminderOn;
  if (body.reminderMinutesBeforeStart !== undefined)
    d.reminderMinutesBeforeStart = body.reminderMinutesBeforeStart;
  if (body.responseRequested !== undefined) d.responseRequested = body.responseRequested;
  if (body.allowNewTimeProposals !== undefined)
    d.allowNewTimeProposals = body.allowNewTimeProposals;
  if (body.hideAttendees !== undefined) d.hideAttendees = body.hideAttendees;
  if (body.isOnlineMeeting !== undefined) {
    // An online meeting cannot be turned off once on (resources/event.md).
    if (d.isOnlineMeeting && !body.isOnlineMeeting) {
      throw new GraphError(400, 'ErrorInvalidRequest', 'An online meeting cannot be turned off.');
    }
    d.isOnlineMeeting = body.isOnlineMeeting;
  }
  if (body.onlineMeetingProvider !== undefined)
    d.onlineMeetingProvider = body.onlineMeetingProvider;
  if (body.location !== undefined) {
    // Setting location replaces locations.
    d.location = toLocation(body.location);
    d.locations = d.location.displayName !== '' ? [d.location] : [];
  } else if (body.locations !== undefined) {
    d.locations = body.locations.map(toLocation);
    d.location = toLocation(body.locations[0]);
  }

  const startBefore = event.startMs;
  const endBefore = event.endMs;
  if (body.start !== undefined || body.end !== undefined) {
    const { startMs, endMs } = toTimes(
      body.start ?? formatDateTimeTimeZone(event.startMs, UTC_OUTPUT),
      body.end ?? formatDateTimeTimeZone(event.endMs, UTC_OUTPUT),
    );
    event.startMs = startMs;
    event.endMs = endMs;
    if (body.start) d.originalStartTimeZone = body.start.timeZone ?? 'UTC';
    if (body.end) d.originalEndTimeZone = body.end.timeZone ?? 'UTC';
  }
  const timeChanged = event.startMs !== startBefore || event.endMs !== endBefore;

  if (body.attendees !== undefined) {
    d.attendees = toAttendees(directory, body.attendees, previousAttendees, d.organizer.address);
  }
  if (timeChanged && event.isOrganizer) {
    // A rescheduled meeting asks every attendee to answer again.
    d.attendees = d.attendees.map((a) => ({ ...a, status: { response: 'none', time: NEVER } }));
  }
  const attendeesChanged =
    JSON.stringify(previousAttendees.map((a) => a.emailAddress.address.toLowerCase())) !==
    JSON.stringify(d.attendees.map((a) => a.emailAddress.address.toLowerCase()));
  return {
    previousAttendees,
    timeChanged,
    contentChanged: before !== visibleContent(event) || attendeesChanged,
  };
}

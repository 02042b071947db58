// A stored calendar item as Graph v1.0 serialises an event: the properties the metadata declares
// for graph.event (graph-v1.0-metadata.xml), in the order Graph writes them, with the etag.
import { DateTime } from 'luxon';
import type { SandboxContext } from '../context.js';
import { countAttachments } from './attachments.js';
import type { SelectableType } from '../http/odata.js';
import { formatDateTimeTimeZone, type OutputZone } from './time-zones.js';
import type { StoredEvent } from './types.js';

/** Graph's bodyPreview: the first 255 characters of the body as text. */
export function previewOf(body: { contentType: 'text' | 'html'; content: string }): string {
  const text =
    body.contentType === 'html'
      ? body.content
          .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
          .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
          .replace(/<[^>]+>/g, '')
          .replace(/&nbsp;/g, ' ')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
      : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/** ISO week of an instant in Amsterdam, for links into the inspector's week view. */
export function isoWeekOf(epochMs: number): string {
  const local = DateTime.fromMillis(epochMs, { zone: 'Europe/Amsterdam' });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

export function toGraphEvent(ctx: SandboxContext, event: StoredEvent, output: OutputZone) {
  const d = event.data;
  return {
    '@odata.etag': `W/"${event.changeKey}"`,
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: event.changeKey,
    categories: d.categories,
    // Graph returns transactionId only when the creator set one (resources/event.md).
    ...(event.transactionId !== null ? { transactionId: event.transactionId } : {}),
    originalStartTimeZone: d.originalStartTimeZone,
    originalEndTimeZone: d.originalEndTimeZone,
    iCalUId: event.iCalUId,
    reminderMinutesBeforeStart: d.reminderMinutesBeforeStart,
    isReminderOn: d.isReminderOn,
    hasAttachments: countAttachments(ctx.db, event.id) > 0,
    subject: d.subject,
    bodyPreview: previewOf(d.body),
    importance: d.importance,
    sensitivity: d.sensitivity,
    isAllDay: d.isAllDay,
    isCancelled: d.isCancelled,
    isOrganizer: event.isOrganizer,
    responseRequested: d.responseRequested,
    seriesMasterId: null,
    showAs: d.showAs,
    type: 'singleInstance',
    // Real Graph links to Outlook on the web; the sandbox links to its inspector's week view.
    webLink: `${ctx.urls.http}/inspector/users/${encodeURIComponent(event.ownerId)}?week=${isoWeekOf(event.startMs)}`,
    onlineMeetingUrl: null,
    isOnlineMeeting: d.isOnlineMeeting,
    onlineMeetingProvider: d.onlineMeetingProvider,
    allowNewTimeProposals: d.allowNewTimeProposals,
    isDraft: d.isDraft,
    hideAttendees: d.hideAttendees,
    responseStatus: d.responseStatus,
    body: d.body,
    start: formatDateTimeTimeZone(event.startMs, output),
    end: formatDateTimeTimeZone(event.endMs, output),
    location: d.location,
    locations: d.locations,
    recurrence: null,
    attendees: d.attendees,
    organizer: { emailAddress: d.organizer },
    onlineMeeting: null,
  };
}

export type GraphEvent = ReturnType<typeof toGraphEvent>;

/** graph.event's properties (graph-v1.0-metadata.xml, with those of outlookItem and entity). */
export const EVENT_TYPE: SelectableType = {
  name: 'event',
  properties: [
    ...['id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories'],
    ...['allowNewTimeProposals', 'attendees', 'body', 'bodyPreview', 'cancelledOccurrences'],
    ...['end', 'hasAttachments', 'hideAttendees', 'iCalUId', 'importance', 'isAllDay'],
    ...['isCancelled', 'isDraft', 'isOnlineMeeting', 'isOrganizer', 'isReminderOn', 'location'],
    ...['locations', 'onlineMeeting', 'onlineMeetingProvider', 'onlineMeetingUrl', 'organizer'],
    ...['originalEndTimeZone', 'originalStart', 'originalStartTimeZone', 'recurrence'],
    ...['reminderMinutesBeforeStart', 'responseRequested', 'responseStatus', 'sensitivity'],
    ...['seriesMasterId', 'showAs', 'start', 'subject', 'transactionId', 'type', 'webLink'],
  ],
  navigation: [
    ...['attachments', 'calendar', 'exceptionOccurrences', 'extensions', 'instances'],
    ...['multiValueExtendedProperties', 'singleValueExtendedProperties'],
  ],
};

/** The entry delta writes for an item that left the view (api/event-delta.md). */
export function removedEntry(id: string) {
  return { '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: 'deleted' } };
}

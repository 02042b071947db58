// What an organizer's change does to the other calendars and mailboxes, as Exchange does it:
// a new meeting puts a copy in each attendee's calendar (in any sandbox tenant) and sends a
// meeting request; an update changes the copies and sends the update; removing an attendee or
// cancelling the meeting marks copies cancelled and sends a cancellation. Addresses outside every
// tenant (a mayor's office) only get the message, in their external mailbox.
import type { SandboxContext } from '../context.js';
import { newExchangeId } from '../ids.js';
import {
  deliverMessage,
  type MailAddress,
  type MeetingMessageType,
  type OutgoingMessage,
} from '../mail/index.js';
import {
  findAttendeeCopy,
  insertEvent,
  listAttendeeCopies,
  nextChangeSeq,
  saveEvent,
} from './store.js';
import { formatDateTimeTimeZone, formatInstant, NEVER, UTC_OUTPUT } from './time-zones.js';
import type { Attendee, ResponseType, ShowAs, StoredEvent } from './types.js';

/** How an attendee's copy shows: accepted takes the organizer's showAs, otherwise tentative. */
export function attendeeShowAs(response: ResponseType, organizerShowAs: ShowAs): ShowAs {
  return response === 'accepted' ? organizerShowAs : 'tentative';
}

const key = (address: string) => address.toLowerCase();

/** Creates the copy of `organizerEvent` in the calendar of every attendee who is a sandbox user. */
function createCopies(
  ctx: SandboxContext,
  organizerEvent: StoredEvent,
  attendees: readonly Attendee[],
): Record<string, string> {
  const ids: Record<string, string> = {};
  const now = formatInstant(ctx.clock.now().getTime());
  for (const attendee of attendees) {
    const user = ctx.directory.findUser(attendee.emailAddress.address);
    if (!user || user.id === organizerEvent.ownerId) continue;
    const existing = findAttendeeCopy(ctx.db, user.id, organizerEvent.id);
    if (existing) {
      // Invited again after being removed: the cancelled copy becomes a fresh request.
      existing.data = copyData(organizerEvent, { response: 'none', time: NEVER });
      existing.startMs = organizerEvent.startMs;
      existing.endMs = organizerEvent.endMs;
      existing.state = 'active';
      saveEvent(ctx, existing);
      ids[key(attendee.emailAddress.address)] = existing.id;
      continue;
    }
    const seq = nextChangeSeq(ctx.db);
    const copy: StoredEvent = {
      id: newExchangeId(),
      ownerId: user.id,
      iCalUId: organizerEvent.iCalUId,
      organizerEventId: organizerEvent.id,
      isOrganizer: false,
      transactionId: null,
      transactionFingerprint: null,
      state: 'active',
      startMs: organizerEvent.startMs,
      endMs: organizerEvent.endMs,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: organizerEvent.changeKey,
      changeSeq: seq,
      createdSeq: seq,
      data: copyData(organizerEvent, { response: 'none', time: NEVER }),
    };
    insertEvent(ctx.db, copy);
    ids[key(attendee.emailAddress.address)] = copy.id;
  }
  return ids;
}

/** The attendee's view of the organizer's data: own response, own showAs, nobody answered. */
function copyData(organizerEvent: StoredEvent, responseStatus: Attendee['status']) {
  const d = organizerEvent.data;
  return {
    ...d,
    showAs: attendeeShowAs(responseStatus.response, d.showAs),
    responseStatus,
    // An attendee's copy does not carry the organizer's tracking of the others' answers.
    attendees: d.attendees.map((a) => ({
      ...a,
      status: { response: 'none' as const, time: NEVER },
    })),
  };
}

function sendMeetingMessage(
  ctx: SandboxContext,
  organizerEvent: StoredEvent,
  type: MeetingMessageType,
  recipients: readonly Attendee[],
  recipientEventIds: Record<string, string>,
  options: { subjectPrefix?: string; comment?: string } = {},
): void {
  if (recipients.length === 0) return;
  const d = organizerEvent.data;
  const message: OutgoingMessage = {
    from: d.organizer,
    toRecipients: recipients.map((a): MailAddress => a.emailAddress),
    subject: `${options.subjectPrefix ?? ''}${d.subject}`,
    body:
      options.comment !== undefined
        ? { contentType: 'text', content: options.comment }
        : { contentType: d.body.contentType, content: d.body.content },
    meeting: {
      type,
      organizerEventId: organizerEvent.id,
      recipientEventIds,
      start: formatDateTimeTimeZone(organizerEvent.startMs, UTC_OUTPUT),
      end: formatDateTimeTimeZone(organizerEvent.endMs, UTC_OUTPUT),
      isAllDay: d.isAllDay,
      ...(d.location.displayName !== '' ? { location: d.location.displayName } : {}),
      ...(type === 'meetingRequest'
        ? {
            responseRequested: d.responseRequested,
            allowNewTimeProposals: d.allowNewTimeProposals,
          }
        : {}),
    },
  };
  deliverMessage(ctx, message);
}

/** A new meeting: copies for sandbox users and one meeting request to every attendee. */
export function inviteAttendees(
  ctx: SandboxContext,
  organizerEvent: StoredEvent,
  attendees: readonly Attendee[],
): void {
  if (attendees.length === 0) return;
  const ids = createCopies(ctx, organizerEvent, attendees);
  sendMeetingMessage(ctx, organizerEvent, 'meetingRequest', attendees, ids);
}

/** Marks copies cancelled and sends the cancellation ("Canceled:" on the message only). */
function cancelFor(
  ctx: SandboxContext,
  organizerEvent: StoredEvent,
  attendees: readonly Attendee[],
  comment: string | undefined,
): void {
  const ids: Record<string, string> = {};
  for (const attendee of attendees) {
    const user = ctx.directory.findUser(attendee.emailAddress.address);
    const copy = user ? findAttendeeCopy(ctx.db, user.id, organizerEvent.id) : undefined;
    if (!copy) continue;
    ids[key(attendee.emailAddress.address)] = copy.id;
    copy.data.isCancelled = true;
    saveEvent(ctx, copy);
  }
  sendMeetingMessage(ctx, organizerEvent, 'meetingCancelled', attendees, ids, {
    subjectPrefix: 'Canceled: ',
    ...(comment !== undefined && comment !== '' ? { comment } : {}),
  });
}

/** cancel / DELETE by the organizer: attendees' copies cancelled, the organizer's event gone. */
export function cancelMeeting(
  ctx: SandboxContext,
  organizerEvent: StoredEvent,
  comment: string | undefined,
): void {
  cancelFor(ctx, organizerEvent, organizerEvent.data.attendees, comment);
  organizerEvent.state = 'deleted';
  saveEvent(ctx, organizerEvent);
}

export interface MeetingChange {
  readonly previousAttendees: readonly Attendee[];
  readonly timeChanged: boolean;
  /** Whether anything attendees see changed (subject, times, body, location, showAs, …). */
  readonly contentChanged: boolean;
}

/**
 * After a PATCH of the organizer's event: added attendees are invited, removed ones get a
 * cancellation, the others' copies follow the organizer's and they get the update. A new time
 * resets everyone's answer, as Outlook asks attendees to respond again to a rescheduled meeting.
 */
export function propagateUpdate(
  ctx: SandboxContext,
  organizerEvent: StoredEvent,
  change: MeetingChange,
): void {
  const current = organizerEvent.data.attendees;
  const before = new Set(change.previousAttendees.map((a) => key(a.emailAddress.address)));
  const now = new Set(current.map((a) => key(a.emailAddress.address)));
  const added = current.filter((a) => !before.has(key(a.emailAddress.address)));
  const removed = change.previousAttendees.filter((a) => !now.has(key(a.emailAddress.address)));
  const kept = current.filter((a) => before.has(key(a.emailAddress.address)));

  if (removed.length > 0) cancelFor(ctx, organizerEvent, removed, undefined);
  if (added.length > 0) inviteAttendees(ctx, organizerEvent, added);
  if (!change.contentChanged || kept.length === 0) return;

  const ids: Record<string, string> = {};
  for (const copy of listAttendeeCopies(ctx.db, organizerEvent.id)) {
    const attendee = kept.find(
      (a) => ctx.directory.findUser(a.emailAddress.address)?.id === copy.ownerId,
    );
    if (!attendee) continue;
    ids[key(attendee.emailAddress.address)] = copy.id;
    const responseStatus = change.timeChanged
      ? { response: 'none' as const, time: NEVER }
      : copy.data.responseStatus;
    copy.data = copyData(organizerEvent, responseStatus);
    copy.startMs = organizerEvent.startMs;
    copy.endMs = organizerEvent.endMs;
    // A declined copy stays out of the calendar unless the meeting moved (a new request).
    if (change.timeChanged) copy.state = 'active';
    saveEvent(ctx, copy);
  }
  sendMeetingMessage(ctx, organizerEvent, 'meetingRequest', kept, ids);
}

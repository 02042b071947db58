// Answers to meeting requests: POST /users/{id}/events/{id}/accept | tentativelyAccept | decline
// (api/event-accept.md, 202 with no body) and respondToEvent for the inspector, which also
// answers for external addresses (a mayor's office answers from its external mailbox).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { GraphError, notFound, parseGraphBody } from '../http/graph-error.js';
import { deliverMessage, type MeetingMessageType } from '../mail/index.js';
import { normalizeParameterNames, resolveMailbox } from './access.js';
import { attendeeShowAs } from './meetings.js';
import { findAttendeeCopy, findEventRow, saveEvent } from './store.js';
import { formatInstant } from './time-zones.js';
import type { AttendeeAnswer, EmailAddress, ResponseType, StoredEvent } from './types.js';

const ANSWERS: Record<
  AttendeeAnswer,
  { response: ResponseType; messageType: MeetingMessageType; prefix: string }
> = {
  accept: { response: 'accepted', messageType: 'meetingAccepted', prefix: 'Accepted: ' },
  // Graph's enum really spells it "meetingTenativelyAccepted" (resources/eventmessage.md).
  tentativelyAccept: {
    response: 'tentativelyAccepted',
    messageType: 'meetingTenativelyAccepted',
    prefix: 'Tentative: ',
  },
  decline: { response: 'declined', messageType: 'meetingDeclined', prefix: 'Declined: ' },
};

export interface RespondOptions {
  /** Graph's sendResponse (default true). */
  readonly sendResponse?: boolean;
}

export interface RespondResult {
  readonly organizerEventId: string;
  /** The attendee's own copy, or null for an external address (no calendar in the sandbox). */
  readonly attendeeEventId: string | null;
}

const invalid = (message: string) => new GraphError(400, 'ErrorInvalidRequest', message);

/**
 * Answers a meeting request as `attendee` (a user id, UPN or address; an address outside every
 * tenant answers from its external mailbox). `eventId` is the attendee's copy or the organizer's
 * event. The attendee's copy takes the answer (decline takes it out of the calendar, as Outlook
 * moves a declined meeting to Deleted Items); with sendResponse (default) the answer is mailed
 * to the organizer and recorded in the organizer's attendees[].status, across tenants too, as an
 * external reply is. Without a response the organizer is not told, as in Exchange, where the
 * organizer's tracking is updated by the response message.
 */
export function respondToEvent(
  ctx: SandboxContext,
  attendee: string,
  eventId: string,
  answer: AttendeeAnswer,
  comment?: string,
  options: RespondOptions = {},
): RespondResult {
  const user = ctx.directory.findUser(attendee);
  const now = formatInstant(ctx.clock.now().getTime());
  const { response, messageType, prefix } = ANSWERS[answer];
  let copy: StoredEvent | undefined;
  let organizerEvent: StoredEvent | undefined;
  if (user) {
    const row = findEventRow(ctx.db, eventId);
    copy =
      row && row.ownerId === user.id && row.state !== 'deleted'
        ? row
        : findAttendeeCopy(ctx.db, user.id, eventId);
    if (!copy) throw notFound('event');
    if (copy.isOrganizer) {
      throw invalid(
        "Your request can't be completed. You can't respond to a meeting you organized.",
      );
    }
    if (copy.data.isCancelled) {
      throw invalid("Your request can't be completed. The meeting has been canceled.");
    }
    organizerEvent = copy.organizerEventId
      ? findEventRow(ctx.db, copy.organizerEventId)
      : undefined;
  } else {
    organizerEvent = findEventRow(ctx.db, eventId);
    if (!organizerEvent || !organizerEvent.isOrganizer) throw notFound('event');
    if (organizerEvent.state === 'deleted') {
      throw invalid("Your request can't be completed. The meeting has been canceled.");
    }
  }
  const address = (user?.mail ?? attendee).toLowerCase();
  const onList = organizerEvent?.data.attendees.find(
    (a) => a.emailAddress.address.toLowerCase() === address,
  );
  if (!user && !onList) throw notFound('attendee');

  if (copy) {
    copy.data.responseStatus = { response, time: now };
    copy.data.showAs = attendeeShowAs(response, organizerEvent?.data.showAs ?? copy.data.showAs);
    copy.state = answer === 'decline' ? 'declined' : 'active';
    saveEvent(ctx, copy);
  }

  const sendResponse = options.sendResponse ?? true;
  if (sendResponse && organizerEvent && organizerEvent.state !== 'deleted' && onList) {
    organizerEvent.data.attendees = organizerEvent.data.attendees.map((a) =>
      a === onList ? { ...a, status: { response, time: now } } : a,
    );
    saveEvent(ctx, organizerEvent);
    const from: EmailAddress = user
      ? { name: user.displayName, address: user.mail }
      : onList.emailAddress;
    deliverMessage(ctx, {
      from,
      toRecipients: [organizerEvent.data.organizer],
      subject: `${prefix}${organizerEvent.data.subject}`,
      body: { contentType: 'text', content: comment ?? '' },
      meeting: {
        type: messageType,
        organizerEventId: organizerEvent.id,
        recipientEventIds: {
          [organizerEvent.data.organizer.address.toLowerCase()]: organizerEvent.id,
        },
      },
    });
  }
  return {
    organizerEventId: organizerEvent?.id ?? copy?.organizerEventId ?? eventId,
    attendeeEventId: copy?.id ?? null,
  };
}

const ZRespond = z
  .object({ comment: z.string().optional(), sendResponse: z.boolean().optional() })
  .strict();

type AnswerRoute = FastifyRequest<{ Params: { id: string; eventId: string } }>;

export function registerResponseRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  for (const answer of ['accept', 'tentativelyAccept', 'decline'] as const) {
    app.post(`/users/:id/events/:eventId/${answer}`, async (request: AnswerRoute, reply) => {
      const user = resolveMailbox(ctx, request, request.params.id, 'write');
      const body = parseGraphBody(
        ZRespond,
        normalizeParameterNames(request.body ?? {}, ['comment', 'sendResponse']),
        answer,
      );
      const event = findEventRow(ctx.db, request.params.eventId);
      if (!event || event.ownerId !== user.id || event.state === 'deleted') {
        throw notFound('event');
      }
      respondToEvent(ctx, user.id, event.id, answer, body.comment, {
        ...(body.sendResponse !== undefined ? { sendResponse: body.sendResponse } : {}),
      });
      return reply.status(202).send();
    });
  }
}

// /users/{id}/events (and, through app.ts's rewrites, /me/events and /users/{id}/calendar/events):
// POST 201, GET list and by id, PATCH 200, DELETE 204, POST /cancel 202
// (api/user-post-events.md, api/event-update.md, api/event-delete.md, api/event-cancel.md).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { duplicateTransactionIdAnswer } from '../http/settings.js';
import { GraphError, notFound, parseGraphBody } from '../http/graph-error.js';
import { applySelectOf, parseCount, parsePrefer } from '../http/odata.js';
import { newChangeKey, newExchangeId } from '../ids.js';
import { normalizeParameterNames, resolveMailbox } from './access.js';
import { ZCreateEvent, ZUpdateEvent, toNewEventData, toTimes } from './event-body.js';
import { applyEventPatch } from './event-patch.js';
import { type EventQuery, pageOf, parseEventFilter, sortEvents } from './event-query.js';
import { EVENT_TYPE, toGraphEvent } from './graph-event.js';
import { cancelMeeting, inviteAttendees, propagateUpdate } from './meetings.js';
import {
  findByTransactionId,
  findOwnEvent,
  fingerprintOf,
  insertEvent,
  listActiveEvents,
  nextChangeSeq,
  saveEvent,
} from './store.js';
import { formatInstant, outputZoneOf, type OutputZone } from './time-zones.js';
import type { StoredEvent } from './types.js';

type UserRoute = FastifyRequest<{ Params: { id: string }; Querystring: EventQuery }>;
type EventRoute = FastifyRequest<{
  Params: { id: string; eventId: string };
  Querystring: EventQuery;
}>;

/** The zone of the response, announced with Preference-Applied as Graph does. */
export function responseZone(request: FastifyRequest, reply: FastifyReply): OutputZone {
  const preferred = parsePrefer(request.headers.prefer).timeZone;
  const output = outputZoneOf(preferred);
  if (preferred && output.name === preferred) {
    reply.header('Preference-Applied', `outlook.timezone="${preferred}"`);
  }
  return output;
}

const entityContext = (ctx: SandboxContext, userId: string) =>
  `${ctx.urls.https}/v1.0/$metadata#users('${encodeURIComponent(userId)}')/events/$entity`;

/** Exchange-style iCalUId: the fixed Outlook prefix followed by a random global object id. */
function newICalUId(): string {
  return `040000008200E00074C5B7101A82E00800000000${randomBytes(24).toString('hex').toUpperCase()}`;
}

/**
 * Exchange's refusal of a used transactionId (the message as alcionai/corso#2490 and other
 * public clients quote it). It does not name the existing event: a client finds it by its
 * transactionId.
 */
const duplicateTransactionId = () =>
  new GraphError(
    400,
    'ErrorDuplicateTransactionId',
    "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event.",
  );

/** Event collections implement $count=true (Graph's @odata.count); $search is refused. */
export const COUNTABLE = { config: { odata: { count: true } } };

const ZCancel = z.object({ comment: z.string().optional() }).strict();

export function registerEventRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/users/:id/events', async (request: UserRoute, reply) => {
    const user = resolveMailbox(ctx, request, request.params.id, 'write');
    const body = parseGraphBody(ZCreateEvent, request.body, 'event');
    if (!body.start || !body.end) {
      throw new GraphError(400, 'ErrorInvalidRequest', 'An event needs both start and end.');
    }
    const output = responseZone(request, reply);
    const fingerprint = body.transactionId ? fingerprintOf(body) : null;
    const event = ctx.db.transaction((): StoredEvent => {
      if (body.transactionId) {
        const earlier = findByTransactionId(ctx.db, user.id, body.transactionId);
        // The same id with another body is refused (resources/event.md). What an identical
        // retry gets is not documented: the original event (nothing new is created or sent), or
        // the same refusal — a sandbox setting, so the product is tested against both.
        const isRetry = earlier?.transactionFingerprint === fingerprint;
        if (earlier && isRetry && duplicateTransactionIdAnswer(ctx) === 'returnExisting') {
          return earlier;
        }
        if (earlier) throw duplicateTransactionId();
      }
      const { startMs, endMs } = toTimes(body.start!, body.end!);
      const now = formatInstant(ctx.clock.now().getTime());
      const seq = nextChangeSeq(ctx.db);
      const created: StoredEvent = {
        id: newExchangeId(),
        ownerId: user.id,
        iCalUId: newICalUId(),
        organizerEventId: null,
        isOrganizer: true,
        transactionId: body.transactionId ?? null,
        transactionFingerprint: fingerprint,
        state: 'active',
        startMs,
        endMs,
        createdDateTime: now,
        lastModifiedDateTime: now,
        changeKey: newChangeKey(),
        changeSeq: seq,
        createdSeq: seq,
        data: toNewEventData(
          ctx.directory,
          body,
          { name: user.displayName, address: user.mail },
          body.start!.timeZone ?? 'UTC',
          body.end!.timeZone ?? 'UTC',
        ),
      };
      insertEvent(ctx.db, created);
      inviteAttendees(ctx, created, created.data.attendees);
      return created;
    })();
    return reply.status(201).send({
      '@odata.context': entityContext(ctx, user.id),
      ...toGraphEvent(ctx, event, output),
    });
  });

  app.get('/users/:id/events', COUNTABLE, async (request: UserRoute, reply) => {
    const user = resolveMailbox(ctx, request, request.params.id, 'read');
    const output = responseZone(request, reply);
    const filter = parseEventFilter(request.query.$filter);
    const events = sortEvents(
      listActiveEvents(ctx.db, user.id).filter((e) => !filter || filter(e)),
      request.query.$orderby,
    );
    const page = pageOf(ctx, request, events);
    return {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${encodeURIComponent(user.id)}')/events`,
      ...(parseCount(request.query.$count) ? { '@odata.count': events.length } : {}),
      value: page.items.map((e) =>
        applySelectOf(toGraphEvent(ctx, e, output), request.query.$select, EVENT_TYPE),
      ),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    };
  });

  app.get('/users/:id/events/:eventId', async (request: EventRoute, reply) => {
    const user = resolveMailbox(ctx, request, request.params.id, 'read');
    const event = findOwnEvent(ctx.db, user.id, request.params.eventId);
    if (!event) throw notFound('event');
    const output = responseZone(request, reply);
    return {
      '@odata.context': entityContext(ctx, user.id),
      ...applySelectOf(toGraphEvent(ctx, event, output), request.query.$select, EVENT_TYPE),
    };
  });

  app.patch('/users/:id/events/:eventId', async (request: EventRoute, reply) => {
    const user = resolveMailbox(ctx, request, request.params.id, 'write');
    const body = parseGraphBody(ZUpdateEvent, request.body, 'event');
    const output = responseZone(request, reply);
    const updated = ctx.db.transaction(() => {
      const event = findOwnEvent(ctx.db, user.id, request.params.eventId);
      if (!event) throw notFound('event');
      const change = applyEventPatch(ctx.directory, event, body);
      saveEvent(ctx, event);
      // Only the organizer's copy reaches the attendees; an attendee's edits stay local.
      const isMeeting = event.data.attendees.length > 0 || change.previousAttendees.length > 0;
      if (event.isOrganizer && isMeeting) propagateUpdate(ctx, event, change);
      return event;
    })();
    return {
      '@odata.context': entityContext(ctx, user.id),
      ...toGraphEvent(ctx, updated, output),
    };
  });

  app.delete('/users/:id/events/:eventId', async (request: EventRoute, reply) => {
    const user = resolveMailbox(ctx, request, request.params.id, 'write');
    ctx.db.transaction(() => {
      const event = findOwnEvent(ctx.db, user.id, request.params.eventId);
      if (!event) throw notFound('event');
      // Deleting a meeting on the organizer's calendar also sends a cancellation.
      if (event.isOrganizer && event.data.attendees.length > 0) {
        cancelMeeting(ctx, event, undefined);
      } else {
        event.state = 'deleted';
        saveEvent(ctx, event);
      }
    })();
    return reply.status(204).send();
  });

  app.post('/users/:id/events/:eventId/cancel', async (request: EventRoute, reply) => {
    const user = resolveMailbox(ctx, request, request.params.id, 'write');
    const body = parseGraphBody(
      ZCancel,
      normalizeParameterNames(request.body ?? {}, ['comment']),
      'cancel',
    );
    ctx.db.transaction(() => {
      const event = findOwnEvent(ctx.db, user.id, request.params.eventId);
      if (!event) throw notFound('event');
      if (!event.isOrganizer) {
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          'You need to be an organizer to cancel a meeting.',
        );
      }
      cancelMeeting(ctx, event, body.comment);
    })();
    return reply.status(202).send();
  });
}

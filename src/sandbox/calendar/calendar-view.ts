// GET /users/{id}/calendarView (api/user-list-calendarview.md) and
// GET /users/{id}/calendarView/delta (api/event-delta.md).
//
// Delta tokens are stateless: base64url JSON with the mailbox, the range, the change sequence
// the round started from (`since`) and the one it runs to (`until`), plus the offset of the next
// page. A deltaLink carries `until` as the next round's `since`, so a round in which nothing
// changed is one indexed query and one request with an empty `value`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import { applySelect, parsePrefer } from '../http/odata.js';
import { resolveMailbox } from './access.js';
import { type EventQuery, pageOf, sortEvents } from './event-query.js';
import { removedEntry, toGraphEvent } from './graph-event.js';
import { responseZone } from './events-routes.js';
import { currentChangeSeq, listChangedEvents, listEventsInRange } from './store.js';
import { parseQueryInstant } from './time-zones.js';
import type { StoredEvent } from './types.js';

type ViewRoute = FastifyRequest<{ Params: { id: string }; Querystring: EventQuery }>;
type DeltaQuery = EventQuery & { $deltatoken?: string; $skiptoken?: string } & Record<
    string,
    string | undefined
  >;
type DeltaRoute = FastifyRequest<{ Params: { id: string }; Querystring: DeltaQuery }>;

/** Both bounds are required (Graph: 400 ErrorInvalidParameters). */
function parseRange(query: EventQuery): { startMs: number; endMs: number } {
  const start = query.startDateTime;
  const end = query.endDateTime;
  if (!start || !end) {
    throw new GraphError(
      400,
      'ErrorInvalidParameters',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  return {
    startMs: parseQueryInstant(start, 'startDateTime'),
    endMs: parseQueryInstant(end, 'endDateTime'),
  };
}

interface DeltaState {
  /** Mailbox (user id) the token belongs to. */
  u: string;
  s: number;
  e: number;
  /** Changes after this sequence are in this round (0 = initial full sync). */
  since: number;
  /** The round covers changes up to this sequence; the next round starts here. */
  until: number;
  /** Offset of the next page within the round. */
  skip: number;
}

function encodeToken(state: DeltaState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

const invalidSyncState = () =>
  new GraphError(
    400,
    'ErrorInvalidSyncStateData',
    'The sync state data is corrupt or otherwise invalid.',
  );

function decodeToken(token: string, userId: string): DeltaState {
  let state: Partial<DeltaState>;
  try {
    state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<DeltaState>;
  } catch {
    // Not a token the sandbox wrote: Graph's answer to a corrupt state token.
    throw invalidSyncState();
  }
  const numbers = [state.s, state.e, state.since, state.until, state.skip];
  if (state.u !== userId || !numbers.every((n) => typeof n === 'number')) throw invalidSyncState();
  return state as DeltaState;
}

/** Delta refuses these options (api/event-delta.md). */
const UNSUPPORTED_ON_DELTA = ['$select', '$filter', '$orderby', '$expand', '$search'];

export function registerCalendarViewRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/users/:id/calendarView', async (request: ViewRoute, reply) => {
    const user = resolveMailbox(ctx, request, request.params.id, 'read');
    const { startMs, endMs } = parseRange(request.query);
    const output = responseZone(request, reply);
    const events = sortEvents(
      listEventsInRange(ctx.db, user.id, startMs, endMs),
      request.query.$orderby,
    );
    const page = pageOf(ctx, request, events);
    return {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${encodeURIComponent(user.id)}')/calendarView`,
      value: page.items.map((e) =>
        applySelect(toGraphEvent(ctx, e, output), request.query.$select),
      ),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    };
  });

  app.get('/users/:id/calendarView/delta', async (request: DeltaRoute, reply) => {
    const user = resolveMailbox(ctx, request, request.params.id, 'read');
    const refused = UNSUPPORTED_ON_DELTA.filter((name) =>
      Object.keys(request.query).some((key) => key.toLowerCase() === name),
    );
    if (refused.length > 0) {
      throw new GraphError(
        400,
        'ErrorInvalidUrlQuery',
        `The following parameters are not supported with change tracking over the 'CalendarView' resource: '${refused.join(', ')}'.`,
      );
    }
    const token = request.query.$skiptoken ?? request.query.$deltatoken;
    let state: DeltaState;
    if (token) {
      state = decodeToken(token, user.id);
      // A deltaLink starts a new round: everything after the last round's end, up to now.
      if (request.query.$deltatoken) state = { ...state, until: currentChangeSeq(ctx.db), skip: 0 };
    } else {
      const { startMs, endMs } = parseRange(request.query);
      state = {
        u: user.id,
        s: startMs,
        e: endMs,
        since: 0,
        until: currentChangeSeq(ctx.db),
        skip: 0,
      };
    }
    const output = responseZone(request, reply);
    const entries = roundEntries(ctx, state).map((entry) =>
      entry.removed ? removedEntry(entry.event.id) : toGraphEvent(ctx, entry.event, output),
    );
    const pageSize = parsePrefer(request.headers.prefer).maxPageSize ?? 100;
    const page = entries.slice(state.skip, state.skip + pageSize);
    const base = `${ctx.urls.https}/v1.0/users/${encodeURIComponent(request.params.id)}/calendarView/delta`;
    const hasMore = state.skip + pageSize < entries.length;
    const link = hasMore
      ? {
          '@odata.nextLink': `${base}?$skiptoken=${encodeToken({ ...state, skip: state.skip + pageSize })}`,
        }
      : {
          '@odata.deltaLink': `${base}?$deltatoken=${encodeToken({ ...state, since: state.until, skip: 0 })}`,
        };
    return {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#Collection(event)`,
      ...link,
      value: page,
    };
  });
}

interface DeltaEntry {
  readonly event: StoredEvent;
  readonly removed: boolean;
}

/**
 * The entries of one round, in a stable order so pages can be cut by offset. Initial sync:
 * every item in the range. Later rounds: items changed in (since, until] — those in the range
 * and in the calendar as they are now, the rest as `@removed` (deleted, declined, moved out of
 * the range; Graph also reports out-of-range changes as removed). Items created and gone within
 * the round, never seen by the client, are left out.
 */
function roundEntries(ctx: SandboxContext, state: DeltaState): DeltaEntry[] {
  if (state.since === 0) {
    return listEventsInRange(ctx.db, state.u, state.s, state.e)
      .filter((event) => event.createdSeq <= state.until)
      .map((event) => ({ event, removed: false }));
  }
  const entries: DeltaEntry[] = [];
  for (const event of listChangedEvents(ctx.db, state.u, state.since, state.until)) {
    const inView = event.state === 'active' && event.startMs < state.e && event.endMs > state.s;
    if (inView) entries.push({ event, removed: false });
    else if (event.createdSeq <= state.since) entries.push({ event, removed: true });
  }
  return entries;
}

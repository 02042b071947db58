// GET /users/{id}/calendarView (api/user-list-calendarview.md) and
// GET /users/{id}/calendarView/delta (api/event-delta.md).
//
// Delta tokens are stateless: base64url JSON with the mailbox, the range, the change sequence
// the round started from (`since`) and the one it runs to (`until`), plus a cursor: the sort key
// of the last entry delivered. A deltaLink carries `until` as the next round's `since`, so a
// round in which nothing changed is one indexed query and one request with an empty `value`.
//
// Pages are cut by that cursor, never by an offset: the list of a round shrinks when an item
// changes again (or is deleted) mid-round, and an offset would then skip an item that nothing
// delivers later (issue 11 item 8). Keys are immutable within a round: an item that changes
// again leaves the round (its new sequence is past `until`) and is the next round's news.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import { applySelectOf, parseCount, parsePrefer } from '../http/odata.js';
import { resolveMailbox } from './access.js';
import { type EventQuery, pageOf, sortEvents } from './event-query.js';
import { EVENT_TYPE, removedEntry, toGraphEvent } from './graph-event.js';
import { COUNTABLE, responseZone } from './events-routes.js';
import { checkGeneration, currentGeneration } from './delta-tokens.js';
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
  /** Sort key of the last entry delivered in this round; null before the first page. */
  after: RoundKey | null;
  /** Generation the token was issued in (delta-tokens.ts); an expired one is answered 410. */
  g?: string;
}

/** [change sequence, id]: the initial sync orders by id alone (sequence 0). */
type RoundKey = readonly [number, string];

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
  const numbers = [state.s, state.e, state.since, state.until];
  if (state.u !== userId || !numbers.every((n) => typeof n === 'number')) throw invalidSyncState();
  const after = state.after;
  const isKey =
    Array.isArray(after) &&
    after.length === 2 &&
    typeof after[0] === 'number' &&
    typeof after[1] === 'string';
  return { ...(state as DeltaState), after: isKey ? after : null };
}

/** Delta refuses these options (api/event-delta.md). */
const UNSUPPORTED_ON_DELTA = ['$select', '$filter', '$orderby', '$expand', '$search'];

export function registerCalendarViewRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/users/:id/calendarView', COUNTABLE, async (request: ViewRoute, reply) => {
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
      ...(parseCount(request.query.$count) ? { '@odata.count': events.length } : {}),
      value: page.items.map((e) =>
        applySelectOf(toGraphEvent(ctx, e, output), request.query.$select, EVENT_TYPE),
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
    const base = `${ctx.urls.https}/v1.0/users/${encodeURIComponent(request.params.id)}/calendarView/delta`;
    if (token) {
      state = decodeToken(token, user.id);
      const initialQuery = `${base}?startDateTime=${new Date(state.s).toISOString()}&endDateTime=${new Date(state.e).toISOString()}`;
      checkGeneration(ctx, user.id, state.g, initialQuery);
      // A deltaLink starts a new round: everything after the last round's end, up to now.
      if (request.query.$deltatoken) {
        state = { ...state, until: currentChangeSeq(ctx.db), after: null };
      }
    } else {
      const { startMs, endMs } = parseRange(request.query);
      state = {
        u: user.id,
        s: startMs,
        e: endMs,
        since: 0,
        until: currentChangeSeq(ctx.db),
        after: null,
        g: currentGeneration(ctx, user.id),
      };
    }
    const output = responseZone(request, reply);
    const pageSize = parsePrefer(request.headers.prefer).maxPageSize ?? 100;
    const remaining = roundEntries(ctx, state).filter(
      (entry) => !state.after || compareKeys(entry.key, state.after) > 0,
    );
    const page = remaining.slice(0, pageSize);
    const last = page.at(-1);
    const link =
      remaining.length > pageSize && last
        ? {
            '@odata.nextLink': `${base}?$skiptoken=${encodeToken({ ...state, after: last.key })}`,
          }
        : {
            '@odata.deltaLink': `${base}?$deltatoken=${encodeToken({ ...state, since: state.until, after: null })}`,
          };
    const value = page.map((entry) =>
      entry.removed ? removedEntry(entry.event.id) : toGraphEvent(ctx, entry.event, output),
    );
    return {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#Collection(event)`,
      ...link,
      value,
    };
  });
}

interface DeltaEntry {
  readonly event: StoredEvent;
  readonly removed: boolean;
  readonly key: RoundKey;
}

function compareKeys(a: RoundKey, b: RoundKey): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/**
 * The entries of one round, ordered by their key. Initial sync: every item in the range that
 * existed when the round began, by id. Later rounds: items changed in (since, until], by change
 * sequence — those in the range and in the calendar as they are now, the rest as `@removed`
 * (deleted, declined, moved out of the range; Graph also reports out-of-range changes as
 * removed). Items created and gone within the round, never seen by the client, are left out.
 * An item that changed after `until` is not in the round: the next one delivers it.
 */
function roundEntries(ctx: SandboxContext, state: DeltaState): DeltaEntry[] {
  if (state.since === 0) {
    return listEventsInRange(ctx.db, state.u, state.s, state.e)
      .filter((event) => event.createdSeq <= state.until && event.changeSeq <= state.until)
      .map((event): DeltaEntry => ({ event, removed: false, key: [0, event.id] }))
      .sort((a, b) => compareKeys(a.key, b.key));
  }
  const entries: DeltaEntry[] = [];
  for (const event of listChangedEvents(ctx.db, state.u, state.since, state.until)) {
    const key: RoundKey = [event.changeSeq, event.id];
    const inView = event.state === 'active' && event.startMs < state.e && event.endMs > state.s;
    if (inView) entries.push({ event, removed: false, key });
    else if (event.createdSeq <= state.since) entries.push({ event, removed: true, key });
  }
  return entries;
}

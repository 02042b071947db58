// The OData query options the sandbox honours on event collections: a small $filter subset
// (what a gateway uses to find its own events), $orderby on times, and paging with $top/$skip
// and `@odata.nextLink`, Graph's default page of 10 events (api/user-list-events.md).
import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import { parsePrefer, parseTop } from '../http/odata.js';
import { parseQueryInstant } from './time-zones.js';
import type { StoredEvent } from './types.js';

export type EventQuery = {
  $select?: string;
  $count?: string;
  $top?: string;
  $skip?: string;
  $filter?: string;
  $orderby?: string;
  startDateTime?: string;
  endDateTime?: string;
};

type Predicate = (event: StoredEvent) => boolean;

const STRING_PROPS: Record<string, (e: StoredEvent) => string | null> = {
  subject: (e) => e.data.subject,
  transactionid: (e) => e.transactionId,
  icaluid: (e) => e.iCalUId,
  showas: (e) => e.data.showAs,
  sensitivity: (e) => e.data.sensitivity,
  importance: (e) => e.data.importance,
};
const BOOLEAN_PROPS: Record<string, (e: StoredEvent) => boolean> = {
  iscancelled: (e) => e.data.isCancelled,
  isorganizer: (e) => e.isOrganizer,
  isallday: (e) => e.data.isAllDay,
};
const TIME_PROPS: Record<string, (e: StoredEvent) => number> = {
  'start/datetime': (e) => e.startMs,
  'end/datetime': (e) => e.endMs,
};

const unquote = (text: string) => text.replace(/''/g, "'");

function invalidFilter(filter: string): GraphError {
  return new GraphError(
    400,
    'ErrorInvalidUrlQueryFilter',
    `The query filter contains one or more invalid nodes (the sandbox supports eq on subject, transactionId, iCalUId, showAs, isCancelled, categories/any and comparisons on start/dateTime and end/dateTime): ${filter}`,
  );
}

function parseClause(clause: string, filter: string): Predicate {
  let m = /^(\w+)\s+eq\s+'((?:[^']|'')*)'$/i.exec(clause);
  const stringProp = m ? STRING_PROPS[(m[1] ?? '').toLowerCase()] : undefined;
  if (m && stringProp) {
    const value = unquote(m[2] ?? '').toLowerCase();
    return (e) => (stringProp(e) ?? '').toLowerCase() === value;
  }
  m = /^(\w+)\s+eq\s+(true|false)$/i.exec(clause);
  const booleanProp = m ? BOOLEAN_PROPS[(m[1] ?? '').toLowerCase()] : undefined;
  if (m && booleanProp) {
    const value = (m[2] ?? '').toLowerCase() === 'true';
    return (e) => booleanProp(e) === value;
  }
  m = /^categories\/any\((\w+):\s*\1\s+eq\s+'((?:[^']|'')*)'\)$/i.exec(clause);
  if (m) {
    const value = unquote(m[2] ?? '').toLowerCase();
    return (e) => e.data.categories.some((c) => c.toLowerCase() === value);
  }
  m = /^startswith\(subject,\s*'((?:[^']|'')*)'\)$/i.exec(clause);
  if (m) {
    const value = unquote(m[1] ?? '').toLowerCase();
    return (e) => e.data.subject.toLowerCase().startsWith(value);
  }
  m = /^(start\/dateTime|end\/dateTime)\s+(eq|ge|gt|le|lt)\s+'([^']+)'$/i.exec(clause);
  const timeProp = m ? TIME_PROPS[(m[1] ?? '').toLowerCase()] : undefined;
  if (m && timeProp) {
    // Filters on start/dateTime compare in UTC (the stored zone), as Graph does.
    const at = parseQueryInstant(m[3] ?? '', '$filter');
    const op = (m[2] ?? '').toLowerCase();
    return (e) => {
      const v = timeProp(e);
      return op === 'eq'
        ? v === at
        : op === 'ge'
          ? v >= at
          : op === 'gt'
            ? v > at
            : op === 'le'
              ? v <= at
              : v < at;
    };
  }
  throw invalidFilter(filter);
}

export function parseEventFilter(filter: string | undefined): Predicate | undefined {
  if (!filter?.trim()) return undefined;
  const clauses = filter.split(/\s+and\s+/i).map((c) =>
    c
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .trim(),
  );
  const predicates = clauses.map((c) => parseClause(c, filter));
  return (event) => predicates.every((p) => p(event));
}

/** $orderby on start/dateTime, end/dateTime, createdDateTime, lastModifiedDateTime. */
export function sortEvents(events: StoredEvent[], orderby: string | undefined): StoredEvent[] {
  if (!orderby?.trim()) return events;
  const [prop = '', dir = 'asc'] = orderby.trim().split(/\s+/);
  const sign = dir.toLowerCase() === 'desc' ? -1 : 1;
  const keyOf: Record<string, (e: StoredEvent) => number | string> = {
    'start/datetime': (e) => e.startMs,
    'end/datetime': (e) => e.endMs,
    createddatetime: (e) => e.createdDateTime,
    lastmodifieddatetime: (e) => e.lastModifiedDateTime,
  };
  const key = keyOf[prop.toLowerCase()];
  if (!key) {
    throw new GraphError(
      400,
      'ErrorInvalidUrlQuery',
      `The $orderby value '${orderby}' is not supported.`,
    );
  }
  return [...events].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -sign : x > y ? sign : 0;
  });
}

export interface Page<T> {
  readonly items: T[];
  readonly nextLink: string | undefined;
}

/** One page of `items` from `$skip`, with a nextLink that keeps the other query options. */
export function pageOf<T>(
  ctx: SandboxContext,
  request: FastifyRequest<{ Querystring: EventQuery }>,
  items: readonly T[],
): Page<T> {
  const prefer = parsePrefer(request.headers.prefer);
  const top = parseTop(request.query.$top, prefer.maxPageSize ?? 10, 1000);
  const skip = Number(request.query.$skip ?? 0);
  if (!Number.isInteger(skip) || skip < 0) {
    throw new GraphError(400, 'BadRequest', `Invalid $skip value '${request.query.$skip ?? ''}'.`);
  }
  const page = items.slice(skip, skip + top);
  if (skip + top >= items.length) return { items: page, nextLink: undefined };
  const [path = '', search = ''] = request.url.split('?');
  const params = new URLSearchParams(search);
  params.set('$top', String(top));
  params.set('$skip', String(skip + top));
  return { items: page, nextLink: `${ctx.urls.https}${path}?${params.toString()}` };
}

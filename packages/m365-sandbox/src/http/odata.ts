// Small helpers for the OData query options and Prefer headers the sandbox honours.
import type { FastifyRequest } from 'fastify';
import { GraphError } from './graph-error.js';

/**
 * Query option names Graph reads whatever their case (`$Filter`, `startdatetime`): the names
 * the sandbox's routes read, each in the spelling they read it in.
 */
const CANONICAL_OPTIONS: ReadonlyMap<string, string> = new Map(
  [
    '$select',
    '$filter',
    '$orderby',
    '$top',
    '$skip',
    '$count',
    '$search',
    '$expand',
    '$skiptoken',
    '$deltatoken',
    '$format',
    'startDateTime',
    'endDateTime',
  ].map((name) => [name.toLowerCase(), name]),
);

/** What a route does with `$count` and `$search` (route config `odata`); refused otherwise. */
export interface ODataSupport {
  /** `$count=true` adds `@odata.count`. */
  readonly count?: boolean;
  readonly search?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    odata?: ODataSupport;
  }
}

/**
 * Runs before every Graph route: renames query options to the spelling the routes read (Graph
 * takes `startdatetime` and `$FILTER`), and refuses `$count` and `$search` where the route does
 * not implement them — with Graph's 400, never by ignoring them and answering as if unasked.
 */
export function checkQueryOptions(request: FastifyRequest): void {
  const query = request.query as Record<string, unknown> | undefined;
  if (!query || typeof query !== 'object') return;
  for (const key of Object.keys(query)) {
    const canonical = CANONICAL_OPTIONS.get(key.toLowerCase());
    if (!canonical || canonical === key) continue;
    if (canonical in query) {
      throw new GraphError(
        400,
        'BadRequest',
        `Query option '${canonical}' was specified more than once.`,
      );
    }
    query[canonical] = query[key];
    delete query[key];
  }
  const support = request.routeOptions.config?.odata ?? {};
  for (const [option, isSupported] of [
    ['$count', support.count === true],
    ['$search', support.search === true],
  ] as const) {
    if (query[option] !== undefined && !isSupported) {
      throw new GraphError(
        400,
        'BadRequest',
        `The query option '${option}' is not supported on this resource by the sandbox.`,
      );
    }
  }
}

/** `$count=true|false` (case-insensitive); anything else is Graph's 400. */
export function parseCount(value: unknown): boolean {
  if (value === undefined) return false;
  const text = String(value).toLowerCase();
  if (text !== 'true' && text !== 'false') {
    throw new GraphError(
      400,
      'BadRequest',
      `Invalid value '${String(value)}' for $count: use true or false.`,
    );
  }
  return text === 'true';
}

export interface PreferOptions {
  /** `Prefer: outlook.timezone="W. Europe Standard Time"` */
  readonly timeZone: string | undefined;
  /** `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` (SharePoint). */
  readonly honorNonIndexedQueries: boolean;
  /** `Prefer: odata.maxpagesize=N` */
  readonly maxPageSize: number | undefined;
}

export function parsePrefer(header: string | string[] | undefined): PreferOptions {
  const parts = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  let timeZone: string | undefined;
  let honorNonIndexedQueries = false;
  let maxPageSize: number | undefined;
  for (const part of parts) {
    const [rawName, ...rest] = part.split('=');
    const name = (rawName ?? '').trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'outlook.timezone') timeZone = value;
    else if (name === 'honornonindexedquerieswarningmayfailrandomly') honorNonIndexedQueries = true;
    else if (name === 'odata.maxpagesize') maxPageSize = Number(value) || undefined;
  }
  return { timeZone, honorNonIndexedQueries, maxPageSize };
}

/** Applies `$select` (comma separated, case-insensitive) to an entity; `id` always stays. */
export function applySelect<T extends Record<string, unknown>>(
  entity: T,
  select: string | undefined,
): Partial<T> {
  if (!select) return entity;
  const wanted = new Set(select.split(',').map((name) => name.trim().toLowerCase()));
  wanted.add('id');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (wanted.has(key.toLowerCase()) || key.startsWith('@odata.')) out[key] = value;
  }
  return out as Partial<T>;
}

/** The type's properties for `$select` (Graph answers 400 for a name the type does not have). */
export interface SelectableType {
  /** e.g. "event" for microsoft.graph.event. */
  readonly name: string;
  /** Structural properties: selected and absent from the entity → null. */
  readonly properties: readonly string[];
  /** Navigation properties: accepted in $select, not serialised. */
  readonly navigation?: readonly string[];
}

/**
 * `$select` as Graph applies it to a type it knows: names case-insensitive, `id` always; a name
 * the type does not have is 400 (the OData parser's "Could not find a property named …"); a
 * property the entity does not carry (e.g. a transactionId never set) is returned as null.
 */
export function applySelectOf(
  entity: Record<string, unknown>,
  select: string | undefined,
  type: SelectableType,
): Record<string, unknown> {
  if (!select || select.split(',').some((name) => name.trim() === '*')) return entity;
  const byLower = new Map(
    [...type.properties, ...(type.navigation ?? [])].map((name) => [name.toLowerCase(), name]),
  );
  const navigation = new Set((type.navigation ?? []).map((name) => name.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key.startsWith('@odata.') || key === 'id') out[key] = value;
  }
  for (const raw of select.split(',')) {
    const name = raw.trim();
    if (name === '' || name === '*') continue;
    const known = byLower.get(name.toLowerCase());
    if (!known) {
      throw new GraphError(
        400,
        'BadRequest',
        `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.${type.name}'.`,
      );
    }
    if (navigation.has(known.toLowerCase())) continue;
    out[known] = entity[known] ?? null;
  }
  return out;
}

/** Reads `$top`, bounded as Graph bounds it for the collection (usually 1–999). */
export function parseTop(value: unknown, fallback: number, max = 999): number {
  if (value === undefined) return fallback;
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > max) {
    throw new GraphError(400, 'BadRequest', `Invalid $top value '${String(value)}'.`);
  }
  return top;
}

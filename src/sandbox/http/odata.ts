// Small helpers for the OData query options and Prefer headers the sandbox honours.
import { GraphError } from './graph-error.js';

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

/** Reads `$top`, bounded as Graph bounds it for the collection (usually 1–999). */
export function parseTop(value: unknown, fallback: number, max = 999): number {
  if (value === undefined) return fallback;
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > max) {
    throw new GraphError(400, 'BadRequest', `Invalid $top value '${String(value)}'.`);
  }
  return top;
}

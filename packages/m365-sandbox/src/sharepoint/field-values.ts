// Field values checked against the list's column types, as SharePoint checks them when Graph
// creates or updates an item (api/listitem-create.md, api/listitem-update.md). A wrong value is
// Graph's 400 invalidRequest with a message that names the field; nothing is written.
import { READ_ONLY_FIELD_NAMES } from './builtin-columns.js';
import { fieldNotRecognized, invalidRequest } from './errors.js';
import type { ColumnDefinition, FieldValue, FieldValues } from './model.js';
import { toSharePointTimestamp } from './model.js';
import { isAnnotation } from './odata-body.js';

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;

const invalidValue = (column: ColumnDefinition, expected: string, raw: unknown) =>
  invalidRequest(
    `Invalid value for field '${column.name}': ${expected} is expected, got ${JSON.stringify(raw)}.`,
  );

/**
 * The stored form of `raw` for `column`, or null when the value clears the field (null or an
 * empty string, which SharePoint stores as no value). Throws 400 for a value of the wrong type.
 */
export function coerceFieldValue(column: ColumnDefinition, raw: unknown): FieldValue | null {
  if (raw === null || raw === '') return null;
  const facet = column.facet;
  switch (facet.kind) {
    case 'text': {
      if (typeof raw !== 'string') throw invalidValue(column, 'a text', raw);
      const limit = facet.allowMultipleLines ? 0 : facet.maxLength;
      if (limit > 0 && raw.length > limit) {
        throw invalidRequest(
          `Invalid value for field '${column.name}': the text is ${raw.length} characters long; the column allows at most ${limit}.`,
        );
      }
      return raw;
    }
    case 'number': {
      // SharePoint parses numbers sent as strings ("32"); anything else is not a number.
      const value =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && NUMERIC.test(raw)
            ? Number(raw)
            : NaN;
      if (!Number.isFinite(value)) throw invalidValue(column, 'a number', raw);
      if (facet.minimum !== null && value < facet.minimum) {
        throw invalidRequest(
          `Invalid value for field '${column.name}': ${value} is less than the minimum ${facet.minimum}.`,
        );
      }
      if (facet.maximum !== null && value > facet.maximum) {
        throw invalidRequest(
          `Invalid value for field '${column.name}': ${value} is greater than the maximum ${facet.maximum}.`,
        );
      }
      return value;
    }
    case 'dateTime':
      return coerceDateTime(column, facet.format, raw);
    case 'choice': {
      if (typeof raw !== 'string') throw invalidValue(column, 'a choice (text)', raw);
      if (!facet.allowTextEntry && !facet.choices.includes(raw)) {
        throw invalidRequest(
          `Invalid value for field '${column.name}': '${raw}' is not one of the choices (${facet.choices.join(', ')}).`,
        );
      }
      return raw;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw invalidValue(column, 'true or false', raw);
      return raw;
    case 'personOrGroup':
    case 'lookup':
      throw invalidRequest(`Field '${column.name}' is read-only`);
  }
}

/**
 * The sandbox's site uses UTC as its regional time zone, so a date-only value is midnight UTC
 * and a local time without offset is read as UTC. (A tenant's site in Amsterdam would return a
 * date-only value as the previous day 22:00Z or 23:00Z.)
 */
function coerceDateTime(
  column: ColumnDefinition,
  format: 'dateOnly' | 'dateTime',
  raw: unknown,
): string {
  const expected = "an ISO 8601 date ('2022-06-14') or date and time ('2022-06-14T19:30:00Z')";
  if (typeof raw !== 'string') throw invalidValue(column, expected, raw);
  const dateOnly = DATE_ONLY.exec(raw);
  let instant: Date;
  if (dateOnly) {
    instant = new Date(`${raw}T00:00:00Z`);
    if (instant.toISOString().slice(0, 10) !== raw) throw invalidValue(column, expected, raw);
  } else if (DATE_TIME.test(raw)) {
    const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(raw);
    instant = new Date(hasOffset ? raw : `${raw}Z`);
    if (Number.isNaN(instant.getTime()) || !sameCalendarDate(raw, instant, hasOffset)) {
      throw invalidValue(column, expected, raw);
    }
  } else {
    throw invalidValue(column, expected, raw);
  }
  const stamp = toSharePointTimestamp(instant);
  return format === 'dateOnly' ? `${stamp.slice(0, 10)}T00:00:00Z` : stamp;
}

/** Rejects dates that Date quietly rolls over (2022-02-30 → March 2). */
function sameCalendarDate(raw: string, instant: Date, hasOffset: boolean): boolean {
  if (hasOffset) return true;
  return instant.toISOString().slice(0, 10) === raw.slice(0, 10);
}

export type WriteMode = 'create' | 'update';

/**
 * Applies a fieldValueSet from a request to an item's stored values: every key must be a
 * writable column (annotations such as `@odata.etag` are ignored), every value of the column's
 * type. On create, defaults fill unset columns and required columns must have a value.
 */
export function applyFieldWrites(
  columns: readonly ColumnDefinition[],
  current: FieldValues,
  body: Readonly<Record<string, unknown>>,
  mode: WriteMode,
): Record<string, FieldValue> {
  const next: Record<string, FieldValue> = { ...current };
  const touched = new Set<string>();
  for (const [key, raw] of Object.entries(body)) {
    if (isAnnotation(key)) continue;
    // SharePoint's internal names are case-sensitive: 'status' is not the column 'Status'.
    const column = columns.find((candidate) => candidate.name === key);
    if (READ_ONLY_FIELD_NAMES.has(key) || column?.readOnly) {
      throw invalidRequest(`Field '${key}' is read-only`);
    }
    if (!column) throw fieldNotRecognized(key);
    const value = coerceFieldValue(column, raw);
    if (value === null) delete next[column.name];
    else next[column.name] = value;
    touched.add(column.name);
  }
  for (const column of columns) {
    if (mode === 'create' && !touched.has(column.name) && column.defaultValue !== null) {
      const value = coerceFieldValue(column, column.defaultValue);
      if (value !== null) next[column.name] = value;
    }
    const mustCheck = mode === 'create' || touched.has(column.name);
    if (column.required && mustCheck && next[column.name] === undefined) {
      throw invalidRequest(
        `Field '${column.name}' is required: you must specify a value for this required field.`,
      );
    }
  }
  return next;
}

/** Throws when a column with enforceUniqueValues would hold a value another item already has. */
export function checkUniqueValues(
  columns: readonly ColumnDefinition[],
  fields: FieldValues,
  others: Iterable<FieldValues>,
): void {
  const unique = columns.filter(
    (column) => column.enforceUniqueValues && fields[column.name] !== undefined,
  );
  if (unique.length === 0) return;
  for (const other of others) {
    for (const column of unique) {
      const mine = fields[column.name];
      const theirs = other[column.name];
      const same =
        typeof mine === 'string' && typeof theirs === 'string'
          ? mine.toLowerCase() === theirs.toLowerCase()
          : mine === theirs;
      if (same) {
        throw invalidRequest(
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
        );
      }
    }
  }
}

// Evaluates $filter and $orderby on list items. SharePoint only filters and sorts on indexed
// columns unless the client sends `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`
// (PLATFORM.md §4); text comparisons are case-insensitive, as SharePoint's are.
import { fieldNotRecognized, invalidRequest, notSupportedBySandbox } from './errors.js';
import type { ColumnDefinition, FieldValue, SpItem } from './model.js';
import type { FilterLiteral, FilterNode } from './odata-filter.js';
import { filterProperties } from './odata-filter.js';

type ValueKind = 'text' | 'number' | 'dateTime' | 'boolean';

export interface QueryableField {
  readonly name: string;
  readonly kind: ValueKind;
  readonly indexed: boolean;
  read(item: SpItem): FieldValue | undefined;
}

/** The fields a query may name: the writable columns plus ID, Created and Modified. */
export function queryableFields(columns: readonly ColumnDefinition[]): Map<string, QueryableField> {
  const fields = new Map<string, QueryableField>();
  const id: QueryableField = { name: 'ID', kind: 'number', indexed: true, read: (item) => item.id };
  fields.set('ID', id);
  fields.set('id', id);
  fields.set('Created', {
    name: 'Created',
    kind: 'dateTime',
    indexed: false,
    read: (item) => item.created,
  });
  fields.set('Modified', {
    name: 'Modified',
    kind: 'dateTime',
    indexed: false,
    read: (item) => item.modified,
  });
  for (const column of columns) {
    const kind = valueKindOf(column);
    if (!kind || column.readOnly) continue;
    fields.set(column.name, {
      name: column.name,
      kind,
      indexed: column.indexed,
      read: (item) => item.fields[column.name],
    });
  }
  return fields;
}

function valueKindOf(column: ColumnDefinition): ValueKind | undefined {
  switch (column.facet.kind) {
    case 'text':
    case 'choice':
      return 'text';
    case 'number':
      return 'number';
    case 'dateTime':
      return 'dateTime';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

/** Resolves `fields/Name` to a field, enforcing the index rule. */
export function resolveQueryField(
  path: readonly string[],
  fields: ReadonlyMap<string, QueryableField>,
  honorNonIndexed: boolean,
): QueryableField {
  if (path.length !== 2 || path[0]?.toLowerCase() !== 'fields') {
    throw notSupportedBySandbox(
      `Filtering or sorting list items on '${path.join('/')}' (use fields/{column})`,
    );
  }
  const name = path[1] ?? '';
  const field = fields.get(name);
  if (!field) throw fieldNotRecognized(name);
  if (!field.indexed && !honorNonIndexed) {
    throw invalidRequest(
      `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
    );
  }
  return field;
}

/** Turns a parsed $filter into a predicate on items (after checking every field it names). */
export function compileItemFilter(
  tree: FilterNode,
  fields: ReadonlyMap<string, QueryableField>,
  honorNonIndexed: boolean,
): (item: SpItem) => boolean {
  for (const path of filterProperties(tree)) resolveQueryField(path, fields, honorNonIndexed);
  const compile = (node: FilterNode): ((item: SpItem) => boolean) => {
    switch (node.kind) {
      case 'and': {
        const [left, right] = [compile(node.left), compile(node.right)];
        return (item) => left(item) && right(item);
      }
      case 'or': {
        const [left, right] = [compile(node.left), compile(node.right)];
        return (item) => left(item) || right(item);
      }
      case 'not': {
        const operand = compile(node.operand);
        return (item) => !operand(item);
      }
      case 'startswith': {
        const field = resolveQueryField(node.property, fields, true);
        if (field.kind !== 'text') {
          throw invalidRequest(
            `Invalid filter clause: startswith needs a text field, not '${field.name}'.`,
          );
        }
        const prefix = node.value.toLowerCase();
        return (item) => {
          const value = field.read(item);
          return typeof value === 'string' && value.toLowerCase().startsWith(prefix);
        };
      }
      case 'compare': {
        const field = resolveQueryField(node.property, fields, true);
        if (node.value.type === 'null') {
          if (node.op !== 'eq' && node.op !== 'ne') {
            throw invalidRequest(`Invalid filter clause: null can only be compared with eq or ne.`);
          }
          const wantEmpty = node.op === 'eq';
          return (item) => (field.read(item) === undefined) === wantEmpty;
        }
        const target = comparable(field, node.value);
        const op = node.op;
        return (item) => {
          const raw = field.read(item);
          if (raw === undefined) return op === 'ne';
          const diff = compareValues(toComparable(field, raw), target);
          return matches(op, diff);
        };
      }
    }
  };
  return compile(tree);
}

type Comparable = number | string | boolean;

function toComparable(field: QueryableField, value: FieldValue): Comparable {
  if (field.kind === 'dateTime') return Date.parse(String(value));
  if (field.kind === 'text') return String(value).toLowerCase();
  return value;
}

function comparable(
  field: QueryableField,
  literal: Exclude<FilterLiteral, { type: 'null' }>,
): Comparable {
  const bad = () =>
    invalidRequest(
      `Invalid filter clause: the value ${JSON.stringify(literal.value)} cannot be compared with field '${field.name}' (${field.kind}).`,
    );
  switch (field.kind) {
    case 'text':
      if (literal.type !== 'string') throw bad();
      return literal.value.toLowerCase();
    case 'number': {
      const value =
        literal.type === 'number'
          ? literal.value
          : literal.type === 'string'
            ? Number(literal.value)
            : NaN;
      if (!Number.isFinite(value)) throw bad();
      return value;
    }
    case 'dateTime': {
      const text = literal.type === 'dateTime' || literal.type === 'string' ? literal.value : '';
      // Like a written value: a date alone is midnight UTC, a time without offset is UTC.
      const normalized = /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? `${text}T00:00:00Z`
        : /(Z|[+-]\d{2}:\d{2})$/.test(text)
          ? text
          : `${text}Z`;
      const value = Date.parse(normalized);
      if (!text || Number.isNaN(value)) throw bad();
      return value;
    }
    case 'boolean':
      if (literal.type === 'boolean') return literal.value;
      if (literal.type === 'number' && (literal.value === 0 || literal.value === 1))
        return literal.value === 1;
      throw bad();
  }
}

function compareValues(a: Comparable, b: Comparable): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function matches(op: string, diff: number): boolean {
  switch (op) {
    case 'eq':
      return diff === 0;
    case 'ne':
      return diff !== 0;
    case 'gt':
      return diff > 0;
    case 'ge':
      return diff >= 0;
    case 'lt':
      return diff < 0;
    default:
      return diff <= 0;
  }
}

export interface OrderBy {
  readonly field: QueryableField;
  readonly descending: boolean;
}

/** Parses `$orderby=fields/A desc,fields/B` (same index rule as $filter). */
export function parseOrderBy(
  text: string,
  fields: ReadonlyMap<string, QueryableField>,
  honorNonIndexed: boolean,
): OrderBy[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [path = '', direction = 'asc', ...extra] = part.split(/\s+/);
      if (extra.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) {
        throw invalidRequest(`Invalid $orderby clause '${part}'.`);
      }
      const field = resolveQueryField(path.split('/'), fields, honorNonIndexed);
      return { field, descending: direction.toLowerCase() === 'desc' };
    });
}

/** Sorts items by the order clauses, then by id; items without a value sort first. */
export function sortItems(items: readonly SpItem[], order: readonly OrderBy[]): SpItem[] {
  return [...items].sort((a, b) => {
    for (const { field, descending } of order) {
      const va = field.read(a);
      const vb = field.read(b);
      const diff =
        va === undefined || vb === undefined
          ? Number(va !== undefined) - Number(vb !== undefined)
          : compareValues(toComparable(field, va), toComparable(field, vb));
      if (diff !== 0) return descending ? -diff : diff;
    }
    return a.id - b.id;
  });
}

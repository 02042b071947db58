// The value checks behind checkAgainstType: structured types (inheritance, open types, derived
// types named by @odata.type, expanded navigation properties), collections, enums and the Edm
// primitive types as Graph serialises them in JSON (OData JSON format 4.01, section 7).
import { typeChain, type MetadataIndex, type StructuredType } from './graph-metadata-index.js';

const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  'Edm.Byte': [0, 255],
  'Edm.SByte': [-128, 127],
  'Edm.Int16': [-32768, 32767],
  'Edm.Int32': [-2147483648, 2147483647],
  'Edm.Int64': [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_OFFSET =
  /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,12})?)?$/;
const DURATION = /^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Entity types whose dynamic properties are real data. The metadata also marks `user`, `event`,
 * `message`'s relatives and others as open, but only so that directory and open extensions
 * (`extension_…`) can appear; the sandbox returns none, so an undeclared property there is a
 * mistake and is reported. Open complex types (identitySet, identity) stay open: SharePoint puts
 * `email` into identity.
 */
const OPEN_ENTITY_TYPES: ReadonlySet<string> = new Set(['microsoft.graph.fieldValueSet']);

const isOpenType = (type: StructuredType) =>
  type.isOpen && (type.kind === 'complex' || OPEN_ENTITY_TYPES.has(type.fullName));

/** Instance annotations (`@odata.etag`) and property annotations (`fields@odata.context`). */
const isAnnotation = (key: string) => key.includes('@');

const describe = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : `${typeof value} ${JSON.stringify(value)}`;

function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function checkPrimitive(type: string, value: unknown, path: string, out: string[]): void {
  const fail = (expected: string) =>
    out.push(`${path}: expected ${expected} (${type}), got ${describe(value)}`);
  const range = INTEGER_RANGES[type];
  if (range) {
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < range[0] ||
      value > range[1]
    ) {
      fail('an integer in range');
    }
    return;
  }
  switch (type) {
    case 'Edm.String':
      if (typeof value !== 'string') fail('a string');
      return;
    case 'Edm.Boolean':
      if (typeof value !== 'boolean') fail('true or false');
      return;
    case 'Edm.Double':
    case 'Edm.Single':
    case 'Edm.Decimal':
      if (typeof value !== 'number' && !['NaN', 'INF', '-INF'].includes(String(value)))
        fail('a number');
      return;
    case 'Edm.DateTimeOffset': {
      const match = typeof value === 'string' ? DATE_TIME_OFFSET.exec(value) : null;
      if (!match || !isValidDate(match[1] ?? '') || Number.isNaN(Date.parse(String(value)))) {
        fail('an ISO 8601 date and time with offset');
      }
      return;
    }
    case 'Edm.Date':
      if (typeof value !== 'string' || !isValidDate(value)) fail('a date YYYY-MM-DD');
      return;
    case 'Edm.TimeOfDay':
      if (typeof value !== 'string' || !TIME_OF_DAY.test(value)) fail('a time of day hh:mm:ss');
      return;
    case 'Edm.Duration':
      if (typeof value !== 'string' || !DURATION.test(value)) fail('an ISO 8601 duration');
      return;
    case 'Edm.Guid':
      if (typeof value !== 'string' || !GUID.test(value)) fail('a GUID');
      return;
    case 'Edm.Binary':
      if (typeof value !== 'string' || !BASE64.test(value)) fail('base64 text');
      return;
    case 'Edm.Stream':
      if (typeof value !== 'string') fail('a stream URL');
      return;
    case 'Edm.Untyped':
      return;
    default:
      // Geography and geometry types are GeoJSON objects.
      if (/^Edm\.(Geography|Geometry)/.test(type)) {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          fail('a GeoJSON object');
        return;
      }
      out.push(`${path}: the checker does not know ${type}`);
  }
}

function checkEnum(
  index: MetadataIndex,
  type: string,
  value: unknown,
  path: string,
  out: string[],
): void {
  const definition = index.enums.get(type);
  if (!definition) return;
  if (typeof value !== 'string') {
    out.push(`${path}: expected a member of ${type}, got ${describe(value)}`);
    return;
  }
  // Flags enums are serialised as a comma-separated list of members.
  const members = definition.isFlags ? value.split(',').map((m) => m.trim()) : [value];
  for (const member of members) {
    if (!definition.members.has(member)) {
      out.push(
        `${path}: '${member}' is not a member of ${type} (${[...definition.members].join(', ')})`,
      );
    }
  }
}

/** The type named by `@odata.type`, if it is the declared type or derives from it. */
function actualType(
  index: MetadataIndex,
  declared: string,
  object: Record<string, unknown>,
  path: string,
  out: string[],
): string {
  const annotation = object['@odata.type'];
  if (typeof annotation !== 'string') return declared;
  const named = annotation.replace(/^#/, '');
  if (!index.types.has(named)) {
    out.push(`${path}: @odata.type '${annotation}' is not a type in the metadata`);
    return declared;
  }
  if (!typeChain(index, named).some((type) => type.fullName === declared)) {
    out.push(`${path}: @odata.type '${annotation}' does not derive from ${declared}`);
    return declared;
  }
  return named;
}

function checkStructured(
  index: MetadataIndex,
  declared: StructuredType,
  value: unknown,
  path: string,
  out: string[],
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push(`${path}: expected an object (${declared.fullName}), got ${describe(value)}`);
    return;
  }
  const object = value as Record<string, unknown>;
  const chain = typeChain(index, actualType(index, declared.fullName, object, path, out));
  const isOpen = chain.some(isOpenType);
  for (const [key, child] of Object.entries(object)) {
    if (isAnnotation(key)) continue;
    const property = chain.map((type) => type.properties.get(key)).find(Boolean);
    if (!property) {
      // Open types (fieldValueSet, identitySet) carry dynamic properties of any type.
      if (!isOpen)
        out.push(`${path}.${key}: property '${key}' is not declared on ${chain[0]?.fullName}`);
      continue;
    }
    checkValue(index, property.type, child, `${path}.${key}`, !property.nullable, out);
  }
}

export function checkValue(
  index: MetadataIndex,
  type: string,
  value: unknown,
  path: string,
  notNull: boolean,
  out: string[],
): void {
  if (value === null) {
    if (notNull) out.push(`${path}: null is not allowed (Nullable="false")`);
    return;
  }
  const collection = /^Collection\((.*)\)$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) {
      out.push(`${path}: expected an array (${type}), got ${describe(value)}`);
      return;
    }
    value.forEach((element, i) =>
      checkValue(index, collection[1] ?? '', element, `${path}[${i}]`, notNull, out),
    );
    return;
  }
  if (type.startsWith('Edm.')) return checkPrimitive(type, value, path, out);
  if (index.enums.has(type)) return checkEnum(index, type, value, path, out);
  const structured = index.types.get(type);
  if (!structured) {
    out.push(`${path}: type ${type} is not in the metadata`);
    return;
  }
  checkStructured(index, structured, value, path, out);
}

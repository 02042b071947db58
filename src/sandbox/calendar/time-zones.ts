// dateTimeTimeZone in and out, as Graph reads and writes it (resources/datetimetimezone.md):
// `dateTime` is a local wall-clock time without offset, `timeZone` a Windows or IANA name.
// The sandbox stores instants in UTC (epoch milliseconds) and converts at the edges with luxon,
// so DST transitions follow the IANA database.
import { DateTime, IANAZone } from 'luxon';
import { GraphError } from '../http/graph-error.js';

export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

/**
 * Windows time-zone names Graph accepts, mapped to the IANA zone with the same rules (CLDR
 * windowsZones.xml, territory 001). Only the zones a Dutch planning tool meets; IANA names are
 * accepted directly.
 */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  utc: 'UTC',
  'coordinated universal time': 'UTC',
  'tzone://microsoft/utc': 'UTC',
  'w. europe standard time': 'Europe/Berlin',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'fle standard time': 'Europe/Kyiv',
  'gtb standard time': 'Europe/Bucharest',
  'e. europe standard time': 'Europe/Chisinau',
  'russian standard time': 'Europe/Moscow',
  'turkey standard time': 'Europe/Istanbul',
  'pacific standard time': 'America/Los_Angeles',
  'mountain standard time': 'America/Denver',
  'central standard time': 'America/Chicago',
  'eastern standard time': 'America/New_York',
  'atlantic standard time': 'America/Halifax',
  'india standard time': 'Asia/Kolkata',
  'nepal standard time': 'Asia/Kathmandu',
  'china standard time': 'Asia/Shanghai',
  'tokyo standard time': 'Asia/Tokyo',
  'aus eastern standard time': 'Australia/Sydney',
  'new zealand standard time': 'Pacific/Auckland',
};

/** The IANA zone for a Windows or IANA name, or undefined when Graph would not know it. */
export function resolveTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  const windows = WINDOWS_ZONES[trimmed.toLowerCase()];
  if (windows) return windows;
  return trimmed !== '' && IANAZone.isValidZone(trimmed) ? trimmed : undefined;
}

function unsupportedTimeZone(name: string): GraphError {
  // The error Exchange answers for an unknown zone in an event body.
  return new GraphError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
  );
}

// Graph writes up to seven fractional digits and accepts them back; an offset or Z is tolerated.
const LOCAL_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/;

/** Parses a dateTimeTimeZone into epoch milliseconds (UTC). */
export function parseDateTimeTimeZone(value: DateTimeTimeZone, field: string): number {
  const zone = resolveTimeZone(value.timeZone);
  if (!zone) throw unsupportedTimeZone(value.timeZone);
  return parseLocalDateTime(value.dateTime, zone, field);
}

/** Parses an ISO local date-time in `zone` (or with its own offset) into epoch milliseconds. */
export function parseLocalDateTime(text: string, zone: string, field: string): number {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) {
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `Cannot convert the literal '${text}' to the expected type 'Edm.DateTime' (${field}).`,
    );
  }
  const fraction = (match[2] ?? '').slice(0, 4);
  const parsed = DateTime.fromISO(`${match[1] ?? ''}${fraction}${match[3] ?? ''}`, {
    zone: match[3] ? 'UTC' : zone,
    setZone: false,
  });
  if (!parsed.isValid) {
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `Cannot convert the literal '${text}' to the expected type 'Edm.DateTime' (${field}).`,
    );
  }
  return parsed.toMillis();
}

/**
 * The zone responses use: `Prefer: outlook.timezone` when Graph knows the name (echoed as
 * given), else UTC. An unknown name falls back to UTC rather than failing the read.
 */
export interface OutputZone {
  /** The name written into `timeZone`. */
  readonly name: string;
  /** The IANA zone used to compute `dateTime`. */
  readonly zone: string;
}

export const UTC_OUTPUT: OutputZone = { name: 'UTC', zone: 'UTC' };

export function outputZoneOf(preferred: string | undefined): OutputZone {
  if (!preferred) return UTC_OUTPUT;
  const zone = resolveTimeZone(preferred);
  return zone ? { name: preferred, zone } : UTC_OUTPUT;
}

/** `{dateTime: "2022-06-14T17:30:00.0000000", timeZone}` as Graph serialises it. */
export function formatDateTimeTimeZone(epochMs: number, output: OutputZone): DateTimeTimeZone {
  const local = DateTime.fromMillis(epochMs, { zone: output.zone });
  return {
    dateTime: `${local.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}0000`,
    timeZone: output.name,
  };
}

/** Edm.DateTimeOffset as Graph writes it: UTC with seven fractional digits. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/Z$/, '0000Z');
}

/** Graph's "never" for response times that were not set (status none). */
export const NEVER = '0001-01-01T00:00:00Z';

/**
 * calendarView's startDateTime / endDateTime: ISO 8601 with or without offset; without one the
 * value is UTC (api/user-list-calendarview.md).
 */
export function parseQueryInstant(text: string, name: string): number {
  const match = LOCAL_DATE_TIME.exec(text.trim()) ?? /^(\d{4}-\d{2}-\d{2})()()$/.exec(text.trim());
  const parsed = match
    ? DateTime.fromISO(`${match[1] ?? ''}${(match[2] ?? '').slice(0, 4)}${match[3] ?? ''}`, {
        zone: 'UTC',
      })
    : undefined;
  if (!parsed?.isValid) {
    throw new GraphError(
      400,
      'ErrorInvalidParameters',
      `The value '${text}' of parameter '${name}' is invalid.`,
    );
  }
  return parsed.toMillis();
}

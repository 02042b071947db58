// dateTimeTimeZone in and out, as Graph reads and writes it (resources/datetimetimezone.md):
// `dateTime` is a local wall-clock time without offset, `timeZone` a Windows id or, in request
// bodies, one of the few IANA names the page lists; `Prefer: outlook.timezone` takes any IANA name.
// The sandbox stores instants in UTC (epoch milliseconds) and converts at the edges with luxon,
// so DST transitions follow the IANA database.
import { DateTime, IANAZone } from 'luxon';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { GraphError } from '../http/graph-error.js';

export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

/**
 * Windows time-zone ids, each mapped to the IANA zone with the same rules: CLDR's
 * windowsZones.xml (territory 001) as the `windows-iana` package ships it. The sandbox depends
 * on that package itself (it is a separate service and imports nothing from the product): the
 * list of Windows ids is data that changes with Windows releases, not something to copy by hand.
 */
const WINDOWS_ZONES: ReadonlyMap<string, string> = new Map(
  WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === '001').flatMap((entry) => {
    const iana = entry.iana.find((name) => IANAZone.isValidZone(name));
    return iana ? [[entry.windowsName.toLowerCase(), iana] as const] : [];
  }),
);

/**
 * The "additional time zones" Graph's dateTimeTimeZone accepts besides the Windows ids
 * (resources/datetimetimezone.md), mapped to the IANA zone luxon computes with. Kept here as
 * the documentation lists them: CLDR knows nothing of this list. Where the page gives two
 * spellings ("Europe/Kyiv (Kiev)") both are accepted. Not in it, and so refused on writes:
 * Europe/Amsterdam, Europe/Brussels, Europe/Madrid and most other IANA names. In the page's order.
 */
const DOCUMENTED_EXTRA_NAMES = `
  Etc/GMT+12 Etc/GMT+11 Pacific/Honolulu America/Anchorage America/Santa_Isabel
  America/Los_Angeles America/Phoenix America/Chihuahua America/Denver America/Guatemala
  America/Chicago America/Mexico_City America/Regina America/Bogota America/New_York
  America/Indiana/Indianapolis America/Caracas America/Asuncion America/Halifax America/Cuiaba
  America/La_Paz America/Santiago America/St_Johns America/Sao_Paulo
  America/Argentina/Buenos_Aires America/Cayenne America/Godthab America/Montevideo
  America/Bahia Etc/GMT+2 Atlantic/Azores Atlantic/Cape_Verde Africa/Casablanca Etc/GMT
  Europe/London Atlantic/Reykjavik Europe/Berlin Europe/Budapest Europe/Paris Europe/Warsaw
  Africa/Lagos Africa/Windhoek Europe/Bucharest Asia/Beirut Africa/Cairo Asia/Damascus
  Africa/Johannesburg Europe/Kyiv Europe/Kiev Europe/Istanbul Asia/Jerusalem Asia/Amman
  Asia/Baghdad Europe/Kaliningrad Asia/Riyadh Africa/Nairobi Asia/Tehran Asia/Dubai Asia/Baku
  Europe/Moscow Indian/Mauritius Asia/Tbilisi Asia/Yerevan Asia/Kabul Asia/Karachi
  Asia/Tashkent Asia/Kolkata Asia/Colombo Asia/Kathmandu Asia/Almaty Asia/Dhaka
  Asia/Yekaterinburg Asia/Yangon Asia/Rangoon Asia/Bangkok Asia/Novosibirsk Asia/Shanghai
  Asia/Krasnoyarsk Asia/Singapore Australia/Perth Asia/Taipei Asia/Ulaanbaatar Asia/Irkutsk
  Asia/Tokyo Asia/Seoul Australia/Adelaide Australia/Darwin Australia/Brisbane Australia/Sydney
  Pacific/Port_Moresby Australia/Hobart Asia/Yakutsk Pacific/Guadalcanal Asia/Vladivostok
  Pacific/Auckland Etc/GMT-12 Pacific/Fiji Asia/Magadan Pacific/Tongatapu Pacific/Apia
  Pacific/Kiritimati
`;

const DOCUMENTED_EXTRA_ZONES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ...DOCUMENTED_EXTRA_NAMES.trim()
      .split(/\s+/)
      .map((name) => [name.toLowerCase(), name] as const),
    // The page's other spellings of two zones, which are not IANA names themselves.
    ['asia/toshkent', 'Asia/Tashkent'] as const,
    ['asia/astana', 'Asia/Almaty'] as const,
  ].filter(([, zone]) => IANAZone.isValidZone(zone)),
);

/** Names Exchange uses for UTC in what it writes; accepted on reads (Prefer) only. */
const UTC_ALIASES: ReadonlySet<string> = new Set([
  'coordinated universal time',
  'tzone://microsoft/utc',
]);

/**
 * The IANA zone for a name in a request body (event start/end, getSchedule startTime/endTime):
 * a Windows id or one of the documented additional names, or undefined when Graph refuses it
 * (create and update "might not support all" zones: the sandbox takes the documented ones).
 */
export function resolveWritableTimeZone(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  return WINDOWS_ZONES.get(key) ?? DOCUMENTED_EXTRA_ZONES[key];
}

/**
 * The IANA zone for a name Graph reads more leniently (`Prefer: outlook.timezone`, and the
 * inspector showing what a client wrote): any Windows id or IANA name.
 */
export function resolveTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  const known = resolveWritableTimeZone(trimmed);
  if (known) return known;
  if (UTC_ALIASES.has(trimmed.toLowerCase())) return 'UTC';
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
  const zone = resolveWritableTimeZone(value.timeZone);
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

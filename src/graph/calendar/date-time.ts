// Graph's dateTimeTimeZone ↔ ISO 8601 instants. We write UTC or a Windows time-zone id and read
// whatever zone Graph answers in (UTC unless a Prefer: outlook.timezone header asked otherwise).
//
// Why Windows ids: Graph's dateTimeTimeZone takes the Windows ids plus a short list of IANA
// names (resources/datetimetimezone.md, "Additional time zones"). That list has Europe/Berlin
// and Europe/Paris but not Europe/Amsterdam, and create/update may accept fewer still (400
// TimeZoneNotSupportedException). The Windows id is the one name every method takes. The
// mapping comes from CLDR's windowsZones.xml through the `windows-iana` package, not a hand table.
import { DateTime, IANAZone } from 'luxon';
import { WINDOWS_TO_IANA_MAP, findWindows } from 'windows-iana';
import { AMSTERDAM } from '../../domain/time.js';

export interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone: string;
}

/** Windows id (lower case) → the IANA zone of CLDR's territory 001 ("golden zone"). */
const WINDOWS_TO_IANA: ReadonlyMap<string, string> = new Map(
  WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === '001').flatMap((entry) => {
    const iana = entry.iana.find((name) => IANAZone.isValidZone(name));
    return iana ? [[entry.windowsName.toLowerCase(), iana] as const] : [];
  }),
);

/** The Windows id Graph writes Amsterdam wall-clock times in: "W. Europe Standard Time". */
export const AMSTERDAM_WINDOWS_ZONE: string = windowsZoneOf(AMSTERDAM);

function windowsZoneOf(iana: string): string {
  const windows = findWindows(iana)[0];
  if (!windows) throw new Error(`CLDR has no Windows time zone for ${iana}`);
  return windows;
}

/** The IANA zone for a zone name Graph answers with: a Windows id, an IANA name, or UTC. */
export function toIanaZone(timeZone: string): string | undefined {
  const name = timeZone.trim();
  const windows = WINDOWS_TO_IANA.get(name.toLowerCase());
  if (windows) return windows;
  // Exchange's own spelling of UTC, seen in answers that echo a stored zone.
  if (/^tzone:\/\/microsoft\/utc$/i.test(name)) return 'UTC';
  return IANAZone.isValidZone(name) ? name : undefined;
}

export function toGraphDateTime(instant: string): GraphDateTime {
  const utc = DateTime.fromISO(instant, { setZone: true }).toUTC();
  return { dateTime: utc.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: 'UTC' };
}

/** Amsterdam wall-clock time, which is how the organizer and attendees think of a workshop. */
export function toAmsterdamGraphDateTime(instant: string): GraphDateTime {
  const local = DateTime.fromISO(instant, { setZone: true }).setZone(AMSTERDAM);
  return { dateTime: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: AMSTERDAM_WINDOWS_ZONE };
}

export function fromGraphDateTime(value: GraphDateTime): string {
  const zone = toIanaZone(value.timeZone);
  const parsed = zone ? DateTime.fromISO(value.dateTime, { zone }) : undefined;
  if (!parsed?.isValid)
    throw new Error(`Graph returned an unreadable dateTime: ${value.dateTime} ${value.timeZone}`);
  return parsed.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

// Dates that make a workshop evening awkward in the Netherlands: public holidays, weekends, the
// evenings people keep free and the week of the municipal elections. All by the Amsterdam
// calendar date.
import Holidays from 'date-holidays';
import { parsePlainDate } from './time.js';
import type { PlainDate } from './time.js';

export interface PublicHoliday {
  readonly date: PlainDate;
  readonly nameNl: string;
  readonly nameEn: string;
}

// Public holidays only: Goede Vrijdag and Bevrijdingsdag (not a day off for everyone every year)
// are "school"/"observance" in date-holidays and are left out on purpose.
const holidays = new Holidays('NL', { types: ['public'] });
const holidaysByYear = new Map<number, ReadonlyMap<PlainDate, PublicHoliday>>();

function holidaysOf(year: number): ReadonlyMap<PlainDate, PublicHoliday> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  // `date` is "YYYY-MM-DD hh:mm:ss" in the country's own zone, so the first ten characters are
  // the Dutch calendar date whatever zone this process runs in.
  const english = new Map(holidays.getHolidays(year, 'en').map((h) => [h.date, h.name]));
  const byDate = new Map<PlainDate, PublicHoliday>();
  for (const h of holidays.getHolidays(year, 'nl')) {
    const date = h.date.slice(0, 10);
    byDate.set(date, { date, nameNl: h.name, nameEn: english.get(h.date) ?? h.name });
  }
  holidaysByYear.set(year, byDate);
  return byDate;
}

/** The Dutch public holiday on that date (Nieuwjaarsdag, Pasen, Koningsdag, …), if any. */
export function findPublicHoliday(date: PlainDate): PublicHoliday | undefined {
  return holidaysOf(Number(date.slice(0, 4))).get(date);
}

export interface EveningOff {
  readonly date: PlainDate;
  readonly nameNl: string;
  readonly nameEn: string;
}

// Not days off, so not public holidays, but evenings no council meets and few council members
// would come to a workshop: family evenings, and the national two minutes' silence at 20:00.
const EVENINGS_OFF: Readonly<Record<string, readonly [nl: string, en: string]>> = {
  '05-04': ['Dodenherdenking', 'Remembrance of the Dead'],
  '12-05': ['pakjesavond', 'St Nicholas’ Eve'],
  '12-24': ['kerstavond', 'Christmas Eve'],
  '12-31': ['oudejaarsavond', 'New Year’s Eve'],
};

/** The evening people in the Netherlands keep free on that date (kerstavond, …), if any. */
export function findEveningOff(date: PlainDate): EveningOff | undefined {
  const names = EVENINGS_OFF[date.slice(5, 10)];
  return names ? { date, nameNl: names[0], nameEn: names[1] } : undefined;
}

export function isWeekend(date: PlainDate): boolean {
  const weekday = parsePlainDate(date)?.weekday;
  return weekday === 6 || weekday === 7;
}

/**
 * Polling days of the regular municipal elections (gemeenteraadsverkiezingen), every four years
 * in March. Kieswet art. F 1 puts the nomination day on the Monday from 30 January to 5 February
 * and art. J 1 the vote on the 44th day after it: a Wednesday from 15 to 21 March in these
 * (non-leap) years. 2022 and 2026 are the announced dates; later ones follow from that rule.
 * Reorganisation elections (herindelingsverkiezingen, usually November) are not listed.
 */
export const MUNICIPAL_ELECTION_DAYS: readonly PlainDate[] = [
  '2022-03-16',
  '2026-03-18',
  '2030-03-20',
  '2034-03-15',
  '2038-03-17',
];

function isoWeekOf(date: PlainDate): string | undefined {
  const day = parsePlainDate(date);
  return day ? `${day.weekYear}-W${day.weekNumber}` : undefined;
}

// ISO weeks run Monday to Sunday, as Dutch calendars do.
const ELECTION_BY_WEEK = new Map(MUNICIPAL_ELECTION_DAYS.map((day) => [isoWeekOf(day), day]));

/** The election day whose week (Monday to Sunday) contains this date, if any. */
export function findElectionInWeekOf(date: PlainDate): PlainDate | undefined {
  return ELECTION_BY_WEEK.get(isoWeekOf(date));
}

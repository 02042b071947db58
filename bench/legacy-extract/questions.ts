// BASELINE ONLY (bench/extract.ts): src/domain/slots/questions.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// Every question the extraction can ask the account holder, in Dutch, in one place so the wording
// stays consistent. A quoted fragment of the mail is shown between ‘ and ’.
import { DateTime } from 'luxon';
import { formatDutchDate, nameWeekday } from './dutch-vocabulary.js';

function quote(text: string): string {
  return `‘${text}’`;
}

/** "a", "a en b", "a, b en c" (or with "of"). */
export function joinDutch(items: readonly string[], conjunction: 'en' | 'of' = 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function askMunicipalityUnknown(): string {
  return 'Van welke gemeente is deze aanmelding? Afzender, onderwerp en tekst noemen geen gemeente in Noord-Holland.';
}

export function askMunicipalityConflict(candidates: readonly string[]): string {
  return `De mail wijst naar meer dan één gemeente: ${joinDutch(candidates)}. Om welke gemeente gaat het?`;
}

export function askFormerMunicipality(
  former: string,
  sources: string,
  mergedOn: string,
  successor: string,
): string {
  const date = formatDutchDate(DateTime.fromISO(mergedOn, { zone: 'Europe/Amsterdam' }));
  return `De mail noemt de voormalige gemeente ${former} (${sources}), die op ${date} is opgegaan in ${successor}. Gaat het om de gemeente ${successor}?`;
}

export function askWeekdayMismatch(source: string, date: DateTime, written: number): string {
  return `${quote(source)}: ${formatDutchDate(date)} is een ${nameWeekday(date.weekday)}, geen ${nameWeekday(written)}. Welke datum is bedoeld?`;
}

export function askInvalidDate(source: string): string {
  return `${quote(source)} bevat een datum die niet bestaat. Welke datum is bedoeld?`;
}

export function askPastDate(source: string, date: DateTime): string {
  return `${quote(source)}: ${formatDutchDate(date)} ligt vóór de datum waarop de mail binnenkwam. Welke datum is bedoeld?`;
}

export function askMissingTime(source: string): string {
  return `${quote(source)} noemt geen tijd. Hoe laat zou de workshop beginnen?`;
}

export function askUnclearTime(source: string): string {
  return `${quote(source)}: de tijden kloppen niet met elkaar. Van hoe laat tot hoe laat is bedoeld?`;
}

export function askAmbiguousTime(source: string, readings: readonly string[]): string {
  return `${quote(source)}: is dat ${joinDutch(readings, 'of')}?`;
}

export function askNegatedDate(source: string): string {
  return `${quote(source)}: is dit een voorkeursmoment, of juist een moment dat níet kan?`;
}

export function askWeekWithoutDay(text: string, weeks: readonly string[]): string {
  return `${quote(text)} noemt geen dag: welke dag en welke tijd in ${joinDutch(weeks, 'of')} zijn bedoeld?`;
}

export function askWeekdayWithoutDate(source: string): string {
  return `${quote(source)} noemt een dag maar geen datum. Welke datum is bedoeld?`;
}

export function askVagueDate(source: string): string {
  return `${quote(source)} noemt geen precieze datum. Welke dag en welke tijd zijn bedoeld?`;
}

export function askAsSoonAsPossible(text: string): string {
  return `De gemeente vraagt om een workshop ${quote(text)}. Welke data en tijden komen in aanmerking?`;
}

/** The sign-up asks for three preferred slots (letter of 28 April 2022). */
export function askSlotCount(found: number): string | undefined {
  if (found === 3) return undefined;
  if (found === 0) {
    return 'Er is geen voorkeursmoment gevonden. Vraag de gemeente om drie voorkeursdata met tijden.';
  }
  if (found < 3) {
    const missing = found === 1 ? 'nog twee' : 'een derde';
    const counted = found === 1 ? 'is 1 voorkeursmoment' : `zijn ${found} voorkeursmomenten`;
    return `Er ${counted} gevonden in plaats van drie. Vraag de gemeente om ${missing}.`;
  }
  return `Er zijn ${found} voorkeursmomenten gevonden in plaats van drie. Welke drie hebben de voorkeur?`;
}

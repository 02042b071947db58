// BASELINE ONLY (bench/extract.ts): src/domain/slots/municipality-names.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// How mails name the municipalities of Noord-Holland: the 44 current ones, the four merged away
// since 2022 (src/data `former`), and the towns whose town hall gives a signature its address.
import data from '../../src/data/gemeenten-noord-holland.json' with { type: 'json' };
import { DateTime } from 'luxon';
import {
  findMunicipalityByCbsCode,
  findMunicipalityByDomain,
  MUNICIPALITIES,
} from '../../src/domain/municipalities.js';
import type { Municipality } from '../../src/domain/municipalities.js';

export interface FormerMunicipality {
  readonly name: string;
  readonly domain: string | null;
  readonly mergedInto: Municipality;
  /** The first day the municipality no longer existed, `YYYY-MM-DD`. */
  readonly mergedOn: string;
}

export type NamedMunicipality =
  | { readonly kind: 'current'; readonly municipality: Municipality }
  | { readonly kind: 'former'; readonly former: FormerMunicipality };

export interface NameMatch {
  readonly index: number;
  readonly end: number;
  readonly named: NamedMunicipality;
}

function nextDay(isoDate: string): string {
  return (
    DateTime.fromISO(isoDate, { zone: 'Europe/Amsterdam' }).plus({ days: 1 }).toISODate() ?? ''
  );
}

export const FORMER_MUNICIPALITIES: readonly FormerMunicipality[] = data.former.map((f) => {
  const mergedInto = findMunicipalityByCbsCode(f.mergedInto);
  if (!mergedInto) throw new Error(`Unknown successor in src/data: ${f.mergedInto}`);
  return { name: f.name, domain: f.domain, mergedInto, mergedOn: nextDay(f.until) };
});

/**
 * Names that are also ordinary Dutch words or places people mention in passing ("huizen",
 * "bergen", a "hoorn", the "Waterland" area, "in Amsterdam"): they count only after a word like
 * "gemeente", in the subject or in the sender's name, never as a bare word in the text.
 */
const AMBIGUOUS_NAMES = new Set(['Bergen', 'Laren', 'Huizen', 'Hoorn', 'Waterland', 'Amsterdam']);

/** Other spellings that mails use. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Bergen (NH.)': ['Bergen NH', 'Bergen N-H', 'Bergen (NH)', 'Bergen (N-H)'],
  'Laren (NH.)': ['Laren NH', 'Laren N-H', 'Laren (NH)', 'Laren (N-H)'],
  'Dijk en Waard': ['Dijk & Waard'],
  'Edam-Volendam': ['Edam/Volendam'],
};

/** Towns where a municipality's town hall stands under another name (postal addresses). */
const TOWN_HALL_PLACES: Readonly<Record<string, string>> = {
  Zaandam: 'GM0479',
  Volendam: 'GM0385',
  Hoofddorp: 'GM0394',
  Bussum: 'GM1942',
  IJmuiden: 'GM0453',
  'Den Burg': 'GM0448',
  Heerhugowaard: 'GM1980',
  'Broek op Langedijk': 'GM1980',
  Wognum: 'GM0420',
  Bovenkarspel: 'GM0532',
  Hoogkarspel: 'GM0498',
  Avenhorn: 'GM1598',
  'Anna Paulowna': 'GM1911',
  Monnickendam: 'GM0852',
  Wormer: 'GM0880',
  'Ouderkerk aan de Amstel': 'GM0437',
  Loosdrecht: 'GM1696',
  Spanbroek: 'GM0432',
  Weesp: 'GM0363',
  Middenbeemster: 'GM0439',
};

function toPattern(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join(String.raw`[\s-]+`);
}

interface NameEntry {
  readonly pattern: RegExp;
  readonly named: NamedMunicipality;
  readonly isAmbiguous: boolean;
}

function entry(
  names: readonly string[],
  named: NamedMunicipality,
  isAmbiguous: boolean,
): NameEntry {
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(toPattern);
  // A hyphen or letter right after the name means another word: "Haarlemmermeer",
  // "Hoornseweg", "RIEC Amsterdam-Amstelland".
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\d-])(?:${alternatives.join('|')})(?![\p{L}\d]|-\p{L})`,
    'gu',
  );
  return { pattern, named, isAmbiguous };
}

const CURRENT_ENTRIES = MUNICIPALITIES.map((m) =>
  entry(
    [m.displayName, m.name, ...(ALIASES[m.name] ?? [])],
    { kind: 'current', municipality: m },
    AMBIGUOUS_NAMES.has(m.displayName),
  ),
);
const FORMER_ENTRIES = FORMER_MUNICIPALITIES.map((f) =>
  entry([f.name], { kind: 'former', former: f }, true),
);

function findIn(text: string, entries: readonly NameEntry[], ignoreCase: boolean): NameMatch[] {
  const matches: NameMatch[] = [];
  for (const e of entries) {
    const pattern = ignoreCase ? new RegExp(e.pattern.source, 'giu') : e.pattern;
    for (const match of text.matchAll(pattern)) {
      matches.push({ index: match.index, end: match.index + match[0].length, named: e.named });
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}

// "gemeente Hoorn", "namens de gemeenteraad van Zaanstad", and every name of a list after such a
// word: "de gemeenteraden van Blaricum en Laren".
const NAMING_WORD =
  /(?<!\p{L})(?:gemeenten?|gemeenteraden|gemeenteraad|raden|raad|raadsleden|raadsgriffie|griffie|griffier|burgemeester|bestuurssecretariaat|bestuurscommissie|stadsdeel|namens)(?:\s+(?:van|in|de|het))*\s+(?:\p{Lu}[\p{L}-]*(?:\s+\p{L}+){0,2}?\s*(?:,|\sen|\sof|&)\s+)*$/iu;
// "Hoorn 12" is an address on a street called Hoorn, not the town.
const HOUSE_NUMBER = /^\s+\d{1,4}[a-zA-Z]?(?![\d\p{L}])/u;
// "Pieter van Hoorn", "Anna van Velsen": a surname, not the municipality.
const SURNAME_PARTICLE = /(?<!\p{L})(?:van|de|der|den|ter|ten|te)\s+$/iu;

/** Names right after "gemeente", "griffie", "namens de gemeenteraad van", …: clear intent. */
export function findNamedAfterKeyword(text: string): NameMatch[] {
  return findIn(text, [...CURRENT_ENTRIES, ...FORMER_ENTRIES], true).filter((m) =>
    NAMING_WORD.test(text.slice(Math.max(0, m.index - 60), m.index)),
  );
}

/** Capitalised names on their own; `allowAmbiguous` for a subject or a sender's name. */
export function findBareNames(text: string, allowAmbiguous: boolean): NameMatch[] {
  const entries = allowAmbiguous
    ? [...CURRENT_ENTRIES, ...FORMER_ENTRIES]
    : CURRENT_ENTRIES.filter((e) => !e.isAmbiguous);
  return findIn(text, entries, false).filter(
    (m) => !HOUSE_NUMBER.test(text.slice(m.end)) && !SURNAME_PARTICLE.test(text.slice(0, m.index)),
  );
}

const PLACE_ENTRIES: readonly NameEntry[] = [
  ...CURRENT_ENTRIES,
  ...Object.entries(TOWN_HALL_PLACES).map(([place, code]) => {
    const municipality = findMunicipalityByCbsCode(code);
    if (!municipality) throw new Error(`Unknown municipality for ${place}: ${code}`);
    return entry([place], { kind: 'current', municipality }, false);
  }),
];

/** The town of a Dutch postal address ("Postbus 603, 1620 AR Hoorn"). */
export function findAddressPlaces(text: string): NameMatch[] {
  return findIn(text, PLACE_ENTRIES, true).filter((m) =>
    /\d{4}\s?[A-Z]{2}\s+$/u.test(text.slice(Math.max(0, m.index - 10), m.index)),
  );
}

/** The municipality (current or former) that an e-mail domain belongs to. */
export function findByDomain(domain: string): NamedMunicipality | undefined {
  const current = findMunicipalityByDomain(domain);
  if (current) return { kind: 'current', municipality: current };
  const lower = domain.toLowerCase();
  const former = FORMER_MUNICIPALITIES.find(
    (f) => f.domain !== null && (lower === f.domain || lower.endsWith(`.${f.domain}`)),
  );
  return former ? { kind: 'former', former } : undefined;
}

// The words a griffie uses in an attendee list, in Dutch and English: column headers and the values
// of the side and role columns. Everything is compared after `normaliseWord`, so case, accents,
// punctuation and spacing do not matter ("Coalitie / Oppositie" = "coalitie-oppositie").
import type { AttendeeRole, Side } from './types.js';

/** What a column of the list means. A name may come whole or as first name, infix and surname. */
export type ColumnMeaning =
  | 'naam'
  | 'voornaam'
  | 'tussenvoegsel'
  | 'achternaam'
  | 'fractie'
  | 'kant'
  | 'coalitie'
  | 'oppositie'
  | 'rol';

/** Lower case, without accents, every run of other characters than letters and digits one space. */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Key for duplicate names: "J. de Vries" and "j de vries" are the same person. */
export function nameKey(name: string): string {
  return normaliseWord(name.replace(/['’`.]/g, ''));
}

/** Key for parties: "GroenLinks", "Groen Links" and "groenlinks" are one party; so are "V.V.D." and "VVD". */
export function partyKey(party: string): string {
  return normaliseWord(party).replace(/ /g, '');
}

/** Surrounding spaces off, inner runs of white space (also non-breaking, from Excel) one space. */
export function tidy(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

const HEADERS: Readonly<Record<ColumnMeaning, readonly string[]>> = {
  naam: [
    'naam',
    'volledige naam',
    'naam deelnemer',
    'deelnemer',
    'naam raadslid',
    'name',
    'full name',
    'participant',
    'attendee',
  ],
  voornaam: ['voornaam', 'roepnaam', 'voorletters', 'first name', 'firstname', 'given name'],
  tussenvoegsel: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'infix', 'prefix'],
  achternaam: ['achternaam', 'familienaam', 'last name', 'lastname', 'surname', 'family name'],
  fractie: [
    'fractie',
    'partij',
    'politieke partij',
    'fractie partij',
    'partij fractie',
    'party',
    'political party',
    'faction',
    'group',
  ],
  kant: [
    'coalitie oppositie',
    'coalitie of oppositie',
    'coalitie en oppositie',
    'c o',
    'kant',
    'coalition opposition',
    'coalition or opposition',
    'side',
  ],
  coalitie: ['coalitie', 'coalitiepartij', 'in coalitie', 'coalition', 'coalition party'],
  oppositie: ['oppositie', 'oppositiepartij', 'in oppositie', 'opposition', 'opposition party'],
  rol: ['rol', 'functie', 'hoedanigheid', 'role', 'function', 'position'],
};

const HEADER_LOOKUP: ReadonlyMap<string, ColumnMeaning> = new Map(
  Object.entries(HEADERS).flatMap(([meaning, words]) =>
    words.map((word) => [normaliseWord(word), meaning as ColumnMeaning] as const),
  ),
);

/** The meaning of a header cell, or `null` for a column the list does not use (e-mail, remarks). */
export function recogniseHeader(header: string): ColumnMeaning | null {
  return HEADER_LOOKUP.get(normaliseWord(header)) ?? null;
}

const SIDE_WORDS: ReadonlyMap<string, Side> = new Map([
  ['coalitie', 'coalitie'],
  ['coalitiepartij', 'coalitie'],
  ['coalition', 'coalitie'],
  ['c', 'coalitie'],
  ['co', 'coalitie'],
  ['coa', 'coalitie'],
  ['oppositie', 'oppositie'],
  ['oppositiepartij', 'oppositie'],
  ['opposition', 'oppositie'],
  ['o', 'oppositie'],
  ['op', 'oppositie'],
  ['opp', 'oppositie'],
  ['', 'onbekend'],
  ['onbekend', 'onbekend'],
  ['unknown', 'onbekend'],
  ['nvt', 'onbekend'],
  ['n v t', 'onbekend'],
  ['n a', 'onbekend'],
  ['geen', 'onbekend'],
  ['none', 'onbekend'],
]);

/** "coalitie", "C", "oppositie", "O" (or blank: not known); `null` when the value means neither. */
export function readSide(value: string): Side | null {
  return SIDE_WORDS.get(normaliseWord(value)) ?? null;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'waar', 'v']);
const NO = new Set(['nee', 'n', 'no', '0', 'false', 'onwaar', '']);

/** A yes/no cell ("ja", "x", "1"; "nee", blank); `null` when it is neither. */
export function readYesNo(value: string): boolean | null {
  const word = normaliseWord(value);
  if (YES.has(word) || value.trim() === '✓' || value.trim() === '✔') return true;
  return NO.has(word) ? false : null;
}

const ROLE_WORDS: ReadonlyMap<string, AttendeeRole> = new Map([
  ['raadslid', 'raadslid'],
  ['gemeenteraadslid', 'raadslid'],
  ['lid gemeenteraad', 'raadslid'],
  ['lid van de raad', 'raadslid'],
  ['raad', 'raadslid'],
  ['fractievoorzitter', 'raadslid'],
  ['council member', 'raadslid'],
  ['councillor', 'raadslid'],
  ['councilor', 'raadslid'],
  ['burgerlid', 'burgerlid'],
  ['burgerraadslid', 'burgerlid'],
  ['burgercommissielid', 'burgerlid'],
  ['commissielid', 'burgerlid'],
  ['fractievertegenwoordiger', 'burgerlid'],
  ['fractieassistent', 'burgerlid'],
  ['steunfractielid', 'burgerlid'],
  ['duoraadslid', 'burgerlid'],
  ['duo raadslid', 'burgerlid'],
  ['citizen member', 'burgerlid'],
  ['committee member', 'burgerlid'],
  ['wethouder', 'wethouder'],
  ['alderman', 'wethouder'],
  ['alderwoman', 'wethouder'],
  ['executive councillor', 'wethouder'],
  ['burgemeester', 'burgemeester'],
  ['waarnemend burgemeester', 'burgemeester'],
  ['mayor', 'burgemeester'],
  ['acting mayor', 'burgemeester'],
  ['griffier', 'griffier'],
  ['raadsgriffier', 'griffier'],
  ['plaatsvervangend griffier', 'griffier'],
  ['clerk', 'griffier'],
  ['council clerk', 'griffier'],
  ['municipal clerk', 'griffier'],
  ['anders', 'anders'],
  ['overig', 'anders'],
  ['overige', 'anders'],
  ['other', 'anders'],
]);

/** Blank is the usual case, a council member. `null` when the value is no role we know. */
export function readRole(value: string): AttendeeRole | null {
  const word = normaliseWord(value);
  if (word === '') return 'raadslid';
  const exact = ROLE_WORDS.get(word);
  if (exact !== undefined) return exact;
  // "Raadslid (fractievoorzitter)", "wethouder financiën": one known role word among others.
  const found = new Set(
    word
      .split(' ')
      .map((part) => ROLE_WORDS.get(part))
      .filter((role): role is AttendeeRole => role !== undefined && role !== 'anders'),
  );
  return found.size === 1 ? [...found][0]! : null;
}

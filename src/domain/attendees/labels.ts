// Display words for the attendee list, Dutch and English: column names (also the template's
// headers), sides and roles.
import type { Locale } from '../time.js';
import type { AttendeeRole, Side } from './types.js';
import type { ColumnMeaning } from './vocabulary.js';

export const COLUMN_LABELS: Readonly<Record<Locale, Readonly<Record<ColumnMeaning, string>>>> = {
  nl: {
    naam: 'Naam',
    voornaam: 'Voornaam',
    tussenvoegsel: 'Tussenvoegsel',
    achternaam: 'Achternaam',
    fractie: 'Fractie',
    kant: 'Coalitie/oppositie',
    coalitie: 'Coalitie',
    oppositie: 'Oppositie',
    rol: 'Rol',
  },
  en: {
    naam: 'Name',
    voornaam: 'First name',
    tussenvoegsel: 'Infix',
    achternaam: 'Last name',
    fractie: 'Party',
    kant: 'Coalition/opposition',
    coalitie: 'Coalition',
    oppositie: 'Opposition',
    rol: 'Role',
  },
};

export const SIDE_LABELS: Readonly<Record<Locale, Readonly<Record<Side, string>>>> = {
  nl: { coalitie: 'coalitie', oppositie: 'oppositie', onbekend: 'onbekend' },
  en: { coalitie: 'coalition', oppositie: 'opposition', onbekend: 'unknown' },
};

export const ROLE_LABELS: Readonly<Record<Locale, Readonly<Record<AttendeeRole, string>>>> = {
  nl: {
    raadslid: 'raadslid',
    burgerlid: 'burgerlid',
    wethouder: 'wethouder',
    burgemeester: 'burgemeester',
    griffier: 'griffier',
    anders: 'anders',
  },
  en: {
    raadslid: 'council member',
    burgerlid: 'citizen member',
    wethouder: 'alderman',
    burgemeester: 'mayor',
    griffier: 'clerk',
    anders: 'other',
  },
};

// What the downloadable template for the griffie contains, as data: the columns, the choices of the
// dropdowns, one example row and a short instruction. src/app/attendees writes it as .xlsx; the
// reader recognises the example row and skips it, in case the griffie leaves it in.
import type { Locale } from '../time.js';
import { COLUMN_LABELS, ROLE_LABELS, SIDE_LABELS } from './labels.js';
import { ATTENDEE_LIMITS, ATTENDEE_ROLES } from './types.js';
import { nameKey, type ColumnMeaning } from './vocabulary.js';

export interface TemplateColumn {
  readonly meaning: ColumnMeaning;
  readonly header: string;
  /** Width in characters, as Excel counts them. */
  readonly width: number;
  /** The values of the dropdown, if the column has one. */
  readonly choices: readonly string[] | null;
}

export interface AttendeeTemplate {
  readonly sheetName: string;
  readonly columns: readonly TemplateColumn[];
  readonly example: readonly string[];
  readonly instructionSheetName: string;
  readonly instructions: readonly string[];
  /** Rows below the header that get the dropdowns. */
  readonly rowsWithChoices: number;
}

const EXAMPLE_NAMES: Readonly<Record<Locale, string>> = {
  nl: 'Voorbeeld: Anna de Jong',
  en: 'Example: Anna de Jong',
};

/** True for the template's example row, in either language, however it was re-typed. */
export function isTemplateExample(name: string): boolean {
  const key = nameKey(name);
  return Object.values(EXAMPLE_NAMES).some((example) => nameKey(example) === key);
}

export function describeAttendeeTemplate(locale: Locale): AttendeeTemplate {
  const labels = COLUMN_LABELS[locale];
  const sides = SIDE_LABELS[locale];
  const roles = ATTENDEE_ROLES.map((role) => ROLE_LABELS[locale][role]);
  return {
    sheetName: locale === 'nl' ? 'Deelnemers' : 'Attendees',
    columns: [
      { meaning: 'naam', header: labels.naam, width: 32, choices: null },
      { meaning: 'fractie', header: labels.fractie, width: 22, choices: null },
      {
        meaning: 'kant',
        header: labels.kant,
        width: 22,
        choices: [sides.coalitie, sides.oppositie],
      },
      { meaning: 'rol', header: labels.rol, width: 18, choices: roles },
    ],
    example: [EXAMPLE_NAMES[locale], 'Partij A', sides.coalitie, ROLE_LABELS[locale].raadslid],
    instructionSheetName: locale === 'nl' ? 'Uitleg' : 'Instructions',
    instructions: locale === 'nl' ? INSTRUCTIONS_NL : INSTRUCTIONS_EN,
    rowsWithChoices: ATTENDEE_LIMITS.maxAttendees,
  };
}

const INSTRUCTIONS_NL = [
  'Deelnemers aan de workshop weerbaarheid, integriteit en ondermijning',
  '',
  'Vul op het blad "Deelnemers" één rij per deelnemer in:',
  '• Naam: voor- en achternaam, zoals de trainers die op een naambordje zouden zetten.',
  '• Fractie: de naam van de fractie. Verplicht voor raadsleden, burgerleden en wethouders.',
  '• Coalitie/oppositie: kies uit de lijst. Eén keer per fractie is genoeg.',
  '• Rol: raadslid, burgerlid (ook commissielid of fractievertegenwoordiger), wethouder, burgemeester, griffier of anders. Leeg betekent raadslid.',
  '',
  'De voorbeeldrij mag blijven staan: die wordt overgeslagen.',
  `Maximaal ${ATTENDEE_LIMITS.maxAttendees} deelnemers.`,
  'De trainers gebruiken de lijst alleen om gemengde groepen te maken voor deze workshop. De fractie van een deelnemer wordt nergens anders bewaard.',
];

const INSTRUCTIONS_EN = [
  'Attendees of the workshop on resilience, integrity and subversion',
  '',
  'On the sheet "Attendees", fill in one row per attendee:',
  '• Name: first and last name, as the trainers would put it on a name card.',
  '• Party: the name of the party. Required for council members, citizen members and aldermen.',
  '• Coalition/opposition: choose from the list. Once per party is enough.',
  '• Role: council member, citizen member (also committee member), alderman, mayor, clerk or other. Blank means council member.',
  '',
  'The example row may stay: it is skipped.',
  `At most ${ATTENDEE_LIMITS.maxAttendees} attendees.`,
  'The trainers use the list only to make mixed groups for this workshop. An attendee’s party is not kept anywhere else.',
];

// Errors and warnings of an attendee list as values, Dutch first, English second — the same shape
// as src/domain/errors.ts (code, field, typed params, Dutch message; `formatAttendeeIssue(issue,
// 'en')` for English), in a catalogue of its own so the sign-up messages stay as they are. Messages
// name a row and, where it helps, the person, but never a party next to a name outside the preview
// the trainers see: the caller must not log them (AVG art. 9).
import type { Locale } from '../time.js';
import { COLUMN_LABELS, ROLE_LABELS } from './labels.js';
import type { AttendeeRole } from './types.js';
import type { ColumnMeaning } from './vocabulary.js';

type NoParams = Readonly<Record<string, never>>;

/** Every code with its parameters; `row` is the 1-based row of the sheet or form. */
export interface AttendeeIssueParams {
  // The file.
  FILE_NOT_SPREADSHEET: { readonly kind: 'pdf' | 'word' | 'image' | 'archive' | 'binary' };
  FILE_OLD_EXCEL: NoParams;
  FILE_DAMAGED: NoParams;
  FILE_TOO_LARGE: { readonly bytes: number; readonly maxBytes: number };
  FILE_EMPTY: NoParams;
  // The columns.
  HEADER_NOT_FOUND: NoParams;
  COLUMN_MISSING: { readonly column: 'naam' | 'fractie' };
  COLUMN_TWICE: { readonly column: ColumnMeaning; readonly first: string; readonly second: string };
  COLUMN_IGNORED: { readonly header: string };
  // The list as a whole.
  NO_ATTENDEES: NoParams;
  TOO_MANY_ATTENDEES: { readonly count: number; readonly max: number };
  PARTY_SIDE_CONFLICT: {
    readonly row: number;
    readonly party: string;
    readonly side: 'coalitie' | 'oppositie';
    readonly otherRow: number;
  };
  PARTY_SIDE_UNKNOWN: { readonly party: string };
  EXAMPLE_ROW_SKIPPED: { readonly row: number };
  // One row.
  NAME_REQUIRED: { readonly row: number };
  NAME_TOO_LONG: { readonly row: number; readonly max: number };
  NAME_DUPLICATE: { readonly row: number; readonly name: string; readonly otherRow: number };
  PARTY_REQUIRED: { readonly row: number; readonly name: string; readonly role: AttendeeRole };
  PARTY_TOO_LONG: { readonly row: number; readonly max: number };
  SIDE_INVALID: { readonly row: number; readonly value: string };
  ROLE_INVALID: { readonly row: number; readonly value: string };
}

export type AttendeeIssueCode = keyof AttendeeIssueParams;

/** Warnings leave the list usable; every other code is an error and nothing is taken over. */
export const ATTENDEE_WARNINGS: ReadonlySet<AttendeeIssueCode> = new Set([
  'COLUMN_IGNORED',
  'PARTY_SIDE_UNKNOWN',
  'EXAMPLE_ROW_SKIPPED',
]);

export type AttendeeField = 'name' | 'party' | 'side' | 'role' | '';

export type AttendeeIssue<C extends AttendeeIssueCode = AttendeeIssueCode> = {
  [K in C]: {
    readonly code: K;
    readonly severity: 'error' | 'warning';
    /** The 1-based row the issue is about, `null` for the file or the list as a whole. */
    readonly row: number | null;
    readonly field: AttendeeField;
    readonly params: AttendeeIssueParams[K];
    /** Dutch (nl-NL); `formatAttendeeIssue(issue, 'en')` gives the English text. */
    readonly message: string;
  };
}[C];

type MessageTable = {
  readonly [C in AttendeeIssueCode]: (params: AttendeeIssueParams[C]) => string;
};

const KIND_NL = {
  pdf: 'een pdf',
  word: 'een Word-document',
  image: 'een afbeelding',
  archive: 'een zip-bestand',
  binary: 'geen tekst',
} as const;
const KIND_EN = {
  pdf: 'a PDF',
  word: 'a Word document',
  image: 'an image',
  archive: 'a zip file',
  binary: 'not text',
} as const;

const kb = (bytes: number): string => `${Math.ceil(bytes / 1024)} kB`;

const NL: MessageTable = {
  FILE_NOT_SPREADSHEET: (p) =>
    `Dit bestand is ${KIND_NL[p.kind]}, geen spreadsheet. Upload een Excel-bestand (.xlsx) of een CSV-bestand, of plak de rijen uit Excel.`,
  FILE_OLD_EXCEL: () =>
    'Dit Excel-bestand is in het oude formaat (.xls) of beveiligd met een wachtwoord. Sla het in Excel op als .xlsx zonder wachtwoord, of als CSV, en upload het opnieuw.',
  FILE_DAMAGED: () =>
    'Dit Excel-bestand kan niet worden gelezen; het is misschien beschadigd. Open het in Excel, sla het opnieuw op als .xlsx en upload het nog een keer.',
  FILE_TOO_LARGE: (p) =>
    `Dit bestand is te groot (${kb(p.bytes)}; maximaal ${kb(p.maxBytes)}). Een deelnemerslijst is veel kleiner: upload alleen de lijst met deelnemers.`,
  FILE_EMPTY: () => 'Het bestand of de geplakte tekst is leeg.',
  HEADER_NOT_FOUND: () =>
    'De kolomnamen ontbreken. Zet boven de rijen een rij met kolomnamen, zoals "Naam", "Fractie", "Coalitie/oppositie" en "Rol", of gebruik het sjabloon.',
  COLUMN_MISSING: (p) =>
    `De kolom "${COLUMN_LABELS.nl[p.column]}" ontbreekt. Voeg die kolom toe, of gebruik het sjabloon.`,
  COLUMN_TWICE: (p) =>
    `De kolommen "${p.first}" en "${p.second}" betekenen allebei "${COLUMN_LABELS.nl[p.column]}". Laat er één staan.`,
  COLUMN_IGNORED: (p) => `De kolom "${p.header}" wordt niet gebruikt.`,
  NO_ATTENDEES: () =>
    'De lijst bevat geen deelnemers. Vul onder de kolomnamen minstens één rij in.',
  TOO_MANY_ATTENDEES: (p) =>
    `De lijst heeft te veel deelnemers (${p.count}; maximaal ${p.max}). Controleer of alleen de deelnemers aan deze workshop erin staan.`,
  PARTY_SIDE_CONFLICT: (p) =>
    `Rij ${p.row}: fractie ${p.party} staat hier als ${p.side}, maar op rij ${p.otherRow} als ${p.side === 'coalitie' ? 'oppositie' : 'coalitie'}. Een fractie hoort bij de coalitie of bij de oppositie: pas een van beide aan.`,
  PARTY_SIDE_UNKNOWN: (p) =>
    `Van fractie ${p.party} staat niet in de lijst of die bij de coalitie of de oppositie hoort. Vul het in als u de groepen daarop wilt mengen.`,
  EXAMPLE_ROW_SKIPPED: (p) =>
    `Rij ${p.row} is de voorbeeldrij uit het sjabloon en is overgeslagen.`,
  NAME_REQUIRED: (p) => `Rij ${p.row}: de naam ontbreekt. Vul de naam in of verwijder de rij.`,
  NAME_TOO_LONG: (p) => `Rij ${p.row}: de naam is langer dan ${p.max} tekens. Kort de naam in.`,
  NAME_DUPLICATE: (p) =>
    `Rij ${p.row}: ${p.name} staat ook op rij ${p.otherRow}. Verwijder de dubbele rij, of voeg voorletters toe als het twee verschillende mensen zijn.`,
  PARTY_REQUIRED: (p) =>
    `Rij ${p.row}: bij ${p.name} (${ROLE_LABELS.nl[p.role]}) ontbreekt de fractie. Vul de fractie in.`,
  PARTY_TOO_LONG: (p) =>
    `Rij ${p.row}: de fractienaam is langer dan ${p.max} tekens. Gebruik de korte naam van de fractie.`,
  SIDE_INVALID: (p) =>
    `Rij ${p.row}: "${p.value}" is geen coalitie of oppositie. Vul "coalitie" of "oppositie" in (of C of O), of laat het leeg.`,
  ROLE_INVALID: (p) =>
    `Rij ${p.row}: "${p.value}" is geen rol die de planner kent. Kies raadslid, burgerlid (ook commissielid), wethouder, burgemeester, griffier of anders.`,
};

const EN: MessageTable = {
  FILE_NOT_SPREADSHEET: (p) =>
    `This file is ${KIND_EN[p.kind]}, not a spreadsheet. Upload an Excel file (.xlsx) or a CSV file, or paste the rows from Excel.`,
  FILE_OLD_EXCEL: () =>
    'This Excel file is in the old format (.xls) or protected by a password. Save it in Excel as .xlsx without a password, or as CSV, and upload it again.',
  FILE_DAMAGED: () =>
    'This Excel file cannot be read; it may be damaged. Open it in Excel, save it again as .xlsx and upload it once more.',
  FILE_TOO_LARGE: (p) =>
    `This file is too large (${kb(p.bytes)}; at most ${kb(p.maxBytes)}). An attendee list is much smaller: upload only the list of attendees.`,
  FILE_EMPTY: () => 'The file or the pasted text is empty.',
  HEADER_NOT_FOUND: () =>
    'The column names are missing. Put a row with column names above the rows, such as "Name", "Party", "Coalition/opposition" and "Role", or use the template.',
  COLUMN_MISSING: (p) =>
    `The column "${COLUMN_LABELS.en[p.column]}" is missing. Add that column, or use the template.`,
  COLUMN_TWICE: (p) =>
    `The columns "${p.first}" and "${p.second}" both mean "${COLUMN_LABELS.en[p.column]}". Keep one of them.`,
  COLUMN_IGNORED: (p) => `The column "${p.header}" is not used.`,
  NO_ATTENDEES: () => 'The list has no attendees. Fill in at least one row below the column names.',
  TOO_MANY_ATTENDEES: (p) =>
    `The list has too many attendees (${p.count}; at most ${p.max}). Check that it holds only the attendees of this workshop.`,
  PARTY_SIDE_CONFLICT: (p) =>
    `Row ${p.row}: party ${p.party} is listed here as ${p.side === 'coalitie' ? 'coalition' : 'opposition'}, but on row ${p.otherRow} as ${p.side === 'coalitie' ? 'opposition' : 'coalition'}. A party is either in the coalition or in the opposition: correct one of them.`,
  PARTY_SIDE_UNKNOWN: (p) =>
    `The list does not say whether party ${p.party} is in the coalition or the opposition. Fill it in if the groups should mix on it.`,
  EXAMPLE_ROW_SKIPPED: (p) => `Row ${p.row} is the template's example row and was skipped.`,
  NAME_REQUIRED: (p) => `Row ${p.row}: the name is missing. Fill in the name or delete the row.`,
  NAME_TOO_LONG: (p) => `Row ${p.row}: the name is longer than ${p.max} characters. Shorten it.`,
  NAME_DUPLICATE: (p) =>
    `Row ${p.row}: ${p.name} is also on row ${p.otherRow}. Delete the duplicate row, or add initials if they are two different people.`,
  PARTY_REQUIRED: (p) =>
    `Row ${p.row}: the party of ${p.name} (${ROLE_LABELS.en[p.role]}) is missing. Fill in the party.`,
  PARTY_TOO_LONG: (p) =>
    `Row ${p.row}: the party name is longer than ${p.max} characters. Use the party's short name.`,
  SIDE_INVALID: (p) =>
    `Row ${p.row}: "${p.value}" is neither coalition nor opposition. Fill in "coalitie" or "oppositie" (or C or O), or leave it blank.`,
  ROLE_INVALID: (p) =>
    `Row ${p.row}: "${p.value}" is not a role the planner knows. Choose council member, citizen member (also committee member), alderman, mayor, clerk or other.`,
};

const TABLES: Readonly<Record<Locale, MessageTable>> = { nl: NL, en: EN };

function render<C extends AttendeeIssueCode>(
  code: C,
  params: AttendeeIssueParams[C],
  locale: Locale,
): string {
  const table: (params: AttendeeIssueParams[C]) => string = TABLES[locale][code];
  return table(params);
}

export function createAttendeeIssue<C extends AttendeeIssueCode>(
  code: C,
  field: AttendeeField,
  params: AttendeeIssueParams[C],
): AttendeeIssue {
  const row = 'row' in params && typeof params.row === 'number' ? params.row : null;
  const severity = ATTENDEE_WARNINGS.has(code) ? 'warning' : 'error';
  const issue = { code, severity, row, field, params, message: render(code, params, 'nl') };
  // TypeScript cannot see that an object with a generic code `C` is a member of the mapped union.
  return issue as AttendeeIssue;
}

export function formatAttendeeIssue(issue: AttendeeIssue, locale: Locale): string {
  return render(issue.code, issue.params, locale);
}

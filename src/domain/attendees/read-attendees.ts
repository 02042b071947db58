// An attendee list as a table of cells (pasted, CSV or a sheet of an .xlsx) to validated attendees:
// find the header row, read which column means what — in any order, Dutch or English names — and
// turn every row below it into an AttendeeInput. The result carries how each column was read, so
// the page can show a preview before anything is taken over.
import { type AttendeeIssue, createAttendeeIssue } from './messages.js';
import { isTemplateExample } from './template.js';
import type { AttendeeInput } from './types.js';
import { type AttendeeValidation, validateAttendees } from './validate-attendees.js';
import { MAX_TEXT_LENGTH, readTextTable } from './read-text-table.js';
import { type ColumnMeaning, readSide, readYesNo, recogniseHeader, tidy } from './vocabulary.js';

/** How one column was read; `meaning: null` for a column the list does not use. */
export interface ColumnReading {
  readonly index: number;
  readonly header: string;
  readonly meaning: ColumnMeaning | null;
}

export interface AttendeeImport extends AttendeeValidation {
  /** 1-based row of the column names, `null` when none was found. */
  readonly headerRow: number | null;
  readonly columns: readonly ColumnReading[];
}

/** Title rows above the column names are allowed; the names must be within the first rows. */
const HEADER_SEARCH_ROWS = 10;

/** Pasted rows or the text of a CSV file. */
export function readAttendeeText(text: string): AttendeeImport {
  if (text.length > MAX_TEXT_LENGTH) {
    return failed([
      createAttendeeIssue('FILE_TOO_LARGE', '', { bytes: text.length, maxBytes: MAX_TEXT_LENGTH }),
    ]);
  }
  return readAttendeeTable(readTextTable(text));
}

/** Rows of cells, row `i` being row `i + 1` of the sheet. */
export function readAttendeeTable(table: readonly (readonly string[])[]): AttendeeImport {
  if (table.every((cells) => cells.every((cell) => tidy(cell) === ''))) {
    return failed([createAttendeeIssue('FILE_EMPTY', '', {})]);
  }
  const headerIndex = findHeaderRow(table);
  if (headerIndex === null) return failed([createAttendeeIssue('HEADER_NOT_FOUND', '', {})]);
  const headerCells = table[headerIndex] ?? [];
  const columns = headerCells
    .map((header, index) => ({ index, header: tidy(header), meaning: recogniseHeader(header) }))
    .filter((column) => column.header !== '' || column.meaning !== null);
  const layout = planColumns(columns);
  if (layout.errors.length > 0) {
    return { ...failed(layout.errors), headerRow: headerIndex + 1, columns: layout.columns };
  }
  const skipped: AttendeeIssue[] = [];
  const inputs: AttendeeInput[] = [];
  table.forEach((cells, index) => {
    if (index <= headerIndex) return;
    const input = readInput(cells, index + 1, layout);
    if (isTemplateExample(input.name)) {
      skipped.push(createAttendeeIssue('EXAMPLE_ROW_SKIPPED', '', { row: input.row }));
    } else inputs.push(input);
  });
  const validation = validateAttendees(inputs);
  return {
    ...validation,
    issues: [...layout.warnings, ...skipped, ...validation.issues],
    headerRow: headerIndex + 1,
    columns: layout.columns,
  };
}

function failed(issues: readonly AttendeeIssue[]): AttendeeImport {
  return { rows: [], issues, attendees: null, headerRow: null, columns: [] };
}

/** The first row with a name column; a missing party column is then named as such. */
function findHeaderRow(table: readonly (readonly string[])[]): number | null {
  const limit = Math.min(table.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index += 1) {
    const meanings = (table[index] ?? []).map(recogniseHeader);
    if (meanings.some((m) => m === 'naam' || m === 'achternaam')) return index;
  }
  return null;
}

interface Layout {
  readonly columns: readonly ColumnReading[];
  readonly at: Partial<Record<ColumnMeaning, number>>;
  readonly errors: readonly AttendeeIssue[];
  readonly warnings: readonly AttendeeIssue[];
}

const NAME_PARTS: ReadonlySet<ColumnMeaning> = new Set(['voornaam', 'tussenvoegsel', 'achternaam']);

function planColumns(found: readonly ColumnReading[]): Layout {
  const at: Partial<Record<ColumnMeaning, number>> = {};
  const errors: AttendeeIssue[] = [];
  const warnings: AttendeeIssue[] = [];
  const columns: ColumnReading[] = [];
  // A whole name wins over its parts; the parts are then not used.
  const hasWholeName = found.some((column) => column.meaning === 'naam');
  for (const column of found) {
    const meaning = hasWholeName && isNamePart(column.meaning) ? null : column.meaning;
    const clash = meaning === null ? null : findClash(meaning, at);
    if (meaning === null) {
      warnings.push(createAttendeeIssue('COLUMN_IGNORED', '', { header: column.header }));
    } else if (clash !== null) {
      const first = found.find((other) => other.index === at[clash]);
      const reported = isSideMeaning(meaning) ? 'kant' : meaning;
      errors.push(
        createAttendeeIssue('COLUMN_TWICE', '', {
          column: reported,
          first: first?.header ?? '',
          second: column.header,
        }),
      );
    } else at[meaning] = column.index;
    columns.push({ ...column, meaning: clash === null ? meaning : null });
  }
  const hasName = at.naam !== undefined || at.achternaam !== undefined;
  if (!hasName) errors.push(createAttendeeIssue('COLUMN_MISSING', '', { column: 'naam' }));
  if (at.fractie === undefined) {
    errors.push(createAttendeeIssue('COLUMN_MISSING', '', { column: 'fractie' }));
  }
  return { columns, at, errors, warnings };
}

function isNamePart(meaning: ColumnMeaning | null): boolean {
  return meaning !== null && NAME_PARTS.has(meaning);
}

function isSideMeaning(meaning: ColumnMeaning): boolean {
  return meaning === 'kant' || meaning === 'coalitie' || meaning === 'oppositie';
}

/**
 * The column already read that means the same. The side comes from one "Coalitie/oppositie"
 * column or from "Coalitie" and "Oppositie" yes/no columns, never from both.
 */
function findClash(
  meaning: ColumnMeaning,
  at: Partial<Record<ColumnMeaning, number>>,
): ColumnMeaning | null {
  if (at[meaning] !== undefined) return meaning;
  if (meaning === 'kant') {
    if (at.coalitie !== undefined) return 'coalitie';
    if (at.oppositie !== undefined) return 'oppositie';
  }
  if ((meaning === 'coalitie' || meaning === 'oppositie') && at.kant !== undefined) return 'kant';
  return null;
}

function readInput(cells: readonly string[], row: number, layout: Layout): AttendeeInput {
  const { at } = layout;
  const cell = (meaning: ColumnMeaning): string => {
    const index = at[meaning];
    return index === undefined ? '' : tidy(cells[index] ?? '');
  };
  const name =
    at.naam !== undefined
      ? cell('naam')
      : [cell('voornaam'), cell('tussenvoegsel'), cell('achternaam')]
          .filter((part) => part !== '')
          .join(' ');
  return { row, name, party: cell('fractie'), side: readSideCells(cell), role: cell('rol') };
}

/** One side value from either the side column or the "Coalitie" and "Oppositie" yes/no columns. */
function readSideCells(cell: (meaning: ColumnMeaning) => string): string {
  const side = cell('kant');
  if (side !== '') return side;
  const coalition = flagSide(cell('coalitie'), 'coalitie');
  const opposition = flagSide(cell('oppositie'), 'oppositie');
  if (coalition === '' || opposition === '' || coalition === opposition) {
    return coalition || opposition;
  }
  // Both columns say something different: show both so the message quotes what is there.
  return `${cell('coalitie')} / ${cell('oppositie')}`;
}

function flagSide(value: string, yes: 'coalitie' | 'oppositie'): string {
  if (value === '') return '';
  const side = readSide(value);
  if (side === 'coalitie' || side === 'oppositie') return side;
  const flag = readYesNo(value);
  if (flag === null) return value;
  return flag ? yes : '';
}

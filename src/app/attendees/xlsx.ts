// .xlsx in and out for the attendee lists, with exceljs: the sheets of an uploaded workbook as
// tables of text for the domain's reader, and the template for the griffie. Server side only:
// exceljs is far too heavy for the web bundle (the page uploads the file to a route instead).
import ExcelJS from 'exceljs';
import { COLUMN_LABELS, ROLE_LABELS, SIDE_LABELS } from '../../domain/attendees/labels.js';
import { describeAttendeeTemplate } from '../../domain/attendees/template.js';
import type { AttendeeRole, Side } from '../../domain/attendees/types.js';
import type { Locale } from '../../domain/time.js';

/** Sheets with more rows than this are cut: the reader reports "te veel" long before. */
const MAX_SHEET_ROWS = 2_000;
const MAX_SHEET_COLUMNS = 50;

/**
 * Every worksheet as rows of cell texts (row `i` = sheet row `i + 1`, blank rows kept), or
 * `null` when exceljs cannot open the bytes as a workbook.
 */
export async function readWorkbookTables(bytes: Uint8Array): Promise<string[][][] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types want its own Buffer type; a Node Buffer over the same memory is that.
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch {
    // Not a workbook (or a damaged one): the caller tells the user, in Dutch, what to do.
    return null;
  }
  return workbook.worksheets.map(readSheet);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

function readSheet(sheet: ExcelJS.Worksheet): string[][] {
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_SHEET_ROWS) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (columnNumber <= MAX_SHEET_COLUMNS) cells[columnNumber - 1] = cellText(cell);
    });
    table[rowNumber - 1] = Array.from(cells, (text) => text ?? '');
  });
  return Array.from(table, (cells) => cells ?? []);
}

function cellText(cell: ExcelJS.Cell): string {
  const { value } = cell;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // Rich text, hyperlinks and formulas (their cached result): exceljs's text is what Excel shows.
  return cell.text;
}

/** The template the account holder sends to the griffie: one sheet to fill in, one explaining it. */
export async function writeAttendeeTemplate(locale: Locale): Promise<Buffer> {
  const template = describeAttendeeTemplate(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Workshopplanner';
  const sheet = workbook.addWorksheet(template.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = template.columns.map((column) => ({
    header: column.header,
    width: column.width,
  }));
  sheet.getRow(1).font = { bold: true };
  const example = sheet.addRow([...template.example]);
  example.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  template.columns.forEach((column, index) => {
    if (column.choices === null) return;
    const validation = listValidation(column.choices, locale);
    for (let row = 2; row <= template.rowsWithChoices + 1; row += 1) {
      sheet.getCell(row, index + 1).dataValidation = validation;
    }
  });
  const instructions = workbook.addWorksheet(template.instructionSheetName);
  instructions.getColumn(1).width = 110;
  for (const line of template.instructions) instructions.addRow([line]);
  instructions.getRow(1).font = { bold: true, size: 13 };
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written);
}

function listValidation(choices: readonly string[], locale: Locale): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    // A warning, not a stop: "C", "commissielid" and the like are read as well.
    errorStyle: 'warning',
    errorTitle: locale === 'nl' ? 'Kies uit de lijst' : 'Choose from the list',
    error:
      locale === 'nl'
        ? `Kies een van: ${choices.join(', ')}.`
        : `Choose one of: ${choices.join(', ')}.`,
  };
}

export interface GroupsWorkbookInput {
  readonly title: string;
  /** What the municipality wants to focus on (the scan and its themes), one line under the title. */
  readonly focus?: string;
  readonly attendees: readonly {
    readonly id: string;
    readonly name: string;
    readonly party: string | null;
    readonly side: Side;
    readonly role: AttendeeRole;
  }[];
  readonly groups: readonly { readonly number: number; readonly members: readonly string[] }[];
  readonly outside: readonly string[];
}

/** The groups for printing or sharing among the trainers: one row per person, by group. */
export async function writeGroupsWorkbook(
  input: GroupsWorkbookInput,
  locale: Locale,
): Promise<Buffer> {
  const labels = COLUMN_LABELS[locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Workshopplanner';
  const sheet = workbook.addWorksheet(locale === 'nl' ? 'Groepen' : 'Groups');
  sheet.addRow([input.title]).font = { bold: true, size: 13 };
  if (input.focus) sheet.addRow([input.focus]);
  sheet.addRow([]);
  const header = sheet.addRow([
    locale === 'nl' ? 'Groep' : 'Group',
    labels.naam,
    labels.fractie,
    labels.kant,
    labels.rol,
  ]);
  header.font = { bold: true };
  const byId = new Map(input.attendees.map((a) => [a.id, a]));
  const row = (group: string, id: string) => {
    const person = byId.get(id);
    if (!person) return;
    sheet.addRow([
      group,
      person.name,
      person.party ?? '',
      SIDE_LABELS[locale][person.side],
      ROLE_LABELS[locale][person.role],
    ]);
  };
  for (const group of input.groups) for (const id of group.members) row(String(group.number), id);
  for (const id of input.outside)
    row(locale === 'nl' ? 'buiten de groepen' : 'outside the groups', id);
  sheet.columns.forEach((column, index) => {
    column.width = [16, 32, 22, 20, 18][index] ?? 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

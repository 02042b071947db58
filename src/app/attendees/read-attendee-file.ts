// An uploaded attendee file to a preview: tells an Excel workbook, a CSV or text file, and
// everything else (a pdf, a Word document, an old .xls) apart by its first bytes, not by its name,
// and reads it with the domain's reader. Nothing is stored here; the caller stores the attendees
// only when the preview has no errors.
import {
  type AttendeeImport,
  readAttendeeTable,
  readAttendeeText,
} from '../../domain/attendees/read-attendees.js';
import { type AttendeeIssue, createAttendeeIssue } from '../../domain/attendees/messages.js';
import { readWorkbookTables } from './xlsx.js';

/** An attendee list of 200 rows is some 20 kB as .xlsx; 2 MB leaves room for logos and styles. */
export const MAX_ATTENDEE_FILE_BYTES = 2 * 1024 * 1024;

export async function readAttendeeFile(bytes: Uint8Array): Promise<AttendeeImport> {
  if (bytes.byteLength === 0) return failed(createAttendeeIssue('FILE_EMPTY', '', {}));
  if (bytes.byteLength > MAX_ATTENDEE_FILE_BYTES) {
    return failed(
      createAttendeeIssue('FILE_TOO_LARGE', '', {
        bytes: bytes.byteLength,
        maxBytes: MAX_ATTENDEE_FILE_BYTES,
      }),
    );
  }
  const kind = detectKind(bytes);
  switch (kind) {
    case 'zip':
      return readZip(bytes);
    case 'ole':
      return failed(createAttendeeIssue('FILE_OLD_EXCEL', '', {}));
    case 'text': {
      const text = decodeText(bytes);
      if (text === null) {
        return failed(createAttendeeIssue('FILE_NOT_SPREADSHEET', '', { kind: 'binary' }));
      }
      return readAttendeeText(text);
    }
    default:
      return failed(createAttendeeIssue('FILE_NOT_SPREADSHEET', '', { kind }));
  }
}

/** An .xlsx is a zip file; so are a .docx and a zip of anything. */
async function readZip(bytes: Uint8Array): Promise<AttendeeImport> {
  // The entry names of a zip are plain text: an .xlsx has xl/workbook.xml, a .docx word/.
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (names.includes('word/document')) {
    return failed(createAttendeeIssue('FILE_NOT_SPREADSHEET', '', { kind: 'word' }));
  }
  const tables = await readWorkbookTables(bytes);
  if (tables === null) {
    const isWorkbook = names.includes('xl/');
    if (isWorkbook) return failed(createAttendeeIssue('FILE_DAMAGED', '', {}));
    return failed(createAttendeeIssue('FILE_NOT_SPREADSHEET', '', { kind: 'archive' }));
  }
  if (tables.length === 0) return failed(createAttendeeIssue('FILE_EMPTY', '', {}));
  // The first sheet with column names we know; if none has them, the first sheet's problems.
  const readings = tables.map(readAttendeeTable);
  return readings.find((reading) => reading.headerRow !== null) ?? readings[0]!;
}

function failed(issue: AttendeeIssue): AttendeeImport {
  return { rows: [], issues: [issue], attendees: null, headerRow: null, columns: [] };
}

type FileKind = 'zip' | 'ole' | 'text' | 'pdf' | 'image';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x42, 0x4d], // BMP
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function detectKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return 'zip';
  // An old .xls, and also an .xlsx protected by a password, is an OLE compound file.
  if (startsWith(bytes, OLE)) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (IMAGES.some((magic) => startsWith(bytes, magic))) return 'image';
  return 'text';
}

/**
 * The text of a CSV or text export: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text")
 * or, failing UTF-8, Windows-1252 (what Dutch Excel writes for "CSV (gescheiden door
 * lijstscheidingsteken)"). `null` for bytes that are not text.
 */
function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: a Windows export. Windows-1252 decodes any byte, so test for text below.
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  return looksLikeText(text) ? text : null;
}

/** Control characters other than tab and line breaks do not occur in a list typed by people. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 20_000);
  let controls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    const isLayout = code === 0x09 || code === 0x0a || code === 0x0d;
    if ((code < 0x20 && !isLayout) || code === 0x7f) controls += 1;
  }
  return controls <= sample.length / 100;
}

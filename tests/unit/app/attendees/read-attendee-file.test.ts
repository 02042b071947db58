import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readAttendeeFile } from '../../../../src/app/attendees/read-attendee-file.js';
import { writeAttendeeTemplate } from '../../../../src/app/attendees/xlsx.js';
import type { AttendeeImport } from '../../../../src/domain/attendees/read-attendees.js';

// exceljs writes and reads real zip files: generous for a busy 2-core machine.
const SLOW = 60_000;

function codes(result: AttendeeImport): string[] {
  return result.issues.map((issue) => issue.code);
}

/** A copy in a plain ArrayBuffer: exceljs's types do not take a Node Buffer of a shared pool. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('writeAttendeeTemplate', () => {
  it(
    'gives a workbook with the columns, dropdowns, an example row and an instruction sheet',
    async () => {
      const bytes = await writeAttendeeTemplate('nl');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(arrayBufferOf(bytes));
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Deelnemers', 'Uitleg']);
      const sheet = workbook.getWorksheet('Deelnemers')!;
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        'Naam',
        'Fractie',
        'Coalitie/oppositie',
        'Rol',
      ]);
      expect(sheet.getCell('C2').dataValidation.formulae).toEqual(['"coalitie,oppositie"']);
      expect(sheet.getCell('D201').dataValidation.formulae).toEqual([
        '"raadslid,burgerlid,wethouder,burgemeester,griffier,anders"',
      ]);
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(30);
      const uitleg = workbook.getWorksheet('Uitleg')!;
      expect(String(uitleg.getCell('A3').value)).toContain('één rij per deelnemer');
    },
    SLOW,
  );

  it(
    'reads back as "no attendees yet" with the example row skipped, in Dutch and in English',
    async () => {
      for (const locale of ['nl', 'en'] as const) {
        const result = await readAttendeeFile(await writeAttendeeTemplate(locale));
        expect(codes(result)).toEqual(['EXAMPLE_ROW_SKIPPED', 'NO_ATTENDEES']);
        expect(result.attendees).toBeNull();
      }
    },
    SLOW,
  );

  it(
    'reads a filled-in template',
    async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(arrayBufferOf(await writeAttendeeTemplate('nl')));
      const sheet = workbook.getWorksheet('Deelnemers')!;
      sheet.addRow(['Bram Smit', 'VVD', 'coalitie', 'wethouder']);
      sheet.addRow(['Cem Yılmaz', 'SP', 'oppositie', 'burgerlid']);
      const result = await readAttendeeFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
      expect(result.attendees).toEqual([
        { name: 'Bram Smit', party: 'VVD', side: 'coalitie', role: 'wethouder' },
        { name: 'Cem Yılmaz', party: 'SP', side: 'oppositie', role: 'burgerlid' },
      ]);
    },
    SLOW,
  );
});

describe('readAttendeeFile: spreadsheets', () => {
  it(
    'finds the list on the second sheet below a title, with rich text and formula cells',
    async () => {
      const bytes = await workbookBytes((workbook) => {
        workbook.addWorksheet('Voorblad').addRow(['Workshop Haarlem']);
        const sheet = workbook.addWorksheet('Lijst');
        sheet.addRow(['Deelnemers 14 juni']);
        sheet.addRow(['Partij', 'Naam', 'Rol']);
        sheet.addRow(['D66', { richText: [{ text: 'Anna ' }, { text: 'de Jong' }] }, 'raadslid']);
        sheet.addRow([{ formula: '"CD"&"A"', result: 'CDA' }, 'Bram Smit', '']);
      });
      const result = await readAttendeeFile(bytes);
      expect(result.headerRow).toBe(2);
      expect(result.attendees).toEqual([
        { name: 'Anna de Jong', party: 'D66', side: 'onbekend', role: 'raadslid' },
        { name: 'Bram Smit', party: 'CDA', side: 'onbekend', role: 'raadslid' },
      ]);
    },
    SLOW,
  );

  it('reads a CSV saved by Dutch Excel: ";" and Windows-1252', async () => {
    const text = 'Naam;Fractie;Coalitie/oppositie\r\nZoë Çelik;GroenLinks;O\r\n';
    const bytes = Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
    const result = await readAttendeeFile(bytes);
    expect(result.attendees).toEqual([
      { name: 'Zoë Çelik', party: 'GroenLinks', side: 'oppositie', role: 'raadslid' },
    ]);
  });

  it('reads UTF-8 with a BOM and Excel’s "Unicode text" (UTF-16)', async () => {
    const text = 'Naam\tFractie\nZoë Çelik\tSP\n';
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    for (const bytes of [utf8, utf16]) {
      const result = await readAttendeeFile(bytes);
      expect(result.attendees?.[0]?.name).toBe('Zoë Çelik');
    }
  });
});

describe('readAttendeeFile: a file that is not a spreadsheet', () => {
  const notSpreadsheet = (result: AttendeeImport): string | undefined =>
    result.issues.find((issue) => issue.code === 'FILE_NOT_SPREADSHEET')?.message;

  it('says a pdf, an image or a binary file is not a spreadsheet, and takes nothing', async () => {
    const pdf = await readAttendeeFile(new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')));
    expect(notSpreadsheet(pdf)).toBe(
      'Dit bestand is een pdf, geen spreadsheet. Upload een Excel-bestand (.xlsx) of een CSV-bestand, of plak de rijen uit Excel.',
    );
    expect(pdf.attendees).toBeNull();
    const png = await readAttendeeFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
    expect(notSpreadsheet(png)).toContain('een afbeelding');
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(notSpreadsheet(await readAttendeeFile(binary))).toContain('geen tekst');
  });

  it(
    'tells a Word document from a workbook, though both are zip files',
    async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('word/document.xml', '<w:document/>');
      const docx = await zip.generateAsync({ type: 'uint8array' });
      const result = await readAttendeeFile(docx);
      expect(notSpreadsheet(result)).toContain('een Word-document');
      expect(result.attendees).toBeNull();
    },
    SLOW,
  );

  it('asks for .xlsx instead of an old .xls or a password-protected workbook', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await readAttendeeFile(ole);
    expect(codes(result)).toEqual(['FILE_OLD_EXCEL']);
    expect(result.issues[0]?.message).toContain('Sla het in Excel op als .xlsx');
  });

  it(
    'says a damaged workbook cannot be read',
    async () => {
      const whole = await writeAttendeeTemplate('nl');
      const result = await readAttendeeFile(whole.subarray(0, Math.floor(whole.length / 2)));
      expect(codes(result)).toEqual(['FILE_DAMAGED']);
    },
    SLOW,
  );

  it('refuses an empty file and one far too large for a list', async () => {
    expect(codes(await readAttendeeFile(new Uint8Array(0)))).toEqual(['FILE_EMPTY']);
    const large = new Uint8Array(3 * 1024 * 1024).fill(0x41);
    const result = await readAttendeeFile(large);
    expect(codes(result)).toEqual(['FILE_TOO_LARGE']);
    expect(result.issues[0]?.message).toBe(
      'Dit bestand is te groot (3072 kB; maximaal 2048 kB). Een deelnemerslijst is veel kleiner: upload alleen de lijst met deelnemers.',
    );
  });
});

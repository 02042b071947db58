import { describe, expect, it } from '@jest/globals';
import { formatAttendeeIssue } from '../../../../src/domain/attendees/messages.js';
import type { AttendeeIssue } from '../../../../src/domain/attendees/messages.js';
import {
  readAttendeeTable,
  readAttendeeText,
} from '../../../../src/domain/attendees/read-attendees.js';
import { validateAttendees } from '../../../../src/domain/attendees/validate-attendees.js';

const tsv = (...rows: string[][]): string => rows.map((cells) => cells.join('\t')).join('\r\n');

function codes(issues: readonly AttendeeIssue[]): string[] {
  return issues.map((issue) => (issue.row === null ? issue.code : `${issue.code}@${issue.row}`));
}

function errors(issues: readonly AttendeeIssue[]): string[] {
  return codes(issues.filter((issue) => issue.severity === 'error'));
}

describe('readAttendeeText: reading a list pasted from Excel', () => {
  it('reads Dutch column names in any order and normalises sides and roles', () => {
    const result = readAttendeeText(
      tsv(
        ['Rol', 'Fractie', 'Naam', 'Coalitie/oppositie'],
        ['raadslid', 'VVD', 'Anna de Jong', 'C'],
        ['Wethouder', 'D66', 'Bram Smit', 'coalitie'],
        ['Commissielid', 'SP', 'Cem Yılmaz', 'O'],
        ['', 'SP', 'Daan Vos', 'oppositie'],
        ['Burgemeester', '', 'Els Bakker', ''],
      ),
    );
    expect(errors(result.issues)).toEqual([]);
    expect(result.headerRow).toBe(1);
    expect(result.columns.map((column) => column.meaning)).toEqual([
      'rol',
      'fractie',
      'naam',
      'kant',
    ]);
    expect(result.attendees).toEqual([
      { name: 'Anna de Jong', party: 'VVD', side: 'coalitie', role: 'raadslid' },
      { name: 'Bram Smit', party: 'D66', side: 'coalitie', role: 'wethouder' },
      { name: 'Cem Yılmaz', party: 'SP', side: 'oppositie', role: 'burgerlid' },
      { name: 'Daan Vos', party: 'SP', side: 'oppositie', role: 'raadslid' },
      { name: 'Els Bakker', party: null, side: 'onbekend', role: 'burgemeester' },
    ]);
  });

  it('reads a Dutch Excel CSV export (;) with English column names in another order', () => {
    const csv = [
      'Party;Role;Name;Coalition/opposition;E-mail',
      'GroenLinks;council member;"Vries, Jan de";opposition;jan@example.nl',
      'CDA;alderman;Fleur Kok;coalition;',
    ].join('\n');
    const result = readAttendeeText(csv);
    expect(result.attendees).toEqual([
      { name: 'Vries, Jan de', party: 'GroenLinks', side: 'oppositie', role: 'raadslid' },
      { name: 'Fleur Kok', party: 'CDA', side: 'coalitie', role: 'wethouder' },
    ]);
    expect(codes(result.issues)).toEqual(['COLUMN_IGNORED']);
    expect(result.issues[0]?.message).toBe('De kolom "E-mail" wordt niet gebruikt.');
  });

  it('joins first name, infix and surname, and reads "Coalitie" as a yes/no column', () => {
    const result = readAttendeeText(
      tsv(
        ['Voornaam', 'Tussenvoegsel', 'Achternaam', 'Partij', 'Coalitie'],
        ['Jan', 'van der', 'Berg', 'PvdA', 'ja'],
        ['Sara', '', 'Öztürk', 'PVV', 'nee'],
      ),
    );
    expect(result.attendees).toEqual([
      { name: 'Jan van der Berg', party: 'PvdA', side: 'coalitie', role: 'raadslid' },
      { name: 'Sara Öztürk', party: 'PVV', side: 'onbekend', role: 'raadslid' },
    ]);
    expect(codes(result.issues)).toEqual(['PARTY_SIDE_UNKNOWN']);
  });

  it('skips title rows above the column names and keeps sheet row numbers in messages', () => {
    const result = readAttendeeText(
      tsv(['Deelnemers workshop 14 juni'], [''], ['Naam', 'Fractie'], ['Anna de Jong', '']),
    );
    expect(result.headerRow).toBe(3);
    expect(errors(result.issues)).toEqual(['PARTY_REQUIRED@4']);
    expect(result.issues.find((issue) => issue.code === 'PARTY_REQUIRED')?.message).toBe(
      'Rij 4: bij Anna de Jong (raadslid) ontbreekt de fractie. Vul de fractie in.',
    );
  });

  it('takes one side for a whole party, fills it in on other rows, and a wethouder’s party is coalition', () => {
    const result = readAttendeeText(
      tsv(
        ['Naam', 'Fractie', 'Coalitie/oppositie', 'Rol'],
        ['A Een', 'Lokaal Belang', '', ''],
        ['B Twee', 'lokaal belang', 'oppositie', ''],
        ['C Drie', 'V.V.D.', '', 'wethouder'],
        ['D Vier', 'VVD', '', ''],
      ),
    );
    expect(result.attendees).toEqual([
      { name: 'A Een', party: 'Lokaal Belang', side: 'oppositie', role: 'raadslid' },
      { name: 'B Twee', party: 'Lokaal Belang', side: 'oppositie', role: 'raadslid' },
      { name: 'C Drie', party: 'V.V.D.', side: 'coalitie', role: 'wethouder' },
      { name: 'D Vier', party: 'V.V.D.', side: 'coalitie', role: 'raadslid' },
    ]);
  });
});

describe('readAttendeeText: bad input gives Dutch errors per row and no attendees', () => {
  it('reports a row without party, an unknown role and an unreadable side, each at its row', () => {
    const result = readAttendeeText(
      tsv(
        ['Naam', 'Fractie', 'Coalitie/oppositie', 'Rol'],
        ['Anna de Jong', 'VVD', 'coalitie', 'raadslid'],
        ['Bram Smit', '', 'coalitie', 'raadslid'],
        ['Cem Yılmaz', 'SP', 'misschien', 'raadslid'],
        ['Daan Vos', 'SP', 'oppositie', 'voorzitter'],
        ['', 'CDA', '', ''],
      ),
    );
    expect(result.attendees).toBeNull();
    expect(errors(result.issues)).toEqual([
      'PARTY_REQUIRED@3',
      'SIDE_INVALID@4',
      'ROLE_INVALID@5',
      'NAME_REQUIRED@6',
    ]);
    const messages = result.issues.map((issue) => issue.message);
    expect(messages).toContain(
      'Rij 4: "misschien" is geen coalitie of oppositie. Vul "coalitie" of "oppositie" in (of C of O), of laat het leeg.',
    );
    const english = result.issues.map((issue) => formatAttendeeIssue(issue, 'en'));
    expect(english).toContain('Row 6: the name is missing. Fill in the name or delete the row.');
    // The preview still shows how the valid rows were read.
    expect(result.rows[0]?.attendee).toEqual({
      name: 'Anna de Jong',
      party: 'VVD',
      side: 'coalitie',
      role: 'raadslid',
    });
  });

  it('finds duplicate names however they are written', () => {
    const result = readAttendeeText(
      tsv(['Naam', 'Fractie'], ['J. de Vries', 'VVD'], ['Ans Bos', 'SP'], ['j  de  vries', 'VVD']),
    );
    expect(result.attendees).toBeNull();
    expect(errors(result.issues)).toEqual(['NAME_DUPLICATE@4']);
    expect(result.issues.find((issue) => issue.code === 'NAME_DUPLICATE')?.message).toBe(
      'Rij 4: j de vries staat ook op rij 2. Verwijder de dubbele rij, of voeg voorletters toe als het twee verschillende mensen zijn.',
    );
  });

  it('refuses a party listed as coalition on one row and opposition on another', () => {
    const result = readAttendeeText(
      tsv(
        ['Naam', 'Fractie', 'Coalitie/oppositie'],
        ['A Een', 'VVD', 'coalitie'],
        ['B Twee', 'VVD', 'oppositie'],
      ),
    );
    expect(errors(result.issues)).toEqual(['PARTY_SIDE_CONFLICT@3']);
    expect(result.attendees).toBeNull();
  });

  it('refuses an empty paste and a list with column names but no rows', () => {
    expect(codes(readAttendeeText('').issues)).toEqual(['FILE_EMPTY']);
    expect(codes(readAttendeeText(' \n\t\n').issues)).toEqual(['FILE_EMPTY']);
    const headerOnly = readAttendeeText('Naam\tFractie\n\t\n');
    expect(codes(headerOnly.issues)).toEqual(['NO_ATTENDEES']);
    expect(headerOnly.attendees).toBeNull();
  });

  it('refuses 500 attendees as too many, and takes 200', () => {
    const rows = (count: number): string[][] =>
      Array.from({ length: count }, (_, i) => [`Persoon ${i + 1}`, `Partij ${i % 9}`, 'C']);
    const header = ['Naam', 'Fractie', 'Coalitie/oppositie'];
    const tooMany = readAttendeeText(tsv(header, ...rows(500)));
    expect(errors(tooMany.issues)).toEqual(['TOO_MANY_ATTENDEES']);
    expect(tooMany.issues[0]?.message).toBe(
      'De lijst heeft te veel deelnemers (500; maximaal 200). Controleer of alleen de deelnemers aan deze workshop erin staan.',
    );
    expect(tooMany.attendees).toBeNull();
    expect(readAttendeeText(tsv(header, ...rows(200))).attendees).toHaveLength(200);
  });

  it('asks for column names when the rows come without them', () => {
    const result = readAttendeeText(tsv(['Anna de Jong', 'VVD', 'C'], ['Bram Smit', 'SP', 'O']));
    expect(codes(result.issues)).toEqual(['HEADER_NOT_FOUND']);
    expect(result.issues[0]?.message).toContain('Zet boven de rijen een rij met kolomnamen');
  });

  it('names a missing party column, and two columns that mean the same', () => {
    const missing = readAttendeeText(tsv(['Naam', 'Rol'], ['Anna de Jong', 'raadslid']));
    expect(missing.issues.map((issue) => issue.message)).toEqual([
      'De kolom "Fractie" ontbreekt. Voeg die kolom toe, of gebruik het sjabloon.',
    ]);
    const namesOnly = readAttendeeText('Naam\nAnna de Jong\nBram Smit\n');
    expect(codes(namesOnly.issues)).toEqual(['COLUMN_MISSING']);
    const twice = readAttendeeText(
      tsv(['Naam', 'Fractie', 'Partij'], ['Anna de Jong', 'VVD', 'VVD']),
    );
    expect(twice.issues.map((issue) => issue.message)).toEqual([
      'De kolommen "Fractie" en "Partij" betekenen allebei "Fractie". Laat er één staan.',
    ]);
    expect(twice.attendees).toBeNull();
  });

  it('skips the template’s example row', () => {
    const result = readAttendeeTable([
      ['Naam', 'Fractie', 'Coalitie/oppositie', 'Rol'],
      ['Voorbeeld: Anna de Jong', 'Partij A', 'coalitie', 'raadslid'],
      ['Bram Smit', 'VVD', 'coalitie', ''],
    ]);
    expect(codes(result.issues)).toEqual(['EXAMPLE_ROW_SKIPPED@2']);
    expect(result.attendees?.map((attendee) => attendee.name)).toEqual(['Bram Smit']);
  });
});

describe('validateAttendees: rows typed in a form', () => {
  it('validates typed rows with the same rules and leaves blank rows out', () => {
    const result = validateAttendees([
      { row: 1, name: 'Anna de Jong', party: 'VVD', side: 'C', role: '' },
      { row: 2, name: ' ', party: '', side: '', role: '' },
      { row: 3, name: 'Griffier Jansen', party: '', side: '', role: 'griffier' },
    ]);
    expect(result.issues).toEqual([]);
    expect(result.attendees).toEqual([
      { name: 'Anna de Jong', party: 'VVD', side: 'coalitie', role: 'raadslid' },
      { name: 'Griffier Jansen', party: null, side: 'onbekend', role: 'griffier' },
    ]);
  });
});

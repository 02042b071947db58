// Text to cells: rows pasted from Excel (tab-separated) or a CSV export, with ";" (what Dutch Excel
// writes) or ",". papaparse works on the string alone, without I/O, so this stays in the domain.
import Papa from 'papaparse';

/** Pasted text or CSV larger than this is not an attendee list (200 rows are some 20 kB). */
export const MAX_TEXT_LENGTH = 1_000_000;

/**
 * The cells row by row; row `i` of the result is line `i + 1` of the text, blank lines included,
 * so messages can name the row the user sees in Excel.
 */
export function readTextTable(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, {
    delimiter: guessDelimiter(body),
    skipEmptyLines: false,
  });
  const rows = parsed.data;
  // A text ending in a line break gives one empty row more than the user sees.
  const last = rows[rows.length - 1];
  if (last !== undefined && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

/** Tab first (pasted from Excel), then ";" (a Dutch CSV export), then "," and "|". */
const DELIMITERS = ['\t', ';', ',', '|'] as const;

/**
 * The separator that occurs on the most of the first lines. papaparse's own guess wants the same
 * number of fields on every line, which a title row or a blank line above the list breaks.
 */
function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = lines.filter((line) => line.includes(delimiter)).length;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

// Whether the mail says the municipality did the bestuurlijke weerbaarheidsscan (issue 18,
// item 7): "de weerbaarheidsscan hebben wij vorig jaar gedaan" → gedaan. Only a sentence that
// names the scan counts, and only words that say it plainly; anything else stays unknown (the
// account holder can ask: the scan is no condition).
import type { ScanStatus } from '../../contract/lists.js';

const NAMES_SCAN = /\b(?:weerbaarheids)?scan\b|\bweerbaarheidsscan/i;
// A sentence rarely says two things of the scan; the most specific wins: planned before
// "not", "not" before done ("nog niet gedaan" is not done).
const PLANNED =
  /\b(?:gepland|ingepland|inplannen|staat\s+op\s+de\s+planning|gaan\s+(?:\S+\s+){0,6}doen|binnenkort|volgende?\s+(?:maand|jaar|kwartaal))\b/i;
const NOT_DONE = /\b(?:niet|nooit|geen)\b/i;
const DONE = /\b(?:gedaan|uitgevoerd|afgerond|afgenomen|gehouden|ingevuld|doorlopen)\b/i;

const MAX_SENTENCE = 400;

/** The scan status a sentence of the mail states, or undefined when none says it. */
export function recogniseScanStatus(lines: readonly string[]): ScanStatus | undefined {
  const sentences = lines
    .join(' ')
    .split(/(?<=[.!?;])\s+/)
    .filter((sentence) => sentence.length <= MAX_SENTENCE && NAMES_SCAN.test(sentence));
  for (const sentence of sentences) {
    if (PLANNED.test(sentence)) return 'gepland';
    if (NOT_DONE.test(sentence)) return 'nee';
    if (DONE.test(sentence)) return 'gedaan';
  }
  return undefined;
}

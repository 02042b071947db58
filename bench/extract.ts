// `npm run bench -- extract`: how long the slot extraction takes for mails of 1, 10 and 60 KB in
// the shapes that made it quadratic (issue 10, finding 4), the current extraction side by side
// with the old one (bench/legacy-extract, the baseline) in the same process, median of several
// runs each. Times are CPU time of the process (process.cpuUsage), which a machine shared with
// other work disturbs less than wall time; the wall time of the new extraction is shown too.
// Both read every input; the table says whether their answers are the same.
import { extractSlots as extractOld } from './legacy-extract/extract-slots.js';
import { extractSlots as extractNew } from '../src/domain/slots/extract-slots.js';
import type { SignupMail, SlotExtraction } from '../src/domain/slots/types.js';
import { LARGE_MAIL_SHAPES } from '../tests/unit/domain/slots/large-mails.js';

export const EXTRACT_SIZES_KB = [1, 10, 60] as const;
export const EXTRACT_RUNS = 7;
/** Representative shapes; large-mails.ts has two more made of odd text, for the growth test. */
export const EXTRACT_SHAPES = [
  'repeated dates',
  'one long line',
  'many per line',
  'wrapped paragraph',
  'html',
] as const;

const OPTIONS = { defaultDurationMinutes: 180 };

type Extract = (mail: SignupMail, options: typeof OPTIONS) => SlotExtraction;

/** 'quotes shortened': the same municipality, slots and questions, quoting less of the mail. */
export type Agreement = 'yes' | 'quotes shortened' | 'no';

export interface ExtractRow {
  readonly shape: string;
  readonly kilobytes: number;
  /** Median CPU time. */
  readonly oldMs: number;
  readonly newMs: number;
  /** Median wall time of the new extraction. */
  readonly newWallMs: number;
  readonly agreement: Agreement;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function time(
  extract: Extract,
  mail: SignupMail,
): { ms: number; wallMs: number; answer: SlotExtraction } {
  const cpu: number[] = [];
  const wall: number[] = [];
  let answer: SlotExtraction | undefined;
  for (let run = 0; run < EXTRACT_RUNS; run++) {
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    answer = extract(mail, OPTIONS);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(startedCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(cpu), wallMs: median(wall), answer: answer! };
}

/** The answer without the text it quotes: municipality, slot times, questions as asked. */
function withoutQuotes(answer: SlotExtraction): string {
  const questions = new Set(answer.questions.map((q) => q.replace(/‘[^’]*’/gu, '‘…’')));
  return JSON.stringify({
    municipality: answer.municipality,
    slots: answer.slots.map(({ source: _source, ...slot }) => slot),
    questions: [...questions].sort(),
  });
}

/**
 * 'quotes shortened': the new extraction quotes at most about 300 characters of a long sentence,
 * around each date, where the old one quoted all of it (so it could ask one question for the
 * whole sentence where the new one asks it for each date).
 */
function compare(old: SlotExtraction, current: SlotExtraction): Agreement {
  if (JSON.stringify(old) === JSON.stringify(current)) return 'yes';
  return withoutQuotes(old) === withoutQuotes(current) ? 'quotes shortened' : 'no';
}

export function runExtractBench(
  onProgress: (line: string) => void = () => undefined,
): ExtractRow[] {
  // Compile and warm up both before anything is timed.
  for (const extract of [extractOld, extractNew]) {
    for (const shape of EXTRACT_SHAPES) extract(LARGE_MAIL_SHAPES[shape]!(2048), OPTIONS);
  }
  const rows: ExtractRow[] = [];
  for (const shape of EXTRACT_SHAPES) {
    for (const kilobytes of EXTRACT_SIZES_KB) {
      const mail = LARGE_MAIL_SHAPES[shape]!(kilobytes * 1024);
      const old = time(extractOld, mail);
      const current = time(extractNew, mail);
      const row = {
        shape,
        kilobytes,
        oldMs: old.ms,
        newMs: current.ms,
        newWallMs: current.wallMs,
        agreement: compare(old.answer, current.answer),
      };
      onProgress(`${shape}, ${kilobytes} KB: ${formatMs(row.oldMs)} → ${formatMs(row.newMs)}`);
      rows.push(row);
    }
  }
  return rows;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** The Markdown table for bench/RESULTS.md. */
export function formatExtractBench(rows: readonly ExtractRow[]): string[] {
  const lines = [
    `| shape | size | old (CPU) | new (CPU) | faster | new per KB | new (wall) | same answer |`,
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.shape} | ${row.kilobytes} KB | ${formatMs(row.oldMs)} | ${formatMs(row.newMs)} | ${(row.oldMs / row.newMs).toFixed(1)}× | ${(row.newMs / row.kilobytes).toFixed(1)} ms | ${formatMs(row.newWallMs)} | ${row.agreement} |`,
    );
  }
  return lines;
}

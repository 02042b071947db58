// From analysed lines to dated candidates, each with the clock times or parts of the day that
// belong to it: on its own piece of the line, on the next line ("dinsdag 14 juni" / "19.30 –
// 22.30 uur"), shared in a list ("14, 21 of 28 juni van 19.30 tot 22.30"), or said once for all
// ("Alle data 's avonds:").
import type { DateTime } from 'luxon';
import { cutToSentence, isTimeOnly, stripListMarker, tidyFragment } from './analyse-lines.js';
import type { LineInfo } from './analyse-lines.js';
import { draftsOfLine, groupByLine, hasTime, timeOfLine } from './draft-slots.js';
import type { Draft, Question, TimeSource } from './draft-slots.js';
import { dateResolver } from './dutch-dates.js';
import type { ResolvedDate } from './dutch-dates.js';
import { askMissingTime } from './questions.js';
import { spansStartingIn } from './scan.js';

export type { Question, TimeSource } from './draft-slots.js';

export interface Candidate {
  /** Position in the mail, to keep slots and questions in reading order. */
  readonly order: number;
  readonly date: ResolvedDate;
  readonly writtenWeekday?: number;
  readonly source: string;
  readonly time: TimeSource;
  readonly isNegated: boolean;
}

const EMPTY: TimeSource = { clocks: [], dayparts: [] };
const CONNECTORS_ONLY = /^[\s,;/&]*(?:(?:en|of|op|en op|of op)[\s,;/&]*)?$/iu;

/** Times for dates that have none on their own piece of the line. */
function shareTimes(drafts: Draft[], lines: readonly LineInfo[]): void {
  const consumed = new Set<number>();
  const byLine = groupByLine(drafts);
  for (const [lineIndex, ofLine] of byLine) {
    const last = ofLine[ofLine.length - 1];
    const nextLine = lines[lineIndex + 1];
    // "dinsdag 14 juni" with "19.30 – 22.30 uur" on the line below.
    if (
      last &&
      last.time.clocks.length === 0 &&
      nextLine &&
      isTimeOnly(nextLine) &&
      nextLine.clocks.length > 0
    ) {
      const below = timeOfLine(nextLine);
      last.time = {
        clocks: below.clocks,
        dayparts: [...new Set([...last.time.dayparts, ...below.dayparts])],
      };
      last.extraSource = nextLine.text;
      consumed.add(lineIndex + 1);
    }
    // "14, 21 of 28 juni van 19.30 tot 22.30": the earlier dates share the time of the last.
    for (let i = ofLine.length - 2; i >= 0; i--) {
      const draft = ofLine[i]!;
      const next = ofLine[i + 1]!;
      const between = lines[lineIndex]!.text.slice(draft.end, next.index);
      if (!hasTime(draft.time) && hasTime(next.time) && CONNECTORS_ONLY.test(between)) {
        draft.time = next.time;
        draft.sharesWithNext = true;
      }
    }
  }
  const contextLines = lines.flatMap((line, i) =>
    isTimeOnly(line) && !consumed.has(i) ? [i] : [],
  );
  const mailWide = mailWideTime(lines, contextLines);
  const nearestAbove = nearestContextAbove(lines, contextLines);
  for (const draft of drafts) {
    if (hasTime(draft.time)) continue;
    // "Alle data 's avonds van 19.30 tot 22.30:" above the dates in the same paragraph.
    const nearest = nearestAbove[draft.lineIndex];
    draft.time = nearest !== undefined ? timeOfLine(lines[nearest]!) : mailWide;
  }
}

/** For each line, the last context line above it in its paragraph, found in one pass. */
function nearestContextAbove(
  lines: readonly LineInfo[],
  contextLines: readonly number[],
): (number | undefined)[] {
  const nearest: (number | undefined)[] = [];
  let next = 0;
  let last: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (last !== undefined && lines[last]!.paragraph !== lines[i]!.paragraph) last = undefined;
    nearest.push(last);
    if (contextLines[next] === i) {
      last = i;
      next++;
    }
  }
  return nearest;
}

/** A time the whole mail gives once ("Onze raad vergadert 's avonds"), if there is exactly one. */
function mailWideTime(lines: readonly LineInfo[], contextLines: readonly number[]): TimeSource {
  const [only] = contextLines;
  if (contextLines.length === 1 && only !== undefined) return timeOfLine(lines[only]!);
  const dayparts = new Set(lines.flatMap((l) => l.dayparts.map((d) => d.daypart)));
  const hasClockLine = contextLines.some((i) => lines[i]!.clocks.length > 0);
  return dayparts.size === 1 && !hasClockLine ? { clocks: [], dayparts: [...dayparts] } : EMPTY;
}

/** The source of each draft of a line, in the same order. */
function sourcesOfLine(ofLine: readonly Draft[], line: LineInfo): string[] {
  // Dates that each have their own time: each its own piece of the line. Otherwise the sentence
  // around the dates that share a time ("Wel donderdag 16 juni, … of 23 juni, vanaf 19.30 uur.").
  const isSplit = ofLine.length > 1 && ofLine.every((d) => d.hasOwnTime);
  if (isSplit) {
    return ofLine.map((draft) => {
      const { segment, segmentStart } = draft;
      const sentence = cutToSentence(segment, draft.index - segmentStart, draft.end - segmentStart);
      return withExtra(tidyFragment(sentence), draft);
    });
  }
  const sources: string[] = [];
  // A run of dates that share the time of its last one has one source, from its first date to
  // the last time before the next run (each run once: a long list is not walked for every date).
  for (let first = 0; first < ofLine.length;) {
    let last = first;
    while (ofLine[last]!.sharesWithNext && last + 1 < ofLine.length) last++;
    const from = ofLine[first]!.index;
    const until = ofLine[last + 1]?.index ?? line.text.length;
    let to = ofLine[last]!.end;
    for (const t of [
      ...spansStartingIn(line.clocks, from, until),
      ...spansStartingIn(line.dayparts, from, until),
    ]) {
      if (t.end <= until) to = Math.max(to, t.end);
    }
    const source = stripListMarker(cutToSentence(line.text, from, to, line.sentences));
    for (let i = first; i <= last; i++) sources.push(withExtra(source, ofLine[i]!));
    first = last + 1;
  }
  return sources;
}

function withExtra(base: string, draft: Draft): string {
  return draft.extraSource ? `${base} ${draft.extraSource}` : base;
}

export function collectCandidates(
  lines: readonly LineInfo[],
  received: DateTime,
): { candidates: Candidate[]; questions: Question[] } {
  const resolveDate = dateResolver(received);
  const ofLines = lines.map((line, i) => draftsOfLine(line, i, received, resolveDate));
  const drafts = ofLines.flatMap((ofLine) => ofLine.drafts);
  const questions: Question[] = ofLines.flatMap((ofLine) => ofLine.questions);
  shareTimes(drafts, lines);
  const sources = new Map<Draft, string>();
  for (const [lineIndex, ofLine] of groupByLine(drafts)) {
    const ofLineSources = sourcesOfLine(ofLine, lines[lineIndex]!);
    ofLine.forEach((draft, i) => sources.set(draft, ofLineSources[i]!));
  }
  const candidates = drafts.flatMap((draft): Candidate[] => {
    const source = sources.get(draft)!;
    if (!hasTime(draft.time)) {
      if (draft.isPreference && !draft.isNegated && draft.date.kind !== 'past') {
        questions.push({ order: draft.order, text: askMissingTime(source) });
      }
      return [];
    }
    return [
      {
        order: draft.order,
        date: draft.date,
        ...(draft.writtenWeekday !== undefined ? { writtenWeekday: draft.writtenWeekday } : {}),
        source,
        time: draft.time,
        isNegated: draft.isNegated,
      },
    ];
  });
  return { candidates, questions };
}

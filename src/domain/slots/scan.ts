// Small tools that keep the slot extraction linear in the length of a mail (issue 10, finding 4).
//
// A regex anchored at the end ("…$") tested on `text.slice(0, i)` makes the engine try every start
// position of that prefix; done for every date or time of a long line, that is quadratic. The
// patterns used that way are written with bounded quantifiers (a line has single spaces: mail-text
// collapses whitespace), so a match is never longer than a few words and the characters just
// before `i` are all they need to see: `tailBefore` gives them. Likewise a test at a position uses a
// sticky regex at that index instead of `text.slice(i)`, and "does this span overlap any of those"
// is a binary search instead of a pass over all of them.

/**
 * How far back an end-anchored pattern of the line analysis looks: more than its longest match
 * plus what its lookbehinds inspect. Every such pattern says so next to its definition.
 */
export const TAIL_LENGTH = 80;

/** The characters of `text` just before `end`: enough for an end-anchored pattern. */
export function tailBefore(text: string, end: number): string {
  return text.slice(Math.max(0, end - TAIL_LENGTH), end);
}

/** A sticky pattern's match starting exactly at `index` (as `^…` on `text.slice(index)`). */
export function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  if (!pattern.sticky) throw new TypeError(`matchAt needs a sticky pattern: ${pattern}`);
  pattern.lastIndex = index;
  return pattern.exec(text);
}

export interface Span {
  readonly index: number;
  readonly end: number;
}

/** The position of the first span (sorted by index) whose index is at least `at`. */
export function firstAtOrAfter(sorted: readonly Span[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.index < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The spans (sorted by index) that start in [start, end), in order. */
export function spansStartingIn<T extends Span>(
  sorted: readonly T[],
  start: number,
  end: number,
): T[] {
  const found: T[] = [];
  for (let i = firstAtOrAfter(sorted, start); i < sorted.length && sorted[i]!.index < end; i++) {
    found.push(sorted[i]!);
  }
  return found;
}

/**
 * A test "does a span overlap any of these?", in O(log n) per question: the spans sorted by
 * index, each with the furthest end among it and those before it.
 */
export function overlapTest(spans: readonly Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.index - b.index);
  const furthestEnd: number[] = [];
  let furthest = -Infinity;
  for (const span of sorted) {
    furthest = Math.max(furthest, span.end);
    furthestEnd.push(furthest);
  }
  return (span) => {
    // The spans that start before `span` ends; one of them overlaps if it ends after `span` starts.
    const before = firstAtOrAfter(sorted, span.end);
    return before > 0 && furthestEnd[before - 1]! > span.index;
  };
}

/**
 * `text` without the parts that start where `opening` (global) matches and end where `findEnd`
 * says, as `text.replace(/open[^>]*>|…/g, '')` removes them, in one pass. Such a pattern scans to
 * the end of the text for every opening that has no closing, so "<<<<…" costs the square of its
 * length; `findEnd` answers from what it already knows instead (see closingAfter). An opening for
 * which `findEnd` has no end is skipped, and the search goes on one character further, as a regex
 * does.
 */
export function removeEnclosed(
  text: string,
  opening: RegExp,
  findEnd: (open: RegExpExecArray) => number | undefined,
): string {
  if (!opening.global) throw new TypeError(`removeEnclosed needs a global pattern: ${opening}`);
  let kept = '';
  let at = 0;
  opening.lastIndex = 0;
  for (let open = opening.exec(text); open; open = opening.exec(text)) {
    const end = findEnd(open);
    if (end === undefined) {
      opening.lastIndex = open.index + 1;
      continue;
    }
    kept += text.slice(at, open.index);
    at = end;
    opening.lastIndex = at;
  }
  return kept + text.slice(at);
}

/**
 * Just after the first `closer` at or after `from` in `text`, or undefined: without a search when
 * `from` is past the last one, so that many openings without a closing cost nothing each.
 */
export function closingAfter(text: string, closer: string): (from: number) => number | undefined {
  const last = text.lastIndexOf(closer);
  return (from) => {
    if (last < from) return undefined;
    return text.indexOf(closer, from) + closer.length;
  };
}

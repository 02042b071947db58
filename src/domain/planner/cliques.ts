// Maximal cliques of an interval graph by one sweep: for half-open intervals the maximal sets of
// pairwise overlapping ones are exactly the active sets just before the first end that follows a
// start. One "at most one of these" row per clique replaces a row per overlapping pair.

export interface Interval<T> {
  readonly start: number;
  /** Exclusive: an interval ending at 20:00 does not overlap one starting at 20:00. */
  readonly end: number;
  readonly item: T;
}

export function maximalCliques<T>(intervals: readonly Interval<T>[]): T[][] {
  const events = intervals.flatMap((interval, i) => [
    { at: interval.start, isStart: true, i },
    { at: interval.end, isStart: false, i },
  ]);
  // At the same moment ends come first: touching intervals do not overlap.
  events.sort((a, b) => a.at - b.at || Number(a.isStart) - Number(b.isStart) || a.i - b.i);
  const active = new Set<number>();
  const cliques: T[][] = [];
  let grew = false;
  for (const event of events) {
    if (event.isStart) {
      active.add(event.i);
      grew = true;
      continue;
    }
    if (grew) cliques.push([...active].map((i) => intervals[i]!.item));
    grew = false;
    active.delete(event.i);
  }
  return cliques;
}

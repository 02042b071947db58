// How many groups: given, or chosen from a range of group sizes (default 5 to 7). With N people and
// k groups the sizes are ⌊N/k⌋ and ⌈N/k⌉ (rule a). Among the counts that keep every size in the
// range, the one whose average size is nearest the middle of the range wins; when none fits, the
// count that misses the range by the fewest people; ties go to more, smaller groups.

export interface GroupCount {
  readonly count: number;
  readonly smallest: number;
  readonly largest: number;
  /** True when the sizes are within the range asked for (always true for a given count). */
  readonly fitsRange: boolean;
}

export function sizesFor(people: number, count: number): { smallest: number; largest: number } {
  return { smallest: Math.floor(people / count), largest: Math.ceil(people / count) };
}

export function chooseGroupCount(
  people: number,
  range: { readonly min: number; readonly max: number },
): GroupCount {
  // |N/k − middle| = |2N − (min + max)·k| / 2k, compared exactly by cross-multiplying.
  const twiceMiddle = range.min + range.max;
  let best: (GroupCount & { miss: number; distance: number }) | null = null;
  for (let count = 1; count <= people; count += 1) {
    const { smallest, largest } = sizesFor(people, count);
    const miss = Math.max(0, largest - range.max) + Math.max(0, range.min - smallest);
    const distance = Math.abs(2 * people - twiceMiddle * count);
    const isBetter =
      best === null ||
      miss < best.miss ||
      (miss === best.miss && distance * best.count <= best.distance * count);
    if (isBetter) best = { count, smallest, largest, fitsRange: miss === 0, miss, distance };
  }
  if (best === null) return { count: 1, smallest: 0, largest: 0, fitsRange: false };
  const { count, smallest, largest, fitsRange } = best;
  return { count, smallest, largest, fitsRange };
}

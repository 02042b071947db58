// Rule (c): each group's coalition share as close to the room's as possible, and how close any
// assignment can get. With N people in groups of whom C in the coalition, a group of size s would
// ideally have s·C/N coalition members. The measure is
//
//   D = Σ_g |c_g − s_g·C/N|   (people)
//
// kept exactly as an integer in N-ths of a person: N·D = Σ_g |c_g·N − s_g·C|.
//
// Lower bound: every group's c_g is an integer between its floor and ceiling limits, and Σ c_g = C.
// The cost of one group is convex in c_g, so the cheapest choice is found greedily: start every
// group at its least possible c_g and add the C − Σ coalition members one by one where the extra
// cost is smallest (exact for separable convex costs under one sum constraint). Without pins this
// is rounding s_g·C/N down or up, up for the groups with the largest remainders. Pins set the least
// and most c_g of a group (its pinned coalition and non-coalition members). The party caps of rule
// (b) are left out, so the bound is a true lower bound; docs/groups.md says how close the mixer gets.

/** One group's part of N·D. */
export function groupCost(size: number, coalition: number, people: number, room: number): number {
  return Math.abs(coalition * people - size * room);
}

export interface GroupLimits {
  readonly size: number;
  /** Coalition members pinned into the group: c_g is at least this. */
  readonly leastCoalition: number;
  /** Size minus non-coalition members pinned into it: c_g is at most this. */
  readonly mostCoalition: number;
}

/**
 * The least N·D over coalition counts within the limits that add up to `room`, or `null` when no
 * such counts exist.
 */
export function boundUnits(
  groups: readonly GroupLimits[],
  people: number,
  room: number,
): number | null {
  const counts = groups.map((group) => group.leastCoalition);
  let left = room - counts.reduce((sum, count) => sum + count, 0);
  if (left < 0) return null;
  const extra = (index: number): number => {
    const group = groups[index]!;
    const count = counts[index]!;
    if (count >= group.mostCoalition) return Number.POSITIVE_INFINITY;
    return (
      groupCost(group.size, count + 1, people, room) - groupCost(group.size, count, people, room)
    );
  };
  while (left > 0) {
    let bestIndex = -1;
    let bestExtra = Number.POSITIVE_INFINITY;
    for (let index = 0; index < groups.length; index += 1) {
      const cost = extra(index);
      if (cost < bestExtra) {
        bestIndex = index;
        bestExtra = cost;
      }
    }
    if (bestIndex < 0) return null;
    counts[bestIndex] = counts[bestIndex]! + 1;
    left -= 1;
  }
  return groups.reduce(
    (sum, group, index) => sum + groupCost(group.size, counts[index]!, people, room),
    0,
  );
}

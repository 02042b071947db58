// "Apart" pins after the plan: a pair that ended up together is separated by one change — a swap
// of one of them with someone in another group, or a move from a larger group to a smaller one —
// that keeps rules (a) and (b), the group pins and every other pair apart, at the least cost to the
// balance (a swap within a party or a side costs nothing). Then changes that lower the imbalance
// are made while any is left. Every change separates a pair or lowers N·D, so both loops end.
import { groupCost } from './balance.js';
import { shuffled, type Random } from './prng.js';
import type { Room } from './room.js';

/** 0-based group per person of the room. */
export type Placement = number[];

type Change =
  | { readonly kind: 'swap'; readonly x: number; readonly y: number }
  | { readonly kind: 'move'; readonly x: number; readonly to: number };

interface Counts {
  readonly parties: readonly (readonly number[])[];
  readonly coalition: readonly number[];
  readonly sizes: readonly number[];
}

/** Pairs (indices into `room.apart`) that are still together. */
export function apartViolations(room: Room, placement: Placement): number[] {
  return room.apart.flatMap(([a, b], i) => (placement[a] === placement[b] ? [i] : []));
}

/** Separates the pairs that are together where one change can; returns the pairs left. */
export function separateApart(room: Room, placement: Placement, random: Random): number[] {
  for (;;) {
    const violated = apartViolations(room, placement);
    if (violated.length === 0) return [];
    const [a, b] = room.apart[violated[0]!]!;
    const counts = countAll(room, placement);
    let best: Change | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const change of shuffled(changesOf(room, placement, [a, b], counts), random)) {
      if (!isAllowed(room, placement, counts, change)) continue;
      const cost = costOf(room, placement, counts, change);
      if (cost < bestCost) {
        best = change;
        bestCost = cost;
      }
    }
    if (best === null) return violated;
    apply(placement, best);
  }
}

/** Changes that lower the imbalance and keep every rule and pin, until none is left. */
export function improveBalance(room: Room, placement: Placement): void {
  const everyone = room.people.map((_, i) => i);
  for (;;) {
    const counts = countAll(room, placement);
    const change = changesOf(room, placement, everyone, counts).find(
      (candidate) =>
        costOf(room, placement, counts, candidate) < 0 &&
        isAllowed(room, placement, counts, candidate),
    );
    if (change === undefined) return;
    apply(placement, change);
  }
}

function changesOf(
  room: Room,
  placement: Placement,
  movers: readonly number[],
  counts: Counts,
): Change[] {
  const changes: Change[] = [];
  const largest = Math.max(...counts.sizes);
  for (const x of movers) {
    if (room.pinnedGroup[x] !== null) continue;
    for (let y = 0; y < room.size; y += 1) {
      if (placement[y] === placement[x] || room.pinnedGroup[y] !== null) continue;
      if (movers.includes(y) && y < x) continue;
      changes.push({ kind: 'swap', x, y });
    }
    // Moving from a larger group to a smaller one keeps the sizes within one (rule a).
    if (counts.sizes[placement[x]!] !== largest) continue;
    counts.sizes.forEach((size, to) => {
      if (size === largest - 1) changes.push({ kind: 'move', x, to });
    });
  }
  return changes;
}

/** Who goes where with the change. */
function movesOf(placement: Placement, change: Change): (readonly [number, number])[] {
  if (change.kind === 'move') return [[change.x, change.to]];
  return [
    [change.x, placement[change.y]!],
    [change.y, placement[change.x]!],
  ];
}

function isAllowed(room: Room, placement: Placement, counts: Counts, change: Change): boolean {
  const moves = movesOf(placement, change);
  const delta = new Map<string, number>();
  for (const [person, to] of moves) {
    const party = room.partyOf[person]!;
    const from = placement[person]!;
    delta.set(`${party}:${to}`, (delta.get(`${party}:${to}`) ?? 0) + 1);
    delta.set(`${party}:${from}`, (delta.get(`${party}:${from}`) ?? 0) - 1);
  }
  for (const [key, added] of delta) {
    if (added <= 0) continue;
    const [party, group] = key.split(':').map(Number) as [number, number];
    const { cap, label } = room.parties[party]!;
    // People without a party are spread by the plan but bound by no rule.
    if (label !== null && counts.parties[party]![group]! + added > cap) return false;
  }
  const groupAfter = new Map(moves);
  const where = (person: number): number => groupAfter.get(person) ?? placement[person]!;
  return room.apart.every(
    ([a, b]) => (!groupAfter.has(a) && !groupAfter.has(b)) || where(a) !== where(b),
  );
}

/** The change in N·D. */
function costOf(room: Room, placement: Placement, counts: Counts, change: Change): number {
  const coalition = new Map<number, number>();
  const sizes = new Map<number, number>();
  const bump = (map: Map<number, number>, group: number, by: number): void => {
    map.set(group, (map.get(group) ?? 0) + by);
  };
  for (const [person, to] of movesOf(placement, change)) {
    const from = placement[person]!;
    const isCoalition = room.parties[room.partyOf[person]!]!.isCoalition ? 1 : 0;
    bump(coalition, to, isCoalition);
    bump(coalition, from, -isCoalition);
    bump(sizes, to, 1);
    bump(sizes, from, -1);
  }
  let cost = 0;
  for (const group of new Set([...coalition.keys(), ...sizes.keys()])) {
    const size = counts.sizes[group]!;
    const count = counts.coalition[group]!;
    const after = groupCost(
      size + (sizes.get(group) ?? 0),
      count + (coalition.get(group) ?? 0),
      room.size,
      room.coalition,
    );
    cost += after - groupCost(size, count, room.size, room.coalition);
  }
  return cost;
}

function apply(placement: Placement, change: Change): void {
  for (const [person, to] of movesOf(placement, change)) placement[person] = to;
}

function countAll(room: Room, placement: Placement): Counts {
  return {
    parties: countParties(room, placement),
    coalition: countCoalition(room, placement),
    sizes: countSizes(room, placement),
  };
}

export function countParties(room: Room, placement: Placement): number[][] {
  const counts = room.parties.map(() => new Array<number>(room.groupCount).fill(0));
  placement.forEach((g, person) => {
    const row = counts[room.partyOf[person]!]!;
    row[g] = row[g]! + 1;
  });
  return counts;
}

export function countCoalition(room: Room, placement: Placement): number[] {
  const counts = new Array<number>(room.groupCount).fill(0);
  placement.forEach((g, person) => {
    if (room.parties[room.partyOf[person]!]!.isCoalition) counts[g] = counts[g]! + 1;
  });
  return counts;
}

export function countSizes(room: Room, placement: Placement): number[] {
  const counts = new Array<number>(room.groupCount).fill(0);
  for (const g of placement) counts[g] = counts[g]! + 1;
  return counts;
}

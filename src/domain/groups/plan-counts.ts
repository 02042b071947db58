// How many people of each party go to each group, at the least imbalance (rule c) that rules (a),
// (b) and the group pins allow. For a given choice of which groups get the larger size this is a
// min-cost flow, exact:
//
//   source → party p                (its members not pinned to a group)
//   party p → group g, coalition or other side (cap_p − members of p pinned to g: rule b)
//   coalition side of g → group g   (one arc per extra coalition member, costing what that member
//                                    adds to |c_g·N − s_g·C|; convex, so the flow takes them in order)
//   other side of g → group g, group g → sink   (s_g − people pinned to g: rule a)
//
// Unpinned groups are interchangeable, so only the pinned groups' sizes are tried both ways
// (cheapest bound first, stopping when no remaining choice can beat the best flow).
import { boundUnits, groupCost, type GroupLimits } from './balance.js';
import { FlowNetwork } from './min-cost-flow.js';
import { shuffled, type Random } from './prng.js';
import type { Room } from './room.js';

export interface CountPlan {
  /** Group sizes, by 0-based group. */
  readonly sizes: readonly number[];
  /** `counts[party][group]`: people of the party in the group, pinned ones included. */
  readonly counts: readonly (readonly number[])[];
  /** N·D of the plan. */
  readonly units: number;
  /** N·(lower bound): no assignment with these pins does better. */
  readonly boundUnits: number;
}

/** More pinned groups than this and their sizes are chosen by rule of thumb, not all tried. */
const MAX_SIZE_CHOICES_LOG2 = 10;
/** Plans kept for "apart" pins beyond the best one. */
const MAX_ALTERNATIVE_PLANS = 8;

/**
 * The plans at the least imbalance first; empty when rules (a), (b) and the group pins cannot all
 * hold. One plan, or several when "apart" pins may need other group sizes.
 */
export function planCounts(room: Room, random: Random): CountPlan[] {
  const { groupCount: k, size: n } = room;
  const small = Math.floor(n / k);
  const larger = n % k;
  const pinned = pinnedPerGroup(room);
  const forced = range(k).filter((g) => pinned.all[g]! > small);
  const open = range(k).filter((g) => pinned.all[g]! > 0 && pinned.all[g]! <= small);
  const free = shuffled(
    range(k).filter((g) => pinned.all[g] === 0),
    random,
  );
  const choices: { sizes: number[]; bound: number }[] = [];
  const tryAll = open.length <= MAX_SIZE_CHOICES_LOG2;
  const subsets = tryAll ? 1 << open.length : 1;
  for (let mask = 0; mask < subsets; mask += 1) {
    const chosen = tryAll
      ? open.filter((_, bit) => (mask >> bit) & 1)
      : [...open]
          .sort((a, b) => pinned.all[b]! - pinned.all[a]!)
          .slice(0, Math.max(0, larger - forced.length));
    const fromFree = larger - forced.length - chosen.length;
    if (fromFree < 0 || fromFree > free.length) continue;
    const big = new Set([...forced, ...chosen, ...free.slice(0, fromFree)]);
    const sizes = range(k).map((g) => (big.has(g) ? small + 1 : small));
    const bound = boundUnits(limitsOf(sizes, pinned), n, room.coalition);
    if (bound !== null) choices.push({ sizes, bound });
  }
  if (choices.length === 0) return [];
  choices.sort((a, b) => a.bound - b.bound);
  // "Apart" pins are placed after the plan; a plan whose sizes leave a pair no way apart must not
  // be the only one tried, so with such pins a few more size choices are solved as well.
  const alternatives = room.apart.length > 0 ? MAX_ALTERNATIVE_PLANS : 1;
  const plans: Omit<CountPlan, 'boundUnits'>[] = [];
  for (const choice of choices) {
    const best = plans[0];
    if (best !== undefined && choice.bound >= best.units && plans.length >= alternatives) break;
    const plan = solveFlow(room, choice.sizes, pinned, random);
    if (plan === null) continue;
    plans.push(plan);
    plans.sort((a, b) => a.units - b.units);
    if (plans.length > alternatives) plans.pop();
  }
  if (plans.length === 0) return [];
  // The flow is exact for its sizes, and every size choice left unsolved has a bound no better
  // than the best flow: with every choice tried, the best flow is the optimum under (a), (b) and
  // the group pins, which the plain bound (blind to rule b) can fall below when pins and party
  // caps meet. Without trying every choice the bound assumes none: sizes alone, pins left out.
  const boundOfAll = tryAll
    ? plans[0]!.units
    : (boundUnits(limitsOf(choices[0]!.sizes, null), n, room.coalition) ?? 0);
  return plans.map((plan) => ({ ...plan, boundUnits: boundOfAll }));
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

interface Pinned {
  readonly all: readonly number[];
  readonly coalition: readonly number[];
  /** `byParty[party][group]` */
  readonly byParty: readonly (readonly number[])[];
}

function pinnedPerGroup(room: Room): Pinned {
  const k = room.groupCount;
  const all = new Array<number>(k).fill(0);
  const coalition = new Array<number>(k).fill(0);
  const byParty = room.parties.map(() => new Array<number>(k).fill(0));
  room.pinnedGroup.forEach((group, person) => {
    if (group === null) return;
    all[group] = all[group]! + 1;
    const party = room.partyOf[person]!;
    byParty[party]![group] = byParty[party]![group]! + 1;
    if (room.parties[party]!.isCoalition) coalition[group] = coalition[group]! + 1;
  });
  return { all, coalition, byParty };
}

function limitsOf(sizes: readonly number[], pinned: Pinned | null): GroupLimits[] {
  return sizes.map((size, g) => ({
    size,
    leastCoalition: pinned?.coalition[g] ?? 0,
    mostCoalition: size - ((pinned?.all[g] ?? 0) - (pinned?.coalition[g] ?? 0)),
  }));
}

function solveFlow(
  room: Room,
  sizes: readonly number[],
  pinned: Pinned,
  random: Random,
): Omit<CountPlan, 'boundUnits'> | null {
  const { groupCount: k, size: n, coalition: c } = room;
  const partyCount = room.parties.length;
  // Nodes: 0 source, 1 sink, then the parties, then per group its coalition side, other side, total.
  const partyNode = (p: number): number => 2 + p;
  const coalitionNode = (g: number): number => 2 + partyCount + 3 * g;
  const otherNode = (g: number): number => coalitionNode(g) + 1;
  const groupNode = (g: number): number => coalitionNode(g) + 2;
  const network = new FlowNetwork(2 + partyCount + 3 * k);
  const open = sizes.map((size, g) => size - pinned.all[g]!);
  // The order arcs are added in decides between equally good plans: the seed varies it.
  const partyOrder = shuffled(range(partyCount), random);
  const groupOrder = shuffled(range(k), random);
  const handles = room.parties.map(() => new Array<{ from: number; index: number } | null>(k));
  const overflow = room.parties.map(() => new Array<{ from: number; index: number } | null>(k));
  // Balance first, spreading people without a party second: balance costs are scaled above the
  // most the spreading can cost (one unit per person).
  const scale = n + 1;
  for (const p of partyOrder) {
    const party = room.parties[p]!;
    const unpinned = party.members.filter((m) => room.pinnedGroup[m] === null).length;
    network.addArc(0, partyNode(p), unpinned, 0);
    for (const g of groupOrder) {
      const spare = party.cap - pinned.byParty[p]![g]!;
      const side = party.isCoalition ? coalitionNode(g) : otherNode(g);
      handles[p]![g] = spare > 0 ? network.addArc(partyNode(p), side, spare, 0) : null;
      // People without a party are spread evenly only where that costs no balance: more of
      // them in a group costs one unit of the smaller scale (rule b does not bind them).
      if (party.label === null) {
        overflow[p]![g] = network.addArc(partyNode(p), side, unpinned, 1);
      }
    }
  }
  for (const g of groupOrder) {
    const size = sizes[g]!;
    const least = pinned.coalition[g]!;
    for (let extra = 1; extra <= open[g]!; extra += 1) {
      const cost = groupCost(size, least + extra, n, c) - groupCost(size, least + extra - 1, n, c);
      network.addArc(coalitionNode(g), groupNode(g), 1, cost * scale);
    }
    network.addArc(otherNode(g), groupNode(g), open[g]!, 0);
    network.addArc(groupNode(g), 1, open[g]!, 0);
  }
  const needed = open.reduce((sum, count) => sum + count, 0);
  const { flow } = network.solve(0, 1);
  if (flow < needed) return null;
  const flowOn = (handle: { from: number; index: number } | null | undefined): number =>
    handle ? network.flowOn(handle) : 0;
  const counts = room.parties.map((_, p) =>
    range(k).map((g) => pinned.byParty[p]![g]! + flowOn(handles[p]![g]) + flowOn(overflow[p]![g])),
  );
  const coalition = range(k).map((g) =>
    room.parties.reduce((sum, party, p) => sum + (party.isCoalition ? counts[p]![g]! : 0), 0),
  );
  const units = range(k).reduce((sum, g) => sum + groupCost(sizes[g]!, coalition[g]!, n, c), 0);
  return { sizes, counts, units };
}

// From counts per party and group to people: pinned people first, the others of each party in a
// seeded order over the places the plan gives their party. With "apart" pins, the pairs that end
// up together are separated afterwards (separate-apart.ts), trying other placements and plans.
import { groupCost } from './balance.js';
import type { CountPlan } from './plan-counts.js';
import { shuffled, type Random } from './prng.js';
import type { Room } from './room.js';
import {
  countCoalition,
  countSizes,
  improveBalance,
  type Placement,
  separateApart,
} from './separate-apart.js';

export function placePeople(room: Room, plan: CountPlan, random: Random): Placement {
  const placement: Placement = room.people.map(() => -1);
  room.parties.forEach((party, p) => {
    const places: number[] = [];
    const counts = [...plan.counts[p]!];
    for (const member of party.members) {
      const group = room.pinnedGroup[member];
      if (group === null || group === undefined) continue;
      placement[member] = group;
      counts[group] = counts[group]! - 1;
    }
    for (const g of shuffled(
      counts.map((_, g) => g),
      random,
    )) {
      for (let i = 0; i < counts[g]!; i += 1) places.push(g);
    }
    const unpinned = shuffled(
      party.members.filter((member) => room.pinnedGroup[member] === null),
      random,
    );
    unpinned.forEach((member, i) => {
      placement[member] = places[i]!;
    });
  });
  return placement;
}

/** Placements tried when "apart" pins are left that no single swap can separate. */
const PLACEMENT_ATTEMPTS = 16;

/**
 * Places everyone and separates the "apart" pairs; when pairs stay together, tries other seeded
 * placements and other plans and keeps the best: fewest pairs together, then least imbalance.
 */
export function placeApart(
  room: Room,
  plans: readonly CountPlan[],
  random: Random,
): { placement: Placement; together: number[] } {
  let best: { placement: Placement; together: number[]; units: number } | null = null;
  const attempts = room.apart.length === 0 ? 1 : PLACEMENT_ATTEMPTS;
  for (const plan of plans) {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const placement = placePeople(room, plan, random);
      const together = separateApart(room, placement, random);
      // Without "apart" pins the plan is already the best there is (a min-cost flow).
      if (together.length === 0 && room.apart.length > 0) improveBalance(room, placement);
      const units = placementUnits(room, placement);
      const isBetter =
        best === null ||
        together.length < best.together.length ||
        (together.length === best.together.length && units < best.units);
      if (isBetter) best = { placement, together, units };
      if (together.length === 0 && units === plan.units) break;
    }
    if (best !== null && best.together.length === 0 && best.units <= plan.units) break;
  }
  return { placement: best!.placement, together: best!.together };
}

function placementUnits(room: Room, placement: Placement): number {
  const coalition = countCoalition(room, placement);
  const sizes = countSizes(room, placement);
  return sizes.reduce(
    (sum, size, g) => sum + groupCost(size, coalition[g]!, room.size, room.coalition),
    0,
  );
}

// The score of a placement: per group its sizes, sides, parties against their caps and its
// deviation from the room's coalition share; overall the deviation against the lower bound, and
// whether rules (a), (b) and the pins hold (they always should: the tests check it).
import { groupCost } from './balance.js';
import { countParties, type Placement } from './separate-apart.js';
import type { Room } from './room.js';
import type { GroupScore, MixScore, Verdict } from './types.js';

export function scoreGroups(room: Room, placement: Placement): GroupScore[] {
  const partyCounts = countParties(room, placement);
  return Array.from({ length: room.groupCount }, (_, g) => {
    const members = room.people.filter((_, i) => placement[i] === g);
    const size = members.length;
    const coalitie = members.filter((person) => person.side === 'coalitie').length;
    const oppositie = members.filter((person) => person.side === 'oppositie').length;
    const ideal = room.size === 0 ? 0 : (size * room.coalition) / room.size;
    return {
      size,
      coalitie,
      oppositie,
      onbekend: size - coalitie - oppositie,
      idealCoalitie: ideal,
      deviation: Math.abs(coalitie - ideal),
      parties: room.parties
        .map((party, p) => ({ party: party.label, count: partyCounts[p]![g]!, cap: party.cap }))
        .filter((party) => party.count > 0),
    };
  });
}

/** N·D of a placement: Σ |c_g·N − s_g·C|. */
export function deviationUnits(room: Room, groups: readonly GroupScore[]): number {
  return groups.reduce(
    (sum, group) => sum + groupCost(group.size, group.coalitie, room.size, room.coalition),
    0,
  );
}

export function rulesHold(
  room: Room,
  placement: Placement,
  groups: readonly GroupScore[],
): boolean {
  const sizes = groups.map((group) => group.size);
  const sizesEven = Math.max(...sizes) - Math.min(...sizes) <= 1;
  const partyCounts = countParties(room, placement);
  // Rule (b) binds parties; people without a party are only spread where pins allow.
  const capsKept = room.parties.every(
    (party, p) => party.label === null || partyCounts[p]!.every((count) => count <= party.cap),
  );
  const pinsKept =
    room.pinnedGroup.every((group, i) => group === null || placement[i] === group) &&
    room.apart.every(([a, b]) => placement[a] !== placement[b]);
  return sizesEven && capsKept && pinsKept;
}

export function scoreMix(
  room: Room,
  placement: Placement,
  groups: readonly GroupScore[],
  boundUnits: number,
): MixScore {
  const units = deviationUnits(room, groups);
  const n = Math.max(room.size, 1);
  const gap = units - boundUnits;
  const verdict: Verdict = gap <= 0 ? 'optimaal' : gap <= n ? 'binnen-een' : 'verder';
  return {
    deviation: units / n,
    lowerBound: boundUnits / n,
    verdict,
    rulesHold: rulesHold(room, placement, groups),
    roomShare: room.coalition / n,
  };
}

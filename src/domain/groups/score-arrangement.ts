// The score of groups as the trainers arranged them by hand (someone moved to another group):
// the same measures as the mixer's result, against the bound for these group sizes without pins,
// so the sheet shows how far a move takes the mix from the best possible (issue 14, item 4).
import { boundUnits } from './balance.js';
import { buildRoom } from './room.js';
import { scoreGroups, scoreMix } from './score.js';
import type { MixedGroup, MixPerson, MixScore } from './types.js';

export type ArrangementOutcome =
  | { readonly ok: true; readonly groups: readonly MixedGroup[]; readonly score: MixScore }
  | { readonly ok: false; readonly problem: 'unknownPerson' | 'personTwice' | 'emptyGroups' };

/**
 * `groups[g]` lists the ids in group g + 1; everyone else in `people` is outside the groups.
 * An id not in `people`, an id in two groups or no one in any group is refused.
 */
export function scoreArrangement(
  people: readonly MixPerson[],
  groups: readonly (readonly string[])[],
): ArrangementOutcome {
  const byId = new Map(people.map((person) => [person.id, person]));
  const placed = new Map<string, number>();
  for (const [g, members] of groups.entries()) {
    for (const id of members) {
      if (!byId.has(id)) return { ok: false, problem: 'unknownPerson' };
      if (placed.has(id)) return { ok: false, problem: 'personTwice' };
      placed.set(id, g);
    }
  }
  if (placed.size === 0 || groups.length === 0) return { ok: false, problem: 'emptyGroups' };
  const inGroups = people.filter((person) => placed.has(person.id));
  const room = buildRoom(inGroups, groups.length, new Map(), []);
  const placement = inGroups.map((person) => placed.get(person.id)!);
  const scores = scoreGroups(room, placement);
  const limits = scores.map((score) => ({
    size: score.size,
    leastCoalition: 0,
    mostCoalition: score.size,
  }));
  const bound = boundUnits(limits, room.size, room.coalition) ?? 0;
  const score = scoreMix(room, placement, scores, bound);
  return {
    ok: true,
    groups: scores.map((groupScore, g) => ({
      number: g + 1,
      members: [...(groups[g] ?? [])],
      score: groupScore,
    })),
    score,
  };
}

// The people to divide, indexed for the mixer: who is in the groups (everyone not pinned outside),
// their parties with the cap of rule (b), who is pinned where and who must be apart. People without
// a party are spread like a party of their own per side, so the groups also share them evenly.
import { partyKey } from '../attendees/vocabulary.js';
import type { MixPerson } from './types.js';

export interface RoomParty {
  /** The party as written by its first member; `null` for the people without a party. */
  readonly label: string | null;
  readonly isCoalition: boolean;
  /** Indices into `Room.people`. */
  readonly members: readonly number[];
  /** ⌈members / groups⌉: the most one group may have (rule b). */
  readonly cap: number;
}

export interface Room {
  /** The people in the groups, in the order given. */
  readonly people: readonly MixPerson[];
  readonly partyOf: readonly number[];
  readonly parties: readonly RoomParty[];
  /** 0-based group a person is pinned to, or `null`. */
  readonly pinnedGroup: readonly (number | null)[];
  /** Pairs of indices that must be in different groups. */
  readonly apart: readonly (readonly [number, number])[];
  readonly groupCount: number;
  /** N: people in the groups. */
  readonly size: number;
  /** C: coalition members among them. */
  readonly coalition: number;
}

export function isCoalition(person: MixPerson): boolean {
  return person.side === 'coalitie';
}

export function buildRoom(
  people: readonly MixPerson[],
  groupCount: number,
  pinnedGroup: ReadonlyMap<string, number>,
  apart: readonly (readonly [string, string])[],
): Room {
  const index = new Map(people.map((person, i) => [person.id, i]));
  const partyIndex = new Map<string, number>();
  const drafts: { label: string | null; isCoalition: boolean; members: number[] }[] = [];
  const partyOf = people.map((person, i) => {
    const key = person.party === null ? `\u0000${person.side}` : partyKey(person.party);
    let at = partyIndex.get(key);
    if (at === undefined) {
      at = drafts.length;
      partyIndex.set(key, at);
      drafts.push({ label: person.party, isCoalition: isCoalition(person), members: [] });
    }
    drafts[at]!.members.push(i);
    return at;
  });
  const parties = drafts.map((party) => ({
    ...party,
    cap: capOf(party, groupCount, people, pinnedGroup),
  }));
  const apartPairs = apart
    .map(([a, b]) => [index.get(a), index.get(b)] as const)
    .filter(
      (pair): pair is readonly [number, number] => pair[0] !== undefined && pair[1] !== undefined,
    );
  return {
    people,
    partyOf,
    parties,
    pinnedGroup: people.map((person) => pinnedGroup.get(person.id) ?? null),
    apart: apartPairs,
    groupCount,
    size: people.length,
    coalition: people.filter(isCoalition).length,
  };
}

/**
 * ⌈members / groups⌉. People without a party are no party: rule (b) does not bind them, the cap
 * only spreads them, so it gives way to the trainers' pins.
 */
function capOf(
  party: { readonly label: string | null; readonly members: readonly number[] },
  groupCount: number,
  people: readonly MixPerson[],
  pinnedGroup: ReadonlyMap<string, number>,
): number {
  const even = Math.ceil(party.members.length / groupCount);
  if (party.label !== null) return even;
  const pinned = new Map<number, number>();
  for (const member of party.members) {
    const group = pinnedGroup.get(people[member]!.id);
    if (group !== undefined) pinned.set(group, (pinned.get(group) ?? 0) + 1);
  }
  return Math.max(even, ...pinned.values());
}

// Rooms for the group mixer's tests: arbitrary councils of 5 to 60 people in 1 to 12 parties with
// pins, and independent checks of rules (a), (b), the pins and the plain rounding bound of (c).
import fc from 'fast-check';
import type { Side } from '../../../../src/domain/attendees/types.js';
import { chooseGroupCount } from '../../../../src/domain/groups/group-count.js';
import type { MixOutcome } from '../../../../src/domain/groups/mix-groups.js';
import {
  DEFAULT_SIZE_RANGE,
  type GroupCountChoice,
  type MixPerson,
  type Pin,
} from '../../../../src/domain/groups/types.js';

export interface Case {
  readonly people: readonly MixPerson[];
  readonly groups: GroupCountChoice;
  readonly pins: readonly Pin[];
  readonly seed: number;
}

export interface CaseShape {
  readonly minPeople: number;
  readonly maxPeople: number;
  readonly maxGroups: number;
  readonly outside: number;
  readonly inGroup: number;
  readonly apart: number;
}

export const COUNCILS: CaseShape = {
  minPeople: 5,
  maxPeople: 60,
  maxGroups: 12,
  outside: 2,
  inGroup: 0,
  apart: 0,
};

/** A council: parties with a side each, people spread over them unevenly, a few without a party. */
export function arbitraryCase(shape: CaseShape): fc.Arbitrary<Case> {
  return fc
    .record({
      size: fc.integer({ min: shape.minPeople, max: shape.maxPeople }),
      partyCount: fc.integer({ min: 1, max: 12 }),
      sides: fc.array(
        fc.constantFrom<Side>('coalitie', 'oppositie', 'coalitie', 'oppositie', 'onbekend'),
        {
          minLength: 12,
          maxLength: 12,
        },
      ),
      weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 12, maxLength: 12 }),
      draws: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
        minLength: 60,
        maxLength: 60,
      }),
      partyless: fc.integer({ min: 0, max: 2 }),
      useCount: fc.boolean(),
      count: fc.integer({ min: 1, max: shape.maxGroups }),
      outside: fc.array(fc.nat(), { maxLength: shape.outside }),
      inGroup: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: shape.inGroup }),
      apart: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: shape.apart }),
      seed: fc.integer(),
    })
    .map((r) => {
      const weights = r.weights.slice(0, r.partyCount);
      const total = weights.reduce((a, b) => a + b, 0);
      const people: MixPerson[] = Array.from({ length: r.size }, (_, i) => {
        if (i < r.partyless) {
          return { id: `p${i}`, name: `Persoon ${i}`, party: null, side: 'onbekend' as Side };
        }
        // Every party gets its first member in turn, the rest by weight.
        let party = i - r.partyless < r.partyCount ? i - r.partyless : 0;
        if (i - r.partyless >= r.partyCount) {
          let x = r.draws[i % 60]! * total;
          party = weights.findIndex((w) => (x -= w) < 0);
          if (party < 0) party = r.partyCount - 1;
        }
        return {
          id: `p${i}`,
          name: `Persoon ${i}`,
          party: `Partij ${party}`,
          side: r.sides[party]!,
        };
      });
      const id = (n: number): string => `p${n % r.size}`;
      const outsideIds = new Set(r.outside.map(id));
      // Keep at least one person in the groups.
      if (outsideIds.size >= r.size) outsideIds.delete(id(0));
      const inGroups = r.size - outsideIds.size;
      // Pins name a group that exists, so most pinned cases are feasible and the rules are tested.
      const count = r.useCount
        ? Math.min(r.count, inGroups)
        : chooseGroupCount(inGroups, DEFAULT_SIZE_RANGE).count;
      const pins: Pin[] = [...outsideIds].map((person) => ({ kind: 'outside', person }));
      for (const [who, group] of r.inGroup) {
        if (outsideIds.has(id(who))) continue;
        pins.push({ kind: 'in-group', person: id(who), group: (group % count) + 1 });
      }
      for (const [a, b] of r.apart) {
        if (id(a) !== id(b)) pins.push({ kind: 'apart', person: id(a), other: id(b) });
      }
      const groups: GroupCountChoice = r.useCount ? { count } : { sizeRange: DEFAULT_SIZE_RANGE };
      return { people, groups, pins, seed: r.seed };
    });
}

export type MixSuccess = Extract<MixOutcome, { ok: true }>;

/** Rules (a), (b) and the pins, checked from the outcome alone; returns what is broken. */
export function brokenRules(testCase: Case, outcome: MixSuccess): string[] {
  const broken: string[] = [];
  const outsidePinned = new Set(
    testCase.pins.flatMap((pin) => (pin.kind === 'outside' ? [pin.person] : [])),
  );
  const groupOf = new Map<string, number>();
  for (const group of outcome.groups) {
    for (const member of group.members) {
      if (groupOf.has(member)) broken.push(`${member} twice`);
      groupOf.set(member, group.number);
    }
  }
  for (const person of testCase.people) {
    const isOutside = outcome.outside.includes(person.id);
    if (isOutside !== outsidePinned.has(person.id)) broken.push(`${person.id} outside wrongly`);
    if (!isOutside && !groupOf.has(person.id)) broken.push(`${person.id} missing`);
  }
  const sizes = outcome.groups.map((group) => group.members.length);
  if (Math.max(...sizes) - Math.min(...sizes) > 1) broken.push(`(a) sizes ${sizes.join(',')}`);
  const k = outcome.groups.length;
  const partyOf = new Map(testCase.people.map((person) => [person.id, person.party]));
  const partySize = new Map<string, number>();
  for (const id of groupOf.keys()) {
    const party = partyOf.get(id);
    if (party) partySize.set(party, (partySize.get(party) ?? 0) + 1);
  }
  for (const group of outcome.groups) {
    const counts = new Map<string, number>();
    for (const id of group.members) {
      const party = partyOf.get(id);
      if (party) counts.set(party, (counts.get(party) ?? 0) + 1);
    }
    for (const [party, count] of counts) {
      const cap = Math.ceil(partySize.get(party)! / k);
      if (count > cap) broken.push(`(b) ${party} ${count} > ${cap} in group ${group.number}`);
    }
  }
  for (const pin of testCase.pins) {
    if (pin.kind === 'in-group' && groupOf.get(pin.person) !== pin.group) {
      broken.push(`pin ${pin.person} in ${pin.group}`);
    }
    if (pin.kind === 'apart' && groupOf.has(pin.person)) {
      if (groupOf.get(pin.person) === groupOf.get(pin.other)) {
        broken.push(`pin ${pin.person} apart from ${pin.other}`);
      }
    }
  }
  return broken;
}

/** N·D: Σ |c_g·N − s_g·C| over the groups, from the outcome and the people's sides. */
export function deviationUnits(testCase: Case, outcome: MixSuccess): number {
  const side = new Map(testCase.people.map((person) => [person.id, person.side]));
  const n = outcome.groups.reduce((sum, group) => sum + group.members.length, 0);
  const c = outcome.groups.reduce(
    (sum, group) => sum + group.members.filter((id) => side.get(id) === 'coalitie').length,
    0,
  );
  return outcome.groups.reduce((sum, group) => {
    const coalition = group.members.filter((id) => side.get(id) === 'coalitie').length;
    return sum + Math.abs(coalition * n - group.members.length * c);
  }, 0);
}

/**
 * The plain rounding bound of N·D (no pins, no caps): each group's ideal s_g·C/N rounded down,
 * and up for the groups with the largest remainders, as many as the rounding leaves over.
 */
export function roundingBoundUnits(outcome: MixSuccess, coalition: number): number {
  const sizes = outcome.groups.map((group) => group.members.length);
  const n = sizes.reduce((a, b) => a + b, 0);
  const remainders = sizes.map((size) => (size * coalition) % n).sort((a, b) => b - a);
  const ups = remainders.reduce((a, b) => a + b, 0) / n;
  return remainders.reduce((sum, r, i) => sum + (i < ups ? n - r : r), 0);
}

export function coalitionInGroups(testCase: Case, outcome: MixSuccess): number {
  const side = new Map(testCase.people.map((person) => [person.id, person.side]));
  return outcome.groups.reduce(
    (sum, group) => sum + group.members.filter((id) => side.get(id) === 'coalitie').length,
    0,
  );
}

// The group mixer (issue 14, item 2): divides the attendees of a workshop into groups so that
//   (a) group sizes differ by at most one,
//   (b) no party has more members in a group than ⌈party size / groups⌉,
//   (c) each group's coalition share is as close to the room's as possible,
//   (d) the trainers' pins hold (outside the groups, in group N, apart from someone).
// Pure and deterministic for a seed; another seed gives another assignment of the same score when
// there is one. docs/groups.md explains the measure, its bound and the algorithm.
import { partyKey } from '../attendees/vocabulary.js';
import { chooseGroupCount, type GroupCount, sizesFor } from './group-count.js';
import { createGroupIssue, type GroupIssue } from './messages.js';
import { placeApart } from './place-people.js';
import { planCounts } from './plan-counts.js';
import { createRandom } from './prng.js';
import { buildRoom, type Room } from './room.js';
import { scoreGroups, scoreMix } from './score.js';
import type { MixedGroup, MixPerson, MixRequest, MixScore } from './types.js';

export type MixOutcome =
  | {
      readonly ok: true;
      readonly groups: readonly MixedGroup[];
      /** Ids of the people pinned outside the groups. */
      readonly outside: readonly string[];
      readonly groupCount: GroupCount;
      readonly score: MixScore;
      /** How the number of groups was chosen and how good the result is, in words. */
      readonly notes: readonly GroupIssue[];
    }
  | { readonly ok: false; readonly errors: readonly GroupIssue[] };

export function mixGroups(request: MixRequest): MixOutcome {
  const checked = checkRequest(request);
  if (!checked.ok) return checked;
  const { inGroups, outside, groupCount, pinnedGroup, apart } = checked;
  const room = buildRoom(inGroups, groupCount.count, pinnedGroup, apart);
  const capErrors = checkPinnedCapacity(room);
  if (capErrors.length > 0) return { ok: false, errors: capErrors };
  const random = createRandom(request.seed);
  const plans = planCounts(room, random);
  if (plans.length === 0) return { ok: false, errors: [createGroupIssue('PINS_INFEASIBLE', {})] };
  const { placement, together } = placeApart(room, plans, random);
  if (together.length > 0) {
    return {
      ok: false,
      errors: together.map((i) => {
        const [a, b] = room.apart[i]!;
        return createGroupIssue('PIN_APART_UNRESOLVED', {
          name: room.people[a]!.name,
          other: room.people[b]!.name,
        });
      }),
    };
  }
  const scores = scoreGroups(room, placement);
  const score = scoreMix(room, placement, scores, plans[0]!.boundUnits);
  const groups = scores.map((groupScore, g) => ({
    number: g + 1,
    members: room.people.filter((_, i) => placement[i] === g).map((person) => person.id),
    score: groupScore,
  }));
  const range = 'sizeRange' in request.groups ? request.groups.sizeRange : null;
  const notes = [
    createGroupIssue('GROUP_COUNT_CHOSEN', {
      people: room.size,
      ...groupCount,
      min: range?.min ?? groupCount.smallest,
      max: range?.max ?? groupCount.largest,
    }),
    createGroupIssue('SCORE', {
      verdict: score.verdict,
      deviation: score.deviation,
      lowerBound: score.lowerBound,
    }),
  ];
  return { ok: true, groups, outside, groupCount, score, notes };
}

type Checked =
  | {
      readonly ok: true;
      readonly inGroups: readonly MixPerson[];
      readonly outside: readonly string[];
      readonly groupCount: GroupCount;
      readonly pinnedGroup: ReadonlyMap<string, number>;
      readonly apart: readonly (readonly [string, string])[];
    }
  | { readonly ok: false; readonly errors: readonly GroupIssue[] };

function checkRequest(request: MixRequest): Checked {
  const errors = checkPeople(request.people);
  const byId = new Map(request.people.map((person) => [person.id, person]));
  const nameOf = (id: string): string => byId.get(id)?.name ?? id;
  const place = new Map<string, 'outside' | number>();
  const apart: [string, string][] = [];
  for (const pin of request.pins) {
    if (!byId.has(pin.person) || (pin.kind === 'apart' && !byId.has(pin.other))) {
      errors.push(createGroupIssue('PIN_UNKNOWN_PERSON', { id: pin.person }));
      continue;
    }
    if (pin.kind === 'apart') {
      if (pin.person === pin.other) {
        errors.push(createGroupIssue('PIN_APART_SELF', { name: nameOf(pin.person) }));
      } else apart.push([pin.person, pin.other]);
      continue;
    }
    const where = pin.kind === 'outside' ? 'outside' : pin.group - 1;
    const earlier = place.get(pin.person);
    if (earlier !== undefined && earlier !== where) {
      errors.push(createGroupIssue('PIN_CONFLICT', { name: nameOf(pin.person) }));
    }
    place.set(pin.person, where);
  }
  const groupsError = checkGroupChoice(request);
  if (groupsError !== null) errors.push(groupsError);
  if (errors.length > 0) return { ok: false, errors };
  const inGroups = request.people.filter((person) => place.get(person.id) !== 'outside');
  const outside = request.people.filter((person) => place.get(person.id) === 'outside');
  if (inGroups.length === 0) {
    return { ok: false, errors: [createGroupIssue('EVERYONE_OUTSIDE', {})] };
  }
  const groupCount = countGroups(request, inGroups.length);
  if (groupCount === null) {
    const count = 'count' in request.groups ? request.groups.count : 0;
    const issue = createGroupIssue('GROUP_COUNT_INVALID', { count, people: inGroups.length });
    return { ok: false, errors: [issue] };
  }
  const pinnedGroup = new Map<string, number>();
  for (const [id, where] of place) {
    if (where === 'outside') continue;
    if (where < 0 || where >= groupCount.count || !Number.isInteger(where)) {
      errors.push(
        createGroupIssue('PIN_GROUP_OUT_OF_RANGE', {
          name: nameOf(id),
          group: where + 1,
          count: groupCount.count,
        }),
      );
    } else pinnedGroup.set(id, where);
  }
  const inGroupApart = apart.filter(
    ([a, b]) => place.get(a) !== 'outside' && place.get(b) !== 'outside',
  );
  for (const [a, b] of inGroupApart) {
    const names = { name: nameOf(a), other: nameOf(b) };
    if (groupCount.count === 1) errors.push(createGroupIssue('PIN_APART_ONE_GROUP', names));
    else if (pinnedGroup.has(a) && pinnedGroup.get(a) === pinnedGroup.get(b)) {
      errors.push(
        createGroupIssue('PIN_APART_SAME_GROUP', { ...names, group: pinnedGroup.get(a)! + 1 }),
      );
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    inGroups,
    outside: outside.map((person) => person.id),
    groupCount,
    pinnedGroup,
    apart: inGroupApart,
  };
}

function checkPeople(people: readonly MixPerson[]): GroupIssue[] {
  if (people.length === 0) return [createGroupIssue('NO_PEOPLE', {})];
  const errors: GroupIssue[] = [];
  const ids = new Set<string>();
  const sides = new Map<string, { party: string; isCoalition: boolean }>();
  const reported = new Set<string>();
  for (const person of people) {
    if (ids.has(person.id)) errors.push(createGroupIssue('PERSON_ID_TWICE', { name: person.name }));
    ids.add(person.id);
    if (person.party === null) continue;
    const key = partyKey(person.party);
    const isCoalition = person.side === 'coalitie';
    const first = sides.get(key);
    if (first === undefined) sides.set(key, { party: person.party, isCoalition });
    else if (first.isCoalition !== isCoalition && !reported.has(key)) {
      reported.add(key);
      errors.push(createGroupIssue('PARTY_SIDES_DIFFER', { party: first.party }));
    }
  }
  return errors;
}

function checkGroupChoice(request: MixRequest): GroupIssue | null {
  if ('count' in request.groups) return null;
  const { min, max } = request.groups.sizeRange;
  const isValid = Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= max;
  return isValid ? null : createGroupIssue('SIZE_RANGE_INVALID', { min, max });
}

function countGroups(request: MixRequest, people: number): GroupCount | null {
  if ('sizeRange' in request.groups) return chooseGroupCount(people, request.groups.sizeRange);
  const { count } = request.groups;
  if (!Number.isInteger(count) || count < 1 || count > people) return null;
  return { count, ...sizesFor(people, count), fitsRange: true };
}

/** Pins that break rule (a) or (b) by themselves, named so the trainers know which to undo. */
function checkPinnedCapacity(room: Room): GroupIssue[] {
  const { groupCount: k, size: n } = room;
  const largest = Math.ceil(n / k);
  const allowedFull = n % k === 0 ? k : n % k;
  const pinned = new Array<number>(k).fill(0);
  const byParty = new Map<string, number>();
  room.pinnedGroup.forEach((group, person) => {
    if (group === null) return;
    pinned[group] = pinned[group]! + 1;
    const key = `${room.partyOf[person]}:${group}`;
    byParty.set(key, (byParty.get(key) ?? 0) + 1);
  });
  const errors: GroupIssue[] = [];
  pinned.forEach((count, g) => {
    if (count > largest) {
      errors.push(createGroupIssue('PIN_GROUP_TOO_FULL', { group: g + 1, pinned: count, largest }));
    }
  });
  const full = pinned.filter((count) => count === largest).length;
  if (errors.length === 0 && full > allowedFull) {
    errors.push(
      createGroupIssue('PIN_TOO_MANY_FULL_GROUPS', { full, allowed: allowedFull, largest }),
    );
  }
  for (const [key, count] of byParty) {
    const [p, g] = key.split(':').map(Number) as [number, number];
    const party = room.parties[p]!;
    if (count > party.cap && party.label !== null) {
      errors.push(
        createGroupIssue('PIN_PARTY_OVER_CAP', {
          group: g + 1,
          party: party.label,
          pinned: count,
          cap: party.cap,
        }),
      );
    }
  }
  return errors;
}

// Groups the trainers arranged by hand (issue 14, item 4): scored like the mixer's result, against
// the bound for these sizes; a move that breaks rule (a) shows as rulesHold false; ids that are
// unknown or in two groups are refused.
import { describe, expect, it } from '@jest/globals';
import { scoreArrangement } from '../../../../src/domain/groups/score-arrangement.js';
import type { MixPerson } from '../../../../src/domain/groups/types.js';

const person = (id: string, party: string, side: 'coalitie' | 'oppositie'): MixPerson => ({
  id,
  name: id,
  party,
  side,
});
const PEOPLE = [
  person('a1', 'A', 'coalitie'),
  person('a2', 'A', 'coalitie'),
  person('b1', 'B', 'oppositie'),
  person('b2', 'B', 'oppositie'),
];

describe('scoreArrangement', () => {
  it('scores a balanced arrangement as optimal with the rules kept', () => {
    const result = scoreArrangement(PEOPLE, [
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
    expect(result.ok && result.score).toMatchObject({
      deviation: 0,
      lowerBound: 0,
      verdict: 'optimaal',
      rulesHold: true,
    });
  });

  it('shows a move that breaks rule (a), against the bound for the sizes it made', () => {
    const result = scoreArrangement(PEOPLE, [['b1'], ['a2', 'b2', 'a1']]);
    if (!result.ok) throw new Error('refused');
    expect(result.score.rulesHold).toBe(false);
    // Sizes 1 and 3 with half the room in the coalition: half a person off in each, at best.
    expect(result.score).toMatchObject({ deviation: 1, lowerBound: 1 });
    expect(result.groups.map((g) => g.score.size)).toEqual([1, 3]);
  });

  it('leaves people in no group outside, and refuses unknown or doubled ids', () => {
    const outside = scoreArrangement(PEOPLE, [['a1', 'b1']]);
    expect(outside.ok && outside.groups[0]!.members).toEqual(['a1', 'b1']);
    expect(scoreArrangement(PEOPLE, [['x']])).toEqual({ ok: false, problem: 'unknownPerson' });
    expect(scoreArrangement(PEOPLE, [['a1'], ['a1']])).toEqual({
      ok: false,
      problem: 'personTwice',
    });
    expect(scoreArrangement(PEOPLE, [[]])).toEqual({ ok: false, problem: 'emptyGroups' });
  });
});

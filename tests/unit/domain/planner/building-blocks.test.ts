// The planner's parts on their own: interval cliques, stated availability in Amsterdam day parts,
// the stage-1 weight, and the LP text the solver reads.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { maximalCliques } from '../../../../src/domain/planner/cliques.js';
import { PlannerModel, plannedWeight } from '../../../../src/domain/planner/model.js';
import { buildProblem } from '../../../../src/domain/planner/problem.js';
import { dayPartsOf, statedVerdict } from '../../../../src/domain/planner/stated.js';
import { berenschot, plannerInput, riecAdvisor, signup, slot } from './fixtures.js';

const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Amsterdam' }).toMillis();

describe('maximalCliques', () => {
  it('finds the maximal sets of overlapping intervals; touching ones do not overlap', () => {
    const cliques = maximalCliques([
      { start: 0, end: 10, item: 'a' },
      { start: 5, end: 15, item: 'b' },
      { start: 10, end: 20, item: 'c' },
      { start: 12, end: 13, item: 'd' },
      { start: 30, end: 40, item: 'e' },
    ]);
    expect(cliques.map((c) => c.sort().join(''))).toEqual(['ab', 'bcd', 'e']);
  });

  it('covers every overlapping pair, and every clique overlaps pairwise', () => {
    const intervals = fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 15 }))
        .map(([start, length]) => ({ start, end: start + length })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(intervals, (list) => {
        const items = list.map((interval, i) => ({ ...interval, item: i }));
        const cliques = maximalCliques(items);
        const overlap = (i: number, j: number) =>
          items[i]!.start < items[j]!.end && items[j]!.start < items[i]!.end;
        for (const clique of cliques) {
          for (const i of clique)
            for (const j of clique) if (i !== j) expect(overlap(i, j)).toBe(true);
        }
        for (let i = 0; i < items.length; i++) {
          for (let j = i + 1; j < items.length; j++) {
            if (overlap(i, j)) {
              expect(cliques.some((c) => c.includes(i) && c.includes(j))).toBe(true);
            }
          }
        }
      }),
    );
  });
});

describe('stated availability', () => {
  it('reads a slot as the Amsterdam day parts it touches', () => {
    expect(dayPartsOf(at('2026-12-01T19:30'), at('2026-12-01T22:30'))).toEqual([
      { date: '2026-12-01', weekday: 2, part: 'avond' },
    ]);
    expect(dayPartsOf(at('2026-12-01T17:30'), at('2026-12-01T20:30')).map((p) => p.part)).toEqual([
      'middag',
      'avond',
    ]);
    expect(dayPartsOf(at('2026-12-01T22:00'), at('2026-12-02T01:00'))).toEqual([
      { date: '2026-12-01', weekday: 2, part: 'avond' },
      { date: '2026-12-02', weekday: 3, part: 'ochtend' },
    ]);
  });

  it('lets a specific date win over the usual week, and any "cannot" win over "can"', () => {
    const stated = {
      trainerId: 'anna',
      weekly: [
        { weekday: 2, dayPart: 'middag' as const, canWork: true },
        { weekday: 2, dayPart: 'avond' as const, canWork: true },
      ],
      dates: [{ date: '2026-12-08', dayPart: 'avond' as const, canWork: false }],
    };
    const tuesday = [at('2026-12-01T19:30'), at('2026-12-01T22:30')] as const;
    expect(statedVerdict(stated, ...tuesday)).toBe('can');
    expect(statedVerdict(stated, at('2026-12-08T19:30'), at('2026-12-08T22:30'))).toBe('cannot');
    expect(statedVerdict(stated, at('2026-12-01T17:30'), at('2026-12-01T20:30'))).toBe('can');
    expect(statedVerdict(stated, at('2026-12-01T10:00'), at('2026-12-01T13:00'))).toBe('unsaid');
    expect(statedVerdict(undefined, ...tuesday)).toBe('unsaid');
  });
});

describe('the stage-1 weight', () => {
  it('makes one more planned sign-up worth more than any change in ranks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (n, maxRank, a, b, c, d) => {
          const weight = plannedWeight(n, maxRank);
          const more = 1 + (a % n);
          const fewer = b % more;
          // The worst case for the plan with more: all last choices; for the other: all first.
          const ranksOfMore = more + (c % (more * (maxRank - 1) + 1));
          const ranksOfFewer = fewer + (d % (fewer * (maxRank - 1) + 1));
          expect(weight * more - ranksOfMore).toBeGreaterThan(weight * fewer - ranksOfFewer);
          expect(weight * more - more * maxRank).toBeGreaterThan(weight * (more - 1) - (more - 1));
        },
      ),
    );
  });
});

describe('the LP text', () => {
  it('has one row per trainer per time cluster, with the buffer', () => {
    const built = buildProblem(
      plannerInput({
        signups: [
          signup('a', [slot('2026-12-01', '14:00'), slot('2026-12-02'), slot('2026-12-03')]),
          signup('b', [slot('2026-12-01', '17:30')]),
          signup('c', [slot('2026-12-01', '17:45')]),
          signup('d', [slot('2026-12-01', '18:15')]),
        ],
        trainers: [berenschot('anna', 'Anna'), riecAdvisor('rik', 'Rik')],
      }),
    );
    if (!built.ok) throw new Error(built.error.message.en);
    const lp = new PlannerModel(built.problem).lpFor('plannedAndRanks', []);
    // With the 60-minute buffer, 14:00–17:00 clashes with 17:30 and 17:45 but not with 18:15;
    // the three evening slots clash with each other. Per trainer: two rows, not five pairs.
    for (const t of [0, 1]) {
      expect(lp).toContain(` c${t}_0: a0_0_${t} + a1_0_${t} + a2_0_${t} <= 1`);
      expect(lp).toContain(` c${t}_1: a1_0_${t} + a2_0_${t} + a3_0_${t} <= 1`);
    }
    expect(lp.match(/^ c\d/gm)).toHaveLength(4);
    // W = 2·4 + 2 = 10: a first choice weighs 9, a second 8, a third 7.
    expect(lp).toContain(' obj: 9 x0_0 + 8 x0_1 + 7 x0_2 + 9 x1_0 + 9 x2_0 + 9 x3_0');
    expect(lp).toContain(' one0: x0_0 + x0_1 + x0_2 <= 1');
  });
});

// The HiGHS adapter: LP text in, values by name out, HiGHS's statuses in the domain's words.
import { describe, expect, it } from '@jest/globals';
import { createHighsSolver } from '../../../../src/app/planner/highs.js';

const solver = createHighsSolver();
const options = { timeLimitSeconds: 30, absoluteGap: 0.5 };

// Loading the wasm and its first solves take a while on a busy machine.
const SLOW = 120_000;

describe('createHighsSolver', () => {
  it(
    'solves a small MILP and returns the values by variable name',
    async () => {
      const result = await solver.solve(
        [
          'Maximize',
          ' obj: 3 x + 2 y + 4 z',
          'Subject To',
          ' c: x + y + z <= 2',
          'Binaries',
          ' x y z',
          'End',
        ].join('\n'),
        options,
      );
      expect(result.status).toBe('optimal');
      expect(result.objective).toBe(7);
      expect(result.gap).toBe(0);
      expect(Object.fromEntries(result.values)).toEqual({ x: 1, y: 0, z: 1 });
    },
    SLOW,
  );

  it(
    'says infeasible when no solution exists',
    async () => {
      const result = await solver.solve(
        ['Maximize', ' obj: x', 'Subject To', ' c: x + y >= 3', 'Binaries', ' x y', 'End'].join(
          '\n',
        ),
        options,
      );
      expect(result.status).toBe('infeasible');
      expect(result.values.size).toBe(0);
    },
    SLOW,
  );

  it(
    'takes a start solution by name',
    async () => {
      const result = await solver.solve(
        ['Minimize', ' obj: x + y', 'Subject To', ' c: x + y >= 1', 'Binaries', ' x y', 'End'].join(
          '\n',
        ),
        { ...options, start: new Map([['y', 1]]) },
      );
      expect(result.status).toBe('optimal');
      expect(result.objective).toBe(1);
    },
    SLOW,
  );
});

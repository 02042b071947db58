// What the planner answers to input it cannot plan, and to a solver that runs out of time
// (hand-written fakes of MilpSolver, not mocks).
import { describe, expect, it } from '@jest/globals';
import { planGreedy } from '../../../../src/domain/planner/greedy.js';
import { planWithSolver } from '../../../../src/domain/planner/milp.js';
import type { MilpResult, MilpSolver } from '../../../../src/domain/planner/solver.js';
import type { PlannerInput } from '../../../../src/domain/planner/types.js';
import {
  AA,
  SOLVER_TIMEOUT,
  berenschot,
  planned,
  plannerInput,
  riecAdvisor,
  signup,
  sketch,
  slot,
  solver,
} from './fixtures.js';

const anna = berenschot('anna', 'Anna de Wit');
const bram = berenschot('bram', 'Bram Hoek');
const rik = riecAdvisor('rik', 'Rik Smit');
const sara = riecAdvisor('sara', 'Sara Bos');

/** A solver that must not be asked: nothing in these inputs needs one. */
const unused: MilpSolver = {
  solve: () => Promise.reject(new Error('the solver was asked to solve')),
};

async function errorOf(input: PlannerInput) {
  const exact = await planWithSolver(input, unused);
  const greedy = planGreedy(input);
  if (exact.ok || greedy.ok) throw new Error('expected an error');
  expect(greedy.error).toEqual(exact.error);
  return exact.error;
}

describe('the planner with nothing to plan', () => {
  it('returns an empty plan that says so', async () => {
    for (const outcome of [
      await planWithSolver(plannerInput({ signups: [], trainers: [] }), unused),
      planGreedy(plannerInput({ signups: [], trainers: [] })),
    ]) {
      expect(outcome.ok && outcome.plan).toMatchObject({
        status: 'empty',
        outcomes: [],
        summary: {
          nl: 'Er is niets om te plannen: er zijn geen aanmeldingen die op een planning wachten.',
          en: 'There is nothing to plan: no sign-ups are waiting to be planned.',
        },
      });
    }
  });

  it('says so when every sign-up was left out', async () => {
    const outcome = await planWithSolver(
      plannerInput({
        signups: [signup('a', [slot('2026-12-01')]), signup('b', [slot('2026-12-02')])],
        trainers: [],
        leftOut: ['a', 'b'],
      }),
      unused,
    );
    expect(outcome.ok && outcome.plan.summary.nl).toBe(
      'Er is niets om te plannen: alle 2 aanmeldingen zijn buiten de planning gelaten.',
    );
    expect(outcome.ok && outcome.plan.leftOut).toEqual(['a', 'b']);
  });
});

describe('the planner without the trainers it needs', () => {
  it('names the RIEC that has no advisors', async () => {
    const error = await errorOf(
      plannerInput({
        signups: [
          signup('haarlem', [slot('2026-12-01')]),
          signup('diemen', [slot('2026-12-01')], AA),
          signup('huizen', [slot('2026-12-01')], 'RIEC Midden-Nederland'),
        ],
        trainers: [anna, rik],
      }),
    );
    expect(error).toEqual({
      code: 'NO_TRAINERS',
      missing: [AA, 'RIEC Midden-Nederland'],
      message: {
        nl: 'Er staan geen adviseurs van RIEC Amsterdam-Amstelland en RIEC Midden-Nederland in de trainerslijst, en elke workshop heeft een adviseur van het eigen RIEC nodig. Voeg in de lijst Workshoptrainers voor elk van deze RIEC’s een adviseur toe en plan opnieuw.',
        en: 'The trainer list has no advisors of RIEC Amsterdam-Amstelland and RIEC Midden-Nederland, and every workshop needs an advisor of its own RIEC. Add an advisor for each of these RIECs to the Workshoptrainers list and plan again.',
      },
    });
  });

  it('says that every workshop needs a Berenschot advisor', async () => {
    const error = await errorOf(
      plannerInput({ signups: [signup('a', [slot('2026-12-01')])], trainers: [rik] }),
    );
    expect(error.code).toBe('NO_TRAINERS');
    expect(error.message.nl).toMatch(/^Er staat geen Berenschot-adviseur in de trainerslijst/);
  });

  it('does not mind a RIEC without advisors when its sign-ups are left out', async () => {
    const outcome = await planWithSolver(
      plannerInput({
        signups: [signup('diemen', [slot('2026-12-01')], AA)],
        trainers: [anna, rik],
        leftOut: ['diemen'],
      }),
      unused,
    );
    expect(outcome.ok && outcome.plan.status).toBe('empty');
  });
});

describe('the planner with contradictory input', () => {
  const base = plannerInput({
    signups: [signup('a', [slot('2026-12-01')])],
    trainers: [anna, rik],
  });

  it('refuses a kept hold with a trainer of the wrong kind', async () => {
    const error = await errorOf({
      ...base,
      keptHolds: [{ signupId: 'a', slotIndex: 0, berenschotId: 'rik', riecId: 'rik' }],
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message.nl).toBe(
      'Het vastgezette trainerspaar van A klopt niet: Rik Smit is geen Berenschot-adviseur. Kies een Berenschot-adviseur en een adviseur van het eigen RIEC.',
    );
  });

  it('refuses a locked pair with an advisor of another RIEC', async () => {
    const error = await errorOf({
      ...base,
      trainers: [anna, rik, riecAdvisor('kees', 'Kees de Boer', AA)],
      lockedPairs: [{ signupId: 'a', berenschotId: 'anna', riecId: 'kees' }],
    });
    expect(error.message.nl).toContain('Kees de Boer is geen adviseur van RIEC Noord-Holland');
  });

  it('refuses a kept hold for a sign-up that is not there, or a slot that does not exist', async () => {
    expect(
      (
        await errorOf({
          ...base,
          keptHolds: [{ signupId: 'zz', slotIndex: 0, berenschotId: 'anna', riecId: 'rik' }],
        })
      ).message.nl,
    ).toMatch(/^Een vastgehouden optie hoort bij aanmelding "zz"/);
    expect(
      (
        await errorOf({
          ...base,
          keptHolds: [{ signupId: 'a', slotIndex: 2, berenschotId: 'anna', riecId: 'rik' }],
        })
      ).message.nl,
    ).toBe(
      'De vastgehouden optie van A verwijst naar voorkeur 3, en die bestaat niet. Kies een van de voorkeuren.',
    );
  });

  it('refuses the same sign-up twice', async () => {
    const error = await errorOf({ ...base, signups: [...base.signups, ...base.signups] });
    expect(error.message.nl).toBe(
      'De aanmelding met kenmerk "a" staat twee keer in de invoer. Haal de dubbele weg.',
    );
  });

  it(
    'plans around fixed workshops that clash, and warns about them',
    async () => {
      const outcome = await planWithSolver(
        {
          ...base,
          confirmed: [
            { id: 'w1', label: 'Texel', slot: slot('2026-12-09'), trainerIds: ['anna'] },
            { id: 'w2', label: 'Urk', slot: slot('2026-12-09', '20:00'), trainerIds: ['anna'] },
          ],
        },
        solver,
      );
      expect(outcome.ok && outcome.plan.warnings).toEqual([
        {
          nl: 'Anna de Wit staat vast voor de workshops bij Texel en bij Urk, en die overlappen of liggen te dicht op elkaar. De planner verandert vaste afspraken niet: los dit zelf op.',
          en: 'Anna de Wit is fixed for the workshops at Texel and at Urk, which overlap or are too close together. The planner does not change fixed appointments: resolve this yourself.',
        },
      ]);
      expect(outcome.ok && outcome.plan.metrics.planned).toBe(1);
    },
    SOLVER_TIMEOUT,
  );
});

describe('the planner when the time limit is reached', () => {
  // Greedy loses Bergen here; the exact plan has both (see planner.test.ts).
  const input = plannerInput({
    signups: [
      signup('alkmaar', [slot('2026-12-01'), slot('2026-12-02')]),
      signup('bergen', [slot('2026-12-01')]),
    ],
    trainers: [anna, rik, sara],
    settings: { timeLimitSeconds: 10 },
  });

  it('returns the best plan found so far with its gap, marked as such', async () => {
    const calls: number[] = [];
    const outOfTime: MilpSolver = {
      solve: (_lp, options) => {
        calls.push(options.timeLimitSeconds);
        const result: MilpResult = {
          status: 'timeLimit',
          objective: null,
          bound: 12,
          gap: 0.25,
          values: new Map(),
          seconds: 10,
        };
        return Promise.resolve(result);
      },
    };
    const outcome = await planWithSolver(input, outOfTime);
    if (!outcome.ok) throw new Error(outcome.error.message.en);
    const plan = outcome.plan;
    expect(calls).toEqual([10]);
    expect(plan).toMatchObject({ status: 'timeLimit', gap: 0.25, plannedUpperBound: 2 });
    // Nothing better was found in time: the first-come plan is what there is.
    expect(sketch(plan)).toEqual(['alkmaar: 1 anna+rik', 'bergen: –']);
    expect(plan.stages.map((s) => s.status)).toEqual(['timeLimit', 'skipped', 'notRun', 'skipped']);
    expect(plan.summary.nl).toBe(
      '1 van de 2 aanmeldingen is ingepland. De tijdslimiet is bereikt: dit is de beste planning die gevonden is; de best mogelijke planning is hooguit 25% beter. Plan opnieuw met meer tijd voor een planning waarvan vaststaat dat die de beste is.',
    );
    const bergen = plan.outcomes[1];
    expect(bergen?.outcome === 'unplanned' && bergen.code).toBe('TRAINER_TAKEN');
  });

  it(
    'keeps what the solver found when a later goal runs out of time',
    async () => {
      let stage = 0;
      const secondRunsOut: MilpSolver = {
        solve: async (lp, options) => {
          const result = await solver.solve(lp, options);
          stage++;
          return stage === 1 ? result : { ...result, status: 'timeLimit', gap: 0.1 };
        },
      };
      const outcome = await planWithSolver(input, secondRunsOut);
      if (!outcome.ok) throw new Error(outcome.error.message.en);
      expect(outcome.plan).toMatchObject({ status: 'timeLimit', gap: 0.1, plannedUpperBound: 2 });
      expect(outcome.plan.stages.map((s) => s.status)).toEqual([
        'optimal',
        'skipped',
        'timeLimit',
        'skipped',
      ]);
      expect(planned(outcome.plan, 'bergen').rank).toBe(1);
    },
    SOLVER_TIMEOUT,
  );

  it(
    'does not start a goal when the time is used up',
    async () => {
      const slow: MilpSolver = {
        solve: async (lp, options) => ({ ...(await solver.solve(lp, options)), seconds: 10 }),
      };
      const outcome = await planWithSolver({ ...input, trainers: [anna, bram, rik, sara] }, slow);
      expect(outcome.ok && outcome.plan.stages.map((s) => s.status)).toEqual([
        'optimal',
        'skipped',
        'notRun',
        'skipped',
      ]);
      expect(outcome.ok && outcome.plan.status).toBe('timeLimit');
      expect(outcome.ok && outcome.plan.gap).toBeNull();
    },
    SOLVER_TIMEOUT,
  );
});

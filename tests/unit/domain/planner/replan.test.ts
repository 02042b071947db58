// Re-planning after a decline (issue 12, item 3: "when a trainer declines or a hold lapses, the
// page offers a new plan with everything confirmed kept"), hand-checked. What the app hands the
// model on a re-plan (src/app/planner/plan-input.ts): confirmed workshops as fixed, placed holds
// with their pair locked, and the declining trainer busy on the option they declined. The new
// plan keeps the confirmed workshop where it is, never puts its trainers beside it, and counts
// it as their load — by HiGHS and by the first-come baseline alike.
import { describe, expect, it } from '@jest/globals';
import type { PlannerInput } from '../../../../src/domain/planner/types.js';
import {
  SOLVER_TIMEOUT,
  berenschot,
  planExactly,
  planFirstCome,
  planned,
  plannerInput,
  riecAdvisor,
  signup,
  sketch,
  slot,
} from './fixtures.js';

const anna = berenschot('anna', 'Anna de Wit');
const bram = berenschot('bram', 'Bram Hoek');
const rik = riecAdvisor('rik', 'Rik Smit');
const sara = riecAdvisor('sara', 'Sara Bos');

const [TUE, WED, THU] = [slot('2026-12-01'), slot('2026-12-02'), slot('2026-12-03')];

// Velsen is confirmed on Tuesday with Anna and Rik. Haarlem's options are out with Anna and Sara;
// Anna declined Wednesday. Bergen signed up since and would like Tuesday, else Wednesday.
const input: PlannerInput = plannerInput({
  signups: [signup('haarlem', [TUE, WED, THU]), signup('bergen', [TUE, WED])],
  trainers: [anna, bram, rik, sara],
  confirmed: [{ id: 'velsen', label: 'Velsen', slot: TUE, trainerIds: ['anna', 'rik'] }],
  lockedPairs: [{ signupId: 'haarlem', berenschotId: 'anna', riecId: 'sara' }],
  freeBusy: {
    anna: { haarlem: ['free', 'busy', 'free'], bergen: ['free', 'free'] },
    bram: { haarlem: ['free', 'free', 'free'], bergen: ['free', 'free'] },
    rik: { haarlem: ['free', 'free', 'free'], bergen: ['free', 'free'] },
    sara: { haarlem: ['free', 'free', 'free'], bergen: ['free', 'free'] },
  },
  settings: { maxPerWeek: 3, maxPerCampaign: 5 },
});

describe('a new plan after a decline', () => {
  it(
    'keeps the confirmed workshop, plans around it and keeps the placed pair',
    async () => {
      for (const plan of [await planExactly(input), planFirstCome(input)]) {
        // The confirmed workshop is not planned again: it is no row of the plan.
        expect(plan.outcomes.map((o) => o.signupId).sort()).toEqual(['bergen', 'haarlem']);
        // Haarlem: not Tuesday (Anna gives Velsen's workshop), not Wednesday (Anna declined).
        expect(planned(plan, 'haarlem')).toMatchObject({
          slot: THU,
          rank: 3,
          pair: { berenschotId: 'anna', riecId: 'sara' },
        });
        // Bergen on Tuesday: neither Anna nor Rik, who give Velsen's workshop then.
        const bergen = planned(plan, 'bergen');
        if (bergen.slotIndex === 0) {
          expect(bergen.pair).toEqual({ berenschotId: 'bram', riecId: 'sara' });
        }
        // Velsen counts towards Anna's and Rik's load.
        expect(plan.loads.find((l) => l.trainerId === 'anna')?.fixed).toBe(1);
        expect(plan.loads.find((l) => l.trainerId === 'rik')?.fixed).toBe(1);
      }
      expect(sketch(await planExactly(input))).toEqual([
        'haarlem: 3 anna+sara',
        'bergen: 1 bram+sara',
      ]);
    },
    SOLVER_TIMEOUT,
  );
});

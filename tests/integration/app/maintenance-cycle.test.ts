// The background cycle: a full maintenance run now and then, and in between only the answer
// syncs — one request per organizer when nothing changed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { createAppState } from '../../../src/app/app-state.js';
import { createMaintenanceCycle } from '../../../src/app/run-maintenance.js';
import {
  accountHolder,
  measure,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import { answer, current, proposed } from '../../support/planning-scenarios.js';

let h: PlanningHarness;

beforeAll(async () => {
  h = await startPlanningHarness();
}, 120_000);
afterAll(async () => h?.close());

describe('the background cycle', () => {
  it('reads the lists on a full run and then only syncs the organizers it found', async () => {
    const sanne = accountHolder('sanne.devries');
    const signup = await proposed(h.context(sanne), 'GM0392');
    let now = Date.now();
    const system = h.context(SYSTEM_ACCESS, { now: () => new Date(now) });
    const cycle = createMaintenanceCycle({ fullEveryMs: 10 * 60_000 });

    const full = await cycle(system);
    expect(full.syncs.map((s) => s.organizer)).toEqual([sanne.email]);

    now += 60_000;
    const idle = await measure(h, () => cycle(system));
    expect(idle.result.syncs.map((s) => s.changes)).toEqual([0]);
    expect(idle.requests).toBe(1);

    answer(h.sandbox, signup, 0, { berenschot: 'accept' });
    now += 60_000;
    const busy = await cycle(system);
    expect(busy.syncs[0]?.updated).toEqual([signup.signup.id]);
    expect(
      (await current(h.context(sanne), signup.signup.id)).signup.options[0]?.answers.berenschot,
    ).toBe('accepted');

    now += 10 * 60_000;
    const second = await measure(h, () => cycle(system));
    expect(second.requests).toBeGreaterThan(1); // the lists are read again
  });

  it('syncs between full runs the organizers of holds proposed elsewhere (another instance, before a restart)', async () => {
    const sanne = accountHolder('sanne.devries');
    await proposed(h.context(sanne), 'GM0373');
    let now = Date.now();
    // The instance that runs the cycle never proposed anything itself.
    const system = h.context(SYSTEM_ACCESS, { now: () => new Date(now), state: createAppState() });
    const cycle = createMaintenanceCycle({ fullEveryMs: 10 * 60_000 });
    await cycle(system);
    now += 60_000;
    const between = await cycle(system);
    expect(between.syncs.map((s) => s.organizer)).toEqual([sanne.email]);
  });
});

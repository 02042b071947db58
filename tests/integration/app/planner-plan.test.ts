// planCampaign against the sandbox: one plan for all sign-ups of a RIEC (or the province) with
// free/busy for every candidate trainer and slot in one getSchedule $batch, read-only; what the
// product placed itself counts also where a calendar is invisible; re-planning keeps what is
// confirmed; bad input answers in Dutch.
import { RIEC_TENANT } from '@workshopplanner/m365-sandbox/people';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mintAccess } from '../../../src/app/access.js';
import { createAppState } from '../../../src/app/app-state.js';
import { readCurrentCampaign } from '../../../src/app/campaigns.js';
import { checkAvailability } from '../../../src/app/check-availability.js';
import { confirmSlot } from '../../../src/app/confirm-slot.js';
import { applyPlan } from '../../../src/app/planner/apply-plan.js';
import { planCampaign } from '../../../src/app/planner/plan-campaign.js';
import { proposeHolds } from '../../../src/app/propose-holds.js';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import type { Microsoft365 } from '../../../src/domain/ports.js';
import { planWithSolver } from '../../../src/domain/planner/milp.js';
import type { MilpSolver } from '../../../src/domain/planner/solver.js';
import { respondToEvent } from '@workshopplanner/m365-sandbox';
import {
  accountHolder,
  FIXED_TODAY,
  measure,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import { graphWritesSince } from '../server/api-harness.js';
import { groupEvenings, plan, refused, register, unwrap } from '../../support/planner.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');
const mohamed = accountHolder('mohamed.elidrissi');
const anouk = accountHolder('anouk.jansen');
const pieter = mintAccess({
  tenantId: RIEC_TENANT.id,
  userId: 'pieter',
  email: 'pieter.bakker@riec.nl',
  name: 'Pieter Bakker',
  roles: ['coordinator'],
  riecs: [],
});
const fatima = mintAccess({
  tenantId: RIEC_TENANT.id,
  userId: 'fatima',
  email: 'fatima.amrani@riec.nl',
  name: 'Fatima Amrani',
  roles: ['trainer'],
  riecs: [],
});
const nh = municipalitiesOfRiec('RIEC Noord-Holland').map((m) => m.cbsCode);
const aa = municipalitiesOfRiec('RIEC Amsterdam-Amstelland').map((m) => m.cbsCode);
const mn = municipalitiesOfRiec('RIEC Midden-Nederland').map((m) => m.cbsCode);
const MARIEKE = 'marieke.vandijk@berenschot.nl';

/** The same Microsoft 365, with a trainer list the test chooses (and a fresh trainer cache). */
function withTrainers(keep: (email: string) => boolean): {
  m365: Microsoft365;
  state: ReturnType<typeof createAppState>;
} {
  return {
    m365: {
      ...h.m365,
      trainers: {
        listTrainers: async () =>
          (await h.m365.trainers.listTrainers()).filter((t) => keep(t.email.toLowerCase())),
      },
    },
    state: createAppState(),
  };
}

beforeAll(async () => {
  h = await startPlanningHarness({ today: FIXED_TODAY });
}, 120_000);
afterAll(async () => h?.close());

describe('nothing to plan', () => {
  it('gives an empty plan that says so, without asking any calendar', async () => {
    const ctx = h.context(anouk, { state: createAppState() });
    // The editions are read once and kept a while by the process (src/app/campaigns.ts).
    await readCurrentCampaign(ctx);
    const { result, requests } = await measure(h, () => plan(ctx));
    expect(result.plan.status).toBe('empty');
    expect(result.plan.summary.nl).toBe(
      'Er is niets om te plannen: er zijn geen aanmeldingen die op een planning wachten.',
    );
    expect(result.assignments).toEqual([]);
    // The sign-ups, the trainer list, the agendas and the stated availability; no getSchedule.
    expect(requests).toBeLessThanOrEqual(4);
  });
});

describe('an account holder plans all of her RIEC at once', () => {
  const codes = nh.slice(0, 9);

  beforeAll(async () => {
    for (const [i, code] of codes.entries()) {
      await register(h.context(sanne), code, groupEvenings(i, FIXED_TODAY, 3));
    }
  });

  it('asks free/busy for every trainer and slot in one getSchedule, two round trips in all, and writes nothing', async () => {
    const ctx = h.context(sanne, { state: createAppState() });
    await readCurrentCampaign(ctx); // read once and kept a while by the process
    const since = h.sandbox.ctx.requestLog.lastSeq;
    const { result, requests, sequential } = await measure(h, () => plan(ctx));
    const entries = h.sandbox.ctx.requestLog.since(since);
    const schedules = entries.filter((e) => e.path.endsWith('/calendar/getSchedule'));
    // 27 slots of 9 sign-ups over three weeks, 9 trainers (6 Berenschot, 3 Noord-Holland): one
    // window, one getSchedule, in one $batch — beside the sign-ups, trainers, agendas and the
    // trainers' stated availability.
    expect(schedules).toHaveLength(1);
    expect([requests, sequential]).toEqual([5, 2]);
    expect(graphWritesSince(h.sandbox, since)).toEqual([]);
    expect(result.scope).toEqual(['RIEC Noord-Holland']);
    expect(result.plan.status).toBe('optimal');
    expect(result.plan.metrics.planned).toBe(9);
    for (const row of result.rows) {
      expect(row.next).toBe('propose');
      if (row.outcome.outcome !== 'planned') throw new Error('not planned');
      expect(result.trainers.get(row.outcome.pair.riecId)).toMatchObject({ role: 'riec' });
      expect(result.trainers.get(row.outcome.pair.berenschotId)).toMatchObject({
        role: 'berenschot',
      });
    }
    expect(result.assignments).toHaveLength(9);
  });

  it('takes one availability call per sign-up the way one sign-up is checked (the baseline)', async () => {
    const ctx = h.context(sanne);
    const signups = await h.m365.statusLog.list({ riec: 'RIEC Noord-Holland' });
    // Once first: what the process keeps a while (the editions, the trainer list) is then read.
    await checkAvailability(ctx, signups[0]!.signup.preferences);
    const { requests } = await measure(h, async () => {
      for (const { signup } of signups) await checkAvailability(ctx, signup.preferences);
    });
    // Per sign-up, in one round trip: a $batch with three getSchedule calls, the agendas, the
    // campaign's sign-ups (each trainer's load) and the stated availability.
    expect(requests).toBe(36);
  });
});

describe('the coordinator', () => {
  beforeAll(async () => {
    await register(h.context(mohamed), aa[0]!, groupEvenings(0, FIXED_TODAY, 6));
    await register(h.context(mohamed), aa[1]!, groupEvenings(1, FIXED_TODAY, 6));
    await register(h.context(anouk), mn[0]!, groupEvenings(2, FIXED_TODAY, 6));
  });

  it('plans every RIEC with every trainer, and writes nothing', async () => {
    const since = h.sandbox.ctx.requestLog.lastSeq;
    const result = await plan(h.context(pieter));
    expect(result.scope).toEqual([
      'RIEC Noord-Holland',
      'RIEC Amsterdam-Amstelland',
      'RIEC Midden-Nederland',
    ]);
    expect(result.plan.metrics.planned).toBe(12);
    const riecs = new Set(result.rows.map((r) => r.stored.signup.riec));
    expect(riecs.size).toBe(3);
    for (const row of result.rows) {
      if (row.outcome.outcome !== 'planned') throw new Error('not planned');
      expect(result.trainers.get(row.outcome.pair.riecId)).toBeDefined();
    }
    expect(graphWritesSince(h.sandbox, since)).toEqual([]);
  });

  it('may narrow the plan to one RIEC', async () => {
    const result = await plan(h.context(pieter), { riec: 'RIEC Amsterdam-Amstelland' });
    expect(result.rows.map((r) => r.stored.signup.riec)).toEqual([
      'RIEC Amsterdam-Amstelland',
      'RIEC Amsterdam-Amstelland',
    ]);
  });
});

describe('what other RIECs hold a Berenschot advisor for counts, though her calendar is invisible', () => {
  it('does not plan Marieke on the evenings Amsterdam-Amstelland holds her', async () => {
    const evenings = groupEvenings(0, FIXED_TODAY, 8);
    const held = await register(h.context(mohamed), aa[2]!, evenings);
    unwrap(
      await proposeHolds(h.context(mohamed), held.signup.id, {
        berenschot: MARIEKE,
        riec: 'lotte.mulder@riec.nl',
      }),
    );
    const wanted = await register(h.context(sanne), nh[9]!, evenings);
    // With Marieke the only Berenschot advisor, the evenings the other RIEC holds her are taken.
    const only = withTrainers((email) => email === MARIEKE || email.endsWith('@riec.nl'));
    const result = await plan(h.context(sanne, only), {
      leaveOut: (await h.m365.statusLog.list({ riec: 'RIEC Noord-Holland' }))
        .map((s) => String(s.signup.id))
        .filter((id) => id !== String(wanted.signup.id)),
    });
    const row = result.rows.find((r) => r.stored.signup.id === wanted.signup.id)!;
    expect(row.outcome.outcome).toBe('unplanned');
    if (row.outcome.outcome !== 'unplanned') return;
    expect(row.outcome.message.nl).toContain(held.signup.municipality.name);
    // Every Berenschot advisor: then she is simply not the one.
    const all = await plan(h.context(sanne, { state: createAppState() }), {
      leaveOut: (await h.m365.statusLog.list({ riec: 'RIEC Noord-Holland' }))
        .map((s) => String(s.signup.id))
        .filter((id) => id !== String(wanted.signup.id)),
    });
    const planned = all.rows.find((r) => r.stored.signup.id === wanted.signup.id)!.outcome;
    expect(planned.outcome === 'planned' && planned.pair.berenschotId).not.toBe(MARIEKE);
  });
});

describe('a sign-up left out of the plan', () => {
  it('still holds its trainers on the evenings of its holds', async () => {
    const evenings = groupEvenings(0, FIXED_TODAY, 12);
    const held = await register(h.context(sanne), nh[13]!, evenings);
    unwrap(
      await proposeHolds(h.context(sanne), held.signup.id, {
        berenschot: MARIEKE,
        riec: 'fatima.amrani@riec.nl',
      }),
    );
    const wanted = await register(h.context(sanne), nh[14]!, evenings);
    const only = withTrainers((email) => email === MARIEKE || email.endsWith('@riec.nl'));
    const result = await plan(h.context(sanne, only), {
      leaveOut: (await h.m365.statusLog.list({ riec: 'RIEC Noord-Holland' }))
        .map((s) => String(s.signup.id))
        .filter((id) => id !== String(wanted.signup.id)),
    });
    expect(result.rows.map((r) => r.stored.signup.id)).toEqual([wanted.signup.id]);
    const row = result.rows[0]!.outcome;
    expect(row.outcome).toBe('unplanned');
    if (row.outcome !== 'unplanned') return;
    expect(row.message.nl).toContain(held.signup.municipality.name);
  });
});

describe('re-planning', () => {
  it('keeps the confirmed workshop, keeps the pair of placed holds and drops a declined option', async () => {
    const [xCode, yCode, zCode] = [nh[10]!, nh[11]!, nh[12]!];
    const evenings = groupEvenings(0, FIXED_TODAY, 10);
    const x = await register(h.context(sanne), xCode, evenings);
    const y = await register(h.context(sanne), yCode, evenings);
    const first = await plan(h.context(sanne));
    const ours = first.assignments.filter((a) => [x.signup.id, y.signup.id].includes(a.signupId));
    expect(ours).toHaveLength(2);
    unwrap(await applyPlan(h.context(sanne), ours));
    const [ax, ay] = [
      ours.find((a) => a.signupId === x.signup.id)!,
      ours.find((a) => a.signupId === y.signup.id)!,
    ];

    // Y: both accept its planned slot and it is confirmed.
    const yStored = (await h.m365.statusLog.read(y.signup.id))!;
    const yEvent = yStored.signup.options.find((o) => o.slotIndex === ay.slotIndex)!.eventId!;
    respondToEvent(h.sandbox.ctx, ay.berenschot, yEvent, 'accept');
    respondToEvent(h.sandbox.ctx, ay.riec, yEvent, 'accept');
    // X: the Berenschot advisor declines its planned slot.
    const xStored = (await h.m365.statusLog.read(x.signup.id))!;
    const xEvent = xStored.signup.options.find((o) => o.slotIndex === ax.slotIndex)!.eventId!;
    respondToEvent(h.sandbox.ctx, ax.berenschot, xEvent, 'decline');
    await syncAnswers(h.context(sanne), sanne.email);
    unwrap(await confirmSlot(h.context(sanne), y.signup.id, ay.slotIndex));

    // Z asks for Y's evenings.
    const z = await register(h.context(sanne), zCode, evenings);
    const again = await plan(h.context(sanne));
    expect(again.rows.some((r) => r.stored.signup.id === y.signup.id)).toBe(false);
    // Y stays as it is, and the page's timeline gets it as a confirmed workshop of its pair.
    const yWorkshop = again.fixed.find(
      (f) => f.kind === 'workshop' && f.label === y.signup.municipality.name,
    );
    expect(yWorkshop?.trainerIds).toEqual(expect.arrayContaining([ay.berenschot, ay.riec]));
    expect(Date.parse(yWorkshop!.slot.start)).toBe(
      Date.parse(y.signup.preferences[ay.slotIndex]!.start),
    );
    const xRow = again.rows.find((r) => r.stored.signup.id === x.signup.id)!;
    expect(xRow.next).toBe('confirm');
    if (xRow.outcome.outcome === 'planned') {
      expect(xRow.outcome.slotIndex).not.toBe(ax.slotIndex);
      expect(xRow.outcome.pair).toEqual({ berenschotId: ax.berenschot, riecId: ax.riec });
    } else {
      expect(xRow.outcome.code).toBe('LOCKED_PAIR_NOT_FREE');
    }
    const zRow = again.rows.find((r) => r.stored.signup.id === z.signup.id)!.outcome;
    if (zRow.outcome === 'planned' && zRow.slotIndex === ay.slotIndex) {
      expect([zRow.pair.berenschotId, zRow.pair.riecId]).not.toContain(ay.berenschot);
      expect([zRow.pair.berenschotId, zRow.pair.riecId]).not.toContain(ay.riec);
    }
  });
});

describe('bad input', () => {
  it('refuses to keep an option of a sign-up without holds, in Dutch', async () => {
    const [first] = await h.m365.statusLog.list({
      riec: 'RIEC Noord-Holland',
      statuses: ['aangemeld'],
    });
    const answer = await refused(h.context(sanne), {
      keep: [{ signupId: String(first!.signup.id), slotIndex: 0 }],
    });
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.message.nl).toMatch(/staan geen opties die u kunt vasthouden/);
  });

  it('answers another RIEC, or a sign-up of another RIEC, as not there', async () => {
    const [theirs] = await h.m365.statusLog.list({ riec: 'RIEC Noord-Holland' });
    const asMohamed = h.context(mohamed);
    expect(await planCampaign(asMohamed, { riec: 'RIEC Noord-Holland' })).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden', reason: 'otherRiec' },
    });
    expect(await planCampaign(asMohamed, { leaveOut: [String(theirs!.signup.id)] })).toMatchObject({
      ok: false,
      failure: { kind: 'notFound' },
    });
    expect(await planCampaign(h.context(fatima))).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden', reason: 'role' },
    });
  });

  it('names the RIEC without advisors; the coordinator gets the others planned beside the message', async () => {
    const noMidden = (email: string) =>
      !['eva.smit@riec.nl', 'yara.hoekstra@riec.nl'].includes(email);
    const answer = unwrap(await planCampaign(h.context(anouk, withTrainers(noMidden))));
    expect(answer.kind).toBe('refused');
    if (answer.kind !== 'refused') return;
    expect(answer.error.code).toBe('NO_TRAINERS');
    expect(answer.error.message.nl).toContain('RIEC Midden-Nederland');
    expect(answer.error.message.nl).toContain('Workshoptrainers');

    const province = await plan(h.context(pieter, withTrainers(noMidden)));
    const left = province.notPlannable.filter((n) => n.code === 'NO_TRAINERS');
    expect(left.map((n) => n.stored.signup.riec)).toEqual(['RIEC Midden-Nederland']);
    expect(province.warnings.map((w) => w.nl).join(' ')).toContain('RIEC Midden-Nederland');
    expect(province.plan.metrics.planned).toBeGreaterThan(0);
  });

  it('marks a plan cut off by the time limit as such, with its gap', async () => {
    const outOfTime: MilpSolver = {
      solve: async () => ({
        status: 'timeLimit',
        objective: null,
        bound: null,
        gap: 0.2,
        values: new Map(),
        seconds: 1,
      }),
    };
    const result = await plan(
      h.context(sanne),
      {},
      {
        solve: (input) => planWithSolver(input, outOfTime),
        settings: { timeLimitSeconds: 1 },
      },
    );
    expect(result.plan.status).toBe('timeLimit');
    expect(result.plan.gap).toBe(0.2);
    expect(result.plan.summary.nl).toContain('De tijdslimiet is bereikt');
    expect(result.assignments.length).toBeGreaterThan(0);
  });
});

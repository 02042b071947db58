// What must hold when things go wrong: a process killed between any two steps and started
// again ends where an uninterrupted run ends (no duplicate holds, no orphan holds, one log line
// per step); two confirms at once: exactly one wins; Graph throttling 20% of requests: every
// operation still completes, nothing twice.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { createAppState } from '../../../src/app/app-state.js';
import { runMaintenance } from '../../../src/app/run-maintenance.js';
import { cancelSignup } from '../../../src/app/cancel-signup.js';
import { confirmSlot } from '../../../src/app/confirm-slot.js';
import type { UseCaseContext } from '../../../src/app/context.js';
import { proposeHolds } from '../../../src/app/propose-holds.js';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import { listMailbox } from '@workshopplanner/m365-sandbox';
import type { StoredSignup } from '../../../src/domain/ports.js';
import {
  accountHolder,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import {
  PAIR,
  answer,
  confirmableSlot,
  current,
  eventsFor,
  expectOk,
  logOf,
  statusStepsOf,
  proposed,
  registered,
} from '../../support/planning-scenarios.js';
import { KillingPlan, ProcessKilled } from '../../support/races.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');
const municipalities = municipalitiesOfRiec('RIEC Noord-Holland').map((m) => m.cbsCode);
const nameOf = (code: string) =>
  municipalitiesOfRiec('RIEC Noord-Holland').find((m) => m.cbsCode === code)!.displayName;
let nextMunicipality = 0;
const takeMunicipality = () => municipalities[nextMunicipality++]!;
// Noord-Holland's 32 municipalities are not enough for every case: the later suites plan
// Amsterdam-Amstelland's with its own account holder.
const mohamed = accountHolder('mohamed.elidrissi');
const amstelland = municipalitiesOfRiec('RIEC Amsterdam-Amstelland').map((m) => m.cbsCode);
let nextAmstelland = 0;
const takeAmstelland = () => amstelland[nextAmstelland++]!;

beforeAll(async () => {
  h = await startPlanningHarness();
}, 120_000);
afterAll(async () => h?.close());

/** A context that dies at the given point, and one for the restarted process minutes later. */
function crashAndRestart(
  atCall: number,
  afterSteps: number,
  who = sanne,
): { crashing: UseCaseContext; restarted: UseCaseContext } {
  return {
    crashing: h.context(who, {
      m365: { ...h.m365, plan: new KillingPlan(h.m365.plan, atCall, afterSteps) },
      state: createAppState(),
    }),
    restarted: h.context(who, {
      now: () => new Date(Date.now() + 3 * 60_000),
      state: createAppState(),
    }),
  };
}

/** Running the same command again after a crash either finishes it or finds it finished. */
function expectDoneOrAlreadyDone(outcome: { ok: boolean; failure?: unknown }): void {
  if (outcome.ok) return;
  expect(outcome.failure).toMatchObject({
    kind: 'rejected',
    issue: { code: 'INVALID_TRANSITION' },
  });
}

async function expectCleanProposal(stored: StoredSignup, name: string): Promise<void> {
  const ctx = h.context(sanne);
  const after = await current(ctx, stored.signup.id);
  expect(after.pending).toBeNull();
  expect(after.signup.status).toBe('opties_geplaatst');
  const events = await eventsFor(h, sanne.email, name);
  expect(events.map((e) => e.id).sort()).toEqual(after.signup.options.map((o) => o.eventId).sort());
  expect(events).toHaveLength(3);
  expect(await statusStepsOf(ctx, stored.signup.id)).toEqual(['aangemeld', 'opties_geplaatst']);
}

describe('a process killed between any two steps and started again', () => {
  // Propose: plan 1 = intent + three holds; plan 2 = log line + final state.
  const proposeCrashes = [
    ...[0, 1, 2, 3, 4].map((k) => [1, k] as const),
    ...[0, 1, 2].map((k) => [2, k] as const),
  ];
  it.each(proposeCrashes)(
    'propose: plan %i killed after %i steps ends as an uninterrupted run',
    async (atCall, afterSteps) => {
      const code = takeMunicipality();
      const signup = await registered(h.context(sanne), code, 2 + (nextMunicipality % 14));
      const { crashing, restarted } = crashAndRestart(atCall, afterSteps);
      await expect(proposeHolds(crashing, signup.signup.id, PAIR)).rejects.toThrow(ProcessKilled);
      expectDoneOrAlreadyDone(await proposeHolds(restarted, signup.signup.id, PAIR));
      await expectCleanProposal(signup, nameOf(code));
    },
  );

  // Confirm: one plan = intent, finalize, two cancels, log line, final state.
  it.each([0, 1, 2, 3, 4, 5, 6])(
    'confirm: killed after %i steps ends as an uninterrupted run',
    async (afterSteps) => {
      const code = takeMunicipality();
      const ctx = h.context(sanne);
      const signup = await proposed(ctx, code, 2 + (nextMunicipality % 14));
      const slot = await confirmableSlot(ctx, signup);
      answer(h.sandbox, signup, slot, { berenschot: 'accept', riec: 'accept' });
      await syncAnswers(ctx, sanne.email);
      const { crashing, restarted } = crashAndRestart(1, afterSteps);
      await expect(confirmSlot(crashing, signup.signup.id, slot)).rejects.toThrow(ProcessKilled);
      expectDoneOrAlreadyDone(await confirmSlot(restarted, signup.signup.id, slot));
      const after = await current(ctx, signup.signup.id);
      expect(after.pending).toBeNull();
      expect(after.signup.status).toBe('bevestigd');
      const events = await eventsFor(h, sanne.email, nameOf(code));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ id: signup.signup.options[slot]!.eventId, showAs: 'busy' });
      expect(await statusStepsOf(ctx, signup.signup.id)).toEqual([
        'aangemeld',
        'opties_geplaatst',
        'bevestigd',
      ]);
    },
  );

  // Cancel: one plan = intent, three cancels, mail to the municipality, log line, final state.
  it.each([0, 1, 2, 3, 4, 5, 6, 7])(
    'cancel: killed after %i steps ends as an uninterrupted run',
    async (afterSteps) => {
      const code = takeMunicipality();
      const ctx = h.context(sanne);
      const signup = await proposed(ctx, code, 2 + (nextMunicipality % 14));
      const { crashing, restarted } = crashAndRestart(1, afterSteps);
      await expect(cancelSignup(crashing, signup.signup.id, 'Dubbel aangemeld')).rejects.toThrow(
        ProcessKilled,
      );
      expectDoneOrAlreadyDone(await cancelSignup(restarted, signup.signup.id, 'Dubbel aangemeld'));
      const after = await current(ctx, signup.signup.id);
      expect(after.pending).toBeNull();
      expect(after.signup.status).toBe('geannuleerd');
      expect(await eventsFor(h, sanne.email, nameOf(code))).toEqual([]);
      expect(await statusStepsOf(ctx, signup.signup.id)).toEqual([
        'aangemeld',
        'opties_geplaatst',
        'geannuleerd',
      ]);
    },
  );
});

// Real Graph may answer a repeated create with 400 ErrorDuplicateTransactionId instead of the
// event: the sandbox does so when set to, and resuming still ends where an uninterrupted run ends.
describe('the same, when Graph refuses a repeated transactionId (ErrorDuplicateTransactionId)', () => {
  const settings = (duplicateTransactionId: string) =>
    fetch(`${h.sandbox.urls.https}/_sandbox/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
      body: JSON.stringify({ duplicateTransactionId }),
    });
  beforeAll(async () => {
    expect((await settings('error')).status).toBe(200);
  });
  afterAll(async () => {
    await settings('returnExisting');
  });

  // Points after a hold was created (Noord-Holland has 32 municipalities to go round).
  it.each([...[2, 4].map((k) => [1, k] as const), ...[0, 1, 2].map((k) => [2, k] as const)])(
    'propose: plan %i killed after %i steps ends as an uninterrupted run',
    async (atCall, afterSteps) => {
      const code = takeMunicipality();
      const signup = await registered(h.context(sanne), code, 2 + (nextMunicipality % 14));
      const { crashing, restarted } = crashAndRestart(atCall, afterSteps);
      await expect(proposeHolds(crashing, signup.signup.id, PAIR)).rejects.toThrow(ProcessKilled);
      expectDoneOrAlreadyDone(await proposeHolds(restarted, signup.signup.id, PAIR));
      await expectCleanProposal(signup, nameOf(code));
    },
    60_000,
  );
});

// The SDK's RetryHandler resent a whole /$batch after a 429/503/504 of the envelope, sendMail
// included: a gateway timeout after the parts ran then mailed the municipality twice. Only what
// is safe to repeat is resent; the mail is left to the resume logic, which sends it once.
describe('a $batch that fails as a whole, before or after its parts ran', () => {
  it.each([
    ['503 before the parts ran', { status: 503, afterParts: false }],
    ['504 after the parts ran', { status: 504, afterParts: true }],
  ])(
    'cancel: the municipality gets its mail once (%s)',
    async (_name, fault) => {
      const code = takeAmstelland();
      const ctx = h.context(mohamed);
      const signup = await proposed(ctx, code, 3 + nextAmstelland);
      const mayor = signup.signup.contact.email;
      // Killed after the intent: the restarted run resumes, and its closing batch
      // (mail, log line, final state) is the one that fails.
      const { crashing, restarted } = crashAndRestart(1, 1, mohamed);
      await expect(cancelSignup(crashing, signup.signup.id, 'Dubbel aangemeld')).rejects.toThrow(
        ProcessKilled,
      );
      const armed = await fetch(`${h.sandbox.urls.https}/_sandbox/faults/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
        body: JSON.stringify({ ...fault, partUrlContains: 'sendMail' }),
      });
      expect(armed.status).toBe(200);
      await cancelSignup(restarted, signup.signup.id, 'Dubbel aangemeld');
      // Whatever that answered, a later run finishes what is left (or finds it finished).
      const later = h.context(mohamed, {
        now: () => new Date(Date.now() + 6 * 60_000),
        state: createAppState(),
      });
      expectDoneOrAlreadyDone(await cancelSignup(later, signup.signup.id, 'Dubbel aangemeld'));

      expect(listMailbox(h.sandbox.ctx, mayor)).toHaveLength(1);
      const after = await current(ctx, signup.signup.id);
      expect(after.pending).toBeNull();
      expect(after.signup.status).toBe('geannuleerd');
      expect(await statusStepsOf(ctx, signup.signup.id)).toEqual([
        'aangemeld',
        'opties_geplaatst',
        'geannuleerd',
      ]);
    },
    60_000,
  );
});

describe('two confirms of the same sign-up at once', () => {
  it('lets exactly one win; the other is told someone else changed it', async () => {
    const code = takeMunicipality();
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, code, 4);
    const slot = await confirmableSlot(ctx, signup);
    answer(h.sandbox, signup, slot, { berenschot: 'accept', riec: 'accept' });
    await syncAnswers(ctx, sanne.email);
    const [a, b] = await Promise.all([
      confirmSlot(h.context(sanne, { state: createAppState() }), signup.signup.id, slot),
      confirmSlot(h.context(sanne, { state: createAppState() }), signup.signup.id, slot),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(!loser.ok && ['conflict', 'rejected'].includes(loser.failure.kind)).toBe(true);
    expect(await eventsFor(h, sanne.email, nameOf(code))).toHaveLength(1);
    expect((await logOf(ctx, signup.signup.id)).filter((l) => l.to === 'bevestigd')).toHaveLength(
      1,
    );
  });
});

describe('Graph throttling 20% of requests (429 and 503 with Retry-After)', () => {
  it('completes every operation with no duplicates', async () => {
    await fetch(`${h.sandbox.urls.https}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
      // The seeded dice decide which request fails: with seed 7 and the cursor writes of the
      // durable delta cursors (two more requests per sync), one batch part drew five faults in a
      // row and used up the gateway's five attempts. Another seed, the same 20%.
      body: JSON.stringify({ rate429: 0.1, rate503: 0.1, retryAfterSeconds: 0, seed: 8 }),
    });
    try {
      for (const code of [takeMunicipality(), takeMunicipality(), takeMunicipality()]) {
        const ctx = h.context(sanne);
        const signup = await proposed(ctx, code, 2 + (nextMunicipality % 14));
        const slot = await confirmableSlot(ctx, signup);
        answer(h.sandbox, signup, slot, { berenschot: 'accept', riec: 'accept' });
        await syncAnswers(ctx, sanne.email);
        const confirmed = expectOk(await confirmSlot(ctx, signup.signup.id, slot));
        expect(confirmed.signup.status).toBe('bevestigd');
        expect(await eventsFor(h, sanne.email, nameOf(code))).toHaveLength(1);
        expect(await statusStepsOf(ctx, signup.signup.id)).toEqual([
          'aangemeld',
          'opties_geplaatst',
          'bevestigd',
        ]);
      }
      const faults = (await (await fetch(`${h.sandbox.urls.https}/_sandbox/faults`)).json()) as {
        injected: { throttled: number; unavailable: number };
      };
      expect(faults.injected.throttled + faults.injected.unavailable).toBeGreaterThan(5);
    } finally {
      await fetch(`${h.sandbox.urls.https}/_sandbox/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
        body: JSON.stringify({ rate429: 0, rate503: 0 }),
      });
    }
  }, 60_000);
});

describe('a delta cursor Graph no longer knows (410 syncStateNotFound or resyncRequired)', () => {
  it.each(['syncStateNotFound', 'resyncRequired'])(
    'answers keep syncing: the sync starts over from scratch (%s)',
    async (expiryAnswer) => {
      const code = takeAmstelland();
      const ctx = h.context(mohamed);
      const signup = await proposed(ctx, code, 3 + nextAmstelland);
      await syncAnswers(ctx, mohamed.email);
      const expired = await fetch(`${h.sandbox.urls.https}/_sandbox/calendar/delta-tokens/expire`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
        body: JSON.stringify({ mailbox: mohamed.email, answer: expiryAnswer }),
      });
      expect(expired.status).toBe(200);
      const slot = signup.signup.options[0]!.slotIndex;
      answer(h.sandbox, signup, slot, { riec: 'accept' });

      const report = await syncAnswers(ctx, mohamed.email);
      expect(report.failed).toEqual([]);
      expect(report.updated).toContain(signup.signup.id);
      const after = await current(ctx, signup.signup.id);
      expect(after.signup.options.find((o) => o.slotIndex === slot)?.answers.riec).toBe('accepted');
      // The new cursor is kept: the next cycle is quiet again.
      expect((await syncAnswers(ctx, mohamed.email)).changes).toBe(0);
    },
    120_000,
  );
});

// Two instances (or two requests on two instances) that find the same cut-off cancel both used to
// finish it: the mayor's office got "geannuleerd" twice in 6 of 9 sign-ups. The run that finishes
// a cut-off operation claims it first with a guarded write; the other stops.
describe('two instances finish the same interrupted cancel at the same moment', () => {
  const anouk = accountHolder('anouk.jansen');
  const midden = municipalitiesOfRiec('RIEC Midden-Nederland').map((m) => m.cbsCode);

  it.each([0, 1, 2])('the municipality gets one mail (run %i)', async (run) => {
    const ctx = h.context(anouk);
    const signup = await proposed(ctx, midden[run]!, 3 + run);
    const mayor = signup.signup.contact.email;
    const { crashing } = crashAndRestart(1, 1, anouk);
    await expect(cancelSignup(crashing, signup.signup.id, 'Dubbel aangemeld')).rejects.toThrow(
      ProcessKilled,
    );
    // Minutes later two instances run their background cycle, and a user cancels once more.
    const instance = () =>
      h.context(SYSTEM_ACCESS, {
        now: () => new Date(Date.now() + 3 * 60_000),
        state: createAppState(),
      });
    const user = h.context(anouk, {
      now: () => new Date(Date.now() + 3 * 60_000),
      state: createAppState(),
    });
    await Promise.all([
      runMaintenance(instance(), { sync: false }),
      runMaintenance(instance(), { sync: false }),
      cancelSignup(user, signup.signup.id, 'Dubbel aangemeld'),
    ]);
    // Whatever each answered, a later cycle finds nothing left to do.
    await runMaintenance(
      h.context(SYSTEM_ACCESS, {
        now: () => new Date(Date.now() + 9 * 60_000),
        state: createAppState(),
      }),
      { sync: false },
    );
    expect(listMailbox(h.sandbox.ctx, mayor)).toHaveLength(1);
    const after = await current(ctx, signup.signup.id);
    expect(after.pending).toBeNull();
    expect(after.signup.status).toBe('geannuleerd');
    expect(await statusStepsOf(ctx, signup.signup.id)).toEqual([
      'aangemeld',
      'opties_geplaatst',
      'geannuleerd',
    ]);
  });
});

// Editing a sign-up and giving it other dates against the sandbox (issue 18, items 2 and 5): a
// stale edit writes nothing; the slots are fixed once holds exist; "andere data" releases every
// hold exactly once — also when the process dies halfway and a restarted one finishes — sends
// the municipality no "geannuleerd" mail and keeps the history in the log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listMailbox } from '@workshopplanner/m365-sandbox';
import { createAppState } from '../../../src/app/app-state.js';
import type { UseCaseContext } from '../../../src/app/context.js';
import { editSignup, giveNewDates } from '../../../src/app/edit-signup.js';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import type { StoredSignup } from '../../../src/domain/ports.js';
import {
  accountHolder,
  eveningSlots,
  FIXED_TODAY,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import {
  current,
  eventsFor,
  expectOk,
  logOf,
  proposed,
  registered,
} from '../../support/planning-scenarios.js';
import { KillingPlan, ProcessKilled } from '../../support/races.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');
const noordHolland = municipalitiesOfRiec('RIEC Noord-Holland');
let next = 0;
const take = () => noordHolland[next++]!;
// Each proposal in its own week: the trainers' holds of one week would leave nobody free.
let week = 2;
const placed = (ctx: UseCaseContext, cbsCode: string) => proposed(ctx, cbsCode, week++);

beforeAll(async () => {
  h = await startPlanningHarness({ today: FIXED_TODAY });
}, 120_000);
afterAll(async () => h?.close());

const now = () => h.sandbox.ctx.clock.now();

/** Successful cancels of this event by its organizer (a repeat finds it gone: 404). */
function cancelsOf(eventId: string): number {
  return h.sandbox.ctx.requestLog
    .since(0)
    .filter(
      (entry) =>
        entry.kind === 'graph' &&
        entry.method === 'POST' &&
        entry.status < 300 &&
        /\/cancel$/.test(entry.path) &&
        (entry.path.includes(eventId) || entry.path.includes(encodeURIComponent(eventId))),
    ).length;
}

function cancelledMails(address: string): number {
  return listMailbox(h.sandbox.ctx, address).filter((m) => /geannuleerd/i.test(m.message.subject))
    .length;
}

async function expectRescheduled(
  before: StoredSignup,
  name: string,
  newPreferences: readonly { start: string }[],
): Promise<void> {
  const ctx = h.context(sanne);
  const after = await current(ctx, before.signup.id);
  expect(after.pending).toBeNull();
  expect(after.signup.status).toBe('aangemeld');
  expect(after.signup.options).toEqual([]);
  expect(after.signup.pair).toBeUndefined();
  expect(after.signup.contact).toEqual(before.signup.contact);
  expect(after.signup.scanStatus).toBe(before.signup.scanStatus);
  expect(after.signup.preferences.map((p) => Date.parse(p.start))).toEqual(
    newPreferences.map((p) => Date.parse(p.start)),
  );
  // No orphan: the organizer's calendar has none of the old holds left.
  expect((await eventsFor(h, sanne.email, name)).filter((e) => !e.isCancelled)).toEqual([]);
  for (const option of before.signup.options) expect(cancelsOf(option.eventId!)).toBe(1);
  const log = await logOf(ctx, before.signup.id);
  expect(log.map((l) => [l.action, l.to])).toEqual([
    ['register', 'aangemeld'],
    ['propose', 'opties_geplaatst'],
    ['newDates', 'aangemeld'],
  ]);
  expect(log[2]!.detail).toMatch(/Andere data\. De opties \(optie 1 .*\) zijn vrijgegeven/);
  expect(cancelledMails(before.signup.contact.email)).toBe(0);
}

describe('editing a sign-up', () => {
  it('changes the contact, scan and remarks, logs what changed and by whom', async () => {
    const ctx = h.context(sanne);
    const signup = await registered(ctx, take().cbsCode);
    const edited = expectOk(
      await editSignup(ctx, signup.signup.id, {
        eTag: signup.eTag,
        contact: { name: 'J. de Boer', email: signup.signup.contact.email },
        scanStatus: 'gedaan',
        remarks: '  Graag in de raadzaal.  ',
      }),
    );
    expect(edited.signup).toMatchObject({
      status: 'aangemeld',
      contact: { name: 'J. de Boer' },
      scanStatus: 'gedaan',
      remarks: 'Graag in de raadzaal.',
    });
    expect(edited.eTag).not.toBe(signup.eTag);
    const log = await logOf(ctx, signup.signup.id);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ action: 'edit', from: 'aangemeld', to: 'aangemeld' });
    expect(log[1]!.by).toBe(sanne.email);
    expect(log[1]!.detail).toContain('contactpersoon "Bestuurssecretariaat" → "J. de Boer"');
    expect(log[1]!.detail).toContain('weerbaarheidsscan onbekend → gedaan');
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const ctx = h.context(sanne);
    const signup = await registered(ctx, take().cbsCode);
    expectOk(await editSignup(ctx, signup.signup.id, { eTag: signup.eTag, remarks: 'eerste' }));
    const since = h.sandbox.ctx.requestLog.lastSeq;
    const stale = await editSignup(ctx, signup.signup.id, { eTag: signup.eTag, remarks: 'tweede' });
    expect(stale).toMatchObject({ ok: false, failure: { kind: 'conflict' } });
    const writes = h.sandbox.ctx.requestLog
      .since(since)
      .filter((e) => e.kind === 'graph' && e.method !== 'GET' && !e.path.includes('$batch'));
    expect(writes).toEqual([]);
    expect((await current(ctx, signup.signup.id)).signup.remarks).toBe('eerste');
    expect(await logOf(ctx, signup.signup.id)).toHaveLength(2);
  });

  it('edits the slots while nothing is placed, not once holds exist', async () => {
    const ctx = h.context(sanne);
    const signup = await registered(ctx, take().cbsCode);
    const later = eveningSlots(now(), 5);
    const moved = expectOk(
      await editSignup(ctx, signup.signup.id, { eTag: signup.eTag, preferences: later }),
    );
    expect(Date.parse(moved.signup.preferences[0]!.start)).toBe(Date.parse(later[0]!.start));

    const withHolds = await placed(ctx, take().cbsCode);
    const refused = await editSignup(ctx, withHolds.signup.id, {
      eTag: withHolds.eTag,
      preferences: later,
      remarks: 'met nieuwe data',
    });
    expect(refused).toMatchObject({
      ok: false,
      failure: { kind: 'invalid', issues: [{ code: 'PREFERENCES_LOCKED', field: 'preferences' }] },
    });
    const after = await current(ctx, withHolds.signup.id);
    expect(after.eTag).toBe(withHolds.eTag);
    // The same slots sent back with a contact change are no slot change.
    expectOk(
      await editSignup(ctx, withHolds.signup.id, {
        eTag: withHolds.eTag,
        preferences: withHolds.signup.preferences,
        remarks: 'alleen de opmerking',
      }),
    );
  });
});

describe('other dates on the same sign-up', () => {
  it('releases every hold once, back to aangemeld, no "geannuleerd" mail, history in the log', async () => {
    const ctx = h.context(sanne);
    const municipality = take();
    const before = await placed(ctx, municipality.cbsCode);
    const newDates = eveningSlots(now(), 6);
    const result = expectOk(
      await giveNewDates(ctx, before.signup.id, {
        eTag: before.eTag,
        preferences: newDates,
        reason: 'extra raadsvergadering',
      }),
    );
    expect(result.signup.status).toBe('aangemeld');
    await expectRescheduled(before, municipality.displayName, newDates);
    const log = await logOf(ctx, before.signup.id);
    expect(log[2]!.detail).toContain('Reden: extra raadsvergadering.');
  });

  it('refuses a stale version and writes nothing', async () => {
    const ctx = h.context(sanne);
    const before = await placed(ctx, take().cbsCode);
    const since = h.sandbox.ctx.requestLog.lastSeq;
    const stale = await giveNewDates(ctx, before.signup.id, {
      eTag: '"00000000-0000-0000-0000-000000000000,1"',
      preferences: eveningSlots(now(), 6),
    });
    expect(stale).toMatchObject({ ok: false, failure: { kind: 'conflict' } });
    expect(
      h.sandbox.ctx.requestLog
        .since(since)
        .filter((e) => e.kind === 'graph' && e.method !== 'GET' && !e.path.includes('$batch')),
    ).toEqual([]);
    expect((await current(ctx, before.signup.id)).signup.status).toBe('opties_geplaatst');
  });

  // One plan: intent, three cancels, log line, final state.
  it.each([0, 1, 2, 3, 4, 5])(
    'killed after %i steps, the restarted request finishes it: each hold cancelled once',
    async (afterSteps) => {
      const municipality = take();
      const before = await placed(h.context(sanne), municipality.cbsCode);
      const crashing: UseCaseContext = h.context(sanne, {
        m365: { ...h.m365, plan: new KillingPlan(h.m365.plan, 1, afterSteps) },
        state: createAppState(),
      });
      const restarted = h.context(sanne, {
        now: () => new Date(now().getTime() + 3 * 60_000),
        state: createAppState(),
      });
      const newDates = eveningSlots(now(), 7);
      const request = { eTag: before.eTag, preferences: newDates };
      await expect(giveNewDates(crashing, before.signup.id, request)).rejects.toThrow(
        ProcessKilled,
      );
      // The user clicks again with the version they saw: it is their own command, finished.
      expectOk(await giveNewDates(restarted, before.signup.id, request));
      await expectRescheduled(before, municipality.displayName, newDates);
    },
  );
});

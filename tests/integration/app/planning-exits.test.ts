// The side exits of the lifecycle against the sandbox: every option declined, holds that
// lapse, a workshop that has passed, a cancellation — each releases what it must and logs it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cancelSignup } from '../../../src/app/cancel-signup.js';
import { registerSignup } from '../../../src/app/register-signup.js';
import { runMaintenance } from '../../../src/app/run-maintenance.js';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import { listMailbox } from '@workshopplanner/m365-sandbox';
import {
  accountHolder,
  eveningSlots,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import {
  answer,
  current,
  eventsFor,
  expectOk,
  logOf,
  proposed,
} from '../../support/planning-scenarios.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');

beforeAll(async () => {
  h = await startPlanningHarness();
}, 120_000);
afterAll(async () => h?.close());

describe('when no option works', () => {
  it('moves to nieuwe_data_nodig once every option is declined, releases nothing twice and asks the municipality for new dates', async () => {
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, 'GM0375'); // Beverwijk
    answer(h.sandbox, signup, 0, { riec: 'decline' });
    answer(h.sandbox, signup, 1, { berenschot: 'decline' });
    await syncAnswers(ctx, sanne.email);
    expect((await current(ctx, signup.signup.id)).signup.status).toBe('opties_geplaatst');
    answer(h.sandbox, signup, 2, { berenschot: 'accept', riec: 'decline' });
    await syncAnswers(ctx, sanne.email);
    const after = await current(ctx, signup.signup.id);
    expect(after.signup.status).toBe('nieuwe_data_nodig');
    expect(after.signup.options.every((o) => o.hold === 'released')).toBe(true);
    expect(await eventsFor(h, sanne.email, 'Beverwijk')).toEqual([]);
    const mail = listMailbox(h.sandbox.ctx, 'burgemeester@beverwijk.nl');
    expect(mail.some((m) => /nieuwe data/.test(m.message.subject))).toBe(true);
    const log = await logOf(ctx, signup.signup.id);
    expect(log.filter((l) => l.event?.code === 'trainerAnswered')).toHaveLength(4);
    expect(log.filter((l) => !l.event).map((l) => l.to)).toEqual([
      'aangemeld',
      'opties_geplaatst',
      'nieuwe_data_nodig',
    ]);
  });

  it('takes new dates on the same sign-up, which can be proposed again with new holds', async () => {
    const ctx = h.context(sanne);
    const again = expectOk(
      await registerSignup(ctx, {
        cbsCode: 'GM0375',
        contact: { name: 'Bestuurssecretariaat', email: 'burgemeester@beverwijk.nl' },
        preferences: eveningSlots(ctx.now(), 6),
        scanStatus: 'gepland',
        remarks: '',
      }),
    );
    expect(again.signup.status).toBe('aangemeld');
    expect(again.signup.options).toEqual([]);
    expect((await logOf(ctx, again.signup.id)).at(-1)?.to).toBe('aangemeld');
  });
});

describe('holds that lapse', () => {
  it('releases the holds after the lapse period without confirmation', async () => {
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, 'GM0377', 8); // Bloemendaal
    const later = h.context(sanne, {
      now: () => new Date(Date.parse(signup.signup.lapsesAt!) + 60_000),
    });
    const report = await runMaintenance(later, { sync: false });
    expect(report.expired).toContain(signup.signup.id);
    const after = await current(later, signup.signup.id);
    expect(after.signup.status).toBe('nieuwe_data_nodig');
    expect(await eventsFor(h, sanne.email, 'Bloemendaal')).toEqual([]);
  });

  it('does not let holds lapse early', async () => {
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, 'GM0383', 8); // Castricum
    const report = await runMaintenance(ctx, { sync: false });
    expect(report.expired).not.toContain(signup.signup.id);
    expect((await current(ctx, signup.signup.id)).signup.status).toBe('opties_geplaatst');
  });
});

describe('cancelling', () => {
  it('releases all holds with a comment and tells the municipality', async () => {
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, 'GM0400'); // Den Helder
    const result = expectOk(
      await cancelSignup(ctx, signup.signup.id, 'De raad heeft een andere workshop gekozen.'),
    );
    expect(result.signup.status).toBe('geannuleerd');
    expect(await eventsFor(h, sanne.email, 'Den Helder')).toEqual([]);
    const trainerMail = listMailbox(h.sandbox.ctx, signup.signup.pair!.riec.email);
    expect(
      trainerMail.some(
        (m) =>
          m.message.meeting?.type === 'meetingCancelled' && /Den Helder/.test(m.message.subject),
      ),
    ).toBe(true);
    expect(
      listMailbox(h.sandbox.ctx, 'burgemeester@denhelder.nl').some((m) =>
        /geannuleerd/.test(m.message.subject),
      ),
    ).toBe(true);
  });

  it('answers an account holder of another RIEC as if the sign-up did not exist', async () => {
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, 'GM0392', 5); // Haarlem
    const other = h.context(accountHolder('mohamed.elidrissi'));
    const result = await cancelSignup(other, signup.signup.id, 'niet van mij');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure).toEqual({ kind: 'notFound', what: 'signup' });
  });
});

// A trainer gives at most one workshop at a time (issue "Concurrency without loss", items 3 and
// 4): two RIECs confirming the same Berenschot advisor — whose calendar the RIEC tenant cannot
// see — at the same moment get one workshop, not two; and two sign-ups holding the same RIEC
// advisor at the same time are competing options: the first confirm wins, the second is told
// which workshop took the trainer, instead of both blocking each other for good.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { confirmSlot } from '../../../src/app/confirm-slot.js';
import type { UseCaseContext } from '../../../src/app/context.js';
import { proposeHolds } from '../../../src/app/propose-holds.js';
import { registerSignup } from '../../../src/app/register-signup.js';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import { findMunicipalityByCbsCode } from '../../../src/domain/municipalities.js';
import type { StoredSignup } from '../../../src/domain/ports.js';
import {
  accountHolder,
  eveningSlots,
  FIXED_TODAY,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import { answer, expectOk } from '../../support/planning-scenarios.js';
import { freeEvening as freeEveningOf } from '../../support/races.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');
const mohamed = accountHolder('mohamed.elidrissi');
const MARIEKE = 'marieke.vandijk@berenschot.nl';

beforeAll(async () => {
  h = await startPlanningHarness({ today: FIXED_TODAY });
});
afterAll(async () => h?.close());

/** A week (3–9 weeks ahead) and an evening in it where every one of `advisors` is free. */
const freeEvening = (ctx: UseCaseContext, advisors: readonly string[], skip = 0) =>
  freeEveningOf(ctx, sanne.email, FIXED_TODAY, advisors, skip);

async function placed(
  ctx: UseCaseContext,
  cbsCode: string,
  weeksAhead: number,
  pair: { berenschot: string; riec: string; acknowledgeOverlaps?: boolean },
): Promise<StoredSignup> {
  const municipality = findMunicipalityByCbsCode(cbsCode)!;
  const registered = expectOk(
    await registerSignup(ctx, {
      cbsCode,
      contact: { name: 'Kabinet', email: `burgemeester@${municipality.domain}` },
      preferences: eveningSlots(FIXED_TODAY, weeksAhead),
      scanStatus: 'onbekend',
      remarks: '',
    }),
  );
  return expectOk(await proposeHolds(ctx, registered.signup.id, pair));
}

describe('two RIECs confirm the same Berenschot advisor for the same evening at once', () => {
  it('gives exactly one of them the workshop; the other is told who has Marieke then', async () => {
    const sanneCtx = h.context(sanne);
    const mohamedCtx = h.context(mohamed);
    const { weeksAhead, slotIndex } = await freeEvening(sanneCtx, [
      'fatima.amrani@riec.nl',
      'lotte.mulder@riec.nl',
    ]);
    const haarlem = await placed(sanneCtx, 'GM0392', weeksAhead, {
      berenschot: MARIEKE,
      riec: 'fatima.amrani@riec.nl',
    });
    const amsterdam = await placed(mohamedCtx, 'GM0363', weeksAhead, {
      berenschot: MARIEKE,
      riec: 'lotte.mulder@riec.nl',
      // Mohamed was told Marieke has options for Haarlem then, and places his anyway.
      acknowledgeOverlaps: true,
    });
    answer(h.sandbox, haarlem, slotIndex, { berenschot: 'accept', riec: 'accept' });
    answer(h.sandbox, amsterdam, slotIndex, { berenschot: 'accept', riec: 'accept' });
    await syncAnswers(sanneCtx, sanne.email);
    await syncAnswers(mohamedCtx, mohamed.email);

    const results = await Promise.all([
      confirmSlot(sanneCtx, haarlem.signup.id, slotIndex),
      confirmSlot(mohamedCtx, amsterdam.signup.id, slotIndex),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused?.ok === false && refused.failure).toMatchObject({
      kind: 'rejected',
      issue: { code: 'TRAINER_TAKEN', params: { role: 'berenschot' } },
    });
    const [agenda] = await h.m365.agendas.read([MARIEKE]);
    expect(agenda?.bookings).toHaveLength(1);
  });
});

describe('two sign-ups holding the same RIEC advisor at the same time', () => {
  it('the first confirm wins (not blocked by the other hold); the second names the workshop that took her', async () => {
    const ctx = h.context(sanne);
    const { weeksAhead, slotIndex } = await freeEvening(ctx, ['jeroen.visser@riec.nl'], 1);
    const pair = { berenschot: 'thomas.kok@berenschot.nl', riec: 'jeroen.visser@riec.nl' };
    const zandvoort = await placed(ctx, 'GM0473', weeksAhead, pair);
    // Proposing the same pair on the same evenings is asked about first, once per slot and
    // trainer, naming the sign-up that holds them.
    const heemstedeSignup = expectOk(
      await registerSignup(ctx, {
        cbsCode: 'GM0397',
        contact: { name: 'Kabinet', email: 'burgemeester@heemstede.nl' },
        preferences: eveningSlots(FIXED_TODAY, weeksAhead),
        scanStatus: 'onbekend',
        remarks: '',
      }),
    );
    const asked = await proposeHolds(ctx, heemstedeSignup.signup.id, pair);
    expect(asked.ok === false && asked.failure.kind).toBe('needsConfirmation');
    const issues =
      asked.ok === false && asked.failure.kind === 'needsConfirmation' ? asked.failure.issues : [];
    expect(issues.map((i) => `${i.code}@${i.field}`)).toEqual(
      [0, 1, 2].flatMap((n) => [
        `HOLD_OVERLAPS_HOLD@preferences.${n}`,
        `HOLD_OVERLAPS_HOLD@preferences.${n}`,
      ]),
    );
    expect(issues[0]?.message).toContain('al een optie voor gemeente Zandvoort');
    const heemstede = expectOk(
      await proposeHolds(ctx, heemstedeSignup.signup.id, { ...pair, acknowledgeOverlaps: true }),
    );
    answer(h.sandbox, zandvoort, slotIndex, { berenschot: 'accept', riec: 'accept' });
    answer(h.sandbox, heemstede, slotIndex, { berenschot: 'accept', riec: 'accept' });
    await syncAnswers(ctx, sanne.email);

    // Jeroen's calendar shows Heemstede's hold at that time: a competing option, not busy time.
    const first = await confirmSlot(ctx, zandvoort.signup.id, slotIndex);
    expect(first.ok).toBe(true);
    const second = await confirmSlot(ctx, heemstede.signup.id, slotIndex, {
      reason: 'telefonisch afgesproken',
    });
    expect(second.ok === false && second.failure).toMatchObject({
      kind: 'rejected',
      issue: { code: 'TRAINER_TAKEN', params: { municipality: 'Zandvoort' } },
    });
    expect(
      second.ok === false && second.failure.kind === 'rejected' && second.failure.issue.message,
    ).toMatch(/(Jeroen Visser|Thomas Kok) geeft op .* al de workshop voor gemeente Zandvoort/);
  });
});

import { describe, expect, it } from '@jest/globals';
import { CAMPAIGN_2022 } from '../../../src/domain/campaign.js';
import { toEventId, toSignupId } from '../../../src/domain/ids.js';
import { registerSignup, transition } from '../../../src/domain/lifecycle.js';
import { validateSignup } from '../../../src/domain/signup-validation.js';
import {
  MAY_2,
  MAY_3,
  answered,
  apply,
  effectOf,
  effectsOf,
  errorCode,
  proposed,
} from './lifecycle-fixtures.js';
import { PAIR, cest, haarlemRequest, registeredSignup, slot } from './signup-fixtures.js';

describe('registerSignup', () => {
  it('records the sign-up as aangemeld and logs it', () => {
    const now = MAY_2;
    const valid = validateSignup(haarlemRequest(), CAMPAIGN_2022, now);
    if (!valid.ok) throw new Error('fixture');
    const { state, effects } = registerSignup(
      {
        id: toSignupId('17'),
        campaign: CAMPAIGN_2022,
        signup: valid.value,
        accountHolder: { name: 'Karin Smit', email: 'k.smit@riec-nh.nl' },
      },
      now,
    );
    expect(state).toMatchObject({
      status: 'aangemeld',
      municipality: { cbsCode: 'GM0392', name: 'Haarlem' },
      riec: 'RIEC Noord-Holland',
      holdLapseDays: 14,
      options: [],
    });
    expect(effects.map((e) => e.type)).toEqual(['writeStatus', 'appendLog']);
    expect(effects[1]).toMatchObject({ from: null, to: 'aangemeld', by: 'k.smit@riec-nh.nl' });
    expect(effects[1]?.type === 'appendLog' && effects[1].detail).toContain(
      'voorkeur 1 dinsdag 14 juni 2022, 19.30–22.30 uur',
    );
  });

  it('logs the reason of a late sign-up', () => {
    const now = cest('2022-06-16T10:00:00');
    const preferences = [
      slot('2022-09-13', '19:30', '22:30'),
      slot('2022-09-22', '19:30', '22:30'),
      slot('2022-09-26', '19:30', '22:30'),
    ];
    const valid = validateSignup(
      haarlemRequest({ preferences, lateOverride: { reason: 'Raadsbesluit van 15 juni' } }),
      CAMPAIGN_2022,
      now,
    );
    if (!valid.ok) throw new Error('fixture');
    const { effects } = registerSignup(
      {
        id: toSignupId('18'),
        campaign: CAMPAIGN_2022,
        signup: valid.value,
        accountHolder: { name: 'Karin Smit', email: 'k.smit@riec-nh.nl' },
      },
      now,
    );
    const log = effects.find((e) => e.type === 'appendLog');
    expect(log?.type === 'appendLog' && log.detail).toContain(
      'Aangenomen na de aanmeldtermijn; reden: Raadsbesluit van 15 juni',
    );
  });
});

describe('propose', () => {
  it('asks for three tentative holds with the pair and lets them lapse after 14 days', () => {
    const result = transition(
      registeredSignup(MAY_2),
      { type: 'propose', pair: PAIR, by: 'k.smit' },
      MAY_2,
    );
    expect(result.ok && result.state.status).toBe('opties_geplaatst');
    const create = effectOf(result, 'createHolds');
    expect(create?.pair).toEqual(PAIR);
    expect(create?.holds.map((h) => [h.slotIndex, h.holdKey])).toEqual([
      [0, '17-r1-o0'],
      [1, '17-r1-o1'],
      [2, '17-r1-o2'],
    ]);
    expect(result.ok && result.state.lapsesAt).toBe('2022-05-16T07:00:00Z');
    expect(effectsOf(result).map((e) => e.type)).toEqual([
      'writeStatus',
      'createHolds',
      'appendLog',
    ]);
  });

  it('counts the 14 days on the Dutch clock across the start of summer time', () => {
    // 20 March 2022 10:00 in Amsterdam is still winter time: 09:00 UTC.
    const winterNow = new Date('2022-03-20T09:00:00Z');
    const state = apply(
      registeredSignup(winterNow),
      { type: 'propose', pair: PAIR, by: 'k.smit' },
      winterNow,
    );
    // 3 April 10:00 in Amsterdam is summer time: 08:00 UTC, not 09:00.
    expect(state.lapsesAt).toBe('2022-04-03T08:00:00Z');
  });

  it('refuses a pair of two RIEC advisors and a pair of one person', () => {
    const state = registeredSignup(MAY_2);
    const twoRiec = { berenschot: { ...PAIR.riec, id: 'x' }, riec: PAIR.riec };
    expect(errorCode(transition(state, { type: 'propose', pair: twoRiec, by: 'k' }, MAY_2))).toBe(
      'PAIR_INVALID',
    );
    const samePerson = {
      berenschot: PAIR.berenschot,
      riec: { ...PAIR.berenschot, role: 'riec' as const },
    };
    const result = transition(state, { type: 'propose', pair: samePerson, by: 'k' }, MAY_2);
    expect(result.ok ? '' : result.error.message).toBe('Kies twee verschillende trainers.');
  });

  it('places no hold for a preference that has passed meanwhile', () => {
    const state = registeredSignup(MAY_2);
    const result = transition(
      state,
      { type: 'propose', pair: PAIR, by: 'k' },
      cest('2022-06-20T09:00:00'),
    );
    expect(effectOf(result, 'createHolds')?.holds.map((h) => h.slotIndex)).toEqual([1, 2]);
    const tooLate = transition(
      state,
      { type: 'propose', pair: PAIR, by: 'k' },
      cest('2022-07-01T09:00:00'),
    );
    expect(errorCode(tooLate)).toBe('NO_FUTURE_PREFERENCES');
  });
});

describe('answers and holds', () => {
  it('stores event ids without a log line, and answers with one line per answer', () => {
    const withIds = transition(
      proposed(),
      { type: 'recordHoldIds', eventIds: [{ slotIndex: 0, eventId: toEventId('AAMk-0') }] },
      MAY_3,
    );
    expect(withIds.ok && withIds.state.options[0]?.eventId).toBe('AAMk-0');
    expect(effectsOf(withIds).map((e) => e.type)).toEqual(['writeStatus']);

    const result = transition(
      proposed(),
      { type: 'recordAnswers', answers: [{ slotIndex: 1, berenschot: 'accepted' }] },
      MAY_3,
    );
    expect(result.ok && result.state.options[1]?.answers).toEqual({
      berenschot: 'accepted',
      riec: 'none',
    });
    expect(effectsOf(result).map((e) => e.type)).toEqual(['writeStatus', 'appendLog']);
    expect(effectsOf(result)[1]).toMatchObject({
      type: 'appendLog',
      from: 'opties_geplaatst',
      to: 'opties_geplaatst',
      event: { code: 'trainerAnswered', params: { role: 'berenschot', answer: 'accepted' } },
    });
  });

  it('asks nothing when the answers did not change', () => {
    const state = answered([['accepted', 'accepted']]);
    const again = transition(
      state,
      { type: 'recordAnswers', answers: [{ slotIndex: 0, riec: 'accepted' }] },
      MAY_3,
    );
    expect(again).toEqual({ ok: true, state, effects: [] });
  });

  it('moves to nieuwe_data_nodig when every option is declined, releasing all holds', () => {
    const state = answered([
      ['declined', 'accepted'],
      ['accepted', 'declined'],
    ]);
    const result = transition(
      state,
      { type: 'recordAnswers', answers: [{ slotIndex: 2, berenschot: 'declined' }] },
      MAY_3,
    );
    expect(result.ok && result.state.status).toBe('nieuwe_data_nodig');
    expect(result.ok && result.state.options.map((o) => o.hold)).toEqual([
      'released',
      'released',
      'released',
    ]);
    expect(effectOf(result, 'cancelHolds')?.slotIndices).toEqual([0, 1, 2]);
    expect(effectOf(result, 'notifyMunicipality')).toMatchObject({
      reason: 'nieuwe_data_nodig',
      to: { email: 'kabinet@haarlem.nl' },
    });
  });
});

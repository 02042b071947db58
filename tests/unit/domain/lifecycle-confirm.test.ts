import { describe, expect, it } from '@jest/globals';
import {
  allowedActions,
  listConfirmableOptions,
  transition,
} from '../../../src/domain/lifecycle.js';
import type { Signup } from '../../../src/domain/signup.js';
import {
  MAY_2,
  MAY_3,
  answered,
  apply,
  confirm,
  effectOf,
  errorCode,
  proposed,
} from './lifecycle-fixtures.js';
import { PAIR, cest, registeredSignup, slot, validPreferences } from './signup-fixtures.js';

describe('confirm', () => {
  const bothAcceptedOption2 = (): Signup =>
    answered([
      ['notResponded', 'accepted'],
      ['accepted', 'accepted'],
      ['tentativelyAccepted', 'accepted'],
    ]);

  it('finalizes the accepted option, invites the mayor’s office and releases the other two', () => {
    const result = transition(bothAcceptedOption2(), confirm(), MAY_3);
    expect(result.ok && result.state).toMatchObject({ status: 'bevestigd', confirmedSlotIndex: 1 });
    expect(result.ok && result.state.options.map((o) => o.hold)).toEqual([
      'released',
      'finalized',
      'released',
    ]);
    expect(effectOf(result, 'finalizeHold')).toMatchObject({
      slotIndex: 1,
      hold: { holdKey: '17-r1-o1' },
      attendee: { email: 'kabinet@haarlem.nl' },
    });
    expect(effectOf(result, 'cancelHolds')).toMatchObject({
      slotIndices: [0, 2],
      comment:
        'Deze optie vervalt: de workshop met gemeente Haarlem is vastgelegd op donderdag 23 juni 2022, 19.00–22.00 uur.',
    });
    expect(effectOf(result, 'appendLog')).toMatchObject({
      from: 'opties_geplaatst',
      to: 'bevestigd',
    });
  });

  it('needs both acceptances, or an override with a reason that is logged', () => {
    const state = bothAcceptedOption2();
    const notAccepted = transition(state, confirm({ slotIndex: 0 }), MAY_3);
    expect(notAccepted.ok ? '' : notAccepted.error.message).toBe(
      'Optie 1 is nog niet door beide trainers geaccepteerd (Berenschot: niet gereageerd, RIEC: geaccepteerd). Bevestigen kan alleen met een reden.',
    );
    const blank = transition(state, confirm({ slotIndex: 0, override: { reason: ' ' } }), MAY_3);
    expect(blank.ok ? undefined : [blank.error.code, blank.error.field]).toEqual([
      'OVERRIDE_REASON_REQUIRED',
      'override.reason',
    ]);
    const overridden = transition(
      state,
      confirm({ slotIndex: 0, override: { reason: 'Anna heeft telefonisch toegezegd' } }),
      MAY_3,
    );
    expect(effectOf(overridden, 'appendLog')?.detail).toContain(
      'Bevestigd zonder akkoord van beide trainers; reden: Anna heeft telefonisch toegezegd',
    );
  });

  it('treats a tentative acceptance as not accepted', () => {
    expect(errorCode(transition(bothAcceptedOption2(), confirm({ slotIndex: 2 }), MAY_3))).toBe(
      'SLOT_NOT_ACCEPTED',
    );
  });

  it('refuses a declined option even with an override', () => {
    const state = answered([['declined', 'accepted']]);
    const result = transition(
      state,
      confirm({ slotIndex: 0, override: { reason: 'toch' } }),
      MAY_3,
    );
    expect(result.ok ? '' : result.error.message).toBe(
      'Optie 1 is afgewezen door de Berenschot-adviseur (Anna Bakker). Kies een andere optie.',
    );
  });

  it('refuses when the fresh free/busy check shows a trainer is busy now', () => {
    const busy = confirm({ freshAvailability: { berenschot: 'free', riec: 'busy' } });
    const result = transition(bothAcceptedOption2(), busy, MAY_3);
    expect(result.ok ? '' : result.error.message).toBe(
      'De RIEC-adviseur (Pieter de Jong) is op het moment van optie 2 inmiddels bezet.',
    );
  });

  it('accepts an invisible Berenschot calendar when the advisor accepted, and logs that', () => {
    const unknown = confirm({ freshAvailability: { berenschot: 'unknown', riec: 'free' } });
    const result = transition(bothAcceptedOption2(), unknown, MAY_3);
    expect(effectOf(result, 'appendLog')?.detail).toContain(
      'Vrij/bezet niet te controleren voor Anna Bakker.',
    );
  });

  it('refuses a slot that has started and options that have lapsed', () => {
    const state = bothAcceptedOption2();
    const soon = [
      slot('2022-05-10', '19:30', '22:30'),
      slot('2022-05-12', '19:30', '22:30'),
      slot('2022-06-27', '19:30', '22:30'),
    ];
    let early = apply(
      registeredSignup(MAY_2, soon),
      { type: 'propose', pair: PAIR, by: 'k' },
      MAY_2,
    );
    early = apply(
      early,
      {
        type: 'recordAnswers',
        answers: [{ slotIndex: 0, berenschot: 'accepted', riec: 'accepted' }],
      },
      MAY_3,
    );
    expect(
      errorCode(transition(early, confirm({ slotIndex: 0 }), cest('2022-05-10T19:31:00'))),
    ).toBe('SLOT_IN_PAST');
    // Placed 2 May 09:00, lapsed 16 May 09:00.
    expect(errorCode(transition(state, confirm(), cest('2022-05-16T08:59:00')))).toBeUndefined();
    expect(errorCode(transition(state, confirm(), cest('2022-05-16T09:00:00')))).toBe(
      'HOLDS_LAPSED',
    );
  });
});

describe('expire, new dates, execution and cancellation', () => {
  it('lets the options lapse only after 14 days, then asks for new dates', () => {
    const state = proposed();
    expect(errorCode(transition(state, { type: 'expire' }, cest('2022-05-15T12:00:00')))).toBe(
      'HOLDS_NOT_LAPSED',
    );
    const result = transition(state, { type: 'expire' }, cest('2022-05-16T09:00:00'));
    expect(result.ok && result.state.status).toBe('nieuwe_data_nodig');
    expect(effectOf(result, 'cancelHolds')?.comment).toBe(
      'Deze optie vervalt: de opties zijn niet binnen 14 dagen bevestigd. De gemeente Haarlem wordt om nieuwe data gevraagd.',
    );
    expect(effectOf(result, 'appendLog')?.by).toBe('systeem');
  });

  it('starts a new round with new dates and new hold keys', () => {
    const later = cest('2022-05-17T09:00:00');
    const lapsed = apply(proposed(), { type: 'expire' }, later);
    const preferences = validPreferences(
      [
        slot('2022-09-13', '19:30', '22:30'),
        slot('2022-09-22', '19:30', '22:30'),
        slot('2022-09-26', '19:30', '22:30'),
      ],
      later,
    );
    const again = apply(lapsed, { type: 'newDates', preferences, by: 'k.smit' }, later);
    expect(again).toMatchObject({ status: 'aangemeld', options: [], preferences });
    expect(again.pair).toBeUndefined();
    const round2 = transition(again, { type: 'propose', pair: PAIR, by: 'k.smit' }, later);
    expect(effectOf(round2, 'createHolds')?.holds.map((h) => h.holdKey)).toEqual([
      '17-r2-o0',
      '17-r2-o1',
      '17-r2-o2',
    ]);
  });

  it('marks the workshop as held only after it ended', () => {
    const confirmed = apply(answered([['accepted', 'accepted']]), confirm({ slotIndex: 0 }), MAY_3);
    expect(
      errorCode(transition(confirmed, { type: 'markExecuted' }, cest('2022-06-14T22:00:00'))),
    ).toBe('WORKSHOP_NOT_PASSED');
    const held = transition(confirmed, { type: 'markExecuted' }, cest('2022-06-14T22:30:00'));
    expect(held.ok && held.state.status).toBe('uitgevoerd');
  });

  it('cancels a confirmed workshop with a reason and tells the mayor’s office', () => {
    const confirmed = apply(answered([['accepted', 'accepted']]), confirm({ slotIndex: 0 }), MAY_3);
    expect(errorCode(transition(confirmed, { type: 'cancel', reason: '', by: 'k' }, MAY_3))).toBe(
      'CANCEL_REASON_REQUIRED',
    );
    const result = transition(
      confirmed,
      { type: 'cancel', reason: 'Raadsvergadering verplaatst', by: 'k' },
      MAY_3,
    );
    expect(result.ok && result.state).toMatchObject({ status: 'geannuleerd' });
    expect(result.ok && result.state.confirmedSlotIndex).toBeUndefined();
    expect(effectOf(result, 'cancelHolds')).toMatchObject({
      slotIndices: [0],
      comment: 'De workshop met gemeente Haarlem gaat niet door: Raadsvergadering verplaatst',
    });
    expect(effectOf(result, 'notifyMunicipality')?.reason).toBe('geannuleerd');
  });

  it('refuses commands that do not fit the state, in Dutch', () => {
    const result = transition(registeredSignup(MAY_2), confirm(), MAY_2);
    expect(result.ok ? '' : result.error.message).toBe(
      '"bevestigen" kan niet bij een aanmelding met status "aangemeld".',
    );
  });
});

describe('allowedActions', () => {
  it('offers what makes sense in each state', () => {
    expect(allowedActions(registeredSignup(MAY_2), MAY_2)).toEqual(['propose', 'edit', 'cancel']);
    const state = answered([['accepted', 'accepted']]);
    expect(allowedActions(state, MAY_3)).toEqual([
      'recordHoldIds',
      'recordAnswers',
      'confirm',
      'newDates',
      'edit',
      'cancel',
    ]);
    expect(allowedActions(state, cest('2022-05-16T09:00:00'))).toEqual([
      'recordHoldIds',
      'recordAnswers',
      'expire',
      'newDates',
      'edit',
      'cancel',
    ]);
    const held = apply(
      apply(state, confirm({ slotIndex: 0 }), MAY_3),
      { type: 'markExecuted' },
      cest('2022-06-15T09:00:00'),
    );
    expect(allowedActions(held, cest('2022-06-15T09:00:00'))).toEqual([]);
  });

  it('lists which options can be confirmed and which need an override', () => {
    const state = answered([
      ['accepted', 'accepted'],
      ['declined', 'accepted'],
      ['none', 'accepted'],
    ]);
    expect(listConfirmableOptions(state, MAY_3)).toEqual([
      { slotIndex: 0, needsOverride: false },
      { slotIndex: 2, needsOverride: true },
    ]);
  });
});

// Random command sequences against the lifecycle: whatever the account holder, the trainers and
// the background jobs do, in whatever order, the calendar never keeps a stray hold.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CAMPAIGN_2022 } from '../../../src/domain/campaign.js';
import type { Campaign } from '../../../src/domain/campaign.js';
import { toEventId } from '../../../src/domain/ids.js';
import { allowedActions, transition } from '../../../src/domain/lifecycle.js';
import type { Command, Effect, FreshAvailability } from '../../../src/domain/lifecycle-types.js';
import type { Signup, SignupStatus, TrainerAnswer } from '../../../src/domain/signup.js';
import { PAIR, cest, registeredSignup, slot, validPreferences } from './signup-fixtures.js';

const START = cest('2022-05-02T09:00:00');
const PREFERENCES = [
  slot('2022-05-12', '19:30', '22:30'),
  slot('2022-05-24', '19:00', '22:00'),
  slot('2022-06-14', '19:30', '22:30'),
];
// New dates may be asked for long after 2022's window; the window rule is tested elsewhere.
const WIDE: Campaign = { ...CAMPAIGN_2022, window: { start: '2022-01-01', end: '2030-12-31' } };

type Step =
  | { readonly kind: 'propose'; readonly pair: 'ok' | 'wrongRole' | 'samePerson' }
  | { readonly kind: 'recordHoldIds'; readonly slotIndex: number }
  | {
      readonly kind: 'recordAnswers';
      readonly slotIndex: number;
      readonly berenschot: TrainerAnswer | undefined;
      readonly riec: TrainerAnswer | undefined;
    }
  | {
      readonly kind: 'confirm';
      readonly slotIndex: number;
      readonly override: 'none' | 'blank' | 'reason';
      readonly berenschot: FreshAvailability;
      readonly riec: FreshAvailability;
    }
  | { readonly kind: 'cancel'; readonly reason: string }
  | { readonly kind: 'expire' }
  | { readonly kind: 'markExecuted' }
  | { readonly kind: 'newDates'; readonly daysAhead: number };

// Mostly options that exist, sometimes one that does not.
const slotIndex = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 3) },
);
const answer = fc.constantFrom<TrainerAnswer>(
  'none',
  'accepted',
  'accepted',
  'accepted',
  'tentativelyAccepted',
  'declined',
  'notResponded',
);
const fresh = fc.constantFrom<FreshAvailability>('free', 'free', 'free', 'busy', 'unknown');

// Weighted so that sequences get through the whole lifecycle, not only its first step.
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('propose' as const),
      pair: fc.constantFrom(
        'ok' as const,
        'ok' as const,
        'wrongRole' as const,
        'samePerson' as const,
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recordHoldIds' as const), slotIndex }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('recordAnswers' as const),
      slotIndex,
      berenschot: fc.option(answer, { nil: undefined }),
      riec: fc.option(answer, { nil: undefined }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('confirm' as const),
      slotIndex,
      override: fc.constantFrom('none' as const, 'blank' as const, 'reason' as const),
      berenschot: fresh,
      riec: fresh,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      reason: fc.constantFrom('', ' ', 'Raad ontbonden'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('markExecuted' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('newDates' as const),
      daysAhead: fc.integer({ min: 2, max: 60 }),
    }),
  },
);

// Mostly small steps in time, now and then a jump of days, so that holds get answered and
// confirmed as well as lapse and slots pass.
const advanceHours = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 6 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 24 * 20 }), weight: 1 },
);
const timedStep = fc.record({ step: stepArb, advanceHours });
const happyStart: readonly fc.Arbitrary<{ step: Step; advanceHours: number }>[] = [
  fc.constant({ step: { kind: 'propose', pair: 'ok' } as const, advanceHours: 0 }),
  fc.record({
    step: fc.record({
      kind: fc.constant('recordAnswers' as const),
      slotIndex: fc.integer({ min: 0, max: 2 }),
      berenschot: fc.constant('accepted' as const),
      riec: fc.constant('accepted' as const),
    }),
    advanceHours: fc.integer({ min: 0, max: 48 }),
  }),
];
/** Half the scenarios start with options placed and one of them accepted, then anything goes. */
const scenario = fc
  .tuple(
    fc.boolean(),
    fc.tuple(...happyStart),
    fc.array(timedStep, { minLength: 5, maxLength: 40, size: 'max' }),
  )
  .map(([isHappy, start, rest]) => (isHappy ? [...start, ...rest] : rest));

function toCommand(step: Step, now: Date): Command {
  switch (step.kind) {
    case 'propose': {
      const pair =
        step.pair === 'ok'
          ? PAIR
          : step.pair === 'wrongRole'
            ? { berenschot: { ...PAIR.riec, id: 'r2', email: 'r2@riec.nl' }, riec: PAIR.riec }
            : { berenschot: PAIR.berenschot, riec: { ...PAIR.berenschot, role: 'riec' as const } };
      return { type: 'propose', pair, by: 'accounthouder' };
    }
    case 'recordHoldIds':
      return {
        type: 'recordHoldIds',
        eventIds: [{ slotIndex: step.slotIndex, eventId: toEventId(`evt-${step.slotIndex}`) }],
      };
    case 'recordAnswers':
      return {
        type: 'recordAnswers',
        answers: [
          {
            slotIndex: step.slotIndex,
            ...(step.berenschot ? { berenschot: step.berenschot } : {}),
            ...(step.riec ? { riec: step.riec } : {}),
          },
        ],
      };
    case 'confirm':
      return {
        type: 'confirm',
        slotIndex: step.slotIndex,
        by: 'accounthouder',
        freshAvailability: { berenschot: step.berenschot, riec: step.riec },
        ...(step.override === 'none'
          ? {}
          : { override: { reason: step.override === 'blank' ? ' ' : 'telefonisch akkoord' } }),
      };
    case 'cancel':
      return { type: 'cancel', reason: step.reason, by: 'accounthouder' };
    case 'expire':
      return { type: 'expire' };
    case 'markExecuted':
      return { type: 'markExecuted' };
    case 'newDates': {
      const day = DateTime.fromJSDate(now)
        .setZone('Europe/Amsterdam')
        .plus({ days: step.daysAhead });
      const dates = [0, 1, 2].map((i) => day.plus({ days: i }).toFormat('yyyy-MM-dd'));
      const slots = dates.map((date) => {
        const start = DateTime.fromISO(`${date}T19:30`, { zone: 'Europe/Amsterdam' });
        return { start: start.toISO() ?? '', end: start.plus({ hours: 3 }).toISO() ?? '' };
      });
      return {
        type: 'newDates',
        preferences: validPreferences(slots, now, WIDE),
        by: 'accounthouder',
      };
    }
  }
}

type HoldLedger = Map<string, 'open' | 'finalized' | 'closed'>;

/** Replays the calendar effects the way the app layer would perform them. */
function applyCalendarEffects(ledger: HoldLedger, effects: readonly Effect[]): void {
  for (const effect of effects) {
    if (effect.type === 'createHolds') {
      for (const hold of effect.holds) {
        expect(ledger.has(hold.holdKey)).toBe(false); // a transactionId is never reused
        ledger.set(hold.holdKey, 'open');
      }
    } else if (effect.type === 'finalizeHold') {
      expect(ledger.get(effect.hold.holdKey)).toBe('open');
      ledger.set(effect.hold.holdKey, 'finalized');
    } else if (effect.type === 'cancelHolds') {
      expect(effect.slotIndices).toEqual(effect.holds.map((h) => h.slotIndex));
      expect(effect.comment.length).toBeGreaterThan(0);
      for (const hold of effect.holds) {
        expect(['open', 'finalized']).toContain(ledger.get(hold.holdKey));
        ledger.set(hold.holdKey, 'closed');
      }
    }
  }
}

function count(ledger: HoldLedger, value: 'open' | 'finalized'): number {
  return [...ledger.values()].filter((v) => v === value).length;
}

function checkInvariants(state: Signup, ledger: HoldLedger): void {
  const finalized = state.options.filter((o) => o.hold === 'finalized');
  expect(finalized.length).toBeLessThanOrEqual(1);
  const hasConfirmed = state.status === 'bevestigd' || state.status === 'uitgevoerd';
  expect(state.confirmedSlotIndex !== undefined).toBe(hasConfirmed);
  if (hasConfirmed) expect(finalized.map((o) => o.slotIndex)).toEqual([state.confirmedSlotIndex]);

  // The calendar as the effects left it matches the aggregate.
  for (const option of state.options) {
    const expected = option.hold === 'released' ? 'closed' : option.hold;
    expect(ledger.get(option.holdKey)).toBe(expected);
  }
  if (hasConfirmed) {
    expect([count(ledger, 'open'), count(ledger, 'finalized')]).toEqual([0, 1]);
  } else if (state.status !== 'opties_geplaatst') {
    expect([count(ledger, 'open'), count(ledger, 'finalized')]).toEqual([0, 0]);
  }
}

describe('lifecycle properties over random command sequences', () => {
  // Synchronous, but hundreds of sequences: give slow CI machines room.
  it('keeps the calendar, the status and the log consistent', () => {
    const reached = new Set<SignupStatus>();
    fc.assert(
      fc.property(scenario, (steps) => {
        let now = START;
        let state = registeredSignup(now, PREFERENCES);
        const ledger: HoldLedger = new Map();
        for (const { step, advanceHours } of steps) {
          now = new Date(now.getTime() + advanceHours * 3_600_000);
          const command = toCommand(step, now);
          const allowed = allowedActions(state, now);
          const before = structuredClone(state);
          const result = transition(state, command, now);
          expect(state).toEqual(before); // never mutated
          if (!result.ok) {
            expect(result.error.message.length).toBeGreaterThan(0);
            continue;
          }
          expect(allowed).toContain(command.type);
          // The status change's one line; answers have lines of their own, each with its key.
          const logs = result.effects.filter((e) => e.type === 'appendLog' && !e.key);
          const answerKeys = result.effects.flatMap((e) =>
            e.type === 'appendLog' && e.key ? [e.key] : [],
          );
          expect(new Set(answerKeys).size).toBe(answerKeys.length);
          if (command.type !== 'recordAnswers') expect(answerKeys).toEqual([]);
          const isStatusChange = result.state.status !== state.status;
          expect(logs).toHaveLength(isStatusChange ? 1 : 0);
          if (isStatusChange) {
            expect(logs[0]).toMatchObject({ from: state.status, to: result.state.status });
          }
          const writes = result.effects.filter((e) => e.type === 'writeStatus');
          expect(writes.length).toBeLessThanOrEqual(1);
          if (result.state !== state) expect(writes).toHaveLength(1);
          applyCalendarEffects(ledger, result.effects);
          state = result.state;
          reached.add(state.status);
          checkInvariants(state, ledger);
        }
      }),
      { numRuns: 250 },
    );
    // The generator must actually reach every state, or the properties above prove little.
    expect([...reached].sort()).toEqual([
      'aangemeld',
      'bevestigd',
      'geannuleerd',
      'nieuwe_data_nodig',
      'opties_geplaatst',
      'uitgevoerd',
    ]);
  }, 60_000);

  it('does what allowedActions promises for expire, markExecuted and cancel', () => {
    fc.assert(
      fc.property(scenario, (steps) => {
        let now = START;
        let state = registeredSignup(now, PREFERENCES);
        for (const { step, advanceHours } of steps) {
          now = new Date(now.getTime() + advanceHours * 3_600_000);
          const allowed = allowedActions(state, now);
          const promised: Command[] = [
            { type: 'expire' },
            { type: 'markExecuted' },
            { type: 'cancel', reason: 'reden', by: 'accounthouder' },
          ];
          for (const command of promised) {
            expect(transition(state, command, now).ok).toBe(allowed.includes(command.type));
          }
          const result = transition(state, toCommand(step, now), now);
          if (result.ok) state = result.state;
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

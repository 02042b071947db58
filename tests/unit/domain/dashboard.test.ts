// The province dashboard's figures (issue 13, item 2): the funnel per RIEC adds up to the RIEC's
// municipalities, a municipality's newest sign-up counts, the weeks, the trainers and the scan;
// holds that lapse within 2 days are an action (item 4).
import { describe, expect, it } from '@jest/globals';
import {
  computeDashboard,
  FUNNEL_STAGES,
  funnelStage,
  lapsesSoon,
  weekOf,
} from '../../../src/domain/dashboard.js';
import { MUNICIPALITIES, municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import type { Signup } from '../../../src/domain/signup.js';
import { answered, confirm, apply, proposed, MAY_3 } from './lifecycle-fixtures.js';
import { cest, registeredSignup } from './signup-fixtures.js';

const NH = municipalitiesOfRiec('RIEC Noord-Holland');

function at(signup: Signup, cbsCode: string, registeredAt = signup.registeredAt): Signup {
  const municipality = MUNICIPALITIES.find((m) => m.cbsCode === cbsCode)!;
  return {
    ...signup,
    municipality: {
      ...signup.municipality,
      cbsCode: municipality.cbsCode as Signup['municipality']['cbsCode'],
      name: municipality.name,
    },
    riec: municipality.riec,
    registeredAt,
  };
}

describe('funnelStage', () => {
  it('puts each status in one stage, and options by whether a trainer still has to answer', () => {
    expect(funnelStage(undefined)).toBe('notSignedUp');
    expect(funnelStage(registeredSignup(cest('2022-05-01T10:00:00')))).toBe('registered');
    expect(funnelStage(proposed())).toBe('waitingForTrainers');
    expect(
      funnelStage(
        answered([
          ['accepted', 'declined'],
          ['declined', 'declined'],
          ['accepted', 'accepted'],
        ]),
      ),
    ).toBe('optionsPlaced');
    const both = answered([
      ['accepted', 'accepted'],
      ['accepted', 'accepted'],
      ['declined', 'declined'],
    ]);
    expect(funnelStage(apply(both, confirm({ slotIndex: 0 }), MAY_3))).toBe('confirmed');
    expect(funnelStage({ ...both, status: 'geannuleerd' })).toBe('cancelled');
    expect(funnelStage({ ...both, status: 'nieuwe_data_nodig' })).toBe('newDatesNeeded');
  });
});

describe('computeDashboard', () => {
  const haarlem = NH[0]!.cbsCode;
  const second = NH[1]!.cbsCode;
  const both = answered([
    ['accepted', 'accepted'],
    ['accepted', 'accepted'],
    ['declined', 'declined'],
  ]);
  const confirmed = apply(both, confirm({ slotIndex: 0 }), MAY_3);
  const signups = [
    at(registeredSignup(cest('2022-05-01T10:00:00')), haarlem, '2022-04-20T10:00:00.000Z'),
    // A newer sign-up of the same municipality counts, the older one not.
    at({ ...confirmed, scanStatus: 'nee' }, haarlem, '2022-04-28T08:00:00.000Z'),
    at({ ...proposed(), scanStatus: 'gedaan' }, second, '2022-04-29T08:00:00.000Z'),
  ];
  const dashboard = computeDashboard(MUNICIPALITIES, signups);

  it('gives every RIEC a funnel that adds up to its municipalities', () => {
    expect(dashboard.riecs.map((r) => r.riec)).toEqual(
      [...new Set(MUNICIPALITIES.map((m) => m.riec))].sort((a, b) => a.localeCompare(b, 'nl')),
    );
    for (const row of dashboard.riecs) {
      const sum = FUNNEL_STAGES.reduce((n, stage) => n + row.funnel[stage], 0);
      expect(sum).toBe(row.municipalities);
    }
    const nh = dashboard.riecs.find((r) => r.riec === 'RIEC Noord-Holland')!;
    expect(nh.municipalities).toBe(NH.length);
    expect(nh.funnel).toMatchObject({
      confirmed: 1,
      waitingForTrainers: 1,
      registered: 0,
      notSignedUp: NH.length - 2,
    });
    expect(dashboard.total.notSignedUp).toBe(MUNICIPALITIES.length - 2);
  });

  it('counts sign-ups and confirmations per week with running totals', () => {
    expect(dashboard.weeks).toEqual([
      { week: '2022-04-25', signedUp: 2, confirmed: 0, signedUpTotal: 2, confirmedTotal: 0 },
      { week: '2022-05-02', signedUp: 0, confirmed: 1, signedUpTotal: 2, confirmedTotal: 1 },
    ]);
    expect(weekOf('2022-05-01T23:30:00.000Z')).toBe('2022-05-02'); // Monday 01:30 in Amsterdam
  });

  it("gives each trainer's workshops, open holds and unanswered holds", () => {
    const anna = dashboard.trainers.find((t) => t.email === 'a.bakker@berenschot.nl')!;
    expect(anna).toMatchObject({ role: 'berenschot', workshops: 1, holds: 3, unanswered: 3 });
  });

  it('counts the scan answers of the sign-ups that count', () => {
    expect(dashboard.scan.gedaan).toBe(1);
    expect(Object.values(dashboard.scan).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('keeps to the municipalities in scope', () => {
    const own = computeDashboard(NH, signups);
    expect(own.riecs.map((r) => r.riec)).toEqual(['RIEC Noord-Holland']);
  });
});

describe('lapsesSoon', () => {
  it('gives the moment open holds lapse when that is within 2 days and not past', () => {
    const signup = proposed();
    const lapsesAt = signup.lapsesAt!;
    const before = (ms: number) => new Date(Date.parse(lapsesAt) - ms);
    const day = 24 * 60 * 60 * 1000;
    expect(lapsesSoon(signup, before(3 * day))).toBeUndefined();
    expect(lapsesSoon(signup, before(2 * day + 1000))).toBeUndefined();
    expect(lapsesSoon(signup, before(2 * day))).toBe(lapsesAt);
    expect(lapsesSoon(signup, before(60_000))).toBe(lapsesAt);
    expect(lapsesSoon(signup, before(0))).toBeUndefined();
    expect(lapsesSoon({ ...signup, status: 'nieuwe_data_nodig' }, before(day))).toBeUndefined();
    const released = {
      ...signup,
      options: signup.options.map((o) => ({ ...o, hold: 'released' as const })),
    };
    expect(lapsesSoon(released, before(day))).toBeUndefined();
  });
});

// The tab's pure parts: routes in the URL fragment, Amsterdam time, Dutch date formats, and the
// overview's filters and "needs your action first".
import { describe, expect, it } from '@jest/globals';
import { toAmsterdamIso, toAmsterdamWallTime } from '../../src/web/common/format/amsterdam-time.js';
import { formatMoment, formatSlot } from '../../src/web/common/format/format-dates.js';
import { toLanguage } from '../../src/web/common/i18n/i18n.js';
import {
  filterMunicipalities,
  findNextStep,
  listActionItems,
  NO_FILTER,
} from '../../src/web/tab/pages/overview/overview-model.js';
import { parseRoute, routeHref } from '../../src/web/tab/routing/routes.js';
import { SANNE, municipality } from './support/fixtures.js';

const summary = (
  status: 'aangemeld' | 'opties_geplaatst' | 'nieuwe_data_nodig',
  needsAction: string | null,
) =>
  ({
    id: '1',
    status,
    confirmedSlot: null,
    lapsesAt: null,
    answers: { accepted: 0, tentativelyAccepted: 0, declined: 0, pending: 6 },
    needsAction,
    pendingOperation: false,
  }) as never;

describe('routes', () => {
  it('round-trips every page through the URL fragment', () => {
    for (const route of [
      { page: 'overview' },
      { page: 'register', cbsCode: 'GM0392' },
      { page: 'register' },
      { page: 'planning' },
      { page: 'availability', signupId: '12' },
      { page: 'options', signupId: '12' },
      { page: 'confirm', signupId: '12' },
      { page: 'log', signupId: '12' },
    ] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });

  it('sends anything else to "not found", never to a sign-up with a strange id', () => {
    expect(parseRoute('#/signups/abc/log')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/signups/12/delete')).toEqual({ page: 'not-found' });
    expect(parseRoute('')).toEqual({ page: 'overview' });
  });
});

describe('Amsterdam time', () => {
  it('turns a date and a time into an instant with the right offset, in winter and summer', () => {
    expect(toAmsterdamIso({ date: '2026-12-15', time: '19:30' })).toBe('2026-12-15T19:30:00+01:00');
    expect(toAmsterdamIso({ date: '2027-06-15', time: '19:30' })).toBe('2027-06-15T19:30:00+02:00');
    // The night the clocks go back: 02:30 happens twice; the first one is taken.
    expect(toAmsterdamIso({ date: '2026-10-25', time: '02:30' })).toBe('2026-10-25T02:30:00+02:00');
    // The night the clocks go forward: 02:30 does not exist; it becomes 03:30.
    expect(toAmsterdamIso({ date: '2027-03-28', time: '02:30' })).toBe('2027-03-28T03:30:00+02:00');
    expect(toAmsterdamIso({ date: '2026-12-15', time: '' })).toBeUndefined();
  });

  it('calls a year being typed or a day that does not exist "not a date yet", never throws', () => {
    // Typing 2027 over a year: the date field reads 0002, 0020, 0202 on the way (issue 18).
    for (const date of ['0002-06-14', '0020-06-14', '0202-06-14', '0999-06-14', '20277-06-14']) {
      expect(toAmsterdamIso({ date, time: '19:30' })).toBeUndefined();
    }
    expect(toAmsterdamIso({ date: '2027-02-30', time: '19:30' })).toBeUndefined();
    expect(toAmsterdamIso({ date: '2027-13-01', time: '19:30' })).toBeUndefined();
    expect(toAmsterdamIso({ date: '2027-06-14', time: '25:00' })).toBeUndefined();
    // Local mean time (before standard time): no calendar takes an offset with seconds.
    expect(toAmsterdamIso({ date: '1850-06-14', time: '19:30' })).toBeUndefined();
    expect(toAmsterdamIso({ date: '2027-06-14', time: '19:30' })).toBe('2027-06-14T19:30:00+02:00');
  });

  it('shows an instant as the date and time on an Amsterdam clock', () => {
    expect(toAmsterdamWallTime('2026-12-15T18:30:00Z')).toEqual({
      date: '2026-12-15',
      time: '19:30',
    });
  });

  it('writes slots the Dutch way and the English way', () => {
    const start = '2022-06-14T17:30:00Z';
    const end = '2022-06-14T20:30:00Z';
    expect(formatSlot(start, end, 'nl')).toBe('dinsdag 14 juni 2022, 19.30–22.30 uur');
    expect(formatSlot(start, end, 'en')).toBe('Tuesday 14 June 2022, 19:30–22:30');
    expect(formatMoment('2022-06-14T07:15:00Z', 'nl')).toBe('14 jun 2022, 09.15 uur');
  });

  it('takes the language from a Teams locale', () => {
    expect(toLanguage('en-us')).toBe('en');
    expect(toLanguage('nl-NL')).toBe('nl');
    expect(toLanguage('de-de')).toBeUndefined();
  });
});

describe('the overview', () => {
  const rows = [
    municipality('GM0361', 'Alkmaar', summary('opties_geplaatst', 'answer_received')),
    municipality('GM0373', 'Bergen (NH.)'),
    municipality('GM0392', 'Haarlem', summary('opties_geplaatst', 'both_accepted')),
    municipality('GM0473', 'Zandvoort', summary('nieuwe_data_nodig', 'new_dates_needed')),
  ];

  it('searches without minding case, accents or punctuation, and filters by status', () => {
    const names = (filter: Partial<typeof NO_FILTER>) =>
      filterMunicipalities(rows, { ...NO_FILTER, ...filter }).map((m) => m.name);
    expect(names({ query: 'bergen nh' })).toEqual(['Bergen (NH.)']);
    expect(names({ query: 'HAAR' })).toEqual(['Haarlem']);
    expect(names({ status: 'none' })).toEqual(['Bergen (NH.)']);
    expect(names({ status: 'action' })).toEqual(['Alkmaar', 'Haarlem', 'Zandvoort']);
  });

  it('puts what needs the account holder first in order of urgency', () => {
    expect(listActionItems(rows).map((item) => [item.row.name, item.needsAction])).toEqual([
      ['Zandvoort', 'new_dates_needed'],
      ['Haarlem', 'both_accepted'],
      ['Alkmaar', 'answer_received'],
    ]);
  });

  it('offers each row the next step within the user’s rights', () => {
    const coordinator = { ...SANNE, permissions: ['me:read', 'signups:read'] } as typeof SANNE;
    expect(findNextStep(rows[2]!, SANNE, true)?.route).toEqual({ page: 'confirm', signupId: '1' });
    expect(findNextStep(rows[2]!, coordinator, true)?.route).toEqual({
      page: 'options',
      signupId: '1',
    });
    expect(findNextStep(rows[1]!, SANNE, true)?.kind).toBe('register');
    expect(findNextStep(rows[1]!, SANNE, false)).toBeUndefined();
    expect(findNextStep(rows[3]!, SANNE, true)?.route).toEqual({
      page: 'register',
      cbsCode: 'GM0473',
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addAmsterdamDays,
  endOfAmsterdamDay,
  formatSlot,
  instantMillis,
  parseInstant,
  toAmsterdamDate,
  toUtcIso,
} from '../../../src/domain/time.js';

describe('Amsterdam time', () => {
  it('reads instants with an offset and refuses local times without one', () => {
    expect(parseInstant('2022-06-14T17:30:00Z')?.toFormat('HH:mm')).toBe('19:30');
    expect(parseInstant('2022-06-14T19:30:00+02:00')?.toFormat('HH:mm')).toBe('19:30');
    expect(parseInstant('2022-06-14T19:30')).toBeUndefined();
    expect(parseInstant('dinsdag 14 juni')).toBeUndefined();
  });

  it('takes the date from the Dutch calendar, not from the process zone', () => {
    // 20:30 in Amsterdam on 25 May is 00:15 on 26 May in Kathmandu, where the tests run.
    expect(toAmsterdamDate(new Date('2022-05-25T18:30:00Z'))).toBe('2022-05-25');
  });

  it('ends a day at midnight Amsterdam time in summer and in winter', () => {
    expect(toUtcIso(endOfAmsterdamDay('2022-06-15'))).toBe('2022-06-15T21:59:59.999Z');
    expect(toUtcIso(endOfAmsterdamDay('2022-12-15'))).toBe('2022-12-15T22:59:59.999Z');
    expect(addAmsterdamDays('2022-03-20', 14)).toBe('2022-04-03');
  });

  it('writes a slot the way a Dutch invitation does, with both dates when it passes midnight', () => {
    const evening = { start: '2022-06-14T17:30:00Z', end: '2022-06-14T20:30:00Z' };
    expect(formatSlot(evening, 'nl')).toBe('dinsdag 14 juni 2022, 19.30–22.30 uur');
    expect(formatSlot(evening, 'en')).toBe('Tuesday 14 June 2022, 19:30–22:30');
    const late = { start: '2022-06-14T20:00:00Z', end: '2022-06-14T22:30:00Z' };
    expect(formatSlot(late, 'nl')).toBe(
      'dinsdag 14 juni 2022, 22.00–woensdag 15 juni 2022, 00.30 uur',
    );
  });
});

describe('instantMillis', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  // Instants as they come in (API bodies, SharePoint, Graph), valid or nearly: day 29–31 in short
  // months, hour 24, with or without seconds and milliseconds, Z or an offset, or none at all.
  const instantText = fc
    .record({
      year: fc.integer({ min: 2020, max: 2032 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 59 }),
      seconds: fc.option(fc.integer({ min: 0, max: 59 })),
      millis: fc.option(fc.integer({ min: 0, max: 999 })),
      zone: fc.constantFrom('Z', '+01:00', '+02:00', '-05:30', '+0100', ''),
    })
    .map(({ year, month, day, hour, minute, seconds, millis, zone }) => {
      const time =
        seconds === null ? '' : `:${pad(seconds)}${millis === null ? '' : `.${pad(millis, 3)}`}`;
      return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${time}${zone}`;
    });

  it('gives the moment parseInstant gives, and nothing where it gives nothing', () => {
    fc.assert(
      fc.property(instantText, (text) => {
        expect(instantMillis(text)).toBe(parseInstant(text)?.toMillis());
      }),
      { numRuns: 2000 },
    );
  });

  it('reads what Date.parse would roll over as luxon does: 30 February no, 24:00 next midnight', () => {
    expect(instantMillis('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(instantMillis('2026-02-28T24:00:00Z')).toBe(Date.UTC(2026, 2, 1));
    expect(instantMillis('2026-12-01T19:30')).toBeUndefined();
    expect(instantMillis('2026-12-01T19:30+01:00')).toBe(Date.UTC(2026, 11, 1, 18, 30));
  });
});

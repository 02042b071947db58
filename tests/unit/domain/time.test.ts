import { describe, expect, it } from '@jest/globals';
import {
  addAmsterdamDays,
  endOfAmsterdamDay,
  formatSlot,
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
    expect(formatSlot(evening, 'nl')).toBe('dinsdag 14 juni 2022 19:30–22:30');
    expect(formatSlot(evening, 'en')).toBe('Tuesday, June 14, 2022 19:30–22:30');
    const late = { start: '2022-06-14T20:00:00Z', end: '2022-06-14T22:30:00Z' };
    expect(formatSlot(late, 'nl')).toBe('dinsdag 14 juni 2022 22:00–woensdag 15 juni 2022 00:30');
  });
});

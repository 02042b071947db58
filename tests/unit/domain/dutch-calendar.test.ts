import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  MUNICIPAL_ELECTION_DAYS,
  findElectionInWeekOf,
  findPublicHoliday,
  isWeekend,
} from '../../../src/domain/dutch-calendar.js';

describe('Dutch public holidays', () => {
  it('knows Koningsdag, Hemelvaartsdag and Tweede Pinksterdag 2022', () => {
    expect(findPublicHoliday('2022-04-27')?.nameNl).toBe('Koningsdag');
    expect(findPublicHoliday('2022-05-26')).toMatchObject({
      nameNl: 'Hemelvaartsdag',
      nameEn: 'Ascension Day',
    });
    expect(findPublicHoliday('2022-06-06')?.nameNl).toBe('Tweede pinksterdag');
  });

  it('moves Koningsdag to Saturday when 27 April is a Sunday (2025)', () => {
    expect(findPublicHoliday('2025-04-26')?.nameNl).toBe('Koningsdag');
    expect(findPublicHoliday('2025-04-27')).toBeUndefined();
  });

  it('counts only public holidays: not Bevrijdingsdag, Goede Vrijdag or Dodenherdenking', () => {
    expect(findPublicHoliday('2022-05-05')).toBeUndefined();
    expect(findPublicHoliday('2022-04-15')).toBeUndefined();
    expect(findPublicHoliday('2022-05-04')).toBeUndefined();
  });

  it('sees weekends by the date', () => {
    expect(isWeekend('2022-06-18')).toBe(true);
    expect(isWeekend('2022-06-19')).toBe(true);
    expect(isWeekend('2022-06-17')).toBe(false);
  });
});

describe('municipal elections', () => {
  it('lists Wednesdays from 15 to 21 March, every four years from 2022', () => {
    MUNICIPAL_ELECTION_DAYS.forEach((date, i) => {
      const day = DateTime.fromISO(date);
      expect([day.weekday, day.month, day.year]).toEqual([3, 3, 2022 + 4 * i]);
      expect(day.day).toBeGreaterThanOrEqual(15);
      expect(day.day).toBeLessThanOrEqual(21);
    });
    expect(MUNICIPAL_ELECTION_DAYS.slice(0, 2)).toEqual(['2022-03-16', '2026-03-18']);
  });

  it('finds the election from Monday to Sunday of its week', () => {
    expect(findElectionInWeekOf('2022-03-14')).toBe('2022-03-16');
    expect(findElectionInWeekOf('2022-03-20')).toBe('2022-03-16');
    expect(findElectionInWeekOf('2022-03-13')).toBeUndefined();
    expect(findElectionInWeekOf('2022-03-21')).toBeUndefined();
  });
});

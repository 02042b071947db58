// The one formatter (issue 17, item 4): server messages, mails and the web write a date and a
// time the same way, the Dutch way ("19.30 uur"). The tests run in Asia/Kathmandu (run-tests.ts):
// the result must not depend on the zone of the process.
import { describe, expect, it } from '@jest/globals';
import {
  formatClockTime,
  formatDate,
  formatInstant,
  formatMoment,
  formatSlot,
  formatTime,
} from '../../../src/contract/format.js';
import { formatSlot as formatWebSlot } from '../../../src/web/common/format/format-dates.js';
import { formatSlot as formatDomainSlot } from '../../../src/domain/time.js';

const WINTER_EVENING = { start: '2026-12-15T18:30:00.000Z', end: '2026-12-15T21:30:00.000Z' };
const SUMMER_EVENING = { start: '2026-06-16T17:30:00Z', end: '2026-06-16T20:30:00Z' };

describe('the one slot formatter', () => {
  it('writes a slot as a Dutch invitation does: "19.30–22.30 uur", in Amsterdam time', () => {
    expect(formatSlot(WINTER_EVENING, 'nl')).toBe('dinsdag 15 december 2026, 19.30–22.30 uur');
    expect(formatSlot(SUMMER_EVENING, 'nl')).toBe('dinsdag 16 juni 2026, 19.30–22.30 uur');
    expect(formatSlot(WINTER_EVENING, 'en')).toBe('Tuesday 15 December 2026, 19:30–22:30');
  });

  it('names both dates when the slot passes midnight', () => {
    const late = { start: '2026-12-15T22:00:00Z', end: '2026-12-16T00:30:00Z' };
    expect(formatSlot(late, 'nl')).toBe(
      'dinsdag 15 december 2026, 23.00–woensdag 16 december 2026, 01.30 uur',
    );
  });

  it('is the same function for the domain (messages, mails) and the web', () => {
    expect(formatDomainSlot(WINTER_EVENING, 'nl')).toBe(formatSlot(WINTER_EVENING, 'nl'));
    expect(formatWebSlot(WINTER_EVENING.start, WINTER_EVENING.end, 'nl')).toBe(
      formatSlot(WINTER_EVENING, 'nl'),
    );
  });

  it('writes a moment in a sentence, in a log line and a wall-clock time the same way', () => {
    expect(formatInstant('2026-09-22T17:30:00Z', 'nl')).toBe(
      'dinsdag 22 september 2026 om 19.30 uur',
    );
    expect(formatInstant('2026-09-22T17:30:00Z', 'en')).toBe('Tuesday 22 September 2026 at 19:30');
    expect(formatMoment('2026-12-15T08:15:00Z', 'nl')).toBe('15 dec 2026, 09.15 uur');
    expect(formatTime('2026-12-15T08:15:00Z', 'nl')).toBe('09.15');
    expect(formatClockTime('19:30', 'nl')).toBe('19.30');
    expect(formatClockTime('19:30', 'en')).toBe('19:30');
    expect(formatDate('2026-12-15', 'nl')).toBe('dinsdag 15 december 2026');
  });

  it('gives back what it cannot read instead of "Invalid Date"', () => {
    expect(formatSlot({ start: 'x', end: 'y' }, 'nl')).toBe('x–y');
    expect(formatInstant('2026-13-45', 'nl')).toBe('2026-13-45');
  });
});

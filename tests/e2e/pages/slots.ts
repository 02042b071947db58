// Preferred slots as a municipality gives them: weekday evenings a few weeks ahead, in
// Amsterdam time, as the form's date and time fields take them.
import { DateTime } from 'luxon';
import {
  findElectionInWeekOf,
  findEveningOff,
  findPublicHoliday,
} from '../../../src/domain/dutch-calendar.js';
import type { SlotText } from './register-page.js';

/** A week whose evenings draw a warning (a holiday, kerstavond, an election week) is skipped. */
function isPlainEvening(date: string): boolean {
  return !findPublicHoliday(date) && !findEveningOff(date) && !findElectionInWeekOf(date);
}

/**
 * Tuesday, Wednesday and Thursday 19:30–22:30 in the week `weeksAhead` weeks from `now`, or the
 * first week after it whose three evenings are ordinary ones: the stack's campaign follows the real
 * date, so without this a run in December would meet kerstavond or oudejaarsavond and its warnings.
 */
export function eveningSlotTexts(now: Date, weeksAhead = 3): SlotText[] {
  let monday = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' })
    .startOf('week')
    .plus({ weeks: weeksAhead });
  const evenings = () => [1, 2, 3].map((day) => monday.plus({ days: day }).toISODate() ?? '');
  while (!evenings().every(isPlainEvening)) monday = monday.plus({ weeks: 1 });
  return evenings().map((date) => ({ date, start: '19:30', end: '22:30' }));
}

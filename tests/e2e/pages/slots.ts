// Preferred slots as a municipality gives them: weekday evenings a few weeks ahead, in
// Amsterdam time, as the form's date and time fields take them.
import { DateTime } from 'luxon';
import type { SlotText } from './register-page.js';

/** Tuesday, Wednesday and Thursday 19:30–22:30 in the week `weeksAhead` weeks from `now`. */
export function eveningSlotTexts(now: Date, weeksAhead = 3): SlotText[] {
  const monday = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' })
    .startOf('week')
    .plus({ weeks: weeksAhead });
  return [1, 2, 3].map((day) => ({
    date: monday.plus({ days: day }).toISODate() ?? '',
    start: '19:30',
    end: '22:30',
  }));
}

// "Mijn beschikbaarheid" as the form holds it: per weekday and day part "can", "cannot" or not
// said; exceptions per date as rows. Pure, so it is tested without a browser, and kept as a
// session draft (plain JSON) so that nothing typed is lost on an error.
import type {
  TDayPart,
  TMyAvailabilityResponse,
  TSaveMyAvailabilityRequest,
} from '../../../common/api/api-types.js';

export const DAY_PARTS: readonly TDayPart[] = ['ochtend', 'middag', 'avond'];
/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type Answer = '' | 'yes' | 'no';

export interface DateRow {
  readonly key: string;
  readonly date: string;
  /** '' is the whole day. */
  readonly dayPart: '' | TDayPart;
  readonly answer: Exclude<Answer, ''>;
}

export interface AvailabilityDraft {
  /** `${weekday}|${dayPart}` → answer; a missing key is not said. */
  readonly weekly: Readonly<Record<string, Answer>>;
  readonly dates: readonly DateRow[];
}

export const weeklyKey = (weekday: number, dayPart: TDayPart) => `${weekday}|${dayPart}`;

export function draftFrom(response: TMyAvailabilityResponse): AvailabilityDraft {
  const weekly: Record<string, Answer> = {};
  for (const line of response.weekly) {
    weekly[weeklyKey(line.weekday, line.dayPart)] = line.canWork ? 'yes' : 'no';
  }
  return {
    weekly,
    dates: response.dates.map((line, index) => ({
      key: `loaded-${index}`,
      date: line.date,
      dayPart: line.dayPart ?? '',
      answer: line.canWork ? 'yes' : 'no',
    })),
  };
}

export function requestFrom(draft: AvailabilityDraft): TSaveMyAvailabilityRequest {
  const weekly = WEEKDAYS.flatMap((weekday) =>
    DAY_PARTS.flatMap((dayPart) => {
      const answer = draft.weekly[weeklyKey(weekday, dayPart)];
      return answer ? [{ weekday, dayPart, canWork: answer === 'yes' }] : [];
    }),
  );
  const dates = draft.dates.map((row) => ({
    date: row.date,
    canWork: row.answer === 'yes',
    ...(row.dayPart ? { dayPart: row.dayPart } : {}),
  }));
  return { weekly, dates };
}

/** Whether a stored draft has this shape (an older or foreign value is dropped). */
export function isDraft(value: unknown): value is AvailabilityDraft | null {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const draft = value as { weekly?: unknown; dates?: unknown };
  return (
    typeof draft.weekly === 'object' &&
    draft.weekly !== null &&
    Array.isArray(draft.dates) &&
    draft.dates.every(
      (row: unknown) =>
        typeof row === 'object' &&
        row !== null &&
        typeof (row as DateRow).key === 'string' &&
        typeof (row as DateRow).date === 'string',
    )
  );
}

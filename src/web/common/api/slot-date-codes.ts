// Which of the API's slot messages are about the day rather than the clock time. The API has no
// date field (a slot is a start and an end instant) and names `preferences.1.start` for them; a
// form shows them at the date the user picked, where the fix is (issue 18).
const ABOUT_THE_DATE: ReadonlySet<string> = new Set([
  'SLOT_IN_PAST',
  'SLOT_OUTSIDE_WINDOW',
  'SLOT_ON_HOLIDAY',
  'SLOT_IN_WEEKEND',
  'SLOT_ON_EVENING_OFF',
  'SLOT_IN_ELECTION_WEEK',
]);

/** "preferences.1.start" of SLOT_IN_PAST → "preferences.1.date"; any other path as it was. */
export function formFieldPath(path: string, code: string): string {
  if (!ABOUT_THE_DATE.has(code)) return path;
  return path.replace(/^(preferences\.\d+)(?:\.(?:start|end))?$/, '$1.date');
}

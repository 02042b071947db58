// Which sign-up a calendar item belongs to: a hold ("OPTIE 2: Workshop … – gemeente Haarlem") or
// the confirmed workshop, matched on its start and end and the municipality's name in the
// subject — the two things the product itself wrote into the invitation (src/app/texts.ts).
// The caller's own sign-ups come from listSignups: an account holder's RIEC, a trainer's own.
import type { TOptionView, TSignupView, TTrainerView } from '../../common/api/api-types.js';
import type { AddinApi } from '../api/addin-api.js';

export interface AppointmentFields {
  readonly subject: string;
  /** ISO 8601 instants */
  readonly start: string;
  readonly end: string;
}

export interface AppointmentMatch {
  readonly signup: TSignupView;
  /** The option this item is, when it is one of the current round's holds. */
  readonly option: TOptionView | undefined;
  /** The item is the confirmed workshop. */
  readonly isConfirmedWorkshop: boolean;
}

/** Outlook rounds nothing, but a client may drop seconds: a minute either side is the same time. */
const SAME_TIME_MS = 60_000;

function isSameTime(a: string, b: string): boolean {
  const difference = Math.abs(Date.parse(a) - Date.parse(b));
  return Number.isFinite(difference) && difference < SAME_TIME_MS;
}

function isLetterOrDigit(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** The name as a whole word: "Haarlem" is not in "… gemeente Haarlemmermeer". */
export function mentionsName(subject: string, name: string): boolean {
  const haystack = subject.toLocaleLowerCase('nl');
  const needle = name.toLocaleLowerCase('nl');
  if (needle === '') return false;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!isLetterOrDigit(haystack[at - 1]) && !isLetterOrDigit(haystack[at + needle.length])) {
      return true;
    }
  }
  return false;
}

function isAt(slot: { start: string; end: string }, item: AppointmentFields): boolean {
  return isSameTime(slot.start, item.start) && isSameTime(slot.end, item.end);
}

/** Better matches first: the confirmed workshop, then an open hold, then a released one. */
function rank(match: AppointmentMatch): number {
  if (match.isConfirmedWorkshop) return 0;
  if (match.option?.hold === 'open') return 1;
  return 2;
}

export function matchAppointment(
  item: AppointmentFields,
  signups: readonly TSignupView[],
): AppointmentMatch | undefined {
  const matches: AppointmentMatch[] = [];
  for (const signup of signups) {
    if (!mentionsName(item.subject, signup.municipality.name)) continue;
    const option = signup.options.find((candidate) => isAt(candidate.slot, item));
    const isConfirmedWorkshop = signup.confirmedSlot !== null && isAt(signup.confirmedSlot, item);
    if (option || isConfirmedWorkshop) matches.push({ signup, option, isConfirmedWorkshop });
  }
  // Of two municipalities whose names both fit ("Bergen" in "Bergen (NH.)"), the longer name is
  // the one the subject means.
  matches.sort(
    (a, b) =>
      rank(a) - rank(b) || b.signup.municipality.name.length - a.signup.municipality.name.length,
  );
  return matches[0];
}

/** The caller's place in the pair: a trainer sees the other trainer's answers. */
export function trainerRoleOf(
  signup: TSignupView,
  email: string,
): TTrainerView['role'] | undefined {
  const me = email.toLowerCase();
  if (signup.pair?.berenschot.email.toLowerCase() === me) return 'berenschot';
  if (signup.pair?.riec.email.toLowerCase() === me) return 'riec';
  return undefined;
}

export async function findAppointmentSignup(
  api: Pick<AddinApi, 'listSignups'>,
  item: AppointmentFields,
): Promise<AppointmentMatch | undefined> {
  const { signups } = await api.listSignups();
  return matchAppointment(item, signups);
}

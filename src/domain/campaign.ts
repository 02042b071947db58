// The rules of one edition of the workshop, as data. The editions live in the SharePoint list
// "Workshopcampagnes" (CampaignStore, src/domain/ports.ts) and the coordinator edits them; the
// use cases read them through src/app/campaigns.ts. The first edition follows the letter of the
// province of Noord-Holland of 28 April 2022 (DESIGN.md); the demo edition the sandbox seeds moves
// with "today" (a rolling edition) so a fresh sandbox always has a campaign that is open.
import { RIECS } from './municipalities.js';
import type { RiecName } from './municipalities.js';
import {
  addAmsterdamDays,
  addAmsterdamMonths,
  endOfAmsterdamDay,
  parseInstant,
  startOfAmsterdamDay,
  toAmsterdamDate,
  toUtcIso,
} from './time.js';
import type { PlainDate } from './time.js';

/** The two trainers of a workshop: one advisor of Berenschot, one of the RIEC (the contract's list). */
export { TRAINER_ROLES, type TrainerRole } from '../contract/lists.js';
import type { TrainerRole } from '../contract/lists.js';

export interface TrainerRoleRule {
  readonly role: TrainerRole;
  /** Who employs this trainer; Berenschot advisors sit in their own Microsoft 365 tenant. */
  readonly organisation: string;
  readonly count: number;
}

export interface Campaign {
  readonly id: string;
  readonly title: string;
  /** Who the workshop is for. */
  readonly audience: string;
  readonly provider: { readonly name: string; readonly partners: readonly RiecName[] };
  readonly isFree: boolean;
  /** Last day to sign up; sign-ups are accepted until the end of that day in Amsterdam. */
  readonly signupDeadline: PlainDate;
  /** The preferred slots must fall on or between these Amsterdam dates. */
  readonly window: { readonly start: PlainDate; readonly end: PlainDate };
  readonly preferenceCount: number;
  readonly maxDurationMinutes: number;
  /** Used when a sign-up mail gives a start time but no end time. */
  readonly defaultDurationMinutes: number;
  readonly trainerRoles: readonly TrainerRoleRule[];
  /** Holds lapse this many days after they were placed without a confirmation. */
  readonly holdLapseDays: number;
  /**
   * Least time between two workshops of one trainer on one day (travel between town halls); a
   * workshop closer than this to another of the same trainer cannot be confirmed.
   */
  readonly trainerBufferMinutes: number;
  /** Usual meeting hours (`HH:mm`, Amsterdam); a slot outside them gets a warning, not an error. */
  readonly meetingHours: { readonly start: string; readonly end: string };
  /** Reminders to municipalities that have not signed up: this many days before the deadline. */
  readonly reminderDays: readonly number[];
  /** Who the campaign's mails come from, and the text of a reminder (Dutch). */
  readonly sender: { readonly name: string; readonly reminderText: string };
  /**
   * The background cycle sends the due reminders itself (issue 13, item 3: "automatic sending
   * is a campaign setting, off by default"); off: they stay actions on the dashboard.
   */
  readonly autoSendReminders: boolean;
  /** A trainer who has not answered a hold this many days after it was placed is nudged. */
  readonly nudgeAfterDays: number;
}

const TITLE = 'Workshop weerbaarheid, integriteit en ondermijning';
const AUDIENCE = 'gemeenteraadsleden';
const PROVIDER = { name: 'Provincie Noord-Holland', partners: RIECS };
// The letter: "een Berenschot-adviseur en een RIEC-adviseur".
const TRAINER_ROLE_RULES: readonly TrainerRoleRule[] = [
  { role: 'berenschot', organisation: 'Berenschot', count: 1 },
  { role: 'riec', organisation: 'RIEC', count: 1 },
];
// Council members meet in the evening, so evenings up to 23:00 are normal.
const MEETING_HOURS = { start: '09:00', end: '23:00' };

/** The first edition, as the province's letter of 28 April 2022 describes it. */
export const CAMPAIGN_2022: Campaign = {
  id: 'weerbaarheid-2022',
  title: TITLE,
  audience: AUDIENCE,
  provider: PROVIDER,
  isFree: true,
  signupDeadline: '2022-06-15',
  // "Three preferred dates/times in 2022"; dates already past are refused by the "in the future"
  // rule, so the window is simply the year.
  window: { start: '2022-01-01', end: '2022-12-31' },
  preferenceCount: 3,
  maxDurationMinutes: 240, // "maximaal 4 uur"
  defaultDurationMinutes: 180,
  trainerRoles: TRAINER_ROLE_RULES,
  holdLapseDays: 14,
  trainerBufferMinutes: 60,
  meetingHours: MEETING_HOURS,
  reminderDays: [14, 3],
  autoSendReminders: false,
  nudgeAfterDays: 3,
  sender: {
    name: 'Provincie Noord-Holland',
    reminderText:
      'Geachte heer, mevrouw,\n\nUw gemeente heeft zich nog niet aangemeld voor de gratis workshop weerbaarheid, integriteit en ondermijning voor gemeenteraadsleden. Aanmelden kan tot en met {deadline} bij uw RIEC-accounthouder: geef drie voorkeursmomenten op.\n\nMet vriendelijke groet,\nProvincie Noord-Holland',
  },
};

export const DEMO_CAMPAIGN_ID = 'weerbaarheid-demo';
const DEMO_DEADLINE_DAYS = 28;
const DEMO_WINDOW_MONTHS = 4;

/**
 * An edition for demos and the sandbox whose dates follow from `today` (an Amsterdam date): the
 * deadline four weeks ahead, preferred slots from tomorrow up to four months ahead.
 */
export function demoCampaign(today: PlainDate): Campaign {
  return {
    ...CAMPAIGN_2022,
    id: DEMO_CAMPAIGN_ID,
    title: `${TITLE} (demo)`,
    signupDeadline: addAmsterdamDays(today, DEMO_DEADLINE_DAYS),
    window: {
      start: addAmsterdamDays(today, 1),
      end: addAmsterdamMonths(today, DEMO_WINDOW_MONTHS),
    },
  };
}

/** The last moment to sign up: the end of the deadline day in Amsterdam, as a UTC instant. */
export function signupDeadlineInstant(campaign: Campaign): string {
  return toUtcIso(endOfAmsterdamDay(campaign.signupDeadline));
}

export function isSignupOpen(campaign: Campaign, now: Date): boolean {
  return now.getTime() <= endOfAmsterdamDay(campaign.signupDeadline).toMillis();
}

/**
 * Calendar days from today (Amsterdam) to the deadline day: 0 on the deadline day itself,
 * negative once it has passed.
 */
export function countDaysToDeadline(campaign: Campaign, now: Date): number {
  const today = startOfAmsterdamDay(toAmsterdamDate(now));
  const deadline = startOfAmsterdamDay(campaign.signupDeadline);
  return Math.round(deadline.diff(today, 'days').days);
}

/** The end of a slot whose mail gave only a start time: start + the default duration. */
export function computeDefaultEnd(start: string, campaign: Campaign): string | undefined {
  const parsed = parseInstant(start);
  return parsed ? toUtcIso(parsed.plus({ minutes: campaign.defaultDurationMinutes })) : undefined;
}

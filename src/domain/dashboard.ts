// The province dashboard (campaign issue 13, item 2), computed from what one read of the sign-up
// list gives: per RIEC the funnel, the sign-ups and confirmations per week, each trainer's
// workshops and open holds, the weerbaarheidsscan answers counted. Pure: the caller reads the
// sign-ups (already scoped to what the caller may see) and passes the municipalities in scope.
import { findConfirmedOption } from './lifecycle-rules.js';
import type { Municipality, RiecName } from './municipalities.js';
import { SCAN_STATUSES, type ScanStatus, type Signup } from './signup.js';
import { toAmsterdamDate, type PlainDate } from './time.js';

/**
 * The stages of the funnel, disjoint so they add up to the RIEC's municipalities:
 * - `notSignedUp`: no sign-up in this edition;
 * - `registered`: signed up, no options placed yet;
 * - `optionsPlaced`: options placed and every trainer answered (the account holder's move);
 * - `waitingForTrainers`: options placed, a trainer has not answered yet;
 * - `confirmed`: the workshop is confirmed (or was held);
 * - `newDatesNeeded`: no option worked out, the municipality is asked for new dates;
 * - `cancelled`.
 */
export const FUNNEL_STAGES = [
  'notSignedUp',
  'registered',
  'optionsPlaced',
  'waitingForTrainers',
  'confirmed',
  'newDatesNeeded',
  'cancelled',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type Funnel = Readonly<Record<FunnelStage, number>>;

export interface RiecDashboard {
  readonly riec: RiecName;
  readonly municipalities: number;
  readonly funnel: Funnel;
}

/** One week (Monday, Amsterdam calendar) of the sign-ups and confirmations over time. */
export interface WeekCount {
  readonly week: PlainDate;
  readonly signedUp: number;
  readonly confirmed: number;
  /** Running totals up to and including this week. */
  readonly signedUpTotal: number;
  readonly confirmedTotal: number;
}

export interface TrainerLoad {
  readonly email: string;
  readonly name: string;
  readonly role: 'berenschot' | 'riec';
  /** Confirmed (or held) workshops. */
  readonly workshops: number;
  /** Open holds in sign-ups waiting for a confirmation. */
  readonly holds: number;
  /** Of those holds, the ones this trainer has not answered. */
  readonly unanswered: number;
}

export interface Dashboard {
  readonly riecs: readonly RiecDashboard[];
  readonly total: Funnel;
  readonly weeks: readonly WeekCount[];
  readonly trainers: readonly TrainerLoad[];
  readonly scan: Readonly<Record<ScanStatus, number>>;
}

function emptyFunnel(): Record<FunnelStage, number> {
  return {
    notSignedUp: 0,
    registered: 0,
    optionsPlaced: 0,
    waitingForTrainers: 0,
    confirmed: 0,
    newDatesNeeded: 0,
    cancelled: 0,
  };
}

function hasUnanswered(signup: Signup): boolean {
  return signup.options.some(
    (option) =>
      option.hold === 'open' &&
      (option.answers.berenschot === 'none' ||
        option.answers.berenschot === 'notResponded' ||
        option.answers.riec === 'none' ||
        option.answers.riec === 'notResponded'),
  );
}

/** The funnel stage of a municipality's sign-up in the edition (undefined: none). */
export function funnelStage(signup: Signup | undefined): FunnelStage {
  if (!signup) return 'notSignedUp';
  switch (signup.status) {
    case 'aangemeld':
      return 'registered';
    case 'opties_geplaatst':
      return hasUnanswered(signup) ? 'waitingForTrainers' : 'optionsPlaced';
    case 'bevestigd':
    case 'uitgevoerd':
      return 'confirmed';
    case 'nieuwe_data_nodig':
      return 'newDatesNeeded';
    case 'geannuleerd':
      return 'cancelled';
  }
}

/** The Monday of the instant's week in Amsterdam. */
export function weekOf(instant: string): PlainDate {
  const day = toAmsterdamDate(instant);
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday);
  return date.toISOString().slice(0, 10) as PlainDate;
}

/**
 * When a sign-up was confirmed, as far as the sign-up itself tells: the moment the trainers'
 * answers to the confirmed option were last read (the confirmation follows both acceptances),
 * else when its options were placed. The log holds the exact moment, at the price of reading it.
 */
export function confirmedAround(signup: Signup): string | undefined {
  if (signup.status !== 'bevestigd' && signup.status !== 'uitgevoerd') return undefined;
  return findConfirmedOption(signup)?.answersAt ?? signup.optionsPlacedAt ?? signup.registeredAt;
}

function countWeeks(signups: readonly Signup[]): WeekCount[] {
  const signedUp = new Map<string, number>();
  const confirmed = new Map<string, number>();
  for (const signup of signups) {
    const week = weekOf(signup.registeredAt);
    signedUp.set(week, (signedUp.get(week) ?? 0) + 1);
    const at = confirmedAround(signup);
    if (at) confirmed.set(weekOf(at), (confirmed.get(weekOf(at)) ?? 0) + 1);
  }
  const weeks = [...new Set([...signedUp.keys(), ...confirmed.keys()])].sort();
  let signedUpTotal = 0;
  let confirmedTotal = 0;
  return weeks.map((week) => {
    signedUpTotal += signedUp.get(week) ?? 0;
    confirmedTotal += confirmed.get(week) ?? 0;
    return {
      week: week as PlainDate,
      signedUp: signedUp.get(week) ?? 0,
      confirmed: confirmed.get(week) ?? 0,
      signedUpTotal,
      confirmedTotal,
    };
  });
}

function countTrainers(signups: readonly Signup[]): TrainerLoad[] {
  const loads = new Map<string, { -readonly [K in keyof TrainerLoad]: TrainerLoad[K] }>();
  for (const signup of signups) {
    if (!signup.pair) continue;
    const stage = funnelStage(signup);
    for (const role of ['berenschot', 'riec'] as const) {
      const trainer = signup.pair[role];
      const key = trainer.email.toLowerCase();
      const load = loads.get(key) ?? {
        email: key,
        name: trainer.name,
        role,
        workshops: 0,
        holds: 0,
        unanswered: 0,
      };
      if (stage === 'confirmed') load.workshops++;
      if (signup.status === 'opties_geplaatst') {
        for (const option of signup.options) {
          if (option.hold !== 'open') continue;
          load.holds++;
          const answer = option.answers[role];
          if (answer === 'none' || answer === 'notResponded') load.unanswered++;
        }
      }
      loads.set(key, load);
    }
  }
  return [...loads.values()].sort(
    (a, b) => b.workshops - a.workshops || b.holds - a.holds || a.name.localeCompare(b.name, 'nl'),
  );
}

/**
 * The dashboard of one edition. `municipalities`: the ones in the caller's scope; `signups`: the
 * edition's sign-ups the caller may see (a municipality's newest one counts).
 */
export function computeDashboard(
  municipalities: readonly Municipality[],
  signups: readonly Signup[],
): Dashboard {
  const latest = new Map<string, Signup>();
  for (const signup of signups) {
    const previous = latest.get(signup.municipality.cbsCode);
    if (!previous || previous.registeredAt < signup.registeredAt) {
      latest.set(signup.municipality.cbsCode, signup);
    }
  }
  const byRiec = new Map<
    RiecName,
    { municipalities: number; funnel: Record<FunnelStage, number> }
  >();
  const total = emptyFunnel();
  for (const municipality of municipalities) {
    const row = byRiec.get(municipality.riec) ?? { municipalities: 0, funnel: emptyFunnel() };
    const stage = funnelStage(latest.get(municipality.cbsCode));
    row.municipalities++;
    row.funnel[stage]++;
    total[stage]++;
    byRiec.set(municipality.riec, row);
  }
  const counted = [...latest.values()];
  const scan = Object.fromEntries(SCAN_STATUSES.map((status) => [status, 0])) as Record<
    ScanStatus,
    number
  >;
  for (const signup of counted) {
    if (signup.status !== 'geannuleerd') scan[signup.scanStatus]++;
  }
  return {
    riecs: [...byRiec.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'nl'))
      .map(([riec, row]) => ({ riec, municipalities: row.municipalities, funnel: row.funnel })),
    total,
    weeks: countWeeks(counted),
    trainers: countTrainers(counted),
    scan,
  };
}

/** Holds that lapse within this many days are an action on the dashboard (issue 13, item 4). */
export const LAPSES_WITHIN_DAYS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the sign-up's open holds lapse, if that is within LAPSES_WITHIN_DAYS of `now` and not
 * past yet (a lapsed hold is the background cycle's to expire); undefined otherwise.
 */
export function lapsesSoon(signup: Signup, now: Date): string | undefined {
  const at = signup.lapsesAt;
  if (signup.status !== 'opties_geplaatst' || !at) return undefined;
  if (!signup.options.some((option) => option.hold === 'open')) return undefined;
  const left = Date.parse(at) - now.getTime();
  return left > 0 && left <= LAPSES_WITHIN_DAYS * DAY_MS ? at : undefined;
}

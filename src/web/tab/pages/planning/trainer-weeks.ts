// The plan per trainer: a row per trainer of a planned workshop, a column per week (Monday,
// Amsterdam time) from the first planned week to the last, the planned workshops in the cells.
// Pure, so it is tested without a browser.
import type { TPlanRow, TTrainerView } from '../../../common/api/api-types.js';

export interface PlannedWorkshop {
  readonly signupId: string;
  readonly municipality: string;
  readonly start: string;
  readonly end: string;
}

export interface TrainerWeekRow {
  readonly trainer: TTrainerView;
  /** Per week of `weeks`, the workshops planned for the trainer, by start. */
  readonly cells: readonly (readonly PlannedWorkshop[])[];
}

export interface TrainerWeeks {
  /** The Mondays (YYYY-MM-DD, Amsterdam calendar days). */
  readonly weeks: readonly string[];
  readonly rows: readonly TrainerWeekRow[];
}

const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Monday of the Amsterdam week of an instant, as YYYY-MM-DD. */
export function mondayOf(instant: string): string {
  const day = new Date(`${AMSTERDAM_DAY.format(new Date(instant))}T00:00:00Z`);
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

export function trainerWeeks(rows: readonly TPlanRow[]): TrainerWeeks {
  const byTrainer = new Map<string, { trainer: TTrainerView; workshops: PlannedWorkshop[] }>();
  const mondays = new Set<string>();
  for (const row of rows) {
    if (!row.planned) continue;
    const workshop: PlannedWorkshop = {
      signupId: row.signupId,
      municipality: row.municipality,
      start: row.planned.slot.start,
      end: row.planned.slot.end,
    };
    mondays.add(mondayOf(workshop.start));
    for (const trainer of [row.planned.berenschot, row.planned.riec]) {
      const entry = byTrainer.get(trainer.id) ?? { trainer, workshops: [] };
      entry.workshops.push(workshop);
      byTrainer.set(trainer.id, entry);
    }
  }
  const sorted = [...mondays].sort();
  const weeks: string[] = [];
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && last) {
    for (
      let t = Date.parse(`${first}T00:00:00Z`);
      t <= Date.parse(`${last}T00:00:00Z`);
      t += 7 * DAY_MS
    ) {
      weeks.push(new Date(t).toISOString().slice(0, 10));
    }
  }
  const trainerRows = [...byTrainer.values()]
    .sort(
      (a, b) =>
        (a.trainer.role === b.trainer.role ? 0 : a.trainer.role === 'berenschot' ? -1 : 1) ||
        a.trainer.name.localeCompare(b.trainer.name, 'nl'),
    )
    .map(({ trainer, workshops }) => ({
      trainer,
      cells: weeks.map((week) =>
        workshops
          .filter((w) => mondayOf(w.start) === week)
          .sort((a, b) => a.start.localeCompare(b.start)),
      ),
    }));
  return { weeks, rows: trainerRows };
}

// The timeline per trainer (issue 12, item 4: "weeks across, workshops and holds as blocks, so
// one look shows who works when"): a row per trainer, a column per week (Monday, Amsterdam time)
// from the first week with something in it to the last, and in the cells blocks of three kinds:
// - `workshop`: confirmed, it stays as it is;
// - `hold`: options are out (this plan's sign-ups with holds, the placed ones once applied, and
//   the likely option of sign-ups outside this plan);
// - `planned`: the plan places options there when it is applied.
// Pure, so it is tested without a browser.
import type {
  TApplyProgress,
  TPlanCampaignResponse,
  TPlanRow,
  TTrainerView,
} from '../../../common/api/api-types.js';

export type BlockKind = 'workshop' | 'hold' | 'planned';

export type TFixedItem = Extract<TPlanCampaignResponse, { kind: 'plan' }>['fixed'][number];

export interface TimelineBlock {
  readonly key: string;
  readonly kind: BlockKind;
  readonly municipality: string;
  readonly start: string;
  readonly end: string;
}

export interface TrainerWeekRow {
  readonly trainer: TTrainerView;
  /** Per week of `weeks`, the trainer's blocks, by start. */
  readonly cells: readonly (readonly TimelineBlock[])[];
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

/** The sign-ups whose options the apply placed (or found placed). */
export function placedIds(progress: TApplyProgress | undefined): ReadonlySet<string> {
  return new Set(
    (progress?.rows ?? [])
      .filter((row) => row.outcome === 'placed' || row.outcome === 'alreadyPlaced')
      .map((row) => row.signupId),
  );
}

export function trainerWeeks(
  rows: readonly TPlanRow[],
  fixed: readonly TFixedItem[] = [],
  placed: ReadonlySet<string> = new Set(),
): TrainerWeeks {
  const byTrainer = new Map<string, { trainer: TTrainerView; blocks: TimelineBlock[] }>();
  const mondays = new Set<string>();
  const add = (block: TimelineBlock, trainers: readonly TTrainerView[]) => {
    mondays.add(mondayOf(block.start));
    for (const trainer of trainers) {
      const entry = byTrainer.get(trainer.id) ?? { trainer, blocks: [] };
      entry.blocks.push(block);
      byTrainer.set(trainer.id, entry);
    }
  };
  for (const row of rows) {
    if (!row.planned) continue;
    const hasHolds = row.status === 'opties_geplaatst' || placed.has(row.signupId);
    add(
      {
        key: `plan:${row.signupId}`,
        kind: hasHolds ? 'hold' : 'planned',
        municipality: row.municipality,
        start: row.planned.slot.start,
        end: row.planned.slot.end,
      },
      [row.planned.berenschot, row.planned.riec],
    );
  }
  fixed.forEach((item, index) => {
    add(
      {
        key: `fixed:${index}`,
        kind: item.kind,
        municipality: item.municipality,
        start: item.start,
        end: item.end,
      },
      item.trainers,
    );
  });
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
    .map(({ trainer, blocks }) => ({
      trainer,
      cells: weeks.map((week) =>
        blocks
          .filter((b) => mondayOf(b.start) === week)
          .sort((a, b) => a.start.localeCompare(b.start)),
      ),
    }));
  return { weeks, rows: trainerRows };
}

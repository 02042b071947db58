// The timeline per trainer (issue 12, item 4: "weeks across, workshops and holds as blocks, so
// one look shows who works when"): a table with a row per trainer and a column per week; the
// confirmed workshops, the options that are out and what the plan will place are blocks that
// say what they are in words (and by icon and border), in a scroll region the keyboard reaches.
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { TPlanCampaignResponse, TPlanRow } from '../../src/web/common/api/api-types.js';
import PlanningPage from '../../src/web/tab/pages/planning/planning-page.js';
import {
  placedIds,
  trainerWeeks,
  type TFixedItem,
} from '../../src/web/tab/pages/planning/trainer-weeks.js';
import { FATIMA, MARIEKE, SLOTS } from './support/fixtures.js';
import { fakeApi, renderInTab } from './support/render.js';

const NH = 'RIEC Noord-Holland' as const;

function row(
  signupId: string,
  municipality: string,
  slotIndex: number,
  status: TPlanRow['status'],
): TPlanRow {
  return {
    signupId,
    municipality,
    riec: NH,
    status,
    next: status === 'aangemeld' ? 'propose' : 'confirm',
    planned: {
      slot: SLOTS[slotIndex]!,
      rank: slotIndex + 1,
      berenschot: MARIEKE,
      riec: FATIMA,
      unknown: [],
      fixedBy: status === 'aangemeld' ? null : 'lockedPair',
    },
    unplanned: null,
  };
}

const ROWS = [row('1', 'Haarlem', 0, 'aangemeld'), row('2', 'Velsen', 1, 'opties_geplaatst')];

/** Zandvoort's workshop is confirmed a week later; Texel (another RIEC) holds Marieke. */
const FIXED: TFixedItem[] = [
  {
    kind: 'workshop',
    municipality: 'Zandvoort',
    start: '2026-12-22T18:30:00.000Z',
    end: '2026-12-22T21:30:00.000Z',
    trainers: [MARIEKE, FATIMA],
  },
  {
    kind: 'hold',
    municipality: 'Texel',
    start: '2026-12-17T18:30:00.000Z',
    end: '2026-12-17T21:30:00.000Z',
    trainers: [MARIEKE],
  },
];

const PLAN: TPlanCampaignResponse = {
  kind: 'plan',
  scope: [NH],
  status: 'optimal',
  gap: 0,
  plannedUpperBound: null,
  metrics: { planned: 2, unplanned: 0, rankSum: 3, unknownCount: 0 },
  rows: ROWS,
  notPlannable: [],
  assignments: [{ signupId: '1', slotIndex: 0, berenschot: MARIEKE.email, riec: FATIMA.email }],
  warnings: [],
  fixed: FIXED,
};

describe('the timeline per trainer', () => {
  it('has a block per workshop, option and planned workshop, in its trainers’ rows and week', () => {
    const view = trainerWeeks(ROWS, FIXED);
    expect(view.weeks).toEqual(['2026-12-14', '2026-12-21']);
    expect(view.rows.map((r) => r.trainer.name)).toEqual(['Marieke van Dijk', 'Fatima Amrani']);
    const sketch = (cells: (typeof view.rows)[number]['cells']) =>
      cells.map((cell) => cell.map((b) => `${b.kind} ${b.municipality}`));
    expect(sketch(view.rows[0]!.cells)).toEqual([
      ['planned Haarlem', 'hold Velsen', 'hold Texel'],
      ['workshop Zandvoort'],
    ]);
    expect(sketch(view.rows[1]!.cells)).toEqual([
      ['planned Haarlem', 'hold Velsen'],
      ['workshop Zandvoort'],
    ]);
  });

  it('shows the plan’s blocks as options once the apply placed them', () => {
    const placed = placedIds({
      total: 1,
      done: 1,
      isFinished: true,
      rows: [
        {
          signupId: '1',
          municipality: 'Haarlem',
          riec: NH,
          slotIndex: 0,
          outcome: 'placed',
          message: null,
          issueCodes: [],
          retryAfterSeconds: null,
        },
      ],
    });
    const view = trainerWeeks(ROWS, [], placed);
    expect(view.rows[0]!.cells[0]!.map((b) => b.kind)).toEqual(['hold', 'hold']);
  });

  it('is a table of trainers by week whose blocks say what they are, in a scroll region the keyboard reaches', async () => {
    const user = userEvent.setup();
    renderInTab(<PlanningPage />, {
      services: { api: fakeApi({ planCampaign: async () => PLAN }) },
    });
    await user.click(screen.getByRole('button', { name: 'Plan maken' }));
    const table = await screen.findByRole('table', {
      name: 'Tijdlijn per trainer: workshops en opties per week',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Trainer', 'week van 14 dec 2026', 'week van 21 dec 2026']);
    const marieke = within(table).getByRole('rowheader', { name: /Marieke van Dijk/ });
    const cells = within(marieke.closest('tr') as HTMLElement).getAllByRole('cell');
    expect(
      within(cells[0]!)
        .getAllByRole('listitem')
        .map((b) => b.textContent),
    ).toEqual([
      'Gepland: Haarlem15 dec 2026, 19.30 uur',
      'Optie: Velsen16 dec 2026, 19.30 uur',
      'Optie: Texel17 dec 2026, 19.30 uur',
    ]);
    expect(cells[1]).toHaveTextContent('Workshop: Zandvoort');
    // The kinds differ by border too, not by colour alone.
    const kinds = within(table)
      .getAllByRole('listitem')
      .map((b) => b.getAttribute('data-kind'));
    expect(new Set(kinds)).toEqual(new Set(['planned', 'hold', 'workshop']));

    const legend = screen.getByRole('list', { name: 'Wat de blokken betekenen' });
    expect(legend).toHaveTextContent('Workshopbevestigd, blijft staan');
    expect(legend).toHaveTextContent('Optiede opties staan er');
    expect(legend).toHaveTextContent('Geplandwordt een optie als u het plan toepast');

    const region = screen.getByRole('region', {
      name: 'Tijdlijn per trainer: workshops en opties per week',
    });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toContainElement(table);
  });
});

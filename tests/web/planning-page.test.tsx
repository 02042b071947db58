// The page "Planning" (issue 12, item 4) with a fake API: the plan in a table with the reasons
// worded from the API's codes, "Overslaan" plans again without that sign-up, "Plan toepassen"
// sends the whole plan back and shows the progress and the outcome, an API error is a Dutch
// message and the page stays. The coordinator plans but cannot apply.
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem } from '../../src/web/common/api/api-errors.js';
import type {
  TApplyPlanRequest,
  TApplyProgress,
  TGetMeResponse,
  TPlanCampaignRequest,
  TPlanCampaignResponse,
  TPlanRow,
} from '../../src/web/common/api/api-types.js';
import PlanningPage from '../../src/web/tab/pages/planning/planning-page.js';
import { mondayOf, trainerWeeks } from '../../src/web/tab/pages/planning/trainer-weeks.js';
import { FATIMA, MARIEKE, SANNE, SLOTS } from './support/fixtures.js';
import { fakeApi, renderInTab } from './support/render.js';

const NH = 'RIEC Noord-Holland' as const;

function plannedRow(signupId: string, municipality: string, slotIndex: number): TPlanRow {
  return {
    signupId,
    municipality,
    riec: NH,
    status: 'aangemeld',
    next: 'propose',
    planned: {
      slot: SLOTS[slotIndex]!,
      rank: slotIndex + 1,
      berenschot: MARIEKE,
      riec: FATIMA,
      unknown: [],
      fixedBy: null,
    },
    unplanned: null,
  };
}

const ZANDVOORT_UNPLANNED: TPlanRow = {
  signupId: '3',
  municipality: 'Zandvoort',
  riec: NH,
  status: 'aangemeld',
  next: null,
  planned: null,
  unplanned: {
    code: 'NO_COMMON_FREE_SLOT',
    slots: [
      { slotIndex: 0, verdict: 'blocked' },
      { slotIndex: 1, verdict: 'past' },
    ],
    trainers: [FATIMA],
  },
};

function planOf(rows: TPlanRow[]): TPlanCampaignResponse {
  const planned = rows.filter((r) => r.planned);
  return {
    kind: 'plan',
    scope: [NH],
    status: 'optimal',
    gap: 0,
    plannedUpperBound: null,
    metrics: {
      planned: planned.length,
      unplanned: rows.length - planned.length,
      rankSum: planned.reduce((sum, r) => sum + (r.planned?.rank ?? 0), 0),
      unknownCount: 0,
    },
    rows,
    notPlannable: [],
    assignments: planned.map((r) => ({
      signupId: r.signupId,
      slotIndex: r.planned?.slot.slotIndex ?? 0,
      berenschot: MARIEKE.email,
      riec: FATIMA.email,
    })),
    warnings: [],
    fixed: [],
  };
}

const FULL = planOf([
  plannedRow('1', 'Haarlem', 0),
  plannedRow('2', 'Bloemendaal', 1),
  ZANDVOORT_UNPLANNED,
]);

function progressOf(request: TApplyPlanRequest, done: number): TApplyProgress {
  return {
    total: request.assignments.length,
    done,
    isFinished: done === request.assignments.length,
    rows: request.assignments.map((a, i) => ({
      signupId: a.signupId,
      municipality: a.signupId === '1' ? 'Haarlem' : 'Bloemendaal',
      riec: NH,
      slotIndex: a.slotIndex,
      outcome: i < done ? 'placed' : 'waiting',
      message: null,
      issueCodes: [],
      retryAfterSeconds: null,
    })),
  };
}

describe('the page "Planning"', () => {
  it('shows the plan: slot, preference, pair, and why a sign-up cannot be planned', async () => {
    const user = userEvent.setup();
    renderInTab(<PlanningPage />, {
      services: { api: fakeApi({ planCampaign: async () => FULL }) },
    });
    await user.click(screen.getByRole('button', { name: 'Plan maken' }));

    const table = await screen.findByRole('table', { name: 'Aanmeldingen in de planning' });
    const haarlem = within(table).getByText('Haarlem').closest('tr') as HTMLElement;
    expect(haarlem).toHaveTextContent('dinsdag 15 december 2026, 19.30–22.30 uur');
    expect(haarlem).toHaveTextContent('1e voorkeur');
    expect(haarlem).toHaveTextContent('Marieke van Dijk en Fatima Amrani');
    const bloemendaal = within(table).getByText('Bloemendaal').closest('tr') as HTMLElement;
    expect(bloemendaal).toHaveTextContent('2e voorkeur');
    const zandvoort = within(table).getByText('Zandvoort').closest('tr') as HTMLElement;
    expect(zandvoort).toHaveTextContent('Niet in te plannen');
    expect(zandvoort).toHaveTextContent(
      'Op geen van de voorkeuren zijn een Berenschot-adviseur en een adviseur van het eigen RIEC allebei vrij.',
    );
    expect(zandvoort).toHaveTextContent('Per voorkeur: 1e: geen trainers vrij; 2e: voorbij.');
    expect(zandvoort).toHaveTextContent('Het gaat om Fatima Amrani.');
    expect(
      screen.getByText(
        '2 van de 3 aanmeldingen zijn ingepland. Dit is de best mogelijke planning: meer is niet mogelijk met deze voorkeuren, trainers en agenda’s.',
      ),
    ).toBeInTheDocument();
  });

  it('plans again without a sign-up that is left out, and can put it back', async () => {
    const user = userEvent.setup();
    const requests: TPlanCampaignRequest[] = [];
    const planCampaign = jest.fn(async (request: TPlanCampaignRequest) => {
      requests.push(request);
      return request.leaveOut?.includes('1')
        ? planOf([plannedRow('2', 'Bloemendaal', 0), ZANDVOORT_UNPLANNED])
        : FULL;
    });
    renderInTab(<PlanningPage />, { services: { api: fakeApi({ planCampaign }) } });
    await user.click(screen.getByRole('button', { name: 'Plan maken' }));
    const leaveOut = await screen.findByRole('button', { name: 'Overslaan: Haarlem' });
    expect(leaveOut).toHaveAttribute('aria-pressed', 'false');
    await user.click(leaveOut);

    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]).toEqual({ leaveOut: ['1'] });
    const table = await screen.findByRole('table', { name: 'Aanmeldingen in de planning' });
    await waitFor(() =>
      expect(within(table).getByText('Bloemendaal').closest('tr')).toHaveTextContent('1e voorkeur'),
    );
    const haarlem = within(table).getByText('Haarlem').closest('tr') as HTMLElement;
    expect(haarlem).toHaveTextContent('overgeslagen');
    const back = within(haarlem).getByRole('button', { name: 'Overslaan: Haarlem' });
    expect(back).toHaveAttribute('aria-pressed', 'true');

    await user.click(back);
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(requests[2]).toEqual({});
  });

  it('applies the whole plan, shows the progress and then the outcome', async () => {
    const user = userEvent.setup();
    let finish: (() => void) | undefined;
    const applied: TApplyPlanRequest[] = [];
    const applyPlan = jest.fn(
      (request: TApplyPlanRequest) =>
        new Promise<TApplyProgress>((resolve) => {
          applied.push(request);
          finish = () => resolve(progressOf(request, 2));
        }),
    );
    const getApplyProgress = jest.fn(async (request: TApplyPlanRequest) => progressOf(request, 1));
    renderInTab(<PlanningPage />, {
      services: {
        api: fakeApi({ planCampaign: async () => FULL, applyPlan, getApplyProgress }),
        pollIntervalMs: 10,
      },
    });
    await user.click(screen.getByRole('button', { name: 'Plan maken' }));
    await user.click(await screen.findByRole('button', { name: 'Plan toepassen' }));

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(await screen.findByText('De opties worden geplaatst: 1 van de 2')).toBeInTheDocument();
    expect(applied).toEqual([{ assignments: (FULL as { assignments: unknown }).assignments }]);
    expect(getApplyProgress).toHaveBeenCalledWith(applied[0]!);

    finish?.();
    expect(
      await screen.findByText('Klaar: bij 2 van de 2 gemeenten staan de opties er.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Aanmeldingen in de planning' });
    expect(within(table).getByText('Haarlem').closest('tr')).toHaveTextContent('opties geplaatst');
  });

  it('shows an API error in Dutch and keeps the plan on the page', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const planCampaign = async () => {
      calls += 1;
      if (calls === 1) return FULL;
      throw new ApiProblem({
        title: 'Microsoft 365 is niet bereikbaar',
        status: 503,
        detail:
          'De agenda’s konden niet worden gelezen. Probeer het over een paar minuten opnieuw.',
        code: 'GRAPH_UNAVAILABLE',
      });
    };
    renderInTab(<PlanningPage />, { services: { api: fakeApi({ planCampaign }) } });
    await user.click(screen.getByRole('button', { name: 'Plan maken' }));
    await screen.findByRole('table', { name: 'Aanmeldingen in de planning' });
    await user.click(screen.getByRole('button', { name: 'Opnieuw plannen' }));

    expect(await screen.findByText('Microsoft 365 is niet bereikbaar')).toBeInTheDocument();
    expect(screen.getByText(/De agenda’s konden niet worden gelezen/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Aanmeldingen in de planning' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Planning' })).toBeInTheDocument();
  });

  it('lets the coordinator plan but not apply, in English', async () => {
    const user = userEvent.setup();
    const coordinator: TGetMeResponse = {
      ...SANNE,
      roles: ['coordinator'],
      canReadAll: true,
      permissions: ['me:read', 'campaign:read', 'signups:read', 'province:read'],
    };
    renderInTab(<PlanningPage />, {
      language: 'en',
      services: { me: coordinator, api: fakeApi({ planCampaign: async () => FULL }) },
    });
    await user.click(screen.getByRole('button', { name: 'Make plan' }));
    const table = await screen.findByRole('table', { name: 'Sign-ups in the plan' });
    expect(within(table).getByText('Haarlem').closest('tr')).toHaveTextContent('1st choice');
    expect(screen.queryByRole('button', { name: 'Apply plan' })).not.toBeInTheDocument();
  });
});

describe('the plan per trainer', () => {
  it('puts each planned workshop in its trainers’ rows, in its Amsterdam week', () => {
    // Sunday 20 December 23:30 in Amsterdam is still the week of Monday 14 December.
    expect(mondayOf('2026-12-20T22:30:00Z')).toBe('2026-12-14');
    expect(mondayOf('2026-12-20T23:30:00Z')).toBe('2026-12-21');
    const late = plannedRow('4', 'Heemstede', 0);
    const rows = [
      plannedRow('1', 'Haarlem', 0),
      {
        ...late,
        planned: {
          ...late.planned!,
          slot: { slotIndex: 0, start: '2027-01-05T18:30:00Z', end: '2027-01-05T21:30:00Z' },
        },
      },
      ZANDVOORT_UNPLANNED,
    ];
    const view = trainerWeeks(rows);
    expect(view.weeks).toEqual(['2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04']);
    expect(view.rows.map((r) => r.trainer.name)).toEqual(['Marieke van Dijk', 'Fatima Amrani']);
    expect(view.rows[0]!.cells.map((cell) => cell.map((w) => w.municipality))).toEqual([
      ['Haarlem'],
      [],
      [],
      ['Heemstede'],
    ]);
  });

  it('shows the trainers with their workshops per week on the page', async () => {
    const user = userEvent.setup();
    renderInTab(<PlanningPage />, {
      services: { api: fakeApi({ planCampaign: async () => FULL }) },
    });
    await user.click(screen.getByRole('button', { name: 'Plan maken' }));
    const table = await screen.findByRole('table', {
      name: 'Tijdlijn per trainer: workshops en opties per week',
    });
    expect(
      within(table).getByRole('columnheader', { name: 'week van 14 dec 2026' }),
    ).toBeInTheDocument();
    const marieke = within(table).getByRole('rowheader', { name: /Marieke van Dijk/ });
    const row = marieke.closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('Haarlem');
    expect(row).toHaveTextContent('Bloemendaal');
  });
});

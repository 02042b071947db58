// Re-planning (issue 12, item 3): "when a trainer declines or a hold lapses, the page offers a
// new plan with everything confirmed kept". The page Planning reads the overview's rows and
// offers a new plan naming the sign-ups concerned; the overview's "Eerst doen" list links there.
import { describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type {
  TListMunicipalitiesResponse,
  TMunicipalityView,
  TPlanCampaignResponse,
  TSignupSummary,
} from '../../src/web/common/api/api-types.js';
import { ActionList } from '../../src/web/tab/pages/overview/action-list.js';
import { listActionItems } from '../../src/web/tab/pages/overview/overview-model.js';
import PlanningPage from '../../src/web/tab/pages/planning/planning-page.js';
import { findReplanItems } from '../../src/web/tab/pages/planning/replan.js';
import { municipality, SANNE } from './support/fixtures.js';
import { fakeApi, renderInTab } from './support/render.js';

/** renderInTab's clock. */
const NOW = new Date('2026-11-28T12:00:00Z');

function summary(id: string, overrides: Partial<TSignupSummary>): TSignupSummary {
  return {
    id,
    status: 'opties_geplaatst',
    confirmedSlot: null,
    lapsesAt: '2026-12-10T12:00:00Z',
    answers: { accepted: 0, tentativelyAccepted: 0, declined: 0, pending: 6 },
    needsAction: null,
    pendingOperation: false,
    ...overrides,
  };
}

const ROWS: TMunicipalityView[] = [
  // A trainer declined one option; the others are still open.
  municipality(
    'GM0453',
    'Velsen',
    summary('2', {
      answers: { accepted: 1, tentativelyAccepted: 0, declined: 1, pending: 4 },
      needsAction: 'answer_received',
    }),
  ),
  // The options lapsed (the background cycle has not released them yet).
  municipality(
    'GM0375',
    'Beverwijk',
    summary('3', { lapsesAt: '2026-11-27T12:00:00Z', needsAction: 'lapses_soon' }),
  ),
  // No option could go ahead.
  municipality(
    'GM0392',
    'Haarlem',
    summary('1', { status: 'nieuwe_data_nodig', needsAction: 'new_dates_needed' }),
  ),
  // Nothing changed: options out, no answers; signed up; confirmed.
  municipality('GM0396', 'Heemskerk', summary('4', {})),
  municipality('GM0377', 'Bloemendaal', summary('5', { status: 'aangemeld', lapsesAt: null })),
  municipality('GM0473', 'Zandvoort', summary('6', { status: 'bevestigd', lapsesAt: null })),
  municipality('GM0383', 'Castricum'),
];

function listOf(rows: TMunicipalityView[]): TListMunicipalitiesResponse {
  return {
    campaignId: 'raadsleden-2026',
    signupDeadline: '2026-12-31',
    daysToDeadline: 33,
    isSignupOpen: true,
    municipalities: rows,
  };
}

const EMPTY_PLAN: TPlanCampaignResponse = {
  kind: 'plan',
  scope: ['RIEC Noord-Holland'],
  status: 'empty',
  gap: null,
  plannedUpperBound: null,
  metrics: { planned: 0, unplanned: 0, rankSum: 0, unknownCount: 0 },
  rows: [],
  notPlannable: [],
  assignments: [],
  warnings: [],
  fixed: [],
};

describe('what asks for a new plan', () => {
  it('is a declined option, lapsed options, or a sign-up waiting for new dates', () => {
    expect(findReplanItems(ROWS, NOW)).toEqual([
      { signupId: '3', municipality: 'Beverwijk', reason: 'lapsed' },
      { signupId: '1', municipality: 'Haarlem', reason: 'newDates' },
      { signupId: '2', municipality: 'Velsen', reason: 'declined' },
    ]);
    expect(findReplanItems(ROWS.slice(3), NOW)).toEqual([]);
  });
});

describe('the page Planning after declines and lapsed options', () => {
  it('offers a new plan, names the sign-ups and says confirmed workshops stay', async () => {
    const user = userEvent.setup();
    const planCampaign = jest.fn(async () => EMPTY_PLAN);
    renderInTab(<PlanningPage />, {
      services: {
        api: fakeApi({ listMunicipalities: async () => listOf(ROWS), planCampaign }),
      },
    });
    const offer = await screen.findByText('Het plan klopt niet meer');
    const bar = offer.closest('.fui-MessageBar') as HTMLElement;
    expect(bar).toHaveTextContent(
      'Bij 3 aanmeldingen heeft een trainer afgezegd of zijn de opties verlopen: Beverwijk (verlopen), Haarlem (wacht op nieuwe data), Velsen (afgezegd).',
    );
    expect(bar).toHaveTextContent('Een nieuw plan laat bevestigde workshops staan zoals ze zijn');

    await user.click(within(bar).getByRole('button', { name: 'Nieuw plan maken' }));
    expect(planCampaign).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Er is niets om te plannen.')).toBeInTheDocument();
    // The plan on screen is the new one: the offer has done its work.
    expect(screen.queryByText('Het plan klopt niet meer')).not.toBeInTheDocument();
  });

  it('offers it in English too, for one sign-up', async () => {
    renderInTab(<PlanningPage />, {
      language: 'en',
      services: { api: fakeApi({ listMunicipalities: async () => listOf(ROWS.slice(0, 1)) }) },
    });
    const offer = await screen.findByText('The plan no longer holds');
    expect(offer.closest('.fui-MessageBar')).toHaveTextContent(
      'For 1 sign-up a trainer declined or the options lapsed: Velsen (declined).',
    );
    expect(screen.getByRole('button', { name: 'Make a new plan' })).toBeEnabled();
  });

  it('offers nothing when nothing was declined or lapsed', async () => {
    const listMunicipalities = jest.fn(async () => listOf(ROWS.slice(3)));
    renderInTab(<PlanningPage />, { services: { api: fakeApi({ listMunicipalities }) } });
    await screen.findByRole('button', { name: 'Plan maken' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listMunicipalities).toHaveBeenCalled();
    expect(screen.queryByText('Het plan klopt niet meer')).not.toBeInTheDocument();
  });
});

describe('the overview’s "Eerst doen" list', () => {
  it('links to the page Planning first when a trainer declined or options lapsed', () => {
    renderInTab(<ActionList items={listActionItems(ROWS)} me={SANNE} isSignupOpen />);
    const [first] = screen.getAllByRole('listitem');
    const link = within(first!).getByRole('link', {
      name: 'Trainers hebben afgezegd of opties zijn verlopen: maak een nieuw plan',
    });
    expect(link).toHaveAttribute('href', '#/planning');
  });

  it('has no such line when nothing changed, or for a user who cannot plan', () => {
    const { unmount } = renderInTab(
      <ActionList items={listActionItems(ROWS.slice(3))} me={SANNE} isSignupOpen />,
    );
    expect(screen.queryByRole('link', { name: /maak een nieuw plan/ })).not.toBeInTheDocument();
    unmount();
    const reader = { ...SANNE, permissions: SANNE.permissions.filter((p) => p === 'me:read') };
    renderInTab(<ActionList items={listActionItems(ROWS)} me={reader} isSignupOpen />);
    expect(screen.queryByRole('link', { name: /maak een nieuw plan/ })).not.toBeInTheDocument();
  });
});

// The edition picker's URL, the dashboard page and the page Campagne (issue 13, items 1 and 2)
// with a fake API: the edition in the URL is what the pages ask for, the dashboard's figures are
// in tables (every chart has one), the API's Dutch field messages land at their field, and a
// concurrent change (409) loads the new version while what was typed stays.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem } from '../../src/web/common/api/api-errors.js';
import type {
  TCampaignEdition,
  TGetDashboardResponse,
} from '../../src/web/common/api/api-types.js';
import type { WorkshopApi } from '../../src/web/common/api/workshop-api.js';
import CampaignPage from '../../src/web/tab/pages/campaign/campaign-page.js';
import { messagesByField, toSettings } from '../../src/web/tab/pages/campaign/campaign-model.js';
import DashboardPage from '../../src/web/tab/pages/dashboard/dashboard-page.js';
import { editionOf, parseRoute, withEdition } from '../../src/web/tab/routing/routes.js';
import { fakeApi, renderInTab } from './support/render.js';

const FUNNEL = {
  notSignedUp: 20,
  registered: 2,
  optionsPlaced: 1,
  waitingForTrainers: 3,
  confirmed: 4,
  newDatesNeeded: 1,
  cancelled: 0,
};

const DASHBOARD: TGetDashboardResponse = {
  campaignId: 'weerbaarheid-2022',
  title: 'Weerbaarheid 2022',
  signupDeadline: '2022-06-15',
  daysToDeadline: -10,
  isSignupOpen: false,
  riecs: [{ riec: 'RIEC Noord-Holland', municipalities: 31, funnel: FUNNEL }],
  total: FUNNEL,
  weeks: [
    { week: '2022-05-02', signedUp: 3, confirmed: 0, signedUpTotal: 3, confirmedTotal: 0 },
    { week: '2022-05-09', signedUp: 8, confirmed: 4, signedUpTotal: 11, confirmedTotal: 4 },
  ],
  trainers: [
    {
      email: 'marieke.vandijk@berenschot.nl',
      name: 'Marieke van Dijk',
      role: 'berenschot',
      workshops: 3,
      holds: 2,
      unanswered: 1,
    },
  ],
  scan: { gedaan: 5, gepland: 2, nee: 3, onbekend: 1 },
  actions: [
    {
      signupId: '12',
      cbsCode: 'GM0392',
      displayName: 'Haarlem',
      riec: 'RIEC Noord-Holland',
      needsAction: 'both_accepted',
    },
  ],
  reminders: [
    {
      cbsCode: 'GM0361',
      displayName: 'Alkmaar',
      riec: 'RIEC Noord-Holland',
      sentCount: 1,
      lastSentAt: '2022-06-01T08:00:00Z',
      dueSince: '2022-06-12',
    },
    {
      cbsCode: 'GM0363',
      displayName: 'Amsterdam',
      riec: 'RIEC Noord-Holland',
      sentCount: 0,
      lastSentAt: null,
      dueSince: null,
    },
  ],
  lapsingHolds: [
    {
      signupId: '14',
      cbsCode: 'GM0375',
      displayName: 'Beverwijk',
      riec: 'RIEC Noord-Holland',
      lapsesAt: '2022-06-14T10:00:00Z',
    },
  ],
};

const EDITION: TCampaignEdition = {
  id: 'weerbaarheid-demo',
  isCurrent: true,
  rolling: false,
  version: 'v1',
  isSignupOpen: true,
  settings: {
    title: 'Weerbaarheid demo',
    signupDeadline: '2026-12-29',
    window: { start: '2027-01-04', end: '2027-03-31' },
    maxDurationMinutes: 180,
    holdLapseDays: 14,
    reminderDays: [14, 3],
    sender: { name: 'RIEC Noord-Holland', reminderText: 'Meld u aan.' },
    autoSendReminders: false,
    nudgeAfterDays: 3,
  },
};

afterEach(() => {
  window.location.hash = '';
});

describe('the edition in the URL', () => {
  it('is read from the fragment, kept by links and dropped for the current edition', () => {
    expect(editionOf('#/dashboard?editie=weerbaarheid-2022')).toBe('weerbaarheid-2022');
    expect(editionOf('#/dashboard?editie=Not%20valid')).toBeUndefined();
    expect(parseRoute('#/dashboard?editie=weerbaarheid-2022')).toEqual({ page: 'dashboard' });
    expect(parseRoute('#/campagne')).toEqual({ page: 'campaign' });
    expect(withEdition('#/logboek?gemeente=GM0392', 'weerbaarheid-2022')).toBe(
      '#/logboek?gemeente=GM0392&editie=weerbaarheid-2022',
    );
    expect(withEdition('#/dashboard?editie=weerbaarheid-2022', undefined)).toBe('#/dashboard');
  });
});

describe('the dashboard page', () => {
  it('asks for the edition in the URL and shows every figure in a table', async () => {
    window.location.hash = '#/dashboard?editie=weerbaarheid-2022';
    const getDashboard = jest.fn<WorkshopApi['getDashboard']>(() => Promise.resolve(DASHBOARD));
    renderInTab(<DashboardPage />, { services: { api: fakeApi({ getDashboard }) } });
    await screen.findByRole('heading', { name: 'Dashboard: Weerbaarheid 2022' });
    expect(getDashboard).toHaveBeenCalledWith('weerbaarheid-2022');
    expect(
      screen.getByText('De aanmeldtermijn liep af op woensdag 15 juni 2022.'),
    ).toBeInTheDocument();
    const funnel = screen.getByRole('table', { name: 'Stand per RIEC' });
    expect(funnel).toHaveTextContent('Wacht op trainers');
    expect(funnel).toHaveTextContent('RIEC Noord-Holland31');
    expect(screen.getByRole('table', { name: /in de tijd/ })).toHaveTextContent('11');
    expect(screen.getByRole('table', { name: 'Trainers' })).toHaveTextContent('Marieke van Dijk');
    expect(screen.getByRole('table', { name: 'Weerbaarheidsscan' })).toHaveTextContent('5');
    expect(screen.getByRole('link', { name: /Haarlem/ })).toHaveAttribute(
      'href',
      '#/signups/12/options?editie=weerbaarheid-2022',
    );
  });

  it('shows when the last reminder went, the due ones and the lapsing holds as actions (items 3 and 4)', async () => {
    window.location.hash = '#/dashboard?editie=weerbaarheid-2022';
    const getDashboard = jest.fn<WorkshopApi['getDashboard']>(() => Promise.resolve(DASHBOARD));
    renderInTab(<DashboardPage />, { services: { api: fakeApi({ getDashboard }) } });
    const reminders = await screen.findByRole('table', { name: /Herinneringen aan gemeenten/ });
    expect(reminders).toHaveTextContent('Alkmaar');
    expect(reminders).toHaveTextContent('1 jun 2022, 10.00 uur');
    expect(reminders).toHaveTextContent('Amsterdam');
    expect(reminders).toHaveTextContent('nog nooit');
    expect(reminders).toHaveTextContent('niet aan de beurt');
    const first = screen.getByRole('region', { name: 'Wat eerst aandacht vraagt' });
    expect(first).toHaveTextContent('Opties vervallen');
    expect(first).toHaveTextContent(
      'Herinnering klaar om te versturen (sinds zondag 12 juni 2022)',
    );
    expect(screen.getByRole('link', { name: /Beverwijk/ })).toHaveAttribute(
      'href',
      '#/signups/14/options?editie=weerbaarheid-2022',
    );
  });
});

describe('the page Campagne', () => {
  it('turns the form into the API request and the API’s field paths into the form’s fields', () => {
    const { byField } = messagesByField([
      { field: 'reminderDays.1', code: 'X', message: 'Na de deadline.' },
      { field: 'window.end', code: 'X', message: 'Eindigt vóór het begin.' },
      { field: 'sender.reminderText', code: 'X', message: 'Vul de tekst in.' },
    ]);
    expect(byField).toEqual({
      reminderDays: 'Na de deadline.',
      windowEnd: 'Eindigt vóór het begin.',
      reminderText: 'Vul de tekst in.',
    });
    expect(
      toSettings({
        id: '',
        title: 'x',
        signupDeadline: '2027-01-01',
        windowStart: '2027-01-02',
        windowEnd: '2027-02-01',
        maxDurationMinutes: '180',
        holdLapseDays: 'veertien',
        reminderDays: '14, 3',
        senderName: 'n',
        reminderText: 't',
        nudgeAfterDays: '5',
        isCurrent: false,
        autoSendReminders: true,
      }),
    ).toMatchObject({
      holdLapseDays: -1,
      reminderDays: [14, 3],
      maxDurationMinutes: 180,
      nudgeAfterDays: 5,
      autoSendReminders: true,
    });
    expect(
      messagesByField([{ field: 'settings.nudgeAfterDays', code: 'X', message: 'm' }]),
    ).toEqual({ byField: { nudgeAfterDays: 'm' }, other: [] });
  });

  it('turns automatic reminders on and sets the nudge days, off and 3 as stored (issue 13, items 3 and 4)', async () => {
    const updateCampaign = jest.fn<WorkshopApi['updateCampaign']>(() =>
      Promise.resolve({ ...EDITION, version: 'v2' }),
    );
    renderInTab(<CampaignPage />, {
      services: {
        api: fakeApi({
          listCampaigns: () => Promise.resolve({ campaigns: [EDITION] }),
          updateCampaign,
        }),
      },
    });
    const auto = await screen.findByLabelText(/Herinneringen aan gemeenten die aan de beurt zijn/, {
      selector: '#edit-autoSendReminders',
    });
    expect(auto).not.toBeChecked();
    const nudge = screen.getByLabelText(/Trainers die niet antwoorden herinneren na/, {
      selector: '#edit-nudgeAfterDays',
    });
    expect(nudge).toHaveValue(3);
    await userEvent.click(auto);
    await userEvent.clear(nudge);
    await userEvent.type(nudge, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De editie is opgeslagen.')).toBeVisible();
    expect(updateCampaign).toHaveBeenCalledWith('weerbaarheid-demo', {
      version: 'v1',
      isCurrent: true,
      settings: expect.objectContaining({ autoSendReminders: true, nudgeAfterDays: 5 }),
    });
  });

  it('shows the API’s Dutch messages at the fields', async () => {
    const updateCampaign = jest.fn<WorkshopApi['updateCampaign']>(() =>
      Promise.reject(
        new ApiProblem({
          title: 'Ongeldig',
          status: 422,
          detail: 'Kijk de velden na.',
          code: 'DOMAIN_RULE_VIOLATED',
          errors: [
            {
              field: 'reminderDays.0',
              code: 'REMINDER_AFTER_DEADLINE',
              message: 'Een herinnering valt na de uiterste aanmelddatum.',
            },
          ],
        }),
      ),
    );
    renderInTab(<CampaignPage />, {
      services: {
        api: fakeApi({
          listCampaigns: () => Promise.resolve({ campaigns: [EDITION] }),
          updateCampaign,
        }),
      },
    });
    const reminders = await screen.findByLabelText(/Herinneringen, dagen vóór/, {
      selector: '#edit-reminderDays',
    });
    await userEvent.clear(reminders);
    await userEvent.type(reminders, '-2');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(
      await screen.findByText('Een herinnering valt na de uiterste aanmelddatum.'),
    ).toBeVisible();
    expect(reminders).toHaveAttribute('aria-invalid', 'true');
    expect(updateCampaign).toHaveBeenCalledWith('weerbaarheid-demo', {
      version: 'v1',
      isCurrent: true,
      settings: expect.objectContaining({ reminderDays: [-2] }),
    });
  });

  it('on a concurrent change loads the new version, keeps what was typed and saves with it', async () => {
    const updateCampaign = jest
      .fn<WorkshopApi['updateCampaign']>()
      .mockRejectedValueOnce(
        new ApiProblem({ title: 'Conflict', status: 409, detail: 'Gewijzigd.', code: 'CONFLICT' }),
      )
      .mockResolvedValueOnce({ ...EDITION, version: 'v3' });
    renderInTab(<CampaignPage />, {
      services: {
        api: fakeApi({
          listCampaigns: () => Promise.resolve({ campaigns: [EDITION] }),
          getCampaignEdition: () => Promise.resolve({ ...EDITION, version: 'v2' }),
          updateCampaign,
        }),
      },
    });
    const title = await screen.findByLabelText('Titel', { selector: '#edit-title' });
    await userEvent.clear(title);
    await userEvent.type(title, 'Weerbaarheid 2027');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(
      await screen.findByText(/Iemand anders heeft deze editie intussen gewijzigd/),
    ).toBeVisible();
    expect(title).toHaveValue('Weerbaarheid 2027');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(updateCampaign).toHaveBeenCalledTimes(2));
    expect(updateCampaign.mock.calls[1]![1]).toMatchObject({
      version: 'v2',
      settings: { title: 'Weerbaarheid 2027' },
    });
    expect(await screen.findByText('De editie is opgeslagen.')).toBeVisible();
  });
});

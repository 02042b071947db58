// The page "Mijn beschikbaarheid" (issue 12) with a fake API: the stored week and exceptions
// shown, a change by keyboard sent as the API's lines, a refused date shown at its field with
// everything typed kept, English, and the nav entry only for trainers.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem } from '../../src/web/common/api/api-errors.js';
import type {
  TGetMeResponse,
  TMyAvailabilityResponse,
  TSaveMyAvailabilityRequest,
} from '../../src/web/common/api/api-types.js';
import { clearSessionDraft } from '../../src/web/common/services/use-session-draft.js';
import MyAvailabilityPage from '../../src/web/tab/pages/my-availability/my-availability-page.js';
import { parseRoute, routeHref } from '../../src/web/tab/routing/routes.js';
import { MARIEKE, SANNE } from './support/fixtures.js';
import { fakeApi, renderInTab } from './support/render.js';

const TRAINER_ME: TGetMeResponse = {
  ...SANNE,
  name: MARIEKE.name,
  email: MARIEKE.email,
  roles: ['trainer'],
  riecs: [],
  permissions: ['me:read', 'campaign:read', 'workshops:read-own', 'availability:write-own'],
};

const STORED: TMyAvailabilityResponse = {
  trainer: MARIEKE,
  window: { start: '2026-11-29', end: '2027-03-28' },
  weekly: [{ weekday: 2, dayPart: 'avond', canWork: true }],
  dates: [{ date: '2026-12-24', canWork: false }],
  updatedAt: '2026-11-27T10:00:00Z',
};

afterEach(() => clearSessionDraft('my-availability'));

describe('the page "Mijn beschikbaarheid"', () => {
  it('shows the stored week and exception and saves a change made by keyboard', async () => {
    const user = userEvent.setup();
    const saveMyAvailability = jest.fn(async (request: TSaveMyAvailabilityRequest) => ({
      ...STORED,
      weekly: request.weekly,
      dates: request.dates,
    }));
    renderInTab(<MyAvailabilityPage />, {
      services: {
        me: TRAINER_ME,
        api: fakeApi({ getMyAvailability: async () => STORED, saveMyAvailability }),
      },
    });
    expect(
      await screen.findByRole('heading', { name: 'Mijn beschikbaarheid' }),
    ).toBeInTheDocument();
    const tuesday = await screen.findByRole('combobox', { name: 'Dinsdag Avond' });
    expect(tuesday).toHaveValue('yes');
    expect(screen.getByLabelText('Datum (uitzondering 1)')).toHaveValue('2026-12-24');
    expect(
      screen.getByText(/29 november 2026 tot en met zondag 28 maart 2027/),
    ).toBeInTheDocument();

    const thursday = screen.getByRole('combobox', { name: 'Donderdag Avond' });
    await user.selectOptions(thursday, 'no');
    await user.click(screen.getByRole('button', { name: 'Beschikbaarheid opslaan' }));

    await waitFor(() => expect(saveMyAvailability).toHaveBeenCalledTimes(1));
    expect(saveMyAvailability.mock.calls[0]![0]).toEqual({
      weekly: [
        { weekday: 2, dayPart: 'avond', canWork: true },
        { weekday: 4, dayPart: 'avond', canWork: false },
      ],
      dates: [{ date: '2026-12-24', canWork: false }],
    });
    expect(await screen.findByText(/Uw beschikbaarheid is opgeslagen/)).toBeInTheDocument();
  });

  it('shows a refused date at its field and keeps everything typed', async () => {
    const user = userEvent.setup();
    const saveMyAvailability = jest.fn(async () => {
      throw new ApiProblem({
        title: 'Dit kan zo niet',
        status: 422,
        detail: 'Controleer de gemarkeerde velden.',
        code: 'DOMAIN_RULE_VIOLATED',
        errors: [
          {
            field: 'dates.1.date',
            code: 'AVAILABILITY_OUTSIDE_WINDOW',
            message: 'vrijdag 1 januari 2027 valt buiten de periode van de workshop.',
          },
        ],
      });
    });
    renderInTab(<MyAvailabilityPage />, {
      services: {
        me: TRAINER_ME,
        api: fakeApi({ getMyAvailability: async () => STORED, saveMyAvailability }),
      },
    });
    await screen.findByRole('combobox', { name: 'Dinsdag Avond' });
    await user.click(screen.getByRole('button', { name: 'Datum toevoegen' }));
    const second = screen.getByLabelText('Datum (uitzondering 2)');
    await user.clear(second);
    await user.type(second, '2027-01-01');
    await user.selectOptions(screen.getByLabelText('Dagdeel (uitzondering 2)'), 'avond');
    await user.click(screen.getByRole('button', { name: 'Beschikbaarheid opslaan' }));

    const group = await screen.findByRole('group', { name: 'Uitzondering 2' });
    // At the field itself (and in the summary above the button).
    await waitFor(() =>
      expect(group).toHaveTextContent(
        'vrijdag 1 januari 2027 valt buiten de periode van de workshop.',
      ),
    );
    expect(within(group).getByLabelText('Datum (uitzondering 2)')).toHaveValue('2027-01-01');
    expect(within(group).getByLabelText('Dagdeel (uitzondering 2)')).toHaveValue('avond');
    expect(screen.getByRole('combobox', { name: 'Dinsdag Avond' })).toHaveValue('yes');
    expect(saveMyAvailability).toHaveBeenCalledTimes(1);
  });

  it('speaks English', async () => {
    renderInTab(<MyAvailabilityPage />, {
      language: 'en',
      services: { me: TRAINER_ME, api: fakeApi({ getMyAvailability: async () => STORED }) },
    });
    expect(await screen.findByRole('heading', { name: 'My availability' })).toBeInTheDocument();
    expect(await screen.findByRole('combobox', { name: 'Tuesday Evening' })).toHaveValue('yes');
    expect(screen.getByRole('button', { name: 'Save availability' })).toBeInTheDocument();
  });

  it('has its own address', () => {
    expect(routeHref({ page: 'my-availability' })).toBe('#/beschikbaarheid');
    expect(parseRoute('#/beschikbaarheid')).toEqual({ page: 'my-availability' });
  });
});

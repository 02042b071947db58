// "Toch plaatsen": placing the options answers 409 when a chosen trainer already gives a workshop
// or has another sign-up's option at a preference. The page shows the API's messages, places
// nothing, and on "Toch plaatsen" (keyboard: Enter on the focused button) sends the same request
// again with acknowledgeOverlaps; "Ander paar kiezen" drops the question.
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem } from '../../src/web/common/api/api-errors.js';
import type {
  TCheckSignupRequest,
  TProposeHoldsRequest,
  TSignupView,
} from '../../src/web/common/api/api-types.js';
import AvailabilityPage from '../../src/web/tab/pages/availability/availability-page.js';
import { FATIMA, MARIEKE, availability, signupView } from './support/fixtures.js';
import { fakeApi, renderInTab } from './support/render.js';

const OVERLAP_MESSAGE =
  'Fatima Amrani geeft op dinsdag 15 december 2026 om 19.30 uur al de workshop voor gemeente Zandvoort.';

function overlapProblem(): ApiProblem {
  return new ApiProblem({
    title: 'Een trainer is dan al ingepland',
    status: 409,
    detail: 'Er is niets geplaatst.',
    code: 'CONFLICT',
    errors: [{ field: 'preferences.0', code: 'HOLD_OVERLAPS_WORKSHOP', message: OVERLAP_MESSAGE }],
  });
}

function setUp() {
  const registered = signupView({
    status: 'aangemeld',
    pair: null,
    options: [],
    userActions: ['propose', 'cancel'],
    allowedActions: ['propose', 'cancel'],
  });
  const placed: TSignupView = signupView({ pair: { berenschot: MARIEKE, riec: FATIMA } });
  const requests: TProposeHoldsRequest[] = [];
  const proposeHolds = jest.fn(async (_id: string, request: TProposeHoldsRequest) => {
    requests.push(request);
    if (!request.acknowledgeOverlaps) throw overlapProblem();
    return placed;
  });
  const onSignupChange = jest.fn();
  renderInTab(
    <AvailabilityPage signup={registered} onSignupChange={onSignupChange} reload={() => {}} />,
    {
      services: {
        api: fakeApi({ getAvailability: async () => availability(), proposeHolds }),
      },
    },
  );
  return { requests, onSignupChange };
}

describe('placing options on an evening a trainer is already booked', () => {
  it('shows the API’s message and places them anyway after "Toch plaatsen"', async () => {
    const user = userEvent.setup();
    const { requests, onSignupChange } = setUp();
    await user.click(await screen.findByRole('button', { name: 'Opties plaatsen bij dit paar' }));
    // Fatima is shown "bezet" at preference 1: first the page asks (issue 18, item 6).
    await user.click(await screen.findByRole('button', { name: 'Toch plaatsen bij dit paar' }));

    expect(await screen.findByText(OVERLAP_MESSAGE)).toBeInTheDocument();
    expect(screen.getByText('Een trainer is dan al ingepland')).toBeInTheDocument();
    expect(onSignupChange).not.toHaveBeenCalled();
    // The question has the focus; Tab reaches "Toch plaatsen", Enter sends it.
    const group = screen.getByRole('group', { name: 'Een trainer is dan al ingepland' });
    expect(group).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Toch plaatsen' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(onSignupChange).toHaveBeenCalled());
    expect(requests).toEqual([
      { berenschot: MARIEKE.email, riec: FATIMA.email },
      { berenschot: MARIEKE.email, riec: FATIMA.email, acknowledgeOverlaps: true },
    ]);
  });

  it('drops the question on "Ander paar kiezen" without placing anything', async () => {
    const user = userEvent.setup();
    const { requests, onSignupChange } = setUp();
    await user.click(await screen.findByRole('button', { name: 'Opties plaatsen bij dit paar' }));
    // Fatima is shown "bezet" at preference 1: first the page asks (issue 18, item 6).
    await user.click(await screen.findByRole('button', { name: 'Toch plaatsen bij dit paar' }));
    await user.click(await screen.findByRole('button', { name: 'Ander paar kiezen' }));

    expect(screen.queryByText(OVERLAP_MESSAGE)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Opties plaatsen bij dit paar' })).toBeEnabled();
    expect(requests).toHaveLength(1);
    expect(onSignupChange).not.toHaveBeenCalled();
  });

  it('asks in English for an English user', async () => {
    const user = userEvent.setup();
    const registered = signupView({
      status: 'aangemeld',
      pair: null,
      options: [],
      userActions: ['propose'],
    });
    renderInTab(
      <AvailabilityPage signup={registered} onSignupChange={() => {}} reload={() => {}} />,
      {
        language: 'en',
        services: {
          api: fakeApi({
            getAvailability: async () => availability(),
            proposeHolds: async () => Promise.reject(overlapProblem()),
          }),
        },
      },
    );
    await user.click(await screen.findByRole('button', { name: 'Place options with this pair' }));
    await user.click(await screen.findByRole('button', { name: 'Place with this pair anyway' }));
    expect(await screen.findByRole('button', { name: 'Place anyway' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose another pair' })).toBeInTheDocument();
  });

  it('asks before holding a trainer shown "bezet", and places nothing on "Ander paar kiezen"', async () => {
    const user = userEvent.setup();
    const { requests, onSignupChange } = setUp();
    await user.click(await screen.findByRole('button', { name: 'Opties plaatsen bij dit paar' }));

    expect(await screen.findByText('Een trainer van dit paar is bezet')).toBeVisible();
    expect(screen.getByText(/Fatima Amrani is bezet bij voorkeur 1\./)).toBeVisible();
    expect(requests).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Ander paar kiezen' }));
    expect(screen.queryByText('Een trainer van dit paar is bezet')).not.toBeInTheDocument();
    expect(requests).toEqual([]);
    expect(onSignupChange).not.toHaveBeenCalled();
  });

  it('shows the weekend and holiday warnings of the preferences on the page (issue 18, item 13)', async () => {
    const registered = signupView({ status: 'aangemeld', pair: null, options: [] });
    const checkSignup = jest.fn(async (_request: TCheckSignupRequest) => ({
      warnings: [
        {
          field: 'preferences.2.start',
          code: 'SLOT_IN_WEEKEND',
          message: 'Voorkeur 3 valt in het weekend.',
        },
      ],
    }));
    renderInTab(
      <AvailabilityPage signup={registered} onSignupChange={() => {}} reload={() => {}} />,
      { services: { api: fakeApi({ getAvailability: async () => availability(), checkSignup }) } },
    );
    expect(await screen.findByText('Voorkeur 3 valt in het weekend.')).toBeVisible();
    expect(screen.getByText('Let op bij de voorkeuren')).toBeVisible();
    // A dry run of the same rules: it names the sign-up and its slots, and writes nothing.
    expect(checkSignup).toHaveBeenCalledWith({
      signupId: registered.id,
      preferences: registered.preferences.map(({ start, end }) => ({ start, end })),
    });
  });
});

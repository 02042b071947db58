// The form in edit mode (issue 18, item 2): pre-filled from the sign-up, warnings from a dry run
// before anything is saved, the version the user saw sent along, the button never silently
// disabled; slots fixed once options are placed; the new-dates form keeps contact and scan.
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem } from '../../src/web/common/api/api-errors.js';
import type { WorkshopApi } from '../../src/web/common/api/workshop-api.js';
import { EditSignupForm, type EditMode } from '../../src/web/tab/pages/signup/edit-signup-form.js';
import type { TSignupView } from '../../src/web/common/api/api-types.js';
import { signupView } from './support/fixtures.js';
import { fakeApi, renderInTab } from './support/render.js';

const CAMPAIGN = {
  window: { start: '2026-11-29', end: '2027-07-31' },
  defaultDurationMinutes: 180,
};

function renderForm(signup: TSignupView, mode: EditMode, api: Partial<WorkshopApi>) {
  const onSaved = jest.fn();
  renderInTab(
    <EditSignupForm signup={signup} campaign={CAMPAIGN} mode={mode} onSaved={onSaved} />,
    {
      services: { api: fakeApi(api) },
    },
  );
  return { onSaved };
}

const registered = () =>
  signupView({
    id: '21',
    eTag: '"v3"',
    status: 'aangemeld',
    pair: null,
    options: [],
    userActions: ['propose', 'cancel', 'edit'],
  });

describe('the sign-up form in edit mode', () => {
  it('is pre-filled, shows the dry run’s warnings before saving, then saves with the version', async () => {
    const signup = registered();
    const checkSignup = jest.fn<WorkshopApi['checkSignup']>(async () => ({
      warnings: [
        {
          field: 'preferences.0.start',
          code: 'SLOT_IN_WEEKEND',
          message: 'Voorkeur 1 valt in het weekend.',
        },
      ],
    }));
    const updateSignup = jest.fn<WorkshopApi['updateSignup']>(async () => ({
      signup: { ...signup, contact: { name: 'J. de Boer', email: 'burgemeester@haarlem.nl' } },
      warnings: [],
    }));
    const { onSaved } = renderForm(signup, 'edit', { checkSignup, updateSignup });
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: /Contactpersoon bij het kabinet/ });
    expect(name).toHaveValue('Kabinet van de burgemeester');
    expect(screen.getByRole('textbox', { name: /E-mailadres van de contactpersoon/ })).toHaveValue(
      'burgemeester@haarlem.nl',
    );
    expect(screen.getByLabelText('Voorkeur 1: Datum')).not.toHaveValue('');
    await user.clear(name);
    await user.type(name, 'J. de Boer');

    const save = screen.getByRole('button', { name: 'Wijzigingen opslaan' });
    expect(save).toBeEnabled();
    await user.click(save);
    await waitFor(() =>
      expect(screen.getByLabelText('Voorkeur 1: Datum')).toHaveAccessibleDescription(
        'Voorkeur 1 valt in het weekend.',
      ),
    );
    expect(updateSignup).not.toHaveBeenCalled();
    expect(checkSignup.mock.calls[0]![0]).toMatchObject({
      signupId: '21',
      contact: { name: 'J. de Boer', email: 'burgemeester@haarlem.nl' },
    });
    // Not disabled: the user may change it, or save anyway.
    const anyway = screen.getByRole('button', { name: 'Toch opslaan' });
    expect(anyway).toBeEnabled();
    await user.click(anyway);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(updateSignup.mock.calls[0]![0]).toBe('21');
    expect(updateSignup.mock.calls[0]![1]).toMatchObject({
      eTag: '"v3"',
      contact: { name: 'J. de Boer' },
      preferences: expect.any(Array),
    });
  });

  it('shows the contact’s function and saves a change to it (issue 18)', async () => {
    const base = registered();
    const signup = { ...base, contact: { ...base.contact, function: 'griffier' } };
    const checkSignup = jest.fn<WorkshopApi['checkSignup']>(async () => ({ warnings: [] }));
    const updateSignup = jest.fn<WorkshopApi['updateSignup']>(async () => ({
      signup,
      warnings: [],
    }));
    const { onSaved } = renderForm(signup, 'edit', { checkSignup, updateSignup });
    const user = userEvent.setup();
    const role = screen.getByRole('textbox', { name: /Functie van de contactpersoon/ });
    expect(role).toHaveValue('griffier');
    await user.clear(role);
    await user.type(role, 'kabinetschef');
    await user.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(updateSignup.mock.calls[0]![1]).toMatchObject({
      contact: { name: 'Kabinet van de burgemeester', function: 'kabinetschef' },
    });
  });

  it('checks the edit with the contract’s schema first: the message at the field, nothing sent (issue 17, item 3)', async () => {
    const signup = registered();
    const checkSignup = jest.fn<WorkshopApi['checkSignup']>(async () => ({ warnings: [] }));
    const updateSignup = jest.fn<WorkshopApi['updateSignup']>(async () => ({
      signup,
      warnings: [],
    }));
    renderForm(signup, 'edit', { checkSignup, updateSignup });
    const remarks = screen.getByRole('textbox', { name: /Opmerkingen/ });
    fireEvent.change(remarks, { target: { value: 'x'.repeat(4001) } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() =>
      expect(remarks).toHaveAccessibleDescription(
        'Deze tekst is te lang. Gebruik hoogstens 4000 tekens.',
      ),
    );
    expect(checkSignup).not.toHaveBeenCalled();
    expect(updateSignup).not.toHaveBeenCalled();
  });

  it('records the scan’s themes, free text and date (issue 14, item 3)', async () => {
    const signup = registered();
    const checkSignup = jest.fn<WorkshopApi['checkSignup']>(async () => ({ warnings: [] }));
    const updateSignup = jest.fn<WorkshopApi['updateSignup']>(async () => ({
      signup,
      warnings: [],
    }));
    const { onSaved } = renderForm(signup, 'edit', { checkSignup, updateSignup });
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Integriteit' }));
    await user.click(screen.getByRole('checkbox', { name: 'Vastgoed' }));
    await user.type(screen.getByRole('textbox', { name: 'Andere thema’s' }), 'havens');
    await user.type(screen.getByLabelText('Datum van de scan'), '2026-10-01');
    await user.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(updateSignup.mock.calls[0]![1]).toMatchObject({
      scan: { themes: ['vastgoed', 'integriteit'], other: 'havens', scanDate: '2026-10-01' },
    });
  });

  it('sends no scan when there is none and none was typed', async () => {
    const signup = registered();
    const updateSignup = jest.fn<WorkshopApi['updateSignup']>(async () => ({
      signup,
      warnings: [],
    }));
    const { onSaved } = renderForm(signup, 'edit', {
      checkSignup: async () => ({ warnings: [] }),
      updateSignup,
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(updateSignup.mock.calls[0]![1]).not.toHaveProperty('scan');
  });

  it('says a stale edit in Dutch, keeps what was typed and leaves the button usable', async () => {
    const signup = registered();
    const updateSignup = jest.fn<WorkshopApi['updateSignup']>(async () => {
      throw new ApiProblem({
        status: 409,
        code: 'CONFLICT',
        title: 'Conflict',
        detail:
          'Iemand anders heeft deze aanmelding intussen gewijzigd; er is niets veranderd. Vernieuw het scherm en probeer het opnieuw.',
      } as never);
    });
    renderForm(signup, 'edit', { checkSignup: async () => ({ warnings: [] }), updateSignup });
    const user = userEvent.setup();
    const remarks = screen.getByRole('textbox', { name: /Opmerkingen/ });
    await user.type(remarks, 'Graag in de raadzaal');
    await user.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await screen.findByText(/intussen gewijzigd; er is niets veranderd/);
    expect(remarks).toHaveValue('Graag in de raadzaal');
    expect(screen.getByRole('button', { name: 'Wijzigingen opslaan' })).toBeEnabled();
  });

  it('does not offer the slots once options are placed, and sends none', async () => {
    const signup = signupView({
      eTag: '"v5"',
      userActions: ['confirm', 'cancel', 'newDates', 'edit'],
    });
    const updateSignup = jest.fn<WorkshopApi['updateSignup']>(async () => ({
      signup,
      warnings: [],
    }));
    const { onSaved } = renderForm(signup, 'edit', {
      checkSignup: async () => ({ warnings: [] }),
      updateSignup,
    });
    expect(screen.queryByLabelText('Voorkeur 1: Datum')).toBeNull();
    expect(screen.getByText(/De voorkeuren liggen vast/)).toBeVisible();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(updateSignup.mock.calls[0]![1]).not.toHaveProperty('preferences');
  });

  it('gives other dates with contact and scan kept, and a reason', async () => {
    const signup = signupView({
      eTag: '"v5"',
      userActions: ['confirm', 'cancel', 'newDates', 'edit'],
    });
    const updateSignupDates = jest.fn<WorkshopApi['updateSignupDates']>(async () => ({
      signup: { ...signup, status: 'aangemeld' },
      warnings: [],
    }));
    const { onSaved } = renderForm(signup, 'newDates', {
      checkSignup: async () => ({ warnings: [] }),
      updateSignupDates,
    });
    const user = userEvent.setup();
    expect(
      screen.getByText(/Kabinet van de burgemeester \(burgemeester@haarlem.nl\)/),
    ).toBeVisible();
    await user.type(
      screen.getByRole('textbox', { name: /Waarom andere data/ }),
      'extra raadsvergadering',
    );
    await user.click(screen.getByRole('button', { name: 'Andere data vastleggen' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(updateSignupDates.mock.calls[0]![1]).toMatchObject({
      eTag: '"v5"',
      reason: 'extra raadsvergadering',
      preferences: expect.arrayContaining([expect.objectContaining({ start: expect.any(String) })]),
    });
  });
});

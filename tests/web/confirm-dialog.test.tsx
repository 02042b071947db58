// Confirming: without both trainers' acceptance the dialog asks a reason (and sends it as the
// override); with both it sends none. The preview is the Dutch invitation the mayor's office
// receives.
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { TConfirmSlotRequest, TSignupView } from '../../src/web/common/api/api-types.js';
import { ConfirmDialog } from '../../src/web/tab/pages/confirm/confirm-dialog.js';
import { composeMayorInvitation } from '../../src/web/tab/pages/confirm/mayor-invitation.js';
import { option, signupView } from './support/fixtures.js';
import { renderInTab } from './support/render.js';

type Confirm = (request: TConfirmSlotRequest) => Promise<TSignupView>;

function renderDialog(needsOverride: boolean) {
  const confirmed = signupView({ status: 'bevestigd' });
  const onConfirm = jest.fn<Confirm>(async () => confirmed);
  const onConfirmed = jest.fn<(signup: TSignupView) => void>();
  renderInTab(
    <ConfirmDialog
      signup={signupView()}
      slotIndex={1}
      needsOverride={needsOverride}
      onConfirm={onConfirm}
      onConfirmed={onConfirmed}
    />,
  );
  return { onConfirm, onConfirmed, confirmed };
}

describe('the confirm dialog', () => {
  it('asks a reason when not both trainers accepted, and sends it as the override', async () => {
    const { onConfirm, onConfirmed, confirmed } = renderDialog(true);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Optie 2 bevestigen…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Workshop in Haarlem bevestigen?' });
    expect(dialog).toHaveTextContent(
      'Optie 2 (woensdag 16 december 2026, 19.30–22.30 uur) wordt de workshop. Kabinet van de burgemeester (burgemeester@haarlem.nl) krijgt de uitnodiging',
    );
    const reason = screen.getByRole('textbox', { name: /Reden voor de uitzondering/ });
    expect(reason).toBeRequired();

    await user.click(screen.getByRole('button', { name: 'Bevestigen en uitnodiging versturen' }));
    expect(reason).toHaveAccessibleDescription(/Geef een reden voor de uitzondering\./);
    expect(onConfirm).not.toHaveBeenCalled();

    await user.type(reason, '  Telefonisch afgesproken met beide trainers ');
    await user.click(screen.getByRole('button', { name: 'Bevestigen en uitnodiging versturen' }));
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledWith(confirmed));
    expect(onConfirm).toHaveBeenCalledWith({
      slotIndex: 1,
      override: { reason: 'Telefonisch afgesproken met beide trainers' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks no reason when both accepted, and sends no override', async () => {
    const { onConfirm } = renderDialog(false);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Optie 2 bevestigen…' }));
    await screen.findByRole('dialog');
    expect(screen.queryByRole('textbox', { name: /Reden/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Bevestigen en uitnodiging versturen' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith({ slotIndex: 1 }));
  });

  it('keeps the dialog open with the API’s message when confirming fails', async () => {
    const { ApiProblem } = await import('../../src/web/common/api/api-errors.js');
    const onConfirm = jest.fn<Confirm>(async () => {
      throw new ApiProblem({
        status: 409,
        code: 'CONFLICT',
        title: 'Conflict',
        detail: 'De optie is niet meer vrij bij Fatima Amrani.',
      });
    });
    renderInTab(
      <ConfirmDialog
        signup={signupView()}
        slotIndex={0}
        needsOverride={false}
        onConfirm={onConfirm}
        onConfirmed={() => undefined}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Optie 1 bevestigen…' }));
    await user.click(
      await screen.findByRole('button', { name: 'Bevestigen en uitnodiging versturen' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'De optie is niet meer vrij bij Fatima Amrani.',
    );
    expect(screen.getByRole('dialog')).toBeVisible();
  });

  it('shows TRAINER_TAKEN once, in the dialog of the option that cannot be confirmed', async () => {
    const { ApiProblem } = await import('../../src/web/common/api/api-errors.js');
    const message =
      'Fatima Amrani geeft op dinsdag 15 december 2026 om 19.30 uur al de workshop voor gemeente Zandvoort. Optie 1 kan daarom niet meer worden bevestigd: kies een andere optie of vraag de gemeente om nieuwe data.';
    const onConfirm = jest.fn<Confirm>(async () => {
      throw new ApiProblem({
        status: 409,
        code: 'CONFLICT',
        title: 'Deze optie kan niet meer',
        detail: message,
        errors: [{ field: 'slotIndex', code: 'TRAINER_TAKEN', message }],
      });
    });
    renderInTab(
      <ConfirmDialog
        signup={signupView()}
        slotIndex={0}
        needsOverride={false}
        onConfirm={onConfirm}
        onConfirmed={() => undefined}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Optie 1 bevestigen…' }));
    await user.click(
      await screen.findByRole('button', { name: 'Bevestigen en uitnodiging versturen' }),
    );
    const dialog = screen.getByRole('dialog');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(within(dialog).getAllByText(message, { exact: false })).toHaveLength(1);
  });
});

describe('the invitation preview', () => {
  it('is the Dutch text the mayor’s office receives, with the slot as the server writes it', () => {
    const signup = signupView({
      options: [option(0), option(1, { berenschot: 'accepted', riec: 'accepted' }), option(2)],
    });
    const invitation = composeMayorInvitation(signup, 1);
    expect(invitation).toMatchObject({
      to: { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' },
      subject: 'Workshop weerbaarheid, integriteit en ondermijning – gemeente Haarlem',
      when: 'woensdag 16 december 2026, 19.30–22.30 uur',
      location: 'Gemeentehuis Haarlem',
    });
    expect(invitation?.paragraphs[1]).toBe(
      'Hierbij bevestigen wij de workshop weerbaarheid, integriteit en ondermijning voor de raadsleden van de gemeente Haarlem op woensdag 16 december 2026, 19.30–22.30 uur.',
    );
    expect(invitation?.attendees).toEqual([
      'Marieke van Dijk <marieke.vandijk@berenschot.nl>',
      'Fatima Amrani <fatima.amrani@riec.nl>',
      'Kabinet van de burgemeester <burgemeester@haarlem.nl>',
    ]);
  });
});

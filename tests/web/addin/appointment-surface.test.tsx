// "Workshopoptie" with Outlook mocked by office-addin-mock: a hold in a trainer's calendar (read
// mode) or the account holder's meeting form (compose mode, getAsync) is matched to its sign-up
// on its times and the municipality in the subject, and shows the other options and answers.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { TGetMeResponse, TSignupView } from '../../../src/web/common/api/api-types.js';
import { AppointmentSurface } from '../../../src/web/addin/appointment/appointment-surface.js';
import { SANNE, SLOTS, option, signupView } from '../support/fixtures.js';
import {
  attendeeAppointment,
  installOffice,
  organizerAppointment,
  type InstalledOffice,
} from './support/office-mock.js';
import { fakeAddinApi, renderInAddin } from './support/render-addin.js';

const FATIMA_ME: TGetMeResponse = {
  userId: '5f1c7a4d',
  name: 'Fatima Amrani',
  email: 'Fatima.Amrani@riec.nl',
  roles: ['trainer'],
  riecs: [],
  canReadAll: false,
  permissions: ['me:read', 'campaign:read', 'workshops:read-own'],
};

const WORKSHOP = 'Workshop weerbaarheid, integriteit en ondermijning';

const HAARLEM = signupView({
  options: [
    option(0, { berenschot: 'accepted', riec: 'accepted' }),
    option(1, { berenschot: 'declined', riec: 'tentativelyAccepted' }),
    option(2),
  ],
});
/** Same evenings, a name that contains "Haarlem": must not be taken for it. */
const HAARLEMMERMEER: TSignupView = {
  ...HAARLEM,
  id: '9',
  municipality: { cbsCode: 'GM0394', name: 'Haarlemmermeer', domain: 'haarlemmermeer.nl' },
  options: [option(0), option(1, { berenschot: 'accepted', riec: 'accepted' }), option(2)],
};

let office: InstalledOffice | undefined;
afterEach(() => office?.uninstall());

function apiWith(signups: TSignupView[]) {
  const listSignups = jest.fn(async () => ({ signups }));
  return { api: fakeAddinApi({ listSignups }), listSignups };
}

function optionItem(number: number): HTMLElement {
  const item = screen
    .getAllByRole('listitem')
    .find((li) => li.textContent?.startsWith(`Optie ${number}`));
  if (!item) throw new Error(`no option ${number}`);
  return item;
}

describe('the appointment surface', () => {
  it('shows a trainer which sign-up a hold belongs to, their own answer and the other trainer’s', async () => {
    const slot = SLOTS[1]!;
    office = installOffice({
      item: attendeeAppointment(`OPTIE 2: ${WORKSHOP} – gemeente Haarlem`, slot.start, slot.end),
    });
    const { api, listSignups } = apiWith([HAARLEMMERMEER, HAARLEM]);
    renderInAddin(<AppointmentSurface api={api} me={FATIMA_ME} />, { me: FATIMA_ME });

    expect(await screen.findByRole('heading', { name: 'Workshop gemeente Haarlem' })).toBeVisible();
    expect(listSignups).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Deze afspraak is optie 2 van 3.')).toBeVisible();
    expect(screen.getByText('opties geplaatst')).toBeVisible();

    const second = optionItem(2);
    expect(second).toHaveAttribute('aria-current', 'true');
    expect(second).toHaveTextContent('Optie 2 (deze afspraak)');
    expect(second).toHaveTextContent('woensdag 16 december 2026, 19.30–22.30 uur');
    // Fatima's own answer as the product has it (so she sees whether it arrived), then Marieke's.
    const answersOf = (item: HTMLElement) =>
      within(item)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(answersOf(second)).toEqual([
      'Uw antwoord:voorlopig geaccepteerd',
      'Marieke van Dijk:afgewezen',
    ]);
    expect(answersOf(optionItem(1))).toEqual([
      'Uw antwoord:geaccepteerd',
      'Marieke van Dijk:geaccepteerd',
    ]);
    expect(answersOf(optionItem(3))).toEqual([
      'Uw antwoord:nog geen antwoord',
      'Marieke van Dijk:nog geen antwoord',
    ]);
  });

  it('reads the organizer’s meeting form with getAsync and shows both answers', async () => {
    const slot = SLOTS[1]!;
    office = installOffice({
      item: organizerAppointment(`OPTIE 2: ${WORKSHOP} – gemeente Haarlem`, slot.start, slot.end),
    });
    const { api } = apiWith([HAARLEM]);
    renderInAddin(<AppointmentSurface api={api} me={SANNE} />);

    expect(await screen.findByText('Deze afspraak is optie 2 van 3.')).toBeVisible();
    const answers = within(optionItem(2)).getAllByRole('listitem');
    expect(answers.map((li) => li.textContent)).toEqual([
      'Marieke van Dijk:afgewezen',
      'Fatima Amrani:voorlopig geaccepteerd',
    ]);
    expect(
      screen.getByRole('link', { name: 'Aanmelding openen in Workshopplanner' }),
    ).toHaveAttribute('href', `${window.location.origin}/#/signups/7/options`);
  });

  it('recognises the confirmed workshop', async () => {
    const slot = SLOTS[0]!;
    const confirmed = signupView({
      status: 'bevestigd',
      confirmedSlot: slot,
      options: [
        option(
          0,
          { berenschot: 'accepted', riec: 'accepted' },
          { isConfirmed: true, hold: 'finalized' },
        ),
        option(1, {}, { hold: 'released' }),
        option(2, {}, { hold: 'released' }),
      ],
    });
    office = installOffice({
      item: attendeeAppointment(`${WORKSHOP} – gemeente Haarlem`, slot.start, slot.end),
    });
    renderInAddin(<AppointmentSurface api={apiWith([confirmed]).api} me={FATIMA_ME} />);

    expect(await screen.findByText('Deze afspraak is de bevestigde workshop.')).toBeVisible();
    expect(optionItem(1)).toHaveTextContent('Optie 1 (deze afspraak) – bevestigd');
  });

  it('says so in Dutch when no sign-up matches', async () => {
    office = installOffice({
      item: attendeeAppointment(
        `OPTIE 2: ${WORKSHOP} – gemeente Haarlem`,
        '2026-12-16T17:30:00.000Z', // an hour earlier than the hold
        '2026-12-16T21:30:00.000Z',
      ),
    });
    renderInAddin(<AppointmentSurface api={apiWith([HAARLEM]).api} me={FATIMA_ME} />);

    expect(
      await screen.findByText(/Bij deze afspraak is geen aanmelding gevonden in Workshopplanner/),
    ).toBeVisible();
  });
});

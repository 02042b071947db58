// The workshop sheet in "Workshopoptie" (issue 14, item 4), with Outlook mocked by
// office-addin-mock: on the confirmed workshop's meeting a trainer sees date, place, the pair,
// contact, scan and themes and the groups as cards (party and coalition/opposition as words), can
// download the .xlsx and is sent to the tab's "Voorbereiding" to change anything; before the griffie
// sent attendees the pane says so; a trainer of another workshop or another RIEC's account holder,
// whom the API refuses, reads a clear Dutch text instead of a blank pane. A hold shows no sheet.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiProblem } from '../../../src/web/common/api/api-errors.js';
import type { TGetMeResponse } from '../../../src/web/common/api/api-types.js';
import type { TWorkshopSheet } from '../../../src/contract/index.js';
import { AppointmentSurface } from '../../../src/web/addin/appointment/appointment-surface.js';
import type { AddinApi } from '../../../src/web/addin/api/addin-api.js';
import { SANNE, SLOTS, signupView } from '../support/fixtures.js';
import {
  ATTENDEES,
  CONFIRMED,
  FATIMA_ME,
  SLOT,
  WITH_GROUPS,
  WORKSHOP,
  sheet,
} from './support/sheet-fixtures.js';
import { attendeeAppointment, installOffice, type InstalledOffice } from './support/office-mock.js';
import { fakeAddinApi, renderInAddin } from './support/render-addin.js';

/** Sanne's colleague of another RIEC: an account holder, not of this municipality. */
const OTHER_HOLDER: TGetMeResponse = {
  ...SANNE,
  userId: '7d2e9f10',
  name: 'Mohamed El Idrissi',
  email: 'mohamed.elidrissi@riec.nl',
  riecs: ['RIEC Amsterdam-Amstelland'],
};

let office: InstalledOffice | undefined;
afterEach(() => {
  office?.uninstall();
  jest.restoreAllMocks();
});

function openMeeting(subject = `${WORKSHOP} – gemeente Haarlem`, slot = SLOT) {
  office = installOffice({ item: attendeeAppointment(subject, slot.start, slot.end) });
}

function apiWith(operations: Partial<AddinApi>): AddinApi {
  return fakeAddinApi({ listSignups: async () => ({ signups: [CONFIRMED] }), ...operations });
}

/** The text of the definition after a term in the sheet's facts. */
function fact(term: string): string | null {
  const dt = screen.getByText(term, { selector: 'dt *' }).closest('dt');
  return dt?.nextElementSibling?.textContent ?? null;
}

describe('the workshop sheet on the confirmed workshop’s meeting', () => {
  it('shows a trainer date, place, pair, contact, scan, themes and the groups as cards', async () => {
    openMeeting();
    const getWorkshopSheet = jest.fn(async (_id: string) => WITH_GROUPS);
    renderInAddin(<AppointmentSurface api={apiWith({ getWorkshopSheet })} me={FATIMA_ME} />, {
      me: FATIMA_ME,
    });

    expect(await screen.findByRole('heading', { name: 'Werkblad van de workshop' })).toBeVisible();
    await screen.findByRole('heading', { name: 'Groep 1' });
    expect(getWorkshopSheet).toHaveBeenCalledWith('12');
    expect(fact('Datum')).toMatch(/15 december 2026/);
    expect(fact('Plaats')).toBe('Gemeentehuis Haarlem');
    expect(fact('Trainers')).toBe('Marieke van Dijk, Fatima Amrani');
    expect(fact('Contactpersoon')).toBe('Kabinet van de burgemeester (burgemeester@haarlem.nl)');
    expect(fact('Weerbaarheidsscan')).toBe('Gedaan (2026-10-01)');
    expect(fact('Thema’s')).toBe('Vastgoed, Integriteit; ook: havens');

    const groups = screen.getByRole('list', { name: 'Groepen' });
    const cards = within(groups).getAllByRole('listitem', { name: /^Groep \d$/ });
    expect(cards).toHaveLength(2);
    const members = (card: HTMLElement) =>
      within(card)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(members(cards[0]!)).toEqual([
      'Wilhelmina Zonnebloem — Partij Zilvermeeuw, coalitie',
      'Cornelia Boterbloem — Lijst Korenwolf, oppositie',
    ]);
    expect(members(cards[1]!)).toEqual([
      'Barend Kwikstaart — Partij Zilvermeeuw, coalitie',
      'Dirkje Sleedoorn — Lijst Korenwolf, oppositie',
    ]);
    expect(cards[0]).toHaveTextContent('1 coalitie, 1 oppositie (ideaal 1.0 coalitie)');
    expect(screen.getByText('Buiten de groepen: Kees Grutto')).toBeVisible();
    expect(
      screen.getByText(/Afwijking van de mix: 0\.0 personen; best mogelijk: 0\.0/),
    ).toBeVisible();

    // Read-only here; the tab's page "Voorbereiding" is where groups change.
    expect(screen.getByText(/^Alleen lezen\. Deelnemers invoeren/)).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Voorbereiding openen in Workshopplanner' }),
    ).toHaveAttribute('href', `${window.location.origin}/#/signups/12/preparation`);
    // No controls that move people in the pane.
    expect(within(groups).queryAllByRole('button')).toEqual([]);
  });

  it('downloads the groups as .xlsx', async () => {
    openMeeting();
    const getGroupsWorkbook = jest.fn(async (_id: string) => ({
      fileName: 'groepen-haarlem.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: btoa('PK'),
    }));
    const createObjectURL = jest.fn((_: Blob) => 'blob:groepen');
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => {} });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderInAddin(
      <AppointmentSurface
        api={apiWith({ getWorkshopSheet: async () => WITH_GROUPS, getGroupsWorkbook })}
        me={FATIMA_ME}
      />,
      { me: FATIMA_ME },
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Groepen downloaden (.xlsx)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(getGroupsWorkbook).toHaveBeenCalledWith('12');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('says the griffie has not sent attendees yet', async () => {
    openMeeting();
    renderInAddin(
      <AppointmentSurface
        api={apiWith({ getWorkshopSheet: async () => sheet() })}
        me={FATIMA_ME}
      />,
      { me: FATIMA_ME },
    );

    expect(
      await screen.findByText('De griffie heeft nog geen deelnemers doorgegeven.'),
    ).toBeVisible();
    expect(fact('Plaats')).toBe('Gemeentehuis Haarlem');
    expect(screen.queryByRole('button', { name: /downloaden/ })).toBeNull();
  });

  it('lists the attendees when there are no groups yet', async () => {
    openMeeting();
    renderInAddin(
      <AppointmentSurface
        api={apiWith({ getWorkshopSheet: async () => sheet({ attendees: ATTENDEES }) })}
        me={FATIMA_ME}
      />,
      { me: FATIMA_ME },
    );

    expect(
      await screen.findByText('Deelnemers doorgegeven: 5. Er zijn nog geen groepen gemaakt.'),
    ).toBeVisible();
    const list = screen.getByRole('list', { name: 'Deelnemers' });
    expect(within(list).getAllByRole('listitem').at(-1)).toHaveTextContent(
      'Kees Grutto — geen fractie, onbekend',
    );
  });

  it.each([
    ['a trainer of another workshop', FATIMA_ME],
    ['another RIEC’s account holder', OTHER_HOLDER],
  ])('tells %s in Dutch that the sheet is not theirs', async (_, me) => {
    openMeeting();
    // The API answers "not found" to anyone who may not prepare this workshop.
    const getWorkshopSheet = jest.fn(async (): Promise<TWorkshopSheet> => {
      throw new ApiProblem({
        status: 404,
        code: 'NOT_FOUND',
        title: 'Niet gevonden',
        detail: 'Deze aanmelding bestaat niet of u mag hem niet zien.',
      });
    });
    renderInAddin(<AppointmentSurface api={apiWith({ getWorkshopSheet })} me={me} />, { me });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'U kunt het werkblad van deze workshop niet zien. Alleen de twee trainers van deze workshop en de accounthouder van het RIEC van de gemeente zien de deelnemers en de groepen.',
    );
    // The rest of the pane stays: which workshop this is.
    expect(screen.getByText('Deze afspraak is de bevestigde workshop.')).toBeVisible();
    expect(screen.queryByText(/Wilhelmina/)).toBeNull();
  });

  it('shows no sheet on a hold', async () => {
    const slot = SLOTS[1]!;
    openMeeting(`OPTIE 2: ${WORKSHOP} – gemeente Haarlem`, slot);
    const getWorkshopSheet = jest.fn(async (_id: string) => WITH_GROUPS);
    const api = fakeAddinApi({
      listSignups: async () => ({ signups: [signupView({ id: '12' })] }),
      getWorkshopSheet,
    });
    renderInAddin(<AppointmentSurface api={api} me={FATIMA_ME} />, { me: FATIMA_ME });

    expect(await screen.findByText('Deze afspraak is optie 2 van 3.')).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Werkblad van de workshop' })).toBeNull();
    expect(getWorkshopSheet).not.toHaveBeenCalled();
  });

  it('speaks English', async () => {
    openMeeting();
    renderInAddin(
      <AppointmentSurface
        api={apiWith({ getWorkshopSheet: async () => WITH_GROUPS })}
        me={FATIMA_ME}
      />,
      { me: FATIMA_ME, language: 'en' },
    );

    expect(await screen.findByRole('heading', { name: 'Group 1' })).toBeVisible();
    expect(screen.getByText('Wilhelmina Zonnebloem — Partij Zilvermeeuw, coalition')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open Preparation in Workshopplanner' })).toBeVisible();
  });
});

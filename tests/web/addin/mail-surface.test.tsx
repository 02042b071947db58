// "Aanmelding verwerken" with Outlook mocked by office-addin-mock: the open sign-up mail (a
// fixture from tests/fixtures/mails) goes to extractSlots, the pane shows what the API found,
// the user corrects it, and one click registers the sign-up and places the holds.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem, ConnectionLost } from '../../../src/web/common/api/api-errors.js';
import type {
  TGetAvailabilityRequest,
  TGetAvailabilityResponse,
  TListMunicipalitiesResponse,
  TRegisterSignupRequest,
  TRegisterSignupResponse,
  TSignupView,
} from '../../../src/web/common/api/api-types.js';
import type {
  TExtractSlotsRequest,
  TExtractSlotsResponse,
} from '../../../src/web/addin/api/addin-api.js';
import { MailSurface } from '../../../src/web/addin/mail/mail-surface.js';
import { FATIMA, MARIEKE, availability, municipality, signupView } from '../support/fixtures.js';
import {
  fixtureExpectation,
  fixtureMail,
  installOffice,
  messageItem,
  type InstalledOffice,
} from './support/office-mock.js';
import { fakeAddinApi, renderInAddin } from './support/render-addin.js';

const ZAANSTAD_MAIL = '02-zaanstad-namens-gemeenteraad';
const HEERHUGOWAARD_MAIL = '13-heerhugowaard-voormalig';
const ZAANSTAD = { cbsCode: 'GM0479', name: 'Zaanstad', domain: 'zaanstad.nl' };
const THOMAS = { ...MARIEKE, id: 'b7', name: 'Thomas Kok', email: 'thomas.kok@berenschot.nl' };

const MUNICIPALITIES: TListMunicipalitiesResponse = {
  campaignId: 'weerbaarheid-demo',
  signupDeadline: '2026-12-26',
  daysToDeadline: 28,
  isSignupOpen: true,
  municipalities: [
    municipality('GM1980', 'Dijk en Waard'),
    municipality('GM0392', 'Haarlem'),
    municipality('GM0479', 'Zaanstad'),
  ],
};

/** The trainers as the fixture has them, for exactly the slots asked. */
async function availabilityFor(
  request: TGetAvailabilityRequest,
): Promise<TGetAvailabilityResponse> {
  const base = availability();
  return {
    ...base,
    slots: request.slots.map((slot, slotIndex) => ({
      slotIndex,
      start: new Date(slot.start).toISOString(),
      end: new Date(slot.end).toISOString(),
      label: '',
    })),
  };
}

function field(slot: number, part: 'Datum' | 'Begintijd' | 'Eindtijd') {
  return screen.getByLabelText(`Voorkeur ${slot}: ${part}`);
}

let office: InstalledOffice | undefined;
afterEach(() => office?.uninstall());

function openMail(name: string) {
  const mail = fixtureMail(name);
  const bodyRequests: string[] = [];
  office = installOffice({ item: messageItem(mail, bodyRequests) }, bodyRequests);
  return mail;
}

function apiFor(name: string, overrides: Parameters<typeof fakeAddinApi>[0] = {}) {
  const extractSlots = jest.fn(async (_request: TExtractSlotsRequest) =>
    fixtureExpectation<TExtractSlotsResponse>(name),
  );
  const getAvailability = jest.fn(availabilityFor);
  const api = fakeAddinApi({
    extractSlots,
    listMunicipalities: async () => MUNICIPALITIES,
    getAvailability,
    ...overrides,
  });
  return { api, extractSlots, getAvailability };
}

describe('the mail surface', () => {
  it('reads the open message with office.js and shows what the API found', async () => {
    const mail = openMail(ZAANSTAD_MAIL);
    const { api, extractSlots, getAvailability } = apiFor(ZAANSTAD_MAIL);
    renderInAddin(<MailSurface api={api} />);

    expect(await screen.findByRole('combobox', { name: /Gemeente/ })).toHaveValue('Zaanstad');
    expect(screen.getByText(/Herkend in de mail: Zaanstad/)).toBeVisible();
    expect(extractSlots).toHaveBeenCalledWith({
      subject: 'workshop raad Zaanstad',
      from: 'Bakker, Sanne <s.bakker@zaanstad.nl>',
      text: mail.text,
      receivedAt: '2022-05-11T14:02:51.000Z',
    });
    // The body as text (Outlook converts an HTML mail itself); the HTML is not needed then.
    expect(office?.bodyRequests).toEqual(['text']);
    // The three slots, in Amsterdam time whatever the computer's zone (jest runs in Kathmandu).
    expect(field(1, 'Datum')).toHaveValue('2022-06-23');
    expect(field(1, 'Begintijd')).toHaveValue('19:30');
    expect(field(2, 'Datum')).toHaveValue('2022-06-27');
    expect(field(2, 'Eindtijd')).toHaveValue('22:30');
    expect(field(3, 'Datum')).toHaveValue('2022-07-05');
    // "maandagavond 27 juni" gave no end time: marked, and only that one.
    const second = screen.getByRole('group', { name: 'Voorkeur 2' });
    expect(second).toHaveTextContent('Eindtijd aangenomen');
    expect(second).toHaveTextContent('Uit de mail: “maandagavond 27 juni”');
    expect(screen.getByRole('group', { name: 'Voorkeur 1' })).not.toHaveTextContent(
      'Eindtijd aangenomen',
    );
    // The invitation goes to the mayor's office; the sender is kept as who signed up (item 7).
    // The tab's contact fields, shared (issue 17, item 3): the same labels, Functie included.
    expect(screen.getByRole('textbox', { name: /Contactpersoon bij het kabinet/ })).toHaveValue(
      'Kabinet van de burgemeester',
    );
    expect(screen.getByRole('textbox', { name: /Functie van de contactpersoon/ })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: /E-mailadres van de contactpersoon/ })).toHaveValue(
      'burgemeester@zaanstad.nl',
    );
    expect(screen.getByRole('textbox', { name: 'Opmerkingen' })).toHaveValue(
      'Aangemeld door Bakker, Sanne <s.bakker@zaanstad.nl>.',
    );
    expect(screen.getByRole('combobox', { name: 'Bestuurlijke weerbaarheidsscan' })).toHaveValue(
      'onbekend',
    );

    // Availability per slot, in words (not colour alone), for exactly these slots.
    const first = await screen.findByRole('list', {
      name: 'Voorkeur 1: donderdag 23 juni 2022, 19.30–22.30 uur',
    });
    expect(
      within(first)
        .getByText(/Fatima Amrani \(RIEC\)/)
        .closest('li'),
    ).toHaveTextContent('bezet');
    expect(
      within(first).getByText('Marieke van Dijk (Berenschot, agenda niet zichtbaar):'),
    ).toBeVisible();
    expect(getAvailability).toHaveBeenCalledWith({
      slots: [
        { start: '2022-06-23T19:30:00+02:00', end: '2022-06-23T22:30:00+02:00' },
        { start: '2022-06-27T19:30:00+02:00', end: '2022-06-27T22:30:00+02:00' },
        { start: '2022-07-05T19:30:00+02:00', end: '2022-07-05T22:30:00+02:00' },
      ],
      cbsCode: 'GM0479',
    });
    expect(
      screen.getByRole('radio', { name: '1. Marieke van Dijk en Fatima Amrani' }),
    ).toBeChecked();
  });

  it('asks the municipality’s questions and lets the user pick the municipality', async () => {
    openMail(HEERHUGOWAARD_MAIL);
    const { api, getAvailability } = apiFor(HEERHUGOWAARD_MAIL);
    renderInAddin(<MailSurface api={api} />);

    const picker = await screen.findByRole('combobox', { name: /Gemeente/ });
    expect(picker).toHaveValue('');
    expect(screen.getByText(/De gemeente is niet herkend in de mail/)).toBeVisible();
    expect(screen.getByText('Vragen aan de gemeente')).toBeVisible();
    expect(screen.getByText(/Gaat het om de gemeente Dijk en Waard\?/)).toBeVisible();
    // Without a municipality nothing can be registered.
    expect(screen.getByRole('button', { name: 'Aanmelden en opties plaatsen' })).toBeDisabled();

    const user = userEvent.setup();
    await user.type(picker, 'dijk');
    await user.click(screen.getByRole('option', { name: 'Dijk en Waard' }));
    await waitFor(() =>
      expect(getAvailability).toHaveBeenLastCalledWith(
        expect.objectContaining({ cbsCode: 'GM1980' }),
      ),
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Aanmelden en opties plaatsen' })).toBeEnabled(),
    );
  });

  it('registers the corrected sign-up and places the holds with the chosen pair', async () => {
    openMail(ZAANSTAD_MAIL);
    let finishRegister: (response: TRegisterSignupResponse) => void = () => undefined;
    let finishPropose: (view: TSignupView) => void = () => undefined;
    const registerSignup = jest.fn(
      (_request: TRegisterSignupRequest) =>
        new Promise<TRegisterSignupResponse>((resolve) => (finishRegister = resolve)),
    );
    const proposeHolds = jest.fn(
      (_id: string, _pair: { berenschot: string; riec: string }) =>
        new Promise<TSignupView>((resolve) => (finishPropose = resolve)),
    );
    const { api, getAvailability } = apiFor(ZAANSTAD_MAIL, { registerSignup, proposeHolds });
    const base = availability();
    getAvailability.mockImplementation(async (request) => ({
      ...(await availabilityFor(request)),
      pairs: [base.pairs[0]!, { ...base.pairs[1]!, berenschot: THOMAS }],
    }));
    renderInAddin(<MailSurface api={api} />);
    const user = userEvent.setup();

    // The user checks the end time the mail left open: no longer "assumed".
    await screen.findByRole('combobox', { name: /Gemeente/ });
    fireEvent.change(field(2, 'Eindtijd'), { target: { value: '22:00' } });
    expect(screen.getByRole('group', { name: 'Voorkeur 2' })).not.toHaveTextContent(
      'Eindtijd aangenomen',
    );
    await waitFor(() =>
      expect(getAvailability).toHaveBeenLastCalledWith(
        expect.objectContaining({
          slots: expect.arrayContaining([
            { start: '2022-06-27T19:30:00+02:00', end: '2022-06-27T22:00:00+02:00' },
          ]),
        }),
      ),
    );
    await user.click(await screen.findByRole('radio', { name: '2. Thomas Kok en Fatima Amrani' }));
    await user.click(screen.getByRole('button', { name: 'Aanmelden en opties plaatsen' }));

    // Long operations say where they are.
    expect(await screen.findByText('Stap 1 van 2: De aanmelding wordt vastgelegd…')).toBeVisible();
    expect(registerSignup).toHaveBeenCalledWith({
      cbsCode: 'GM0479',
      contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@zaanstad.nl' },
      preferences: [
        { start: '2022-06-23T19:30:00+02:00', end: '2022-06-23T22:30:00+02:00' },
        { start: '2022-06-27T19:30:00+02:00', end: '2022-06-27T22:00:00+02:00' },
        { start: '2022-07-05T19:30:00+02:00', end: '2022-07-05T22:30:00+02:00' },
      ],
      scanStatus: 'onbekend',
      remarks: 'Aangemeld door Bakker, Sanne <s.bakker@zaanstad.nl>.',
    });
    finishRegister({
      signup: signupView({
        id: '12',
        municipality: ZAANSTAD,
        status: 'aangemeld',
        pair: null,
        options: [],
      }),
      warnings: [
        { field: 'preferences.2', code: 'SUMMER_RECESS', message: 'Voorkeur 3 valt in het reces.' },
      ],
    });
    expect(
      await screen.findByText('Stap 2 van 2: De opties worden bij de trainers geplaatst…'),
    ).toBeVisible();
    expect(proposeHolds).toHaveBeenCalledWith('12', {
      berenschot: 'thomas.kok@berenschot.nl',
      riec: 'fatima.amrani@riec.nl',
    });
    finishPropose(
      signupView({ id: '12', municipality: ZAANSTAD, pair: { berenschot: THOMAS, riec: FATIMA } }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Opties geplaatst voor Zaanstad' }),
    ).toBeVisible();
    expect(screen.getByText(/Thomas Kok en Fatima Amrani hebben de opties/)).toBeVisible();
    expect(screen.getByText('opties geplaatst')).toBeVisible();
    expect(screen.getByText('Voorkeur 3 valt in het reces.')).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Aanmelding openen in Workshopplanner' }),
    ).toHaveAttribute('href', `${window.location.origin}/#/signups/12/options`);
  });

  it('shows the API’s validation errors at the fields they concern', async () => {
    openMail(ZAANSTAD_MAIL);
    const registerSignup = jest.fn(async (_request: TRegisterSignupRequest) => {
      throw new ApiProblem({
        status: 422,
        code: 'DOMAIN_RULE_VIOLATED',
        title: 'Aanmelding voldoet niet aan de regels',
        detail: 'Bekijk de meldingen per veld.',
        errors: [
          {
            field: 'preferences.1.end',
            code: 'SLOT_TOO_LONG',
            message: 'Voorkeur 2 duurt langer dan vier uur.',
          },
          {
            field: 'contact.email',
            code: 'CONTACT_EMAIL_INVALID',
            message: 'Geef een geldig e-mailadres.',
          },
        ],
      });
    });
    const proposeHolds = jest.fn(async () => signupView());
    const { api } = apiFor(ZAANSTAD_MAIL, { registerSignup, proposeHolds });
    renderInAddin(<MailSurface api={api} />);
    const user = userEvent.setup();
    const submit = await screen.findByRole('button', { name: 'Aanmelden en opties plaatsen' });
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    const email = screen.getByRole('textbox', { name: /E-mailadres van de contactpersoon/ });
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Geef een geldig e-mailadres.');
    // The message first, then the field's own hint (the end time was assumed).
    expect(field(2, 'Eindtijd')).toHaveAccessibleDescription(
      /^Voorkeur 2 duurt langer dan vier uur\./,
    );
    expect(field(2, 'Begintijd')).not.toHaveAttribute('aria-invalid', 'true');
    expect(
      screen
        .getAllByRole('alert')
        .some((alert) => alert.textContent?.includes('Aanmelding voldoet niet aan de regels')),
    ).toBe(true);
    expect(proposeHolds).not.toHaveBeenCalled();
  });

  it('checks the request with the contract’s schema first: the message at the field, nothing sent (issue 17, item 3)', async () => {
    openMail(ZAANSTAD_MAIL);
    const registerSignup = jest.fn(async (_request: TRegisterSignupRequest) => ({
      signup: signupView(),
      warnings: [],
    }));
    const { api } = apiFor(ZAANSTAD_MAIL, { registerSignup });
    renderInAddin(<MailSurface api={api} />);
    const user = userEvent.setup();
    const submit = await screen.findByRole('button', { name: 'Aanmelden en opties plaatsen' });
    await waitFor(() => expect(submit).toBeEnabled());
    const role = screen.getByRole('textbox', { name: /Functie van de contactpersoon/ });
    fireEvent.change(role, { target: { value: 'k'.repeat(201) } });
    await user.click(submit);
    await waitFor(() => expect(role).toHaveAttribute('aria-invalid', 'true'));
    expect(role).toHaveAccessibleDescription(
      /Deze tekst is te lang\. Gebruik hoogstens 200 tekens\./,
    );
    expect(registerSignup).not.toHaveBeenCalled();
  });

  it('after a lost answer, tries again without registering the sign-up twice', async () => {
    openMail(ZAANSTAD_MAIL);
    const registered = {
      signup: signupView({ id: '12', municipality: ZAANSTAD, status: 'aangemeld', pair: null }),
      warnings: [],
    };
    const registerSignup = jest.fn(async (_request: TRegisterSignupRequest) => registered);
    const getSignup = jest.fn(async (_id: string) => registered.signup);
    let proposals = 0;
    const proposeHolds = jest.fn(
      async (_id: string, _pair: { berenschot: string; riec: string }) => {
        proposals++;
        if (proposals === 1) throw new ConnectionLost(new TypeError('Failed to fetch'));
        return signupView({ id: '12', municipality: ZAANSTAD });
      },
    );
    const { api } = apiFor(ZAANSTAD_MAIL, { registerSignup, getSignup, proposeHolds });
    renderInAddin(<MailSurface api={api} />);
    const user = userEvent.setup();
    const submit = await screen.findByRole('button', { name: 'Aanmelden en opties plaatsen' });
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    expect(await screen.findByText(/De aanmelding van Zaanstad is vastgelegd/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(
      await screen.findByRole('heading', { name: 'Opties geplaatst voor Zaanstad' }),
    ).toBeVisible();
    expect(registerSignup).toHaveBeenCalledTimes(1);
    expect(getSignup).toHaveBeenCalledWith('12');
    expect(proposeHolds).toHaveBeenCalledTimes(2);
  });

  it('says so when Outlook cannot give the mail', async () => {
    office = installOffice({
      item: {
        itemType: 'message',
        subject: 'x',
        dateTimeCreated: new Date('2022-05-11T14:00:00Z'),
        body: {
          getAsync: (_coercion: string, callback: (r: unknown) => void) =>
            callback({ status: 'failed', error: { code: 9020, message: 'Generic' } }),
        },
      },
    });
    const { api, extractSlots } = apiFor(ZAANSTAD_MAIL);
    renderInAddin(<MailSurface api={api} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('De mail kon niet worden gelezen.');
    expect(extractSlots).not.toHaveBeenCalled();
  });

  it('does not break while a year is typed over, and keeps the corrections when opened again', async () => {
    openMail(ZAANSTAD_MAIL);
    const { api } = apiFor(ZAANSTAD_MAIL);
    const first = renderInAddin(<MailSurface api={api} />);
    await screen.findByRole('combobox', { name: /Gemeente/ });
    // Typing 2027 over the year: the date field reads 0002, 0020, 0202 on the way (issue 18).
    for (const date of ['0002-06-23', '0020-06-23', '0202-06-23', '2027-06-23']) {
      fireEvent.change(field(1, 'Datum'), { target: { value: date } });
      expect(field(1, 'Datum')).toHaveValue(date);
    }
    first.unmount();

    renderInAddin(<MailSurface api={api} />);
    await screen.findByRole('combobox', { name: /Gemeente/ });
    expect(field(1, 'Datum')).toHaveValue('2027-06-23');
    expect(field(2, 'Datum')).toHaveValue('2022-06-27');
  });

  it('asks the trainers’ availability once for a year typed key by key, never for year 0202', async () => {
    openMail(ZAANSTAD_MAIL);
    const { api, getAvailability } = apiFor(ZAANSTAD_MAIL);
    renderInAddin(<MailSurface api={api} />);
    await screen.findByRole('combobox', { name: /Gemeente/ });
    await waitFor(() => expect(getAvailability).toHaveBeenCalledTimes(1));
    // Typed quickly: the debounce asks once, for the date as it ends (issue 18, item 13).
    for (const date of ['0002-06-23', '0020-06-23', '0202-06-23', '2027-06-23']) {
      fireEvent.change(field(1, 'Datum'), { target: { value: date } });
    }
    await waitFor(() => expect(getAvailability).toHaveBeenCalledTimes(2));
    expect(getAvailability.mock.calls[1]![0].slots[0]!.start).toBe('2027-06-23T19:30:00+02:00');
    // Typed slowly: a year before 2000 is not a date to ask about (it would be refused).
    fireEvent.change(field(1, 'Datum'), { target: { value: '0202-06-23' } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(getAvailability).toHaveBeenCalledTimes(2);
    fireEvent.change(field(1, 'Datum'), { target: { value: '2027-06-24' } });
    await waitFor(() => expect(getAvailability).toHaveBeenCalledTimes(3));
  });
});

// The page Herinneringen (issue 13, item 3) with a fake API: the municipalities that have not
// signed up with the last reminder and the due ones, the selection ("alle die aan de beurt
// zijn"), the preview of the edited text, sending after a confirmation with the outcome per
// municipality, and what was typed kept on a failure (a 422 at its row, a 503 in the dialog),
// a bad address refused at its field before anything goes to the API.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem } from '../../src/web/common/api/api-errors.js';
import type {
  TCampaignEdition,
  TListRemindersResponse,
  TReminderRow,
} from '../../src/web/common/api/api-types.js';
import type { WorkshopApi } from '../../src/web/common/api/workshop-api.js';
import RemindersPage from '../../src/web/tab/pages/reminders/reminders-page.js';
import { placeMessages } from '../../src/web/tab/pages/reminders/reminders-model.js';
import { parseRoute, routeHref } from '../../src/web/tab/routing/routes.js';
import { fakeApi, renderInTab } from './support/render.js';

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

function row(cbsCode: string, municipality: string, extra: Partial<TReminderRow> = {}) {
  return {
    cbsCode,
    municipality,
    riec: 'RIEC Noord-Holland',
    signedUp: false,
    defaultAddress: `griffie@${municipality.toLowerCase()}.nl`,
    sentCount: 0,
    lastSentAt: null,
    lastSentTo: null,
    dueSince: null,
    isPending: false,
    ...extra,
  } satisfies TReminderRow;
}

const LIST: TListRemindersResponse = {
  campaignId: 'weerbaarheid-demo',
  signupDeadline: '2026-12-29',
  reminderDays: [14, 3],
  template: 'Geachte griffier, {gemeente} kan zich aanmelden tot {deadline}.',
  municipalities: [
    row('GM0361', 'Alkmaar', {
      sentCount: 1,
      lastSentAt: '2026-11-20T08:00:00Z',
      lastSentTo: 'kabinet@alkmaar.nl',
      dueSince: '2026-11-26',
    }),
    row('GM0373', 'Bergen', { dueSince: '2026-11-26' }),
    row('GM0375', 'Beverwijk'),
    row('GM0392', 'Haarlem', { signedUp: true }),
  ],
};

const campaigns = () => Promise.resolve({ campaigns: [EDITION] });

function renderPage(operations: Partial<WorkshopApi>, me?: Parameters<typeof renderInTab>[1]) {
  return renderInTab(<RemindersPage />, {
    ...me,
    services: {
      ...me?.services,
      api: fakeApi({
        listCampaigns: campaigns,
        listReminders: () => Promise.resolve(LIST),
        ...operations,
      }),
    },
  });
}

const box = (name: string) => screen.getByRole('checkbox', { name: `${name} kiezen` });
const address = (name: string) => screen.getByRole('textbox', { name: `Adres van ${name}` });
const template = () => screen.getByRole('textbox', { name: /Tekst van de herinnering/ });

afterEach(() => {
  window.location.hash = '';
});

describe('the route', () => {
  it('is #/herinneringen', () => {
    expect(parseRoute('#/herinneringen?editie=weerbaarheid-2022')).toEqual({ page: 'reminders' });
    expect(routeHref({ page: 'reminders' })).toBe('#/herinneringen');
  });

  it('places the API’s field messages at the row of the recipient they name', () => {
    const request = {
      template: 'x',
      recipients: [
        { cbsCode: 'GM0361', address: 'a@b.nl' },
        { cbsCode: 'GM0373', address: 'nee' },
      ],
    };
    expect(
      placeMessages(
        [
          { field: 'recipients.1.address', code: 'X', message: 'Geen adres.' },
          { field: 'template', code: 'Y', message: 'Leeg.' },
          { field: 'recipients', code: 'Z', message: 'Kies er een.' },
        ],
        request,
      ),
    ).toEqual({ byRow: { GM0373: 'Geen adres.' }, template: 'Leeg.', other: ['Kies er een.'] });
  });
});

describe('the page Herinneringen', () => {
  it('lists who has not signed up, when the last reminder went and to whom, and which are due', async () => {
    const listReminders = jest.fn<WorkshopApi['listReminders']>(() => Promise.resolve(LIST));
    renderPage({ listReminders });
    const table = await screen.findByRole('table', {
      name: '3 gemeenten hebben zich nog niet aangemeld',
    });
    expect(listReminders).toHaveBeenCalledWith('weerbaarheid-demo');
    expect(table).not.toHaveTextContent('Haarlem');
    const alkmaar = within(table).getByRole('row', { name: /Alkmaar/ });
    expect(alkmaar).toHaveTextContent('20 nov 2026, 09.00 uur aan kabinet@alkmaar.nl');
    expect(alkmaar).toHaveTextContent('donderdag 26 november 2026');
    expect(within(table).getByRole('row', { name: /Beverwijk/ })).toHaveTextContent(
      'nog nooit0niet aan de beurt',
    );
    expect(address('Bergen')).toHaveValue('griffie@bergen.nl');
    expect(template()).toHaveValue(LIST.template);
  });

  it('says so when every municipality has signed up', async () => {
    renderPage({
      listReminders: () =>
        Promise.resolve({
          ...LIST,
          municipalities: [row('GM0392', 'Haarlem', { signedUp: true })],
        }),
    });
    await screen.findByText('Alle gemeenten hebben zich aangemeld.');
    expect(screen.queryByRole('button', { name: 'Versturen' })).not.toBeInTheDocument();
  });

  it('selects the due ones, previews the edited text, and sends after a confirmation', async () => {
    const previewReminders = jest.fn<WorkshopApi['previewReminders']>((_, request) =>
      Promise.resolve({
        previews: request.recipients.map((r) => ({
          cbsCode: r.cbsCode,
          municipality: r.cbsCode === 'GM0361' ? 'Alkmaar' : 'Bergen',
          address: r.address,
          subject: 'Herinnering: meld u aan',
          text: `${request.template} (ingevuld)`,
        })),
      }),
    );
    const sendReminders = jest.fn<WorkshopApi['sendReminders']>((_, request) =>
      Promise.resolve({
        results: request.recipients.map((r, i) => ({
          cbsCode: r.cbsCode,
          municipality: r.cbsCode === 'GM0361' ? 'Alkmaar' : 'Bergen',
          address: r.address,
          result: i === 0 ? ('sent' as const) : ('alreadySent' as const),
          sentAt: i === 0 ? '2026-11-28T12:00:00Z' : null,
        })),
      }),
    );
    const listReminders = jest.fn<WorkshopApi['listReminders']>(() => Promise.resolve(LIST));
    renderPage({ previewReminders, sendReminders, listReminders });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Selecteer alle gemeenten die aan de beurt zijn (2)',
      }),
    );
    expect(box('Alkmaar')).toBeChecked();
    expect(box('Bergen')).toBeChecked();
    expect(box('Beverwijk')).not.toBeChecked();
    await userEvent.clear(address('Alkmaar'));
    await userEvent.type(address('Alkmaar'), 'kabinet@alkmaar.nl');
    await userEvent.clear(template());
    await userEvent.type(template(), 'Beste griffie, meld u aan.');
    await userEvent.click(screen.getByRole('button', { name: 'Voorbeeld' }));
    const preview = await screen.findByRole('region', {
      name: 'Voorbeeld voor Alkmaar (kabinet@alkmaar.nl)',
    });
    expect(preview).toHaveTextContent('Beste griffie, meld u aan. (ingevuld)');
    expect(preview).toHaveTextContent('ook naar Bergen (griffie@bergen.nl)');
    const request = {
      template: 'Beste griffie, meld u aan.',
      recipients: [
        { cbsCode: 'GM0361', address: 'kabinet@alkmaar.nl' },
        { cbsCode: 'GM0373', address: 'griffie@bergen.nl' },
      ],
    };
    expect(previewReminders).toHaveBeenCalledWith('weerbaarheid-demo', request);

    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Herinnering versturen aan 2 gemeenten?',
    });
    expect(sendReminders).not.toHaveBeenCalled();
    expect(dialog).toHaveTextContent('Alkmaar, Bergen');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Nu versturen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const outcome = await screen.findByRole('table', { name: 'Uitkomst' });
    expect(sendReminders).toHaveBeenCalledWith('weerbaarheid-demo', request);
    expect(within(outcome).getByRole('row', { name: /Alkmaar/ })).toHaveTextContent('Verstuurd');
    expect(within(outcome).getByRole('row', { name: /Bergen/ })).toHaveTextContent(
      'Vandaag al verstuurd',
    );
    expect(screen.getByRole('status')).toHaveTextContent('1 herinnering verstuurd.');
    // The list is loaded again; the text typed stays.
    await waitFor(() => expect(listReminders).toHaveBeenCalledTimes(2));
    expect(template()).toHaveValue('Beste griffie, meld u aan.');
  });

  it('refuses a bad address at its field before asking the API', async () => {
    const previewReminders = jest.fn<WorkshopApi['previewReminders']>();
    renderPage({ previewReminders });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Beverwijk kiezen' }));
    await userEvent.clear(address('Beverwijk'));
    await userEvent.type(address('Beverwijk'), 'griffie at beverwijk');
    await userEvent.click(screen.getByRole('button', { name: 'Voorbeeld' }));
    expect(address('Beverwijk')).toHaveAccessibleDescription(/Dit is geen e-mailadres/);
    expect(address('Beverwijk')).toHaveAttribute('aria-invalid', 'true');
    expect(previewReminders).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks for a selection and a text before anything goes', async () => {
    renderPage({});
    await userEvent.click(await screen.findByRole('button', { name: 'Voorbeeld' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Kies minstens één gemeente');
    await userEvent.click(box('Bergen'));
    await userEvent.clear(template());
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(template()).toHaveAccessibleDescription(/Vul de tekst van de herinnering in/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the text, addresses and selection on a 422 (the message at its row) and on a 503 (in the dialog, try again)', async () => {
    let calls = 0;
    const sendReminders = jest.fn<WorkshopApi['sendReminders']>(() => {
      calls += 1;
      if (calls === 1) {
        return Promise.reject(
          new ApiProblem({
            title: 'Niet verstuurd',
            status: 422,
            detail: 'Kijk de invoer na.',
            code: 'DOMAIN_RULE_VIOLATED',
            errors: [
              {
                field: 'recipients.0.cbsCode',
                code: 'REMINDER_ALREADY_SIGNED_UP',
                message: 'Bergen heeft zich al aangemeld; een herinnering is niet nodig.',
              },
            ],
          }),
        );
      }
      if (calls === 2) {
        return Promise.reject(
          new ApiProblem(
            {
              title: 'Microsoft 365 is even niet bereikbaar',
              status: 503,
              detail: 'Probeer het zo opnieuw.',
              code: 'GRAPH_UNAVAILABLE',
            },
            5,
          ),
        );
      }
      return Promise.resolve({
        results: [
          {
            cbsCode: 'GM0373',
            municipality: 'Bergen',
            address: 'kabinet@bergen.nl',
            result: 'sent',
            sentAt: '2026-11-28T12:00:00Z',
          },
        ],
      });
    });
    renderPage({ sendReminders });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Bergen kiezen' }));
    fireEvent.change(address('Bergen'), { target: { value: 'kabinet@bergen.nl' } });
    fireEvent.change(template(), { target: { value: 'Mijn eigen tekst voor {gemeente}.' } });

    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Nu versturen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(address('Bergen')).toHaveAccessibleDescription(/Bergen heeft zich al aangemeld/);
    expect(
      screen.getByText('Er is niets verstuurd. Kijk de velden met een melding na.'),
    ).toBeVisible();
    expect(template()).toHaveValue('Mijn eigen tekst voor {gemeente}.');
    expect(address('Bergen')).toHaveValue('kabinet@bergen.nl');
    expect(box('Bergen')).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Nu versturen' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Microsoft 365 is even niet bereikbaar');
    // Behind the open (modal) dialog the form is hidden from the accessibility tree, not gone.
    expect(
      screen.getByRole('textbox', { name: /Tekst van de herinnering/, hidden: true }),
    ).toHaveValue('Mijn eigen tekst voor {gemeente}.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await screen.findByRole('table', { name: 'Uitkomst' });
    expect(sendReminders).toHaveBeenCalledTimes(3);
    expect(sendReminders.mock.calls[2]?.[1]).toEqual({
      template: 'Mijn eigen tekst voor {gemeente}.',
      recipients: [{ cbsCode: 'GM0373', address: 'kabinet@bergen.nl' }],
    });
  });

  it('shows the coordinator every row read-only, and speaks English', async () => {
    renderPage(
      {},
      {
        language: 'en',
        services: {
          me: {
            userId: 'c',
            name: 'Pieter Bakker',
            email: 'pieter.bakker@provincie.nl',
            roles: ['coordinator'],
            riecs: [],
            canReadAll: true,
            permissions: [
              'me:read',
              'campaign:read',
              'campaign:write',
              'signups:read',
              'province:read',
            ],
          },
        },
      },
    );
    await screen.findByRole('table', { name: '3 municipalities have not signed up yet' });
    expect(
      screen.getByRole('heading', { name: 'Reminders: Weerbaarheid demo' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).not.toBeInTheDocument();
    expect(screen.getByText(/Only the RIEC’s account holder sends reminders/)).toBeInTheDocument();
  });
});

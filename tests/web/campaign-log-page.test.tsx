// The page "Logboek" (issue 18, items 9 and 12) with a fake API: the campaign's lines newest
// first as the API gives them, an answer worded from its code in Dutch and in English (with the
// trainer's comment and "19.30 uur" times), the municipality filter and the pages in the URL,
// and an API error as a message with a retry.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem } from '../../src/web/common/api/api-errors.js';
import type {
  TCampaignLogEntryView,
  TListLogResponse,
  TListMunicipalitiesResponse,
} from '../../src/web/common/api/api-types.js';
import type { WorkshopApi } from '../../src/web/common/api/workshop-api.js';
import CampaignLogPage from '../../src/web/tab/pages/log/campaign-log-page.js';
import { initialHash, parseRoute } from '../../src/web/tab/routing/routes.js';
import { fakeApi, renderInTab } from './support/render.js';

const DECLINE: TCampaignLogEntryView = {
  at: '2026-11-27T18:06:00Z',
  signupId: '7',
  cbsCode: 'GM0400',
  municipality: 'Den Helder',
  action: 'recordAnswers',
  from: 'opties_geplaatst',
  to: 'opties_geplaatst',
  by: 'Fatima Amrani',
  detail: 'Fatima Amrani (RIEC) heeft optie 2 (…) afgewezen.',
  event: {
    code: 'trainerAnswered',
    params: {
      role: 'riec',
      trainer: 'Fatima Amrani',
      trainerEmail: 'fatima.amrani@riec.nl',
      option: '2',
      start: '2026-12-15T18:30:00Z',
      end: '2026-12-15T21:30:00Z',
      answer: 'declined',
      comment: 'Commissievergadering Den Helder die avond',
    },
  },
};

const MAYOR: TCampaignLogEntryView = {
  ...DECLINE,
  at: '2026-11-27T19:00:00Z',
  signupId: '8',
  cbsCode: 'GM0392',
  municipality: 'Haarlem',
  from: 'bevestigd',
  to: 'bevestigd',
  by: 'J. de Boer',
  event: {
    code: 'municipalityAnswered',
    params: {
      contact: 'J. de Boer',
      start: '2026-12-16T18:30:00Z',
      end: '2026-12-16T21:30:00Z',
      answer: 'declined',
    },
  },
};

const REGISTERED: TCampaignLogEntryView = {
  at: '2026-11-20T08:00:00Z',
  signupId: '7',
  cbsCode: 'GM0400',
  municipality: 'Den Helder',
  action: 'register',
  from: null,
  to: 'aangemeld',
  by: 'sanne.devries@riec.nl',
  detail: 'Aanmelding van gemeente Den Helder: voorkeur 1 …',
  event: null,
};

function page(entries: TCampaignLogEntryView[], total = entries.length, at = 1): TListLogResponse {
  return { entries, page: at, pageSize: 50, total };
}

const MUNICIPALITIES = {
  municipalities: [
    { cbsCode: 'GM0400', displayName: 'Den Helder', signup: { id: '7' } },
    { cbsCode: 'GM0392', displayName: 'Haarlem', signup: { id: '8' } },
    { cbsCode: 'GM0373', displayName: 'Bergen (NH.)', signup: null },
  ],
} as unknown as TListMunicipalitiesResponse;

afterEach(() => {
  window.location.hash = '';
});

describe('the page Logboek', () => {
  it('shows the campaign’s lines as the API orders them, answers worded in Dutch', async () => {
    const listLog = jest.fn<WorkshopApi['listLog']>(() =>
      Promise.resolve(page([MAYOR, DECLINE, REGISTERED])),
    );
    renderInTab(<CampaignLogPage />, {
      services: {
        api: fakeApi({ listLog, listMunicipalities: () => Promise.resolve(MUNICIPALITIES) }),
      },
    });
    const list = await screen.findByRole('list', { name: /nieuwste eerst/ });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(
      'De gemeente (J. de Boer) heeft de uitnodiging voor de workshop van woensdag 16 december 2026, 19.30–22.30 uur afgewezen. Het kabinet kan niet op de bevestigde datum.',
    );
    expect(items[1]).toHaveTextContent(
      'Fatima Amrani (RIEC) heeft optie 2 (dinsdag 15 december 2026, 19.30–22.30 uur) afgewezen. Opmerking: “Commissievergadering Den Helder die avond”',
    );
    expect(items[1]).toHaveTextContent('27 nov 2026, 19.06 uur');
    // A line from before the codes keeps its Dutch detail.
    expect(items[2]).toHaveTextContent('Aanmelding van gemeente Den Helder');
    expect(within(items[1]!).getByRole('link', { name: /Den Helder/ })).toHaveAttribute(
      'href',
      '#/signups/7/log',
    );
    expect(listLog).toHaveBeenCalledWith({ page: 1 });
    expect(screen.getByText('Pagina 1 van 1 (3 stappen)')).toBeInTheDocument();
  });

  it('words the answers in English when the web is in English', async () => {
    renderInTab(<CampaignLogPage />, {
      language: 'en',
      services: {
        api: fakeApi({
          listLog: () => Promise.resolve(page([DECLINE])),
          listMunicipalities: () => Promise.resolve(MUNICIPALITIES),
        }),
      },
    });
    const list = await screen.findByRole('list', { name: /newest first/ });
    expect(list).toHaveTextContent(
      'Fatima Amrani (RIEC) declined option 2 (Tuesday 15 December 2026, 19:30–22:30). Comment: “Commissievergadering Den Helder die avond”',
    );
    expect(list).not.toHaveTextContent('afgewezen');
  });

  it('filters by municipality and pages through the URL', async () => {
    const listLog = jest.fn<WorkshopApi['listLog']>(() => Promise.resolve(page([DECLINE], 120, 2)));
    renderInTab(<CampaignLogPage cbsCode="GM0400" pageNumber={2} />, {
      services: {
        api: fakeApi({ listLog, listMunicipalities: () => Promise.resolve(MUNICIPALITIES) }),
      },
    });
    await screen.findByText('Pagina 2 van 3 (120 stappen)');
    expect(listLog).toHaveBeenCalledWith({ cbsCode: 'GM0400', page: 2 });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    expect(parseRoute(window.location.hash)).toEqual({
      page: 'logbook',
      cbsCode: 'GM0400',
      pageNumber: 3,
    });
    const filter = screen.getByRole('combobox', { name: 'Gemeente' });
    // Only municipalities with a sign-up have lines.
    expect(within(filter).queryByRole('option', { name: 'Bergen (NH.)' })).toBeNull();
    await user.selectOptions(filter, 'Haarlem');
    expect(parseRoute(window.location.hash)).toEqual({ page: 'logbook', cbsCode: 'GM0392' });
  });

  it('shows an API error with a retry and keeps the page', async () => {
    let calls = 0;
    const listLog = () => {
      calls++;
      // A 503 is transient: the cache asks twice more by itself before the page shows it.
      return calls <= 3
        ? Promise.reject(
            new ApiProblem({
              status: 503,
              code: 'GRAPH_UNAVAILABLE',
              title: 'Microsoft 365 niet bereikbaar',
              detail: 'Microsoft 365 is even niet bereikbaar. Probeer het zo opnieuw.',
            }),
          )
        : Promise.resolve(page([REGISTERED]));
    };
    renderInTab(<CampaignLogPage />, {
      services: {
        api: fakeApi({ listLog, listMunicipalities: () => Promise.resolve(MUNICIPALITIES) }),
      },
    });
    const retry = await screen.findByRole('button', { name: /opnieuw/i });
    expect(calls).toBe(3);
    await userEvent.setup().click(retry);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  });

  it('opens as the Teams tab "Logboek" (?view=logboek) and leaves the user’s own page alone', () => {
    expect(initialHash('', '?host=teams&view=logboek')).toBe('#/logboek');
    expect(initialHash('#/', '?host=teams&view=logboek')).toBe('#/');
    expect(initialHash('', '?host=teams')).toBe('');
    expect(parseRoute('#/logboek?gemeente=GM0400&pagina=2')).toEqual({
      page: 'logbook',
      cbsCode: 'GM0400',
      pageNumber: 2,
    });
    expect(parseRoute('#/logboek?gemeente=x&pagina=-1')).toEqual({ page: 'logbook' });
  });
});

// The overview a page at a time (issue 16, item 4), with a fake API: the sign-ups of the edition
// come from listSignupSummaries 50 at a time, the next page only when the user asks (by mouse or
// keyboard), with the count "50 van 120 aanmeldingen geladen" in a live region; the
// municipalities without a sign-up (from listMunicipalities) show from the start; the last page
// removes the button and moves focus to the count.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type {
  TListMunicipalitiesResponse,
  TListSignupSummariesResponse,
  TSignupRow,
} from '../../src/web/common/api/api-types.js';
import type { WorkshopApi } from '../../src/web/common/api/workshop-api.js';
import OverviewPage from '../../src/web/tab/pages/overview/overview-page.js';
import { joinPages } from '../../src/web/tab/pages/overview/overview-model.js';
import { municipality } from './support/fixtures.js';
import { fakeApi, renderInTab } from './support/render.js';

const CAMPAIGN = 'weerbaarheid-2026';
const SIGNED_UP = 120;
const names = Array.from({ length: SIGNED_UP }, (_, i) => `Gemeente ${String(i).padStart(3, '0')}`);

function row(index: number): TSignupRow {
  return {
    id: String(index + 1),
    campaignId: CAMPAIGN,
    municipality: { cbsCode: `GM${String(index).padStart(4, '0')}`, name: names[index]! },
    riec: 'RIEC Noord-Holland',
    status: 'aangemeld',
    registeredAt: '2026-11-01T10:00:00.000Z',
    accountHolder: 'Sanne de Vries',
    pair: null,
    lapsesAt: null,
    confirmedSlot: null,
    pendingOperation: false,
    answers: { accepted: 0, tentativelyAccepted: 0, declined: 0, pending: 0 },
    needsAction: 'options_needed',
  };
}

const MUNICIPALITIES: TListMunicipalitiesResponse = {
  campaignId: CAMPAIGN,
  signupDeadline: '2026-12-31',
  daysToDeadline: 33,
  isSignupOpen: true,
  municipalities: [
    ...names.map((name, i) => {
      const signed = row(i);
      return municipality(signed.municipality.cbsCode, name, {
        id: signed.id,
        status: signed.status,
        confirmedSlot: null,
        lapsesAt: null,
        answers: signed.answers,
        needsAction: signed.needsAction,
        pendingOperation: false,
      });
    }),
    municipality('GM9998', 'Zonder Aanmelding'),
  ],
};

/** Pages of 50 in id order; the cursor is the index to continue at. */
function pagedApi() {
  const listSignupSummaries = jest.fn<WorkshopApi['listSignupSummaries']>(async (query) => {
    const from = query.cursor ? Number(query.cursor) : 0;
    const size = query.limit ?? 50;
    const to = Math.min(SIGNED_UP, from + size);
    const page: TListSignupSummariesResponse = {
      signups: Array.from({ length: to - from }, (_, i) => row(from + i)),
      nextCursor: to < SIGNED_UP ? String(to) : null,
    };
    return page;
  });
  const api = fakeApi({
    listMunicipalities: () => Promise.resolve(MUNICIPALITIES),
    listSignupSummaries,
  });
  return { api, listSignupSummaries };
}

// Plain DOM queries for the big table: role queries over 121 rows are slow in jsdom.
function bodyRows(): HTMLElement[] {
  const table = document.querySelector('table[aria-labelledby="overview-all"]');
  return [...(table?.querySelectorAll('tbody tr') ?? [])] as HTMLElement[];
}

function hasRow(name: string): boolean {
  return bodyRows().some((row) => row.querySelector('td')?.textContent === name);
}

/** The pager under the table: the live count and the button. */
function pager(): HTMLElement {
  return document.getElementById('overview-pages')!.parentElement!;
}

afterEach(() => {
  window.location.hash = '';
});

describe('the overview a page at a time', () => {
  it('loads the next 50 sign-ups on click and on Enter, with the count in a live region', async () => {
    const { api, listSignupSummaries } = pagedApi();
    const user = userEvent.setup();
    renderInTab(<OverviewPage />, { services: { api } });

    const count = await screen.findByText(
      '50 van 120 aanmeldingen geladen',
      {},
      { timeout: 20_000 },
    );
    expect(count.closest('[role="status"]')).not.toBeNull();
    expect(count.closest('[aria-live="polite"]')).not.toBeNull();
    // The first 50 sign-ups and the municipality without one; not the 51st.
    expect(bodyRows()).toHaveLength(51);
    expect(hasRow('Zonder Aanmelding')).toBe(true);
    expect(hasRow(names[49]!)).toBe(true);
    expect(hasRow(names[50]!)).toBe(false);
    expect(listSignupSummaries).toHaveBeenCalledTimes(1);
    expect(listSignupSummaries.mock.calls[0]![0]).toEqual({ campaignId: CAMPAIGN, limit: 50 });

    await user.click(within(pager()).getByRole('button', { name: 'Volgende 50 laden' }));
    await screen.findByText('100 van 120 aanmeldingen geladen', {}, { timeout: 20_000 });
    expect(bodyRows()).toHaveLength(101);
    expect(hasRow(names[99]!)).toBe(true);
    expect(listSignupSummaries).toHaveBeenCalledTimes(2);
    expect(listSignupSummaries.mock.calls[1]![0]).toEqual({
      campaignId: CAMPAIGN,
      limit: 50,
      cursor: '50',
    });

    // The keyboard: the button takes focus and Enter loads the last 20.
    const more = within(pager()).getByRole('button', { name: 'Volgende 20 laden' });
    more.focus();
    await user.keyboard('{Enter}');
    const all = await screen.findByText(
      '120 van 120 aanmeldingen geladen',
      {},
      { timeout: 20_000 },
    );
    expect(bodyRows()).toHaveLength(121);
    expect(within(pager()).queryByRole('button')).toBeNull();
    // The button went: focus is on the count, not lost to the body.
    await waitFor(() => expect(all.closest('[role="status"]')).toBe(document.activeElement));
    expect(listSignupSummaries).toHaveBeenCalledTimes(3);
  }, 120_000);

  it('searches what is loaded, and shows the municipalities without a sign-up at once', async () => {
    const { api } = pagedApi();
    const user = userEvent.setup();
    renderInTab(<OverviewPage />, { services: { api } });
    await screen.findByText('50 van 120 aanmeldingen geladen', {}, { timeout: 20_000 });
    await user.type(screen.getByLabelText('Zoek een gemeente'), 'zonder');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(screen.getByText('1 van 121 gemeenten')).toBeTruthy();
  }, 120_000);
});

describe('joinPages', () => {
  it('keeps the newest sign-up of a municipality and, once complete, every signed-up one', () => {
    const register = MUNICIPALITIES.municipalities.slice(0, 3);
    const older = { ...row(0), id: '1', status: 'geannuleerd' as const };
    const newer = { ...row(0), id: '9', status: 'aangemeld' as const };
    const partial = joinPages(register, [older, newer], false);
    expect(partial.rows.map((r) => [r.cbsCode, r.signup?.id])).toEqual([['GM0000', '9']]);
    expect(partial).toMatchObject({ loaded: 1, total: 3 });
    const complete = joinPages(register, [older, newer], true);
    expect(complete.rows).toHaveLength(3);
    expect(complete).toMatchObject({ loaded: 3, total: 3 });
  });
});

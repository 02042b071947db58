// The add-in's pane "Workshopoptie" in Chromium (issue 14, item 4): the built addin.html, with
// office.js replaced by a stub of Outlook (Office.onReady, the context, an open appointment: the
// confirmed workshop's meeting in a trainer's calendar) injected before the page's scripts, and the
// API answered by the test from the same fixtures as the office-addin-mock tests. The trainer is
// signed in (the fallback sign-in's tokens in sessionStorage, as after coming back from the
// identity provider). Checked: the sheet renders with its groups as cards, the empty state, Dutch
// and English, and axe finds nothing in Outlook's light and dark themes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { TWorkshopSheet } from '../../src/contract/index.js';
import { launchChromium } from '../support/browser.js';
import { sharedWebBuild } from '../support/stack.js';
import {
  CONFIRMED,
  FATIMA_ME,
  SLOT,
  WITH_GROUPS,
  WORKSHOP,
  sheet,
} from '../web/addin/support/sheet-fixtures.js';
import { findAxeViolations } from './pages/axe.js';
import { TAB_CONTEXT } from './pages/tab-app.js';

/** Never reached: every request to it is answered by the routes below. */
const ORIGIN = 'http://localhost:4999';

interface PaneOptions {
  readonly dark?: boolean;
  readonly displayLanguage?: string;
  readonly sheet?: TWorkshopSheet;
}

let browser: Browser;
let webDir: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  [browser, webDir] = await Promise.all([launchChromium(), sharedWebBuild()]);
});
afterAll(async () => {
  await browser?.close();
});

/** Outlook as office.js presents it to the pane, installed before any of the page's scripts. */
function installOfficeStub(init: {
  subject: string;
  start: string;
  end: string;
  dark: boolean;
  displayLanguage: string;
  email: string;
  tokens: string;
}) {
  sessionStorage.setItem('workshopplanner.tokens', init.tokens);
  Object.assign(window, {
    Office: {
      HostType: { Outlook: 'Outlook' },
      CoercionType: { Text: 'text', Html: 'html' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
      context: {
        displayLanguage: init.displayLanguage,
        officeTheme: {
          bodyBackgroundColor: init.dark ? '#1f1f1f' : '#ffffff',
          bodyForegroundColor: init.dark ? '#ffffff' : '#000000',
        },
        requirements: { isSetSupported: () => false },
        ui: {},
        mailbox: {
          item: {
            itemType: 'appointment',
            subject: init.subject,
            start: new Date(init.start),
            end: new Date(init.end),
          },
          userProfile: { emailAddress: init.email },
        },
      },
    },
  });
}

const WEB_CONFIG = {
  clientId: '00000000-0000-0000-0000-000000000001',
  tenantId: '00000000-0000-0000-0000-000000000002',
  authority: {
    issuer: `${ORIGIN}/idp`,
    authorizationEndpoint: `${ORIGIN}/idp/authorize`,
    tokenEndpoint: `${ORIGIN}/idp/token`,
    endSessionEndpoint: `${ORIGIN}/idp/logout`,
    msalAuthority: `${ORIGIN}/idp`,
  },
  apiScope: 'api://workshopplanner/access_as_user',
  signInScopes: ['openid', 'profile', 'api://workshopplanner/access_as_user'],
};

/** Opens the pane on the confirmed workshop's meeting; returns the API paths it asked for. */
async function openPane(options: PaneOptions = {}): Promise<{ page: Page; asked: string[] }> {
  await context?.close();
  context = await browser.newContext({ ...TAB_CONTEXT, locale: 'nl-NL' });
  const page = await context.newPage();
  const asked: string[] = [];
  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({
      status,
      contentType: status === 200 ? 'application/json' : 'application/problem+json',
      body: JSON.stringify(body),
    });
  // office.js from Microsoft's CDN: the stub above stands in for it.
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '' }),
  );
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith('/api/')) {
      // The built files; Playwright sets the content type from the extension.
      const file = url.pathname === '/' ? '/addin.html' : url.pathname;
      return route.fulfill({ path: join(webDir, decodeURIComponent(file)) });
    }
    asked.push(url.pathname);
    switch (url.pathname) {
      case '/api/web-config':
        return json(route, WEB_CONFIG);
      case '/api/me':
        return json(route, FATIMA_ME);
      case '/api/signups':
        return json(route, { signups: [CONFIRMED] });
      case `/api/signups/${CONFIRMED.id}/attendees`:
        return json(route, options.sheet ?? WITH_GROUPS);
      default:
        return json(
          route,
          { status: 404, code: 'NOT_FOUND', title: 'Niet gevonden', detail: url.pathname },
          404,
        );
    }
  });
  await page.addInitScript(installOfficeStub, {
    subject: `${WORKSHOP} – gemeente Haarlem`,
    start: SLOT.start,
    end: SLOT.end,
    dark: options.dark ?? false,
    displayLanguage: options.displayLanguage ?? 'nl-NL',
    email: FATIMA_ME.email,
    tokens: JSON.stringify({
      accessToken: 'test-token',
      refreshToken: undefined,
      expiresAt: Date.now() + 24 * 3600 * 1000,
      account: { name: FATIMA_ME.name, username: FATIMA_ME.email },
    }),
  });
  await page.goto(`${ORIGIN}/addin.html?surface=appointment`);
  return { page, asked };
}

describe('the workshop sheet in the Outlook pane, in Chromium', () => {
  it('shows a trainer the sheet with the groups as cards; axe finds nothing in light and dark', async () => {
    for (const dark of [false, true]) {
      const { page, asked } = await openPane({ dark });
      await page.getByRole('heading', { name: 'Groep 2' }).waitFor();
      await expect(
        page.getByRole('heading', { name: 'Werkblad van de workshop' }).isVisible(),
      ).resolves.toBe(true);
      await expect(page.getByText('Gemeentehuis Haarlem').isVisible()).resolves.toBe(true);
      const cards = page.getByRole('list', { name: 'Groepen' }).getByRole('listitem', {
        name: /^Groep \d$/,
      });
      await expect(cards.count()).resolves.toBe(2);
      await expect(cards.first().innerText()).resolves.toContain(
        'Wilhelmina Zonnebloem — Partij Zilvermeeuw, coalitie',
      );
      await expect(cards.first().innerText()).resolves.toContain(
        'Cornelia Boterbloem — Lijst Korenwolf, oppositie',
      );
      await expect(
        page.getByRole('button', { name: 'Groepen downloaden (.xlsx)' }).isVisible(),
      ).resolves.toBe(true);
      await expect(
        page
          .getByRole('link', { name: 'Voorbereiding openen in Workshopplanner' })
          .getAttribute('href'),
      ).resolves.toBe(`${ORIGIN}/#/signups/${CONFIRMED.id}/preparation`);
      expect(asked).toContain(`/api/signups/${CONFIRMED.id}/attendees`);
      await expect(page.evaluate(() => document.documentElement.style.colorScheme)).resolves.toBe(
        dark ? 'dark' : 'light',
      );
      await expect(findAxeViolations(page)).resolves.toEqual([]);
    }
  });

  it('says the griffie has not sent attendees yet', async () => {
    const { page } = await openPane({ sheet: sheet() });
    await page.getByText('De griffie heeft nog geen deelnemers doorgegeven.').waitFor();
    await expect(findAxeViolations(page)).resolves.toEqual([]);
  });

  it('speaks English when Outlook does', async () => {
    const { page } = await openPane({ displayLanguage: 'en-US' });
    await page.getByRole('heading', { name: 'Group 1' }).waitFor();
    await expect(
      page.getByText('Wilhelmina Zonnebloem — Partij Zilvermeeuw, coalition').isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.getByRole('link', { name: 'Open Preparation in Workshopplanner' }).isVisible(),
    ).resolves.toBe(true);
    await expect(findAxeViolations(page)).resolves.toEqual([]);
  });
});

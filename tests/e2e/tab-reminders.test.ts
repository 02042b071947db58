// The page Herinneringen in Chromium (issue 13, item 3), with the keyboard only: the account
// holder opens it from the menu, picks Alkmaar and Beverwijk, previews the edition's text and
// sends it after the confirmation; each griffie's external mailbox in the sandbox gets the
// reminder once, and the table shows when it went and to whom. Dutch and English, light and
// dark: 0 axe violations; at 375 px the page does not scroll sideways. With
// REMINDERS_SCREENSHOTS=<folder> it saves reminders-nl-light.png there (docs/screenshots).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startStack, type RunningStack } from '../support/stack.js';
import { findAxeViolations } from './pages/axe.js';
import { Inspector } from './pages/inspector.js';
import { newTabContext, TabApp } from './pages/tab-app.js';

const SCREENSHOTS = process.env['REMINDERS_SCREENSHOTS'];

let stack: RunningStack;
let browser: Browser;
let context: BrowserContext;
let app: TabApp;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchChromium(), startStack()]);
  context = await newTabContext(browser, stack);
  app = new TabApp(await context.newPage(), stack);
  await app.signIn('Sanne de Vries');
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 120) {
  for (let i = 0; i < limit; i++) {
    await app.page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target.toString()} with ${key}`);
}

async function expectClean(label: string): Promise<void> {
  const light = await findAxeViolations(app.page);
  if (SCREENSHOTS && label === 'nl') {
    await app.page.screenshot({
      path: join(SCREENSHOTS, 'reminders-nl-light.png'),
      fullPage: true,
    });
  }
  await app.toggleDarkTheme();
  const dark = await findAxeViolations(app.page);
  await app.toggleDarkTheme();
  expect({ label, light, dark }).toEqual({ label, light: [], dark: [] });
}

async function reminderSubjects(address: string): Promise<string[]> {
  const inspector = new Inspector(await context.newPage(), stack.sandboxHttpUrl);
  try {
    const subjects = await inspector.externalMailbox(address);
    return subjects.filter((subject) => subject.startsWith('Herinnering'));
  } finally {
    await inspector.page.close();
  }
}

describe('the page Herinneringen', () => {
  it('previews and sends a reminder to two municipalities with the keyboard, each arriving once', async () => {
    const page = app.page;
    await app.waitForHeading('Overzicht');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    await tabTo(page.getByRole('link', { name: 'Herinneringen' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await app.waitForHeading(/^Herinneringen/);
    const list = page.getByRole('table', { name: /nog niet aangemeld/ });
    await list.waitFor();
    await expect(list.textContent()).resolves.toContain('nog nooit');

    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    await tabTo(page.getByRole('checkbox', { name: 'Alkmaar kiezen' }));
    await page.keyboard.press('Space');
    await tabTo(page.getByRole('checkbox', { name: 'Beverwijk kiezen' }));
    await page.keyboard.press('Space');
    await tabTo(page.getByRole('button', { name: 'Voorbeeld' }));
    await page.keyboard.press('Enter');
    const preview = page.getByRole('region', {
      name: 'Voorbeeld voor Alkmaar (griffie@alkmaar.nl)',
    });
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('Alkmaar');
    await expect(preview.textContent()).resolves.toContain('ook naar Beverwijk');
    await expectClean('nl');

    await tabTo(page.getByRole('button', { name: 'Versturen' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Herinnering versturen aan 2 gemeenten?' });
    await dialog.waitFor();
    await tabTo(dialog.getByRole('button', { name: 'Nu versturen' }));
    await page.keyboard.press('Enter');
    const outcome = page.getByRole('table', { name: 'Uitkomst' });
    await outcome.waitFor({ timeout: 60_000 });
    await expect(outcome.textContent()).resolves.toMatch(/Alkmaar.*Verstuurd/);
    await expect(outcome.textContent()).resolves.toMatch(/Beverwijk.*Verstuurd/);

    // The list is loaded again: "laatst verstuurd" with the address it went to.
    await expect(list.textContent()).resolves.toContain('Laatst verstuurd');
    await list
      .getByRole('row', { name: /Alkmaar/ })
      .filter({ hasText: 'aan griffie@alkmaar.nl' })
      .waitFor();
    await list
      .getByRole('row', { name: /Beverwijk/ })
      .filter({ hasText: 'aan griffie@beverwijk.nl' })
      .waitFor();

    await expect(reminderSubjects('griffie@alkmaar.nl')).resolves.toHaveLength(1);
    await expect(reminderSubjects('griffie@beverwijk.nl')).resolves.toHaveLength(1);
  }, 300_000);

  it('shows it in English too, light and dark without axe violations', async () => {
    await app.switchLanguage('English');
    await app.open('#/herinneringen');
    await app.waitForHeading(/^Reminders/);
    await app.page.getByRole('table', { name: /not signed up yet/ }).waitFor();
    await expectClean('en');
    await app.switchLanguage('Nederlands');
  }, 120_000);

  it('fits a 375 px pane without sideways scrolling of the page', async () => {
    await app.page.setViewportSize({ width: 375, height: 800 });
    await app.open('#/herinneringen');
    await app.waitForHeading(/^Herinneringen/);
    await app.page.getByRole('table', { name: /nog niet aangemeld/ }).waitFor();
    await expect(
      app.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).resolves.toBe(0);
    await app.page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);
});

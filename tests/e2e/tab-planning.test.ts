// The page "Planning" in Chromium (issue 12, item 4): Sanne, account holder of RIEC
// Noord-Holland, has several sign-ups that share their evenings; with the keyboard only she makes
// a plan, reads per municipality the slot, its rank and the trainer pair (or why it cannot be
// planned), and applies it; the options are then there through the API. Dutch and English, light
// and dark, 0 axe violations, in high contrast (and with forced colours the timeline's blocks and
// the ranks keep their words), and at 375 px no sideways scrolling. The plan is solved by HiGHS in
// a worker on a machine that may be busy: the waits allow for the planner's own time limit.
// With PLANNING_SCREENSHOTS=<folder> it saves planning-{nl,en}-{light,dark}.png and
// planning-nl-contrast.png there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startStack, type RunningStack } from '../support/stack.js';
import { findAxeViolations } from './pages/axe.js';
import { eveningSlotTexts } from './pages/slots.js';
import { newTabContext, TabApp } from './pages/tab-app.js';

const SCREENSHOTS = process.env['PLANNING_SCREENSHOTS'];
/** The planner's time limit (10 s) plus loading HiGHS in its worker on a busy machine. */
const PLAN_WAIT_MS = 90_000;

// Four municipalities of RIEC Noord-Holland, all on the same three evenings.
const MUNICIPALITIES = [
  ['GM0392', 'haarlem.nl', 'Haarlem'],
  ['GM0453', 'velsen.nl', 'Velsen'],
  ['GM0375', 'beverwijk.nl', 'Beverwijk'],
  ['GM0396', 'heemskerk.nl', 'Heemskerk'],
] as const;

let stack: RunningStack;
let browser: Browser;
let app: TabApp;
/** With E2E_DEBUG=<file>: the browser's requests, written there with the stack's output. */
const browserLog: string[] = [];

async function register(cbsCode: string, domain: string) {
  const preferences = eveningSlotTexts(stack.now(), 3).map((slot) => ({
    start: DateTime.fromISO(`${slot.date}T${slot.start}`, { zone: 'Europe/Amsterdam' }).toISO(),
    end: DateTime.fromISO(`${slot.date}T${slot.end}`, { zone: 'Europe/Amsterdam' }).toISO(),
  }));
  const response = await fetch(`${stack.appUrl}/api/signups`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await app.accessToken()}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      cbsCode,
      contact: { name: 'Kabinet van de burgemeester', email: `kabinet@${domain}` },
      preferences,
      scanStatus: 'gedaan',
    }),
  });
  expect({ cbsCode, status: response.status }).toEqual({ cbsCode, status: 201 });
}

/** Presses Tab until the button named `name` has the focus (keyboard only), then Enter. */
async function pressWithKeyboard(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.tagName === 'BUTTON' ? (element.textContent ?? '').trim() : '';
    });
    if (name.test(focused)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`no button ${String(name)} reached with Tab`);
}

async function rowTexts(page: Page, table: string): Promise<string[][]> {
  return page
    .getByRole('table', { name: table })
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td, th')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

async function expectClean(label: string): Promise<void> {
  const light = await findAxeViolations(app.page);
  if (SCREENSHOTS) {
    await app.page.screenshot({
      path: join(SCREENSHOTS, `planning-${label}-light.png`),
      fullPage: true,
    });
  }
  await app.toggleDarkTheme();
  const wasDark = await app.isDark();
  const dark = await findAxeViolations(app.page);
  if (SCREENSHOTS) {
    await app.page.screenshot({
      path: join(SCREENSHOTS, `planning-${label}-dark.png`),
      fullPage: true,
    });
  }
  await app.toggleDarkTheme();
  expect({ label, wasDark, light, dark }).toEqual({ label, wasDark: true, light: [], dark: [] });
}

beforeAll(async () => {
  [browser, stack] = await Promise.all([
    launchChromium(),
    startStack(process.env['E2E_DEBUG'] ? { LOG_LEVEL: 'debug' } : {}),
  ]);
  const context = await newTabContext(browser, stack);
  app = new TabApp(await context.newPage(), stack);
  if (process.env['E2E_DEBUG']) {
    app.page.on('request', (r) => browserLog.push(`browser > ${r.method()} ${r.url()}`));
    app.page.on('requestfinished', (r) => browserLog.push(`browser < ${r.url()}`));
    app.page.on('requestfailed', (r) => browserLog.push(`browser ! ${r.url()}`));
    app.page.on('console', (m) => browserLog.push(`console ${m.type()}: ${m.text()}`));
    app.page.on('pageerror', (e) => browserLog.push(`pageerror: ${e.message}`));
  }
  await app.signIn('Sanne de Vries');
  for (const [cbsCode, domain] of MUNICIPALITIES) await register(cbsCode, domain);
}, 420_000);
afterAll(async () => {
  if (process.env['E2E_DEBUG']) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env['E2E_DEBUG'], [...stack.output, ...browserLog].join('\n'));
  }
  await browser?.close();
  await stack?.stop();
});

describe('the page Planning', () => {
  let plannedCount = 0;

  it('makes a plan with the keyboard and shows who gets which slot and pair, and who does not fit and why', async () => {
    await app.open('#/planning');
    await app.waitForHeading('Planning');
    await expect(app.page.getByText(/Er wordt niets verstuurd/).count()).resolves.toBe(1);
    await pressWithKeyboard(app.page, /^Plan maken$/);
    const verdict = app.page.getByText(/van de \d+ aanmeldingen zijn ingepland/);
    await verdict.waitFor({ timeout: PLAN_WAIT_MS }).catch(async (error: unknown) => {
      if (process.env['E2E_DEBUG']) {
        await app.page.screenshot({ path: `${process.env['E2E_DEBUG']}.png`, fullPage: true });
      }
      throw error;
    });
    const [, planned, total] = /(\d+) van de (\d+) aanmeldingen/.exec(
      (await verdict.textContent()) ?? '',
    )!;
    plannedCount = Number(planned);
    expect(Number(total)).toBe(MUNICIPALITIES.length);
    expect(plannedCount).toBeGreaterThan(0);

    const rows = await rowTexts(app.page, 'Aanmeldingen in de planning');
    expect(rows[0]).toEqual(
      expect.arrayContaining(['Gemeente', 'Status', 'Gepland moment', 'Voorkeur', 'Trainerspaar']),
    );
    const body = rows.slice(1);
    expect(body.map((row) => row[0]).sort()).toEqual(
      MUNICIPALITIES.map(([, , name]) => name).sort(),
    );
    for (const row of body) {
      const text = row.join(' | ');
      // Either a slot with its rank and a pair "X en Y", or "Niet in te plannen: <why>".
      expect(text).toMatch(/([123]e voorkeur \| .+ en .+)|(Niet in te plannen: .{20,})/);
    }
    expect(body.filter((row) => /[123]e voorkeur/.test(row.join(' ')))).toHaveLength(plannedCount);
    // The trainers' weeks: each planned workshop once.
    await app.page
      .getByRole('table', { name: 'Tijdlijn per trainer: workshops en opties per week' })
      .waitFor();
    await expectClean('nl');
  }, 180_000);

  it('applies the plan with the keyboard and shows the progress and the outcome', async () => {
    await app.page.getByRole('button', { name: 'Opnieuw plannen' }).focus();
    await pressWithKeyboard(app.page, /^Plan toepassen$/);
    const done = app.page
      .getByRole('status')
      .filter({ hasText: /gemeenten staan de opties er/ })
      .first();
    await done.waitFor({ timeout: PLAN_WAIT_MS });
    await expect(done.textContent()).resolves.toContain(
      `Klaar: bij ${plannedCount} van de ${plannedCount} gemeenten`,
    );
    const rows = await rowTexts(app.page, 'Aanmeldingen in de planning');
    expect(rows[0]).toContain('Toepassen');
    expect(rows.slice(1).filter((row) => row.includes('opties geplaatst'))).toHaveLength(
      plannedCount,
    );
    // Through the API: the planned sign-ups have their options.
    const { signups } = await app.api<{ signups: { status: string }[] }>('/api/signups');
    expect(signups.filter((s) => s.status === 'opties_geplaatst')).toHaveLength(plannedCount);
  }, 180_000);

  it('shows it in English too', async () => {
    await app.switchLanguage('English');
    await app.waitForHeading('Planning');
    await app.page.getByRole('button', { name: /^(Make plan|Plan again)$/ }).click();
    await app.page
      .getByText(/of the \d+ sign-ups are planned|Nothing to plan|planned/i)
      .first()
      .waitFor({ timeout: PLAN_WAIT_MS });
    await expectClean('en');
    await app.switchLanguage('Nederlands');
  }, 180_000);

  it('is clean in high contrast, and with forced colours its blocks and ranks keep their words', async () => {
    await app.open('#/planning');
    await app.waitForHeading('Planning');
    await app.setMoreContrast(true);
    try {
      await app.page.getByRole('button', { name: /^(Plan maken|Opnieuw plannen)$/ }).click();
      const timeline = app.page.getByRole('table', {
        name: 'Tijdlijn per trainer: workshops en opties per week',
      });
      await timeline.waitFor({ timeout: PLAN_WAIT_MS });
      await expect(findAxeViolations(app.page)).resolves.toEqual([]);
      if (SCREENSHOTS) {
        await app.page.screenshot({
          path: join(SCREENSHOTS, 'planning-nl-contrast.png'),
          fullPage: true,
        });
      }

      // Windows' contrast themes: the system's colours replace the page's, so what tells the
      // blocks apart is their words and their borders' style.
      await app.page.emulateMedia({ forcedColors: 'active' });
      await expect(
        app.page.evaluate(() => matchMedia('(forced-colors: active)').matches),
      ).resolves.toBe(true);
      const blocks = await timeline.locator('li[data-kind]').evaluateAll((items) =>
        items.map((item) => ({
          kind: item.getAttribute('data-kind'),
          text: (item.textContent ?? '').trim(),
          border: getComputedStyle(item).borderTopStyle,
        })),
      );
      expect(blocks.length).toBeGreaterThanOrEqual(2);
      const borders = { workshop: 'solid', hold: 'dashed', planned: 'dotted' } as const;
      const words = { workshop: 'Workshop', hold: 'Optie', planned: 'Gepland' } as const;
      for (const block of blocks) {
        const kind = block.kind as keyof typeof borders;
        expect(block).toEqual({
          kind,
          text: expect.stringMatching(new RegExp(`^${words[kind]}: \\S`)),
          border: borders[kind],
        });
      }
      const ranks = (await rowTexts(app.page, 'Aanmeldingen in de planning'))
        .slice(1)
        .filter((row) => row.some((cell) => /^[123]e voorkeur$/.test(cell)));
      expect(ranks.length).toBeGreaterThan(0);
      // The legend says what each kind of block is, in words.
      await expect(
        app.page.getByRole('list', { name: 'Wat de blokken betekenen' }).textContent(),
      ).resolves.toMatch(/Workshop.*Optie.*Gepland/);
    } finally {
      await app.page.emulateMedia({ forcedColors: 'none' });
      await app.setMoreContrast(false);
    }
  }, 180_000);

  it('fits a 375 px pane without sideways scrolling of the page', async () => {
    await app.page.setViewportSize({ width: 375, height: 800 });
    await app.open('#/planning');
    await app.waitForHeading('Planning');
    await app.page.getByRole('button', { name: /^(Plan maken|Opnieuw plannen)$/ }).click();
    await app.page
      .getByText(/aanmeldingen zijn ingepland|Er is niets om te plannen/)
      .first()
      .waitFor({ timeout: PLAN_WAIT_MS });
    await expect(
      app.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).resolves.toBe(0);
    // The timeline scrolls in its own region, which the keyboard reaches.
    await expect(findAxeViolations(app.page)).resolves.toEqual([]);
    await app.page.setViewportSize({ width: 1280, height: 900 });
  }, 180_000);
});

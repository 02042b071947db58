// The tab on a phone-wide pane (375 px, as Teams mobile and a narrow side-by-side window give it):
// nothing makes the page wider than the screen — not a remark with one very long word, not the
// status badges, not the third column of the availability grid — and a remark keeps its lines
// (issue 18, item 11).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startStack, type RunningStack } from '../support/stack.js';
import { OverviewPage } from './pages/overview-page.js';
import { AvailabilityPage } from './pages/signup-pages.js';
import { eveningSlotTexts } from './pages/slots.js';
import { newTabContext, TabApp } from './pages/tab-app.js';

const NARROW = 375;
const LONG_WORD = 'Raadsvergaderingvoorbereidingscommissievergaderingsverslag'.repeat(6);
const REMARKS = `Eerste regel.\n${LONG_WORD}\nDerde regel.`;

let stack: RunningStack;
let browser: Browser;
let app: TabApp;
let signupId: string;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchChromium(), startStack()]);
  const context = await newTabContext(browser, stack, {
    viewport: { width: NARROW, height: 800 },
  });
  app = new TabApp(await context.newPage(), stack);
  await app.signIn('Sanne de Vries');
  // Registered through the API: this test is about how the pages lay out, not about the form.
  const preferences = eveningSlotTexts(stack.now(), 5).map((slot) => ({
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
      cbsCode: 'GM0453',
      contact: { name: 'Kabinet van de burgemeester', email: 'kabinet@velsen.nl' },
      preferences,
      scanStatus: 'onbekend',
      remarks: REMARKS,
    }),
  });
  expect([response.status, await response.clone().text()]).toEqual([201, expect.anything()]);
  signupId = ((await response.json()) as { signup: { id: string } }).signup.id;
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** How far the page reaches past the right edge of the screen, in CSS pixels (0 = not at all). */
async function overflow(): Promise<number> {
  return app.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('the tab at 375 px wide', () => {
  it('shows the overview without sideways scrolling of the page', async () => {
    await app.page.reload();
    const overview = new OverviewPage(app.page);
    await overview.waitUntilLoaded();
    await overview.waitForStatus('Velsen', 'aangemeld');
    await expect(overflow()).resolves.toBe(0);
  });

  it('shows a long remark wrapped and with its lines, and the status badge on screen', async () => {
    await app.open(`#/signups/${signupId}/availability`);
    await new AvailabilityPage(app.page).waitUntilLoaded();
    await expect(overflow()).resolves.toBe(0);
    const remark = app.page.getByText(/^Eerste regel\./);
    await expect(remark.evaluate((element) => getComputedStyle(element).whiteSpace)).resolves.toBe(
      'pre-wrap',
    );
    await expect(remark.innerText()).resolves.toMatch(/^Eerste regel\.\n.+\nDerde regel\.$/s);
    const badge = app.page.getByText('aangemeld', { exact: true }).first();
    const box = await badge.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(NARROW);
  });

  it('lets the availability grid scroll within itself so the third option can be read', async () => {
    const grid = new AvailabilityPage(app.page).grid();
    const third = grid.getByRole('columnheader').nth(3);
    await third.scrollIntoViewIfNeeded();
    const box = await third.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(NARROW);
    await expect(overflow()).resolves.toBe(0);
    // No cell's text runs out of its cell (Fluent's fixed table layout clipped the third option).
    const clipped = await grid.evaluate((table) =>
      [...table.querySelectorAll('th, td')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => cell.textContent),
    );
    expect(clipped).toEqual([]);
    // The "gekozen" badge sits beside or under the name, not over it.
    const chosenRow = grid.getByRole('row').filter({ hasText: 'gekozen' }).first();
    const name = await chosenRow.locator('th .fui-Text').first().boundingBox();
    const badge = await chosenRow.getByText('gekozen').boundingBox();
    expect(name && badge).toBeTruthy();
    const apart =
      badge!.x >= name!.x + name!.width ||
      badge!.y >= name!.y + name!.height ||
      badge!.x + badge!.width <= name!.x;
    expect(apart).toBe(true);
    if (process.env['NARROW_SCREENSHOT']) {
      await app.page.screenshot({ path: process.env['NARROW_SCREENSHOT'], fullPage: true });
    }
  });
});

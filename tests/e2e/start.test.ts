// `npm start` on a fresh data folder: it says where everything is and when it is ready, and a
// browser gets the app and the sandbox's inspector and sign-in page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ALL_LISTS } from '../../src/graph/sharepoint/lists.js';
import { launchChromium } from '../support/browser.js';
import { FIXED_TODAY } from '../support/planning.js';
import { startStack, type RunningStack } from '../support/stack.js';

let stack: RunningStack;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  // Its own web build, as `npm start` makes it (the other browser tests share one build).
  stack = await startStack({
    WEB_DIST_DIR: join(mkdtempSync(join(tmpdir(), 'wsp-start-')), 'web'),
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('npm start', () => {
  it('prints the URLs it serves and a line saying it is ready', () => {
    const text = stack.output.join('\n');
    expect(text).toMatch(/Microsoft 365-sandbox \(Graph en aanmelden\)\s+https:\/\/localhost:\d+/);
    expect(text).toMatch(/Sandbox-inspector .*\s+http:\/\/localhost:\d+\/inspector/);
    expect(text).toMatch(/Workshopplanner is ready: open http:\/\/localhost:\d+/);
  });

  it('runs the sandbox on the fixed today it was given (SANDBOX_TODAY), still ticking', async () => {
    const clock = (await (await fetch(`${stack.sandboxHttpUrl}/_sandbox/clock`)).json()) as {
      now: string;
    };
    const drift = Date.parse(clock.now) - stack.now().getTime();
    expect(Math.abs(drift)).toBeLessThan(60_000);
    expect(Date.parse(clock.now)).toBeGreaterThanOrEqual(FIXED_TODAY.getTime());
  });

  it('serves the app shell to a browser', async () => {
    const page = await browser.newPage();
    await page.goto(stack.appUrl);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Workshopplanner',
    );
    await page.close();
  });

  it('serves the sandbox inspector with every seeded person', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.sandboxHttpUrl}/inspector`);
    await expect(
      page.getByRole('link', { name: /Sanne de Vries/ }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(
      page.getByRole('link', { name: /Marieke van Dijk/ }).count(),
    ).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('provisions the SharePoint lists in the sandbox, so the API has somewhere to write', async () => {
    const health = await fetch(`${stack.appUrl}/api/health`);
    expect(health.status).toBe(200);
    const sandbox = (await (await fetch(`${stack.sandboxHttpUrl}/_sandbox/requests`)).json()) as {
      entries: { method: string; path: string; status: number }[];
    };
    const created = sandbox.entries.filter(
      (e) => e.method === 'POST' && /\/sites\/root\/lists$/.test(e.path) && e.status === 201,
    );
    // Sign-ups, log, trainers, the trainers' agenda and the synchronisation state: every list the
    // product defines, each created once.
    expect(created).toHaveLength(ALL_LISTS.length);
  });
});

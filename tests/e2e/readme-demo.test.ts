// The README's "demo in five minutes", walked in Chromium against `npm start`'s stack, step by
// step (issue 18, "Done when"; issue 13: the campaign view in the demo). The steps' words are
// kept here and checked against README.md first, so the README and this walk cannot drift: a
// changed step fails this test until both say the same.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startStack, type RunningStack } from '../support/stack.js';
import { Inspector } from './pages/inspector.js';
import { OverviewPage } from './pages/overview-page.js';
import { RegisterPage } from './pages/register-page.js';
import { AvailabilityPage, ConfirmPage, OptionsPage } from './pages/signup-pages.js';
import { eveningSlotTexts } from './pages/slots.js';
import { newTabContext, TabApp } from './pages/tab-app.js';

/** The README's numbered demo steps, as written there (markdown kept, lines joined). */
const DEMO_STEPS = [
  'Sign in as Sanne de Vries.',
  '**Nieuwe aanmelding** → Haarlem with three evenings and the contact `burgemeester@haarlem.nl` (the invitation goes to the address typed here).',
  '**Beschikbaarheid** → pick a pair → **Opties plaatsen**.',
  'In the inspector, open both trainers and accept the same option.',
  "Back in the tab, **Bevestigen** → the mayor's office (`burgemeester@haarlem.nl`) has the invitation in the inspector's external mailbox.",
  '**Wijzigen** on the sign-up: change the remarks and save.',
  'In the inspector\'s external mailbox of `burgemeester@haarlem.nl`, decline the invitation with a comment ("extra raadsvergadering; graag een andere datum"): with the next sync of Sanne\'s calendar (the background cycle, every minute; **Nu bijwerken** asks at once) the overview puts Haarlem under **Eerst doen**.',
  '**Andere data** on the sign-up: three new evenings and the reason → **Opties plaatsen** again: new options on the same sign-up, the old holds released.',
  "The **Logboek** shows every step, each trainer's answer and the mayor's office's decline included.",
  '**Dashboard** in the menu: the campaign view (per RIEC the funnel, days to the deadline, what needs action first); the **Editie** picker in the header switches to the 2022 edition and back.',
] as const;

/** The numbered list under "A demo in five minutes" in README.md, one string per step. */
function readmeDemoSteps(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('A demo in five minutes');
  const end = readme.indexOf('What else there is to try', start);
  const steps: string[] = [];
  for (const line of readme.slice(start, end).split('\n')) {
    const item = /^\d+\. (.*)$/.exec(line);
    if (item?.[1] !== undefined) steps.push(item[1].trim());
    else if (/^ {3,}\S/.test(line) && steps.length > 0) {
      steps[steps.length - 1] += ` ${line.trim()}`;
    }
  }
  return steps;
}

/** "Step n: …" as the test's name, so a failure names the README's step. */
function step(n: number): string {
  return `step ${n}: ${DEMO_STEPS[n - 1]}`;
}

const MAYOR = { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' };
const DECLINE_COMMENT = 'extra raadsvergadering; graag een andere datum';
const SLOW = 180_000;

let stack: RunningStack;
let browser: Browser;
let context: BrowserContext;
let app: TabApp;
let signupId: string;
let pair: { berenschot: string; riec: string };
let chosen: number;

/** Whether two elements' boxes overlap on the screen. */
async function overlaps(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    ([first, second]) => {
      const r1 = document.querySelector(first!)?.getBoundingClientRect();
      const r2 = document.querySelector(second!)?.getBoundingClientRect();
      if (!r1 || !r2) throw new Error(`not found: ${r1 ? second : first}`);
      return !(
        r1.right <= r2.left ||
        r2.right <= r1.left ||
        r1.bottom <= r2.top ||
        r2.bottom <= r1.top
      );
    },
    [a, b],
  );
}

describe("the README's demo in five minutes", () => {
  it('README.md lists exactly these steps', () => {
    expect(readmeDemoSteps()).toEqual([...DEMO_STEPS]);
  });
});

describe("the README's demo, walked in Chromium", () => {
  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchChromium(), startStack()]);
    context = await newTabContext(browser, stack);
    app = new TabApp(await context.newPage(), stack);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it(
    step(1),
    async () => {
      await app.signIn('Sanne de Vries');
      await new OverviewPage(app.page).waitUntilLoaded();
      await expect(app.page.getByText('Aangemeld als Sanne de Vries').count()).resolves.toBe(1);
    },
    SLOW,
  );

  it(
    step(2),
    async () => {
      await app.page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
      await app.waitForHeading('Nieuwe aanmelding');
      const form = new RegisterPage(app.page);
      await form.fill({
        municipality: 'Haarlem',
        contact: MAYOR,
        slots: eveningSlotTexts(stack.now()),
        remarks: 'Graag in de raadzaal.',
      });
      await form.submitAndContinue();
      signupId = app.signupIdFromUrl();
      const view = await app.api<{ contact: { email: string } }>(`/api/signups/${signupId}`);
      expect(view.contact.email).toBe(MAYOR.email);
    },
    SLOW,
  );

  it(
    step(3),
    async () => {
      await app.waitForHeading('Haarlem: Beschikbaarheid');
      const availability = new AvailabilityPage(app.page);
      await availability.waitUntilLoaded();
      pair = await availability.chosenPair();
      chosen = (await availability.rowOf(pair.riec)).indexOf('vrij') + 1;
      expect(chosen).toBeGreaterThan(0);
      await availability.placeOptions();
    },
    SLOW,
  );

  it(
    step(4),
    async () => {
      const inspectorPage = await context.newPage();
      const inspector = new Inspector(inspectorPage, stack.sandboxHttpUrl);
      for (const trainer of [pair.berenschot, pair.riec]) {
        await inspector.answer(trainer, { municipality: 'Haarlem', option: chosen }, 'Accepteren');
      }
      await inspectorPage.close();
      const options = new OptionsPage(app.page);
      await options.refresh();
      await expect(options.answersOf(chosen)).resolves.toEqual([
        'geaccepteerd',
        'geaccepteerd',
        'beide geaccepteerd',
      ]);
    },
    SLOW,
  );

  it(
    step(5),
    async () => {
      await app.page.getByRole('link', { name: 'Naar bevestigen' }).click();
      await app.waitForHeading('Haarlem: Bevestigen');
      await new ConfirmPage(app.page).confirm(chosen);
      const page = await context.newPage();
      const subjects = await new Inspector(page, stack.sandboxHttpUrl).externalMailbox(MAYOR.email);
      expect(subjects).toContainEqual(
        'Uitnodiging: Workshop weerbaarheid, integriteit en ondermijning – gemeente Haarlem',
      );
      await page.close();
    },
    SLOW,
  );

  it(
    step(6),
    async () => {
      await app.page.getByRole('link', { name: 'Wijzigen', exact: true }).first().click();
      await app.waitForHeading('Haarlem: Wijzigen');
      const remarks = app.page.getByRole('textbox', { name: /Opmerkingen/ });
      await remarks.fill('Graag in de raadzaal; de griffier is er ook bij.');
      await app.page.getByRole('button', { name: /^(Wijzigingen opslaan|Toch opslaan)$/ }).click();
      await app.waitForHeading('Haarlem: Logboek');
      const view = await app.api<{ status: string; remarks: string }>(`/api/signups/${signupId}`);
      expect(view).toMatchObject({
        status: 'bevestigd',
        remarks: 'Graag in de raadzaal; de griffier is er ook bij.',
      });
    },
    SLOW,
  );

  it(
    step(7),
    async () => {
      const page = await context.newPage();
      await new Inspector(page, stack.sandboxHttpUrl).externalMailbox(MAYOR.email);
      const form = page.getByRole('form', { name: /gemeente Haarlem$/ }).first();
      await form.getByRole('textbox', { name: /Opmerking/ }).fill(DECLINE_COMMENT);
      await form.getByRole('button', { name: /^Weigeren/ }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Uitnodiging/ })
        .waitFor();
      await page.close();

      // The answer reaches the tab with the next sync of Sanne's calendar; the API's sync (what
      // "Nu bijwerken" calls) asks for it at once instead of waiting for the background cycle.
      const overview = new OverviewPage(app.page);
      const until = Date.now() + 90_000;
      let first: string | undefined;
      for (;;) {
        const sync = await fetch(`${stack.appUrl}/api/sync`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await app.accessToken()}` },
        });
        expect(sync.status).toBe(200);
        await app.open('#/');
        await app.page.reload();
        await overview.waitUntilLoaded();
        first = await overview.firstItemOf('Haarlem');
        if (first?.includes('Het kabinet kan niet op de bevestigde datum')) break;
        if (Date.now() > until) throw new Error(`Haarlem is not under "Eerst doen": ${first}`);
        await app.page.waitForTimeout(2_000);
      }
      await expect(overview.statusOf('Haarlem')).resolves.toBe('bevestigd');
    },
    SLOW,
  );

  it(
    step(8),
    async () => {
      await app.open(`#/signups/${signupId}/log`);
      await app.waitForHeading('Haarlem: Logboek');
      await app.page.getByRole('link', { name: 'Andere data', exact: true }).first().click();
      await app.waitForHeading('Haarlem: Andere data');
      const form = new RegisterPage(app.page);
      for (const [index, slot] of eveningSlotTexts(stack.now(), 6).entries()) {
        await form.field(index + 1, 'Datum').fill(slot.date);
        await form.field(index + 1, 'Begintijd').fill(slot.start);
        await form.field(index + 1, 'Eindtijd').fill(slot.end);
      }
      await app.page.getByRole('textbox', { name: /Waarom andere data/ }).fill(DECLINE_COMMENT);
      await app.page
        .getByRole('button', { name: /^(Andere data vastleggen|Toch vastleggen)$/ })
        .click();
      await app.waitForHeading('Haarlem: Beschikbaarheid');
      const availability = new AvailabilityPage(app.page);
      await availability.waitUntilLoaded();

      // Issue 18, item 13: the toast that says the new dates are saved leaves the grid visible.
      // The toast itself, not the live region that announces the same words to screen readers.
      const toast = app.page
        .locator('.fui-Toast')
        .filter({ hasText: 'Andere data voor Haarlem vastgelegd' });
      await toast.waitFor();
      await app.page.evaluate(() => {
        [...document.querySelectorAll('.fui-Toast')]
          .find((element) => element.textContent?.includes('Andere data voor Haarlem vastgelegd'))
          ?.setAttribute('data-demo-toast', '');
        document
          .querySelector('table[aria-label^="Beschikbaarheid per trainer"], table')
          ?.setAttribute('data-demo-grid', '');
      });
      await expect(overlaps(app.page, '[data-demo-toast]', '[data-demo-grid]')).resolves.toBe(
        false,
      );

      await availability.placeOptions();
      const options = new OptionsPage(app.page);
      await expect(options.answersOf(1)).resolves.toEqual([
        'nog geen antwoord',
        'nog geen antwoord',
        'wacht op antwoord',
      ]);
      const view = await app.api<{ id: string; status: string; round: number }>(
        `/api/signups/${signupId}`,
      );
      expect(view).toMatchObject({ id: signupId, status: 'opties_geplaatst', round: 2 });
    },
    SLOW,
  );

  it(
    step(9),
    async () => {
      await app.open(`#/signups/${signupId}/log`);
      await app.waitForHeading('Haarlem: Logboek');
      const log = (await new ConfirmPage(app.page).logLines()).join('\n');
      for (const action of [
        'aanmelden',
        'opties plaatsen',
        'bevestigen',
        'wijzigen',
        'nieuwe data invoeren',
      ]) {
        expect(log).toContain(action);
      }
      expect(log).toMatch(/heeft optie \d .*geaccepteerd/);
      expect(log).toMatch(/De gemeente \(.+\) heeft de uitnodiging voor de workshop van .*/);
      expect(log).toContain(DECLINE_COMMENT);
    },
    SLOW,
  );

  it(
    step(10),
    async () => {
      await app.page.getByRole('link', { name: 'Dashboard', exact: true }).click();
      await app.waitForHeading(/^Dashboard/);
      const funnel = app.page.getByRole('table', { name: 'Stand per RIEC' });
      await funnel.waitFor({ timeout: 30_000 });
      await expect(app.page.getByText(/tot de uiterste aanmelddatum/).count()).resolves.toBe(1);
      await expect(
        app.page.getByRole('heading', { name: 'Wat eerst aandacht vraagt' }).count(),
      ).resolves.toBe(1);

      // The picker loads the editions on its own: wait for it, then pick the one that is not
      // the current: the 2022 edition (deadline 15 June 2022, as the province's letter has it).
      const edition = app.page.getByRole('combobox', { name: 'Editie' });
      await edition.waitFor({ timeout: 30_000 });
      await edition.locator('option').nth(1).waitFor({ state: 'attached', timeout: 30_000 });
      const labels = await edition.locator('option').allInnerTexts();
      const current = labels.find((text) => text.endsWith('(huidige)'));
      const other = labels.find((text) => !text.endsWith('(huidige)'));
      expect({ current, other }).toEqual({
        current: expect.any(String),
        other: expect.any(String),
      });
      await edition.selectOption({ label: other! });
      await app.page.getByText(/De aanmeldtermijn liep af op .*2022/).waitFor({ timeout: 30_000 });
      expect(app.page.url()).toContain('editie=');
      await edition.selectOption({ label: current! });
      await app.page.getByText(/tot de uiterste aanmelddatum/).waitFor({ timeout: 30_000 });
    },
    SLOW,
  );
});

// When nothing works out: the trainers decline every option (in the inspector, as in Outlook).
// The tab shows it as it comes in, the sign-up needs new dates (the municipality gets a mail
// asking for them), the overview puts it first, and the new dates go onto the same sign-up.
// One test with named steps: each needs the one before, so a failing step stops the story
// there and names it (issue 17, item 10).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { step } from '../support/step.js';
import { startStack, type RunningStack } from '../support/stack.js';
import { Inspector } from './pages/inspector.js';
import { OverviewPage } from './pages/overview-page.js';
import { RegisterPage } from './pages/register-page.js';
import { AvailabilityPage, OptionsPage } from './pages/signup-pages.js';
import { eveningSlotTexts } from './pages/slots.js';
import { newTabContext, TabApp } from './pages/tab-app.js';
import { expectNoAxeViolationsInBothThemes } from './pages/themes.js';

const MAYOR = { name: 'Kabinet van de burgemeester', email: 'burgemeester@zandvoort.nl' };

let stack: RunningStack;
let browser: Browser;
let context: BrowserContext;
let app: TabApp;
let signupId: string;
let pair: { berenschot: string; riec: string };

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchChromium(), startStack()]);
  context = await newTabContext(browser, stack);
  app = new TabApp(await context.newPage(), stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the trainers decline every option', () => {
  it('goes from the declined options to new dates on the same sign-up', async () => {
    await step('registers Zandvoort and places the options', async () => {
      await app.signIn('Sanne de Vries');
      await app.page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
      await app.waitForHeading('Nieuwe aanmelding');
      const form = new RegisterPage(app.page);
      await form.fill({
        municipality: 'Zandvoort',
        contact: MAYOR,
        slots: eveningSlotTexts(stack.now(), 4),
      });
      await form.submitAndContinue();
      signupId = app.signupIdFromUrl();
      const availability = new AvailabilityPage(app.page);
      await availability.waitUntilLoaded();
      pair = await availability.chosenPair();
      await availability.placeOptions();
    });

    await step('shows each refusal as it comes in', async () => {
      const inspector = new Inspector(await context.newPage(), stack.sandboxHttpUrl);
      await inspector.answer(pair.riec, { municipality: 'Zandvoort', option: 2 }, 'Weigeren');
      const options = new OptionsPage(app.page);
      await options.refresh();
      await expect(options.answersOf(2)).resolves.toEqual([
        'nog geen antwoord',
        'afgewezen',
        'afgewezen',
      ]);
      // Options 1 and 2 are refused by both; the moment option 3 is refused too, no option can go
      // on and the product releases every hold (with change notifications within a second), so
      // the RIEC advisor's answer to option 3 never comes: there is nothing left to answer.
      const refusals: [string, number][] = [
        [pair.berenschot, 2],
        [pair.riec, 1],
        [pair.berenschot, 1],
        [pair.berenschot, 3],
      ];
      for (const [person, option] of refusals) {
        await inspector.answer(person, { municipality: 'Zandvoort', option }, 'Weigeren');
      }
      await inspector.page.close();
      await options.refresh();
      await app.page.getByText('Er wacht geen optie meer op een antwoord.').waitFor();
      await expect(
        app.page.getByRole('heading', { level: 2 }).locator('xpath=..').innerText(),
      ).resolves.toContain('nieuwe data nodig');
      for (const option of [1, 2]) {
        await expect(options.answersOf(option)).resolves.toEqual([
          'afgewezen',
          'afgewezen',
          'vervallen',
        ]);
      }
      await expect(options.answersOf(3)).resolves.toEqual([
        'afgewezen',
        'nog geen antwoord',
        'vervallen',
      ]);
      await expectNoAxeViolationsInBothThemes(app, 'options-declined');
    });

    await step('puts Zandvoort first on the overview: new dates are needed', async () => {
      await app.page.getByRole('link', { name: 'Overzicht' }).click();
      const overview = new OverviewPage(app.page);
      await overview.waitUntilLoaded();
      const newDates =
        /Geen optie ging door: vraag de gemeente om nieuwe data\.\s+Nieuwe data invoeren/;
      await expect(overview.waitForFirstItem('Zandvoort', newDates)).resolves.toMatch(newDates);
      await overview.waitForStatus('Zandvoort', 'nieuwe data nodig');
      await overview.filterStatus('Actie nodig');
      await expect(overview.countText()).resolves.toMatch(/^1 van \d+ gemeenten$/);
    });

    await step('the municipality was asked for new dates', async () => {
      const page = await context.newPage();
      const subjects = await new Inspector(page, stack.sandboxHttpUrl).externalMailbox(MAYOR.email);
      expect(subjects).toContainEqual(expect.stringMatching(/Zandvoort: graag nieuwe data$/));
      await page.close();
    });

    await step('takes the new dates on the same sign-up', async () => {
      await app.page
        .getByRole('link', { name: /^Nieuwe data invoeren/ })
        .first()
        .click();
      await app.waitForHeading('Nieuwe data voor Zandvoort');
      const form = new RegisterPage(app.page);
      await expect(form.municipality().inputValue()).resolves.toBe('Zandvoort');
      await form.fill({ contact: MAYOR, slots: eveningSlotTexts(stack.now(), 6) });
      await expectNoAxeViolationsInBothThemes(app, 'register-new-dates');
      await form.submitAndContinue();
      expect(app.signupIdFromUrl()).toBe(signupId);
      const view = await app.api<{ status: string; round: number }>(`/api/signups/${signupId}`);
      expect(view.status).toBe('aangemeld');
    });
  }, 900_000);
});

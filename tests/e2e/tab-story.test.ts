// The whole story in the Teams tab, in real Chromium against `npm start`'s stack: Sanne de
// Vries (account holder, RIEC Noord-Holland) signs in through the sandbox's sign-in page,
// registers Haarlem with three evenings, checks availability, places the options; both trainers
// accept one option in the inspector (as in Outlook); Sanne confirms it; the mayor's office of
// Haarlem has the invitation and the sign-up is `bevestigd` in the API and in SharePoint.
// axe checks every page in the light and the dark theme.
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
import { AvailabilityPage, ConfirmPage, OptionsPage } from './pages/signup-pages.js';
import { eveningSlotTexts } from './pages/slots.js';
import { newTabContext, TabApp } from './pages/tab-app.js';
import { expectNoAxeViolationsInBothThemes } from './pages/themes.js';

const MAYOR = { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' };

let stack: RunningStack;
let browser: Browser;
let context: BrowserContext;
let app: TabApp;
let signupId: string;
let pair: { berenschot: string; riec: string };
/** The option (1–3) both trainers accept: one where the RIEC advisor's calendar is free. */
let chosen: number;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchChromium(), startStack()]);
  context = await newTabContext(browser, stack);
  app = new TabApp(await context.newPage(), stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('an account holder plans Haarlem from sign-up to confirmation', () => {
  it('goes from sign-in to a confirmed workshop, step by step', async () => {
    await step(
      'signs in through the sandbox and sees Haarlem not signed up, and the days left',
      async () => {
        await app.signIn('Sanne de Vries');
        const overview = new OverviewPage(app.page);
        await overview.waitUntilLoaded();
        await expect(overview.statusOf('Haarlem')).resolves.toBe('niet aangemeld');
        await expect(app.page.getByText(/^Nog 28 dagen om aan te melden/).count()).resolves.toBe(1);
        await expect(app.page.getByText('Aangemeld als Sanne de Vries').count()).resolves.toBe(1);
        // Search narrows the list; the count says how many are shown.
        await overview.search('haarl');
        await expect(overview.countText()).resolves.toMatch(/^2 van \d+ gemeenten$/);
        await overview.search('');
        await expectNoAxeViolationsInBothThemes(app, 'overview');
      },
    );

    await step('switches to English and back', async () => {
      await app.switchLanguage('English');
      await app.waitForHeading('Overview');
      await new OverviewPage(app.page).waitForStatus('Haarlem', 'not signed up');
      await expect(app.page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await app.switchLanguage('Nederlands');
      await app.waitForHeading('Overzicht');
    });

    await step(
      'registers Haarlem with three evenings and goes on to the availability',
      async () => {
        await new OverviewPage(app.page).openNextStep('Haarlem');
        await app.waitForHeading('Nieuwe aanmelding');
        const form = new RegisterPage(app.page);
        // The link from the overview chose the municipality already.
        await expect(form.municipality().inputValue()).resolves.toBe('Haarlem');
        await form.fill({
          contact: MAYOR,
          slots: eveningSlotTexts(stack.now()),
          scan: 'Gedaan',
          remarks: 'Graag in de raadzaal.',
        });
        // Each slot is written out in Dutch under its fields.
        await expect(
          app.page.getByText(/^Dat is dinsdag \d+ \w+ \d{4}, 19\.30–22\.30 uur\.$/).count(),
        ).resolves.toBe(1);
        await expectNoAxeViolationsInBothThemes(app, 'register');
        await form.submitAndContinue();
        signupId = app.signupIdFromUrl();
        // The heading names the municipality once the sign-up has loaded ("Beschikbaarheid" before).
        await app.waitForHeading('Haarlem: Beschikbaarheid');
      },
    );

    await step(
      'shows the trainers × evenings grid, ranks the pairs and places the options',
      async () => {
        const availability = new AvailabilityPage(app.page);
        await availability.waitUntilLoaded();
        pair = await availability.chosenPair();
        const berenschot = await availability.rowOf(pair.berenschot);
        const riec = await availability.rowOf(pair.riec);
        // Berenschot's calendars are in another organisation: unknown, never "free".
        expect(berenschot).toEqual(['onbekend', 'onbekend', 'onbekend']);
        expect(riec).toHaveLength(3);
        chosen = riec.indexOf('vrij') + 1;
        expect(chosen).toBeGreaterThan(0);
        await expectNoAxeViolationsInBothThemes(app, 'availability');
        await availability.placeOptions();
        const options = new OptionsPage(app.page);
        await expect(options.answersOf(chosen)).resolves.toEqual([
          'nog geen antwoord',
          'nog geen antwoord',
          'wacht op antwoord',
        ]);
        await expectNoAxeViolationsInBothThemes(app, 'options');
      },
    );

    await step(
      'shows both trainers’ acceptance once they answered in Outlook (the inspector)',
      async () => {
        const inspectorPage = await context.newPage();
        const inspector = new Inspector(inspectorPage, stack.sandboxHttpUrl);
        await inspector.answer(
          pair.berenschot,
          { municipality: 'Haarlem', option: chosen },
          'Accepteren',
        );
        await inspector.answer(
          pair.riec,
          { municipality: 'Haarlem', option: chosen },
          'Accepteren',
        );
        await inspectorPage.close();

        const options = new OptionsPage(app.page);
        await options.refresh();
        await expect(options.answersOf(chosen)).resolves.toEqual([
          'geaccepteerd',
          'geaccepteerd',
          'beide geaccepteerd',
        ]);
        await expect(
          app.page.getByText('Beide trainers hebben geaccepteerd').count(),
        ).resolves.toBe(1);
      },
    );

    await step(
      'confirms that option after seeing what the mayor’s office will receive',
      async () => {
        await app.page.getByRole('link', { name: 'Naar bevestigen' }).click();
        await app.waitForHeading('Haarlem: Bevestigen');
        const confirm = new ConfirmPage(app.page);
        // The option both accepted is chosen; the preview is the Dutch invitation.
        await expect(
          app.page.getByRole('radio', { name: new RegExp(`^Optie ${chosen}:`) }).isChecked(),
        ).resolves.toBe(true);
        const preview = await confirm.preview();
        expect(preview).toContain(`${MAYOR.name} <${MAYOR.email}>`);
        expect(preview).toContain(
          'Workshop weerbaarheid, integriteit en ondermijning – gemeente Haarlem',
        );
        // An office, not a person: the neutral salutation (issue 18, item 12).
        expect(preview).toContain('Geachte heer, mevrouw,');
        expect(preview).toContain(
          `${pair.berenschot} (Berenschot) en ${pair.riec} (RIEC Noord-Holland)`,
        );
        await expectNoAxeViolationsInBothThemes(app, 'confirm');

        await confirm.confirm(chosen);
        const log = await confirm.logLines();
        const action = (line: string) => line.split('\n')[0]?.replace(/^.* · /, '');
        // The steps of the sign-up, and between them each trainer's answer (issue 18, item 4).
        const steps = log.filter((line) => action(line) !== 'antwoorden verwerken');
        expect(steps.map(action)).toEqual(['aanmelden', 'opties plaatsen', 'bevestigen']);
        expect(steps[2]).toMatch(/van opties geplaatst naar bevestigd · sanne\.devries@riec\.nl/);
        expect(
          log.filter((line) => action(line) === 'antwoorden verwerken').length,
        ).toBeGreaterThanOrEqual(2);
        await expectNoAxeViolationsInBothThemes(app, 'confirm-done');
      },
    );

    await step('the mayor’s office of Haarlem has the invitation in its mailbox', async () => {
      const page = await context.newPage();
      const subjects = await new Inspector(page, stack.sandboxHttpUrl).externalMailbox(MAYOR.email);
      expect(subjects).toContainEqual(
        'Uitnodiging: Workshop weerbaarheid, integriteit en ondermijning – gemeente Haarlem',
      );
      await page.close();
    });

    await step(
      'the sign-up is bevestigd: in the tab, through the API and in the SharePoint list',
      async () => {
        await app.open(`#/signups/${signupId}/log`);
        await app.waitForHeading('Haarlem: Logboek');
        await expect(
          app.page.getByText('bevestigd', { exact: true }).first().isVisible(),
        ).resolves.toBe(true);
        await expectNoAxeViolationsInBothThemes(app, 'log');
        const view = await app.api<{ status: string; confirmedSlot: { slotIndex: number } }>(
          `/api/signups/${signupId}`,
        );
        expect(view.status).toBe('bevestigd');
        expect(view.confirmedSlot.slotIndex).toBe(chosen - 1);
        await expect(readListItemStatus(stack, signupId)).resolves.toBe('bevestigd');

        const overview = new OverviewPage(app.page);
        await app.open('#/');
        await overview.waitUntilLoaded();
        await expect(overview.statusOf('Haarlem')).resolves.toBe('bevestigd');
      },
    );

    await step('the RIEC trainer sees the workshop on their own page (read-only)', async () => {
      const trainerContext = await newTabContext(browser, stack);
      const trainer = new TabApp(await trainerContext.newPage(), stack);
      await trainer.signIn(pair.riec);
      await trainer.waitForHeading('Mijn workshops');
      const workshops = trainer.page.getByRole('region', { name: 'Workshops die u geeft' });
      await expect(workshops.innerText()).resolves.toMatch(
        /Haarlem: \w+dag \d+ \w+ \d{4}, 19\.30–22\.30 uur/,
      );
      await expect(
        trainer.page.getByRole('link', { name: 'Nieuwe aanmelding' }).count(),
      ).resolves.toBe(0);
      await expectNoAxeViolationsInBothThemes(trainer, 'trainer');
      await trainerContext.close();
    });

    await step(
      'the coordinator sees every RIEC, Haarlem confirmed, and no planning buttons',
      async () => {
        const coordinatorContext = await newTabContext(browser, stack);
        const coordinator = new TabApp(await coordinatorContext.newPage(), stack);
        await coordinator.signIn('Pieter Bakker');
        const overview = new OverviewPage(coordinator.page);
        await overview.waitUntilLoaded();
        await expect(
          coordinator.page
            .getByRole('heading', { name: 'Alle gemeenten in Noord-Holland' })
            .count(),
        ).resolves.toBe(1);
        await expect(overview.countText()).resolves.toBe('44 van 44 gemeenten');
        await expect(overview.statusOf('Haarlem')).resolves.toBe('bevestigd');
        await coordinator.page.getByRole('combobox', { name: 'RIEC' }).selectOption({
          label: 'RIEC Amsterdam-Amstelland',
        });
        await expect(overview.countText()).resolves.toMatch(/^\d+ van 44 gemeenten$/);
        await expect(
          coordinator.page.getByRole('link', { name: /^Aanmelden/ }).count(),
        ).resolves.toBe(0);
        await expectNoAxeViolationsInBothThemes(coordinator, 'coordinator-overview');
        await coordinatorContext.close();
      },
    );
  }, 1_800_000);
});

/** The sign-up's item in the SharePoint list, read as the app over the sandbox's plain HTTP. */
async function readListItemStatus(running: RunningStack, id: string): Promise<string> {
  const tenant = '5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90';
  const token = await fetch(`${running.sandboxHttpUrl}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: '2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27',
      client_secret: 'sandbox-client-secret-not-for-production',
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const item = await fetch(
    `${running.sandboxHttpUrl}/v1.0/sites/root/lists/Workshopaanmeldingen/items/${id}?expand=fields`,
    { headers: { authorization: `Bearer ${accessToken}` } },
  );
  const body = (await item.json()) as { fields: { Status: string } };
  return body.fields.Status;
}

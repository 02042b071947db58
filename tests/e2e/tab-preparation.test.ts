// The page Voorbereiding in Chromium (issue 14, "Done when"): Sanne de Vries, account holder of
// RIEC Noord-Holland, has a confirmed workshop in Haarlem (reached through the API, both trainers
// accepting in the sandbox's inspector). On its Voorbereiding she pastes rows copied from a
// spreadsheet (another column order, a row without party, a duplicate name) and reads how the
// columns were taken and the Dutch message per row; she uploads an .xlsx and a .csv with bad rows
// and a file that is not a spreadsheet (nothing stored); she saves a good list, makes groups, moves
// one person to another group with the keyboard only (the scores follow), shuffles, looks at the
// print view (one A4 page: the groups, no navigation) and downloads the groups as .xlsx. Dutch and
// English, light and dark, 0 axe violations; at 375 px no sideways scrolling.
// With PREPARATION_SCREENSHOTS=<folder> it saves preparation-{nl-light,en-dark,375}.png there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { confirmWorkshop } from '../support/confirmed-workshop.js';
import { startStack, type RunningStack } from '../support/stack.js';
import { findAxeViolations } from './pages/axe.js';
import { newTabContext, TabApp } from './pages/tab-app.js';

const SCREENSHOTS = process.env['PREPARATION_SCREENSHOTS'];
const SLOW = 180_000;

/** Name, party, side, role: the griffie's list, with names that occur nowhere in the seed. */
const GOOD_LIST = [
  ['Wilhelmina Zonnebloem', 'Partij Zilvermeeuw', 'coalitie', 'raadslid'],
  ['Barend Kwikstaart', 'Partij Zilvermeeuw', 'coalitie', 'raadslid'],
  ['Ide Zandhagedis', 'Partij Zilvermeeuw', 'coalitie', 'raadslid'],
  ['Marit Tureluur', 'Partij Zilvermeeuw', 'coalitie', 'burgerlid'],
  ['Cornelia Boterbloem', 'Lijst Korenwolf', 'oppositie', 'raadslid'],
  ['Dirkje Sleedoorn', 'Lijst Korenwolf', 'oppositie', 'burgerlid'],
  ['Jozefien Roerdomp', 'Lijst Korenwolf', 'oppositie', 'raadslid'],
  ['Evert Pimpernel', 'Groep Heidehaan', 'coalitie', 'wethouder'],
  ['Fenna Klaproos', 'Groep Heidehaan', 'coalitie', 'raadslid'],
  ['Nanne Kievit', 'Groep Heidehaan', 'coalitie', 'raadslid'],
  ['Gijsbert Waterhoen', 'Fractie Boomvalk', 'oppositie', 'raadslid'],
  ['Hester Ratelaar', 'Fractie Boomvalk', 'oppositie', 'raadslid'],
  ['Otto Patrijs', 'Fractie Boomvalk', 'oppositie', 'raadslid'],
  ['Pien Karekiet', 'Lokaal Belang Duinroos', 'oppositie', 'raadslid'],
  ['Kees Grutto', '', '', 'burgemeester'],
  ['Lotte Wulp', '', '', 'griffier'],
] as const;

let stack: RunningStack;
let browser: Browser;
let app: TabApp;
let signupId: string;

const sheetPath = () => `#/signups/${signupId}/preparation`;

interface SheetView {
  attendees: { name: string }[] | null;
  groups: {
    seed: number;
    groups: { number: number; members: string[] }[];
    score: { rulesHold: boolean };
  } | null;
}
const storedSheet = () => app.api<SheetView>(`/api/signups/${signupId}/attendees`);

async function openSheet(heading: string | RegExp = /Voorbereiding/): Promise<void> {
  await app.open(sheetPath());
  await app.waitForHeading(heading);
  await app.page.getByRole('heading', { level: 3, name: /Werkblad|Workshop sheet/ }).waitFor();
}

function previewSection(page: Page) {
  return page.getByRole('region', { name: /Zo is de lijst gelezen|How the list was read/ });
}

/** Chooses `file` in the upload and asks for the preview. */
async function uploadAndPreview(file: { name: string; mimeType: string; buffer: Buffer }) {
  await app.page.getByLabel(/Bestand uploaden/).setInputFiles(file);
  // The preview of the list before goes; the new one comes once the file is read and sent.
  await previewSection(app.page).waitFor({ state: 'detached' });
  await app.page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await previewSection(app.page).waitFor();
}

async function problems(): Promise<string> {
  return (await previewSection(app.page).locator('ul li').allInnerTexts()).join('\n');
}

async function expectNothingStored(): Promise<void> {
  await expect(storedSheet().then((sheet) => sheet.attendees)).resolves.toBeNull();
}

async function expectClean(label: string, screenshot?: 'light' | 'dark'): Promise<void> {
  const light = await findAxeViolations(app.page);
  if (SCREENSHOTS && screenshot === 'light') {
    await app.page.screenshot({
      path: join(SCREENSHOTS, `preparation-${label}-light.png`),
      fullPage: true,
    });
  }
  await app.toggleDarkTheme();
  const wasDark = await app.isDark();
  const dark = await findAxeViolations(app.page);
  if (SCREENSHOTS && screenshot === 'dark') {
    await app.page.screenshot({
      path: join(SCREENSHOTS, `preparation-${label}-dark.png`),
      fullPage: true,
    });
  }
  await app.toggleDarkTheme();
  expect({ label, wasDark, light, dark }).toEqual({ label, wasDark: true, light: [], dark: [] });
}

/** The members' buttons of group `number`, as shown. */
async function membersOf(number: number): Promise<string[]> {
  const card = app.page.getByRole('group', { name: new RegExp(`^(Groep|Group) ${number}$`) });
  return (await card.getByRole('button').allInnerTexts()).map((text) => text.split(' — ')[0]!);
}

async function groupScoreOf(number: number): Promise<string> {
  const card = app.page.getByRole('group', { name: new RegExp(`^(Groep|Group) ${number}$`) });
  return (
    await card
      .getByText(/coalit/)
      .first()
      .innerText()
  ).trim();
}

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchChromium(), startStack()]);
  const context = await newTabContext(browser, stack, { acceptDownloads: true });
  app = new TabApp(await context.newPage(), stack);
  await app.signIn('Sanne de Vries');
  const workshop = await confirmWorkshop(stack, await app.accessToken(), {
    cbsCode: 'GM0392',
    contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' },
  });
  signupId = workshop.signupId;
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the attendee list on Voorbereiding', () => {
  it(
    'reads rows pasted from a spreadsheet in another column order and names the bad rows in Dutch',
    async () => {
      await openSheet('Haarlem: Voorbereiding');
      const pasted = [
        'Fractie\tNaam\tRol\tCoalitie/oppositie',
        'Partij Zilvermeeuw\tWilhelmina Zonnebloem\traadslid\tcoalitie',
        '\tBarend Kwikstaart\traadslid\tcoalitie',
        'Lijst Korenwolf\tCornelia Boterbloem\traadslid\toppositie',
        'Lijst Korenwolf\tCornelia Boterbloem\traadslid\toppositie',
      ].join('\n');
      await app.page.getByRole('textbox', { name: 'Rijen uit Excel plakken' }).fill(pasted);
      await app.page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      const preview = previewSection(app.page);
      await preview.waitFor();
      await expect(preview.getByText(/^Kolommen:/).innerText()).resolves.toBe(
        'Kolommen: Fractie → fractie, Naam → naam, Rol → rol, Coalitie/oppositie → coalitie/oppositie',
      );
      const found = await problems();
      expect(found).toMatch(/Rij 3: bij Barend Kwikstaart \(raadslid\) ontbreekt de fractie/);
      expect(found).toMatch(/Rij 5: Cornelia Boterbloem staat ook op rij 4/);
      // The rows as read, in the list's own columns.
      const rows = await preview.getByRole('row').allInnerTexts();
      expect(rows[1]).toMatch(/2\s+Wilhelmina Zonnebloem\s+Partij Zilvermeeuw\s+coalitie/);
      await expectClean('nl-preview');

      // Saving refuses the list as a whole, and nothing is stored.
      await app.page.getByRole('button', { name: 'Deelnemerslijst opslaan' }).click();
      await app.page
        .getByRole('alert')
        .filter({ hasText: /ontbreekt de fractie/ })
        .waitFor();
      await expectNothingStored();
    },
    SLOW,
  );

  it(
    'uploads an .xlsx and a .csv with bad rows, and refuses a file that is not a spreadsheet',
    async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Deelnemers');
      sheet.addRow(['Naam', 'Fractie', 'Coalitie/oppositie', 'Rol']);
      sheet.addRow(['Wilhelmina Zonnebloem', 'Partij Zilvermeeuw', 'coalitie', 'raadslid']);
      sheet.addRow(['Barend Kwikstaart', '', 'coalitie', 'raadslid']);
      sheet.addRow(['Wilhelmina Zonnebloem', 'Partij Zilvermeeuw', 'coalitie', 'raadslid']);
      await uploadAndPreview({
        name: 'deelnemers.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
      let found = await problems();
      expect(found).toMatch(/Rij 3: bij Barend Kwikstaart \(raadslid\) ontbreekt de fractie/);
      expect(found).toMatch(/Rij 4: Wilhelmina Zonnebloem staat ook op rij 2/);

      const csv = [
        'Rol;Coalitie/oppositie;Fractie;Naam',
        'raadslid;coalitie;Partij Zilvermeeuw;Ide Zandhagedis',
        'raadslid;oppositie;;Hester Ratelaar',
      ].join('\r\n');
      await uploadAndPreview({
        name: 'deelnemers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      found = await problems();
      expect(found).toMatch(/Rij 3: bij Hester Ratelaar \(raadslid\) ontbreekt de fractie/);
      await expect(
        previewSection(app.page)
          .getByText(/^Kolommen:/)
          .innerText(),
      ).resolves.toMatch(
        /^Kolommen: Rol → rol, Coalitie\/oppositie → coalitie\/oppositie, Fractie → fractie, Naam → naam$/,
      );

      await uploadAndPreview({
        name: 'lijst.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.7\n1 0 obj\n'),
      });
      expect(await problems()).toMatch(/een pdf, geen spreadsheet/);
      await app.page.getByRole('button', { name: 'Deelnemerslijst opslaan' }).click();
      await app.page
        .getByRole('alert')
        .filter({ hasText: /geen spreadsheet/ })
        .waitFor();
      await expectNothingStored();
    },
    SLOW,
  );

  it(
    'saves a good list pasted from a spreadsheet',
    async () => {
      await openSheet();
      const pasted = [
        'Naam\tFractie\tCoalitie/oppositie\tRol',
        ...GOOD_LIST.map((row) => row.join('\t')),
      ].join('\n');
      await app.page.getByRole('textbox', { name: 'Rijen uit Excel plakken' }).fill(pasted);
      await app.page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await previewSection(app.page)
        .getByText('Geen fouten: de lijst kan worden opgeslagen.')
        .waitFor();
      await app.page.getByRole('button', { name: 'Deelnemerslijst opslaan' }).click();
      await app.page
        .getByRole('status')
        .filter({ hasText: `${GOOD_LIST.length} deelnemers opgeslagen.` })
        .waitFor();
      const stored = await storedSheet();
      expect(stored.attendees?.map((a) => a.name).sort()).toEqual(
        GOOD_LIST.map(([name]) => name).sort(),
      );
    },
    SLOW,
  );
});

describe('the groups on Voorbereiding', () => {
  it(
    'makes groups, and moves one person to another group with the keyboard only',
    async () => {
      await app.page.getByRole('button', { name: 'Maak groepen' }).click();
      await app.page.getByRole('group', { name: 'Groep 1' }).waitFor();
      await expect(
        app.page
          .getByText(/^Afwijking van de mix: [\d.]+ personen; best mogelijk: [\d.]+\.$/)
          .count(),
      ).resolves.toBe(1);
      await expect(
        app.page.getByText('Buiten de groepen: Kees Grutto, Lotte Wulp').count(),
      ).resolves.toBe(1);
      const before1 = await membersOf(1);
      const before2 = await membersOf(2);
      const scoreBefore = [await groupScoreOf(1), await groupScoreOf(2)];

      // From "Maak groepen", Tab to the first person of group 1, then the right arrow.
      await app.page.getByRole('button', { name: 'Maak groepen' }).focus();
      let focused = '';
      for (let i = 0; i < 20 && !focused.startsWith(before1[0]!); i++) {
        await app.page.keyboard.press('Tab');
        focused = await app.page.evaluate(() => document.activeElement?.textContent ?? '');
      }
      expect(focused).toContain(before1[0]);
      await app.page.keyboard.press('ArrowRight');
      await app.page
        .getByRole('status')
        .filter({ hasText: `${before1[0]} staat nu in groep 2.` })
        .waitFor();
      await expect(membersOf(1)).resolves.toEqual(before1.slice(1));
      await expect(membersOf(2)).resolves.toEqual([...before2, before1[0]]);
      const scoreAfter = [await groupScoreOf(1), await groupScoreOf(2)];
      expect(scoreAfter).not.toEqual(scoreBefore);
      // The focus stays on the person who moved, so the next arrow moves them on.
      await expect(
        app.page.evaluate(() => document.activeElement?.textContent ?? ''),
      ).resolves.toContain(before1[0]);
      const stored = await storedSheet();
      expect(stored.groups?.groups[1]?.members).toHaveLength(before2.length + 1);
    },
    SLOW,
  );

  it(
    'shuffles to another assignment that keeps the rules',
    async () => {
      const before = await storedSheet();
      await app.page.getByRole('button', { name: 'Schud opnieuw' }).click();
      await app.page.waitForFunction(
        () => !document.body.textContent?.includes('Let op: de groepen houden zich niet'),
      );
      const after = await storedSheet();
      expect(after.groups?.seed).toBe((before.groups?.seed ?? 0) + 1);
      expect(after.groups?.score.rulesHold).toBe(true);
      expect(after.groups?.groups).not.toEqual(before.groups?.groups);
      await expectClean('nl', 'light');
    },
    SLOW,
  );

  it(
    'prints the groups on one A4 page, without the navigation',
    async () => {
      // A4 at 96 dpi, less Chromium's default margins of about 1 cm.
      await app.page.setViewportSize({ width: 718, height: 1047 });
      await app.page.emulateMedia({ media: 'print' });
      try {
        await expect(
          app.page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(),
        ).resolves.toBe(false);
        await expect(
          app.page.getByRole('button', { name: 'Maak groepen' }).isVisible(),
        ).resolves.toBe(false);
        await expect(
          app.page.getByRole('textbox', { name: 'Rijen uit Excel plakken' }).isVisible(),
        ).resolves.toBe(false);
        for (const number of [1, 2]) {
          await expect(
            app.page.getByRole('group', { name: `Groep ${number}` }).isVisible(),
          ).resolves.toBe(true);
        }
        await expect(app.page.getByText('Werkblad van de workshop').isVisible()).resolves.toBe(
          true,
        );
        const height = await app.page.evaluate(() => document.documentElement.scrollHeight);
        expect(height).toBeLessThanOrEqual(1047);
      } finally {
        await app.page.emulateMedia({ media: 'screen' });
        await app.page.setViewportSize({ width: 1280, height: 900 });
      }
    },
    SLOW,
  );

  it(
    'downloads the groups as .xlsx',
    async () => {
      const stored = await storedSheet();
      const [download] = await Promise.all([
        app.page.waitForEvent('download'),
        app.page.getByRole('button', { name: 'Groepen downloaden (.xlsx)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const sheet = workbook.getWorksheet('Groepen')!;
      const rows: string[][] = [];
      sheet.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')));
      });
      const header = rows.findIndex((row) => row[0] === 'Groep');
      expect(rows[header]).toEqual(['Groep', 'Naam', 'Fractie', 'Coalitie/oppositie', 'Rol']);
      const people = rows.slice(header + 1);
      expect(people).toHaveLength(GOOD_LIST.length);
      const first = stored.groups!.groups[0]!;
      expect(people.filter((row) => row[0] === '1')).toHaveLength(first.members.length);
      expect(people.find((row) => row[1] === 'Kees Grutto')?.[0]).toBe('buiten de groepen');
      expect(people.find((row) => row[1] === 'Pien Karekiet')?.slice(2)).toEqual([
        'Lokaal Belang Duinroos',
        'oppositie',
        'raadslid',
      ]);
    },
    SLOW,
  );
});

describe('Voorbereiding in English and on a narrow screen', () => {
  it(
    'shows the sheet in English, light and dark, with 0 axe violations',
    async () => {
      await app.switchLanguage('English');
      await openSheet(/Preparation/);
      await app.page.getByRole('group', { name: 'Group 1' }).waitFor();
      await expectClean('en', 'dark');
      await app.switchLanguage('Nederlands');
    },
    SLOW,
  );

  it(
    'fits a 375 px pane without sideways scrolling of the page',
    async () => {
      await app.page.setViewportSize({ width: 375, height: 800 });
      try {
        await openSheet();
        await app.page.getByRole('group', { name: 'Groep 1' }).waitFor();
        await expect(
          app.page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
        ).resolves.toBe(0);
        if (SCREENSHOTS) {
          await app.page.screenshot({
            path: join(SCREENSHOTS, 'preparation-375.png'),
            fullPage: true,
          });
        }
      } finally {
        await app.page.setViewportSize({ width: 1280, height: 900 });
      }
    },
    SLOW,
  );
});

// `npx tsx scripts/screenshots.ts`: starts the product as `npm start` does (own ports and data
// folder), fills the sandbox with sign-ups in every stage (through the API as Sanne de Vries,
// trainers answering in the inspector), opens the tab's main pages in Debian's Chromium in Dutch
// and English, light and dark, and saves screenshots under docs/screenshots/.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Inspector } from '../tests/e2e/pages/inspector.js';
import { eveningSlotTexts } from '../tests/e2e/pages/slots.js';
import { newTabContext, TabApp } from '../tests/e2e/pages/tab-app.js';
import { launchChromium } from '../tests/support/browser.js';
import { startStack, type RunningStack } from '../tests/support/stack.js';
import { DateTime } from 'luxon';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });

type Json = Record<string, unknown> & { id?: string };

/** The API as the signed-in user of `app`. */
function apiOf(app: TabApp) {
  return async (path: string, body?: unknown): Promise<Json> => {
    const response = await fetch(`${app.stack.appUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${await app.accessToken()}`,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Json;
  };
}

/**
 * Three evenings in the n-th ordinary week from the stack's today: weeks with a public holiday
 * or an evening people keep free (Christmas, New Year's Eve, …) are skipped (eveningSlotTexts),
 * as a municipality would.
 */
function ordinaryEvenings(now: Date, n: number) {
  const weeks: string[] = [];
  for (let weeksAhead = 1; ; weeksAhead++) {
    const slots = eveningSlotTexts(now, weeksAhead);
    if (weeks.includes(slots[0]!.date)) continue;
    weeks.push(slots[0]!.date);
    if (weeks.length === n) return slots;
  }
}

function isoSlots(now: Date, weeks: number) {
  return ordinaryEvenings(now, weeks).map((slot) => {
    const at = (time: string) =>
      DateTime.fromISO(`${slot.date}T${time}`, { zone: 'Europe/Amsterdam' }).toISO() ?? '';
    return { start: at(slot.start), end: at(slot.end) };
  });
}

interface Seeded {
  readonly registered: string;
  readonly answered: string;
  readonly confirmed: string;
  /** The RIEC advisor of the confirmed workshop: their own page has something to show. */
  readonly trainer: string;
}

/** Three sign-ups: registered (Zandvoort), options with one accepted by both (Haarlem), confirmed (Velsen). */
async function seed(browser: Browser, stack: RunningStack): Promise<Seeded> {
  const page = await (await newTabContext(browser, stack)).newPage();
  const app = new TabApp(page, stack);
  await app.signIn('Sanne de Vries');
  const api = apiOf(app);
  const register = async (cbsCode: string, name: string, domain: string, weeks: number) =>
    (
      (await api('/api/signups', {
        cbsCode,
        contact: { name, email: `burgemeester@${domain}` },
        preferences: isoSlots(stack.now(), weeks),
        scanStatus: 'gedaan',
        remarks: 'Graag in de raadzaal.',
      })) as { signup: { id: string } }
    ).signup.id;
  const placeOptions = async (id: string, weeks: number) => {
    const availability = (await api('/api/availability', {
      slots: isoSlots(stack.now(), weeks),
    })) as {
      pairs: {
        berenschot: { email: string; name: string };
        riec: { email: string; name: string };
      }[];
      trainers: { trainer: { email: string }; availability: { availability: string }[] }[];
    };
    const pair = availability.pairs[0]!;
    await api(`/api/signups/${id}/propose`, {
      berenschot: pair.berenschot.email,
      riec: pair.riec.email,
    });
    const riec = availability.trainers.find((t) => t.trainer.email === pair.riec.email)!;
    const free = riec.availability.findIndex((a) => a.availability === 'free');
    return { pair, option: (free < 0 ? 0 : free) + 1 };
  };
  const acceptBoth = async (
    municipality: string,
    chosen: { pair: { berenschot: { name: string }; riec: { name: string } }; option: number },
  ) => {
    const inspector = new Inspector(await browser.newPage(), stack.sandboxHttpUrl);
    for (const person of [chosen.pair.berenschot.name, chosen.pair.riec.name]) {
      await inspector.answer(person, { municipality, option: chosen.option }, 'Accepteren');
    }
    await inspector.page.close();
    await api('/api/sync', {});
  };

  const registered = await register('GM0473', 'Kabinet van de burgemeester', 'zandvoort.nl', 4);
  const answered = await register('GM0392', 'Kabinet van de burgemeester', 'haarlem.nl', 3);
  const haarlem = await placeOptions(answered, 3);
  await acceptBoth('Haarlem', haarlem);
  const confirmed = await register('GM0453', 'Kabinet van de burgemeester', 'velsen.nl', 5);
  const velsen = await placeOptions(confirmed, 5);
  await acceptBoth('Velsen', velsen);
  await api(`/api/signups/${confirmed}/confirm`, { slotIndex: velsen.option - 1 });
  await page.close();
  return { registered, answered, confirmed, trainer: velsen.pair.riec.name };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() =>
    Promise.allSettled(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished),
    ),
  );
}

async function capture(
  browser: Browser,
  stack: RunningStack,
  seeded: Seeded,
  language: 'nl' | 'en',
  theme: 'light' | 'dark',
): Promise<void> {
  const context = await newTabContext(browser, stack, {
    viewport: { width: 1280, height: 860 },
    colorScheme: theme,
    locale: language === 'nl' ? 'nl-NL' : 'en-GB',
  });
  await context.addInitScript(
    (lng) => localStorage.setItem('workshopplanner.language', lng),
    language,
  );
  const app = new TabApp(await context.newPage(), stack);
  await app.signIn('Sanne de Vries');
  // Each page with what shows it has loaded.
  const shots: [string, string, (page: Page) => ReturnType<Page['locator']>][] = [
    ['overview', '#/', (page) => page.getByRole('table')],
    ['register', `#/register?gemeente=GM0361`, (page) => page.getByRole('combobox')],
    [
      'availability',
      `#/signups/${seeded.registered}/availability`,
      (page) => page.getByRole('radiogroup'),
    ],
    ['options', `#/signups/${seeded.answered}/options`, (page) => page.getByRole('table')],
    ['confirm', `#/signups/${seeded.answered}/confirm`, (page) => page.getByRole('article')],
    [
      'log',
      `#/signups/${seeded.confirmed}/log`,
      (page) => page.getByRole('list', { name: /oudste eerst|oldest first/ }),
    ],
  ];
  for (const [name, fragment, loaded] of shots) {
    await app.open(fragment);
    await loaded(app.page).first().waitFor({ timeout: 20_000 });
    if (name === 'register') {
      // Show the form as it answers a mistake: the API's messages at the fields.
      await app.page.getByRole('textbox', { name: /E-mail/ }).fill('kabinet-alkmaar');
      await app.page
        .getByRole('button', { name: /Aanmelding vastleggen|Register the sign-up/ })
        .click();
      await app.page.getByRole('alert').first().waitFor();
    }
    await settle(app.page);
    await app.page.screenshot({ path: `${out}/${name}-${language}-${theme}.png`, fullPage: true });
  }
  await context.close();
}

const browser = await launchChromium();
const stack = await startStack();
try {
  console.log(stack.output.filter((line) => line.trim()).join('\n'));
  const seeded = await seed(browser, stack);
  for (const language of ['nl', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await capture(browser, stack, seeded, language, theme);
    }
  }
  const trainer = await newTabContext(browser, stack, { viewport: { width: 1280, height: 860 } });
  const trainerApp = new TabApp(await trainer.newPage(), stack);
  await trainerApp.signIn(seeded.trainer);
  await trainerApp.waitForHeading('Mijn workshops');
  await settle(trainerApp.page);
  await trainerApp.page.screenshot({ path: `${out}/trainer-nl-light.png`, fullPage: true });
  await trainer.close();

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The tab before anyone signed in: what a browser shows first.
  await page.goto(stack.appUrl);
  await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  await page.screenshot({ path: `${out}/app.png` });
  await page.goto(`${stack.sandboxHttpUrl}/inspector`);
  await page.screenshot({ path: `${out}/inspector.png` });
  await page
    .getByRole('link', { name: /Fatima Amrani/ })
    .first()
    .click();
  await page.screenshot({ path: `${out}/inspector-week.png` });
  console.log(`Screenshots in ${out}/`);
} finally {
  await browser.close();
  await stack.stop();
}

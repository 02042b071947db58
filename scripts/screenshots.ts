// `npx tsx scripts/screenshots.ts`: starts the product as `npm start` does (own ports and data
// folder), opens its pages in Debian's Chromium and saves screenshots under docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.js';
import { startStack } from '../tests/support/stack.js';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const stack = await startStack();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  console.log(stack.output.filter((line) => line.trim()).join('\n'));
  await page.goto(stack.appUrl);
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

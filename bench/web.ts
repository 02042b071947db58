// `npx tsx bench/web.ts`: the Teams tab's load budget (issue 5: at most 200 KB of gzipped
// JavaScript before the first render). Builds the web bundle, sums the gzipped size of the
// JavaScript the entry page loads before it renders (the entry chunk and its static imports,
// from Vite's manifest — not the pages, which are lazy), then opens the page in headless
// Chromium and reads the mark the app sets on its first render. Prints Markdown for
// bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/support/browser.js';

// A folder of its own: dist/web is rebuilt by every `npm start` (tests, other work).
const DIST = resolve('.data/bench-web');
const BUDGET_BYTES = 200 * 1024;
const RUNS = 15;
const FIRST_RENDER_MARK = 'workshopplanner:first-render';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

function build(): void {
  const result = spawnSync(
    resolve('node_modules/.bin/vite'),
    ['build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('vite build failed');
}

/**
 * The entry page's JavaScript before first render: the scripts index.html names (module
 * scripts and modulepreloads) and, through the manifest, everything they import statically.
 * Dynamic imports (the pages, Teams, sign-in) are left out: they load after the first render.
 */
function listInitialChunks(manifest: Record<string, ManifestChunk>, html: string): string[] {
  const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
  const byKey = new Map(Object.entries(manifest));
  const named = [...html.matchAll(/<(?:script[^>]*src|link[^>]*href)="\/([^"]+\.js)"/g)].map(
    (match) => match[1] ?? '',
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const key of byFile.get(file)?.imports ?? []) {
      const next = byKey.get(key)?.file;
      if (next) visit(next);
    }
  };
  named.forEach(visit);
  return [...seen];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** dist/web as the product's server serves it (static files, gzip as a CDN would). */
function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(DIST) || path.startsWith('/api/')) {
      // No API here: the app renders its frame first and only then asks the server anything.
      response.writeHead(503).end();
      return;
    }
    try {
      const body = gzipSync(readFileSync(file));
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch (error) {
      response.writeHead(404).end(String((error as Error).message));
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function measureFirstRender(url: string, cpuSlowdown: number) {
  const browser = await launchChromium();
  const times: number[] = [];
  const scriptsBeforeRender = new Set<number>();
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each time: nothing cached, as on a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      if (cpuSlowdown > 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
      }
      await page.goto(url);
      await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark, 'mark').length > 0,
        FIRST_RENDER_MARK,
      );
      const result = await page.evaluate((mark) => {
        const at = performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? Number.NaN;
        const scripts = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js') && entry.startTime < at).length;
        return { at, scripts };
      }, FIRST_RENDER_MARK);
      times.push(result.at);
      scriptsBeforeRender.add(result.scripts);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    median: pick(0.5),
    p90: pick(0.9),
    min: times[0] ?? 0,
    scripts: [...scriptsBeforeRender],
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

build();
const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;
const initial = listInitialChunks(manifest, readFileSync(join(DIST, 'index.html'), 'utf8'));
const sizes = initial.map((file) => {
  const bytes = readFileSync(join(DIST, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
});
const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
const lazy = Object.values(manifest).filter(
  (chunk) => chunk.file.endsWith('.js') && !initial.includes(chunk.file),
);

const server = await serve();
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const fast = await measureFirstRender(url, 1);
const slow = await measureFirstRender(url, 4);
server.close();

const lines = [
  `### Teams tab: JavaScript before the first render and time to first render`,
  '',
  `Built with \`vite build\`; the entry page (\`index.html\`) loads ${initial.length} JavaScript files before it renders; the pages and the Teams, sign-in and MSAL code are ${lazy.length} lazy chunks.`,
  '',
  '| file | raw | gzip |',
  '|---|---:|---:|',
  ...sizes.map((entry) => `| ${entry.file} | ${kb(entry.raw)} | ${kb(entry.gzip)} |`),
  `| **total before first render** | ${kb(sizes.reduce((s, e) => s + e.raw, 0))} | **${kb(total)}** (budget ${kb(BUDGET_BYTES)}: ${total <= BUDGET_BYTES ? 'within' : 'OVER'}) |`,
  '',
  `Time to first render in headless Chromium (${RUNS} loads each, fresh context, local server with gzip; the \`${FIRST_RENDER_MARK}\` mark, ms after navigation start):`,
  '',
  '| CPU | median | p90 | fastest | scripts loaded before the mark |',
  '|---|---:|---:|---:|---:|',
  `| as is | ${Math.round(fast.median)} ms | ${Math.round(fast.p90)} ms | ${Math.round(fast.min)} ms | ${fast.scripts.join(', ')} |`,
  `| 4× slower (emulated) | ${Math.round(slow.median)} ms | ${Math.round(slow.p90)} ms | ${Math.round(slow.min)} ms | ${slow.scripts.join(', ')} |`,
];
console.log(lines.join('\n'));
if (total > BUDGET_BYTES) process.exitCode = 1;

// `npm start`: the composition root of a local run. Builds the web bundles, starts the local
// Microsoft 365 sandbox (unless START_SANDBOX=false, for a real tenant) and the Workshopplanner
// server, each as its own process, and says when both are ready.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { DateTime } from 'luxon';
import { buildWeb } from './build-web.js';
import { readSandboxConfig } from '@workshopplanner/m365-sandbox/config';
import { readServerEnv } from '../server/env.js';
import { sandboxTrainerList } from '@workshopplanner/m365-sandbox/trainers';
import { ensureCertificateAuthority, extraCaCertsFor } from '@workshopplanner/m365-sandbox/tls';

if (existsSync('.env')) process.loadEnvFile('.env');
// The server checks its settings again (src/server/main.ts); checked here first, the operator
// hears what to fix before the web bundle is built. START_SANDBOX is read through the same schema.
let startSandbox: boolean;
try {
  startSandbox = readServerEnv().START_SANDBOX;
  // One offset for both processes, taken once here, so their clocks agree to the millisecond.
  const today = process.env.SANDBOX_TODAY?.trim();
  if (today) {
    if (!startSandbox)
      throw new Error('SANDBOX_TODAY werkt alleen met de sandbox (START_SANDBOX=true)');
    const at = DateTime.fromISO(today, { setZone: true });
    if (!at.isValid || !/(Z|[+-]\d{2}:\d{2})$/.test(today)) {
      throw new Error(
        `SANDBOX_TODAY "${today}" is geen tijdstip met tijdzone, bijvoorbeeld 2026-09-01T09:00:00+02:00`,
      );
    }
    process.env.SANDBOX_CLOCK_OFFSET_MS = String(at.toMillis() - Date.now());
  }
} catch (error) {
  console.error(`Starten mislukt: ${(error as Error).message}`);
  process.exit(1);
}
const children: ChildProcess[] = [];
/** The sandbox package's own start command (`npm start` there), found through the package name. */
const SANDBOX_MAIN = fileURLToPath(
  new URL('src/main.ts', import.meta.resolve('@workshopplanner/m365-sandbox/package.json')),
);

function stopAll(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}

/** Starts `tsx <entry>` and resolves with its output lines once it prints `readyLine`. */
function startService(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const tsx = resolve('node_modules/.bin/tsx');
  const child = spawn(tsx, [entry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    const lines: string[] = [];
    let ready = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (ready) {
        console.log(`[${name}] ${line}`);
        return;
      }
      lines.push(line);
      if (line.endsWith(' ready')) {
        ready = true;
        resolvePromise(lines);
      }
    });
    child.once('exit', (code) => {
      if (!ready)
        reject(new Error(`${name} stopped before it was ready (exit code ${code ?? 'none'})`));
      else {
        console.error(`${name} stopped (exit code ${code ?? 'none'})`);
        stopAll(code ?? 1);
      }
    });
  });
}

/**
 * The sandbox starts without the product's SharePoint lists, as a new tenant would: provision it
 * exactly as `npm run provision` does a real tenant (as the sandbox's provisioning app: the lists,
 * the product app's `write` grant on the site, the read-back) and fill the trainer list with the
 * sandbox's advisors. Runs as its own process so it trusts the sandbox CA from start-up.
 */
function provisionSandbox(env: NodeJS.ProcessEnv): void {
  const trainersFile = resolve(readSandboxConfig().dataDir, 'trainers.json');
  mkdirSync(dirname(trainersFile), { recursive: true });
  writeFileSync(trainersFile, `${JSON.stringify(sandboxTrainerList(), null, 2)}\n`);
  const run = spawnSync(
    resolve('node_modules/.bin/tsx'),
    ['src/cli/main.ts', 'provision', '--trainers', trainersFile, '--demo-campaign'],
    {
      env,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0)
    throw new Error(`provisioning the sandbox failed:\n${run.stderr}${run.stdout}`);
}

console.log('Workshopplanner wordt gestart…');
// Built where the server will serve it from (WEB_DIST_DIR), so stacks side by side (tests) do not
// rebuild each other's files while serving them. WEB_BUILD=skip serves a build made before (the
// browser tests build once and start many stacks on it).
const webDist = resolve(process.env.WEB_DIST_DIR ?? 'dist/web');
if (process.env.WEB_BUILD === 'skip') {
  if (!existsSync(join(webDist, 'index.html'))) {
    console.error(`WEB_BUILD=skip, maar in ${webDist} staat geen gebouwde web-app (index.html).`);
    stopAll(1);
  }
} else if (!buildWeb(webDist)) stopAll(1);

const serverEnv: NodeJS.ProcessEnv = { ...process.env };
const urls: [string, string][] = [];
try {
  if (startSandbox) {
    const sandboxLines = await startService('sandbox', SANDBOX_MAIN, process.env);
    const sandboxUrl = /Microsoft 365-sandbox: (https:\/\/\S+)/.exec(sandboxLines.join('\n'))?.[1];
    const caPath = /NODE_EXTRA_CA_CERTS=(\S+)/.exec(sandboxLines.join('\n'))?.[1];
    if (!sandboxUrl || !caPath) throw new Error('the sandbox did not print its URL');
    // The server talks to the sandbox over HTTPS and trusts its local CA (read at process start).
    Object.assign(serverEnv, {
      NODE_EXTRA_CA_CERTS: extraCaCertsFor(ensureCertificateAuthority(dirname(resolve(caPath)))),
      AUTHORITY_HOST: sandboxUrl,
      GRAPH_BASE_URL: `${sandboxUrl}/v1.0`,
    });
    provisionSandbox(serverEnv);
    urls.push(['Microsoft 365-sandbox (Graph en aanmelden)', sandboxUrl]);
    urls.push([
      'Sandbox-inspector (agenda’s en postvakken)',
      `${sandboxUrl.replace('https:', 'http:')}/inspector`,
    ]);
  }
  const serverLines = await startService('server', 'src/server/main.ts', serverEnv);
  const appUrl = /Workshopplanner: (\S+)/.exec(serverLines.join('\n'))?.[1] ?? '';
  urls.push(['Workshopplanner (Teams-tab in de browser)', appUrl]);
  for (const [label, url] of urls) console.log(`  ${label.padEnd(44)} ${url}`);
  console.log(`Workshopplanner is ready: open ${appUrl}`);
} catch (error) {
  console.error(`Starten mislukt: ${(error as Error).message}`);
  stopAll(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopAll(0));

// Starts the product as `npm start` does (src/cli/start.ts: web build, sandbox, provisioning,
// server), on free ports and a data folder of its own, and reads the URLs it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { FIXED_TODAY } from './planning.js';

/** How long `npm start` may take to be ready: web build, sandbox and server on a busy machine. */
export const START_TIMEOUT_MS = 240_000;

export interface RunningStack {
  readonly appUrl: string;
  /** https://localhost:PORT */
  readonly sandboxUrl: string;
  /** The same port over plain HTTP, for the browser. */
  readonly sandboxHttpUrl: string;
  readonly output: readonly string[];
  /** The stack's clock (the sandbox's and the server's): from the fixed today, running. */
  now(): Date;
  stop(): Promise<void>;
}

/**
 * `today`: where the clocks of the sandbox and the server start (SANDBOX_TODAY), so a test's
 * dates are the same on every day it runs; the browser gets the same clock (newTabContext).
 */
export async function startStack(
  env: NodeJS.ProcessEnv = {},
  today: Date = FIXED_TODAY,
): Promise<RunningStack> {
  const offsetMs = today.getTime() - Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'workshopplanner-e2e-'));
  const child: ChildProcess = spawn(resolve('node_modules/.bin/tsx'), ['src/cli/start.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      SANDBOX_HTTPS_PORT: '0',
      SANDBOX_DATA_DIR: dataDir,
      // Each stack serves its own build: another test's npm start must not empty it meanwhile.
      WEB_DIST_DIR: join(dataDir, 'web'),
      LOG_LEVEL: 'warn',
      SANDBOX_TODAY: today.toISOString(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const ready = await new Promise<string>((resolvePromise, reject) => {
    // The web build alone took over 90 s while a CI run shared the two cores.
    const timer = setTimeout(
      () => reject(new Error(`npm start was not ready in time:\n${output.join('')}`)),
      START_TIMEOUT_MS,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.startsWith('Workshopplanner is ready')) {
        clearTimeout(timer);
        resolvePromise(line);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start stopped (exit ${code}):\n${output.join('\n')}`));
    });
  });
  const text = output.join('\n');
  const appUrl = /open (http\S+)/.exec(ready)?.[1] ?? '';
  const sandboxUrl =
    /Microsoft 365-sandbox \(Graph en aanmelden\)\s+(https:\/\/\S+)/.exec(text)?.[1] ?? '';
  return {
    appUrl,
    sandboxUrl,
    sandboxHttpUrl: sandboxUrl.replace('https:', 'http:'),
    output,
    now: () => new Date(Date.now() + offsetMs),
    async stop() {
      await new Promise<void>((resolvePromise) => {
        child.once('exit', () => resolvePromise());
        // The launcher and its children share a process group (detached): stop them all.
        process.kill(-child.pid!, 'SIGTERM');
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

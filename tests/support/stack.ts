// Starts the product as `npm start` does (src/cli/start.ts: web build, sandbox, provisioning,
// server), on free ports and a data folder of its own, and reads the URLs it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { FIXED_TODAY } from './planning.js';

/**
 * How long `npm start` may take to be ready (sandbox, provisioning, server) on a busy machine; the
 * web build is made before, once per test process (sharedWebBuild), and the e2e hooks get 300 s.
 */
export const START_TIMEOUT_MS = 180_000;

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

let sharedBuild: Promise<string> | undefined;

/**
 * The web app, built once per test process (jest worker) into a folder of its own: every stack of
 * that process serves it (WEB_BUILD=skip) instead of running its own Vite build, which took most
 * of a stack's start and more than a minute on a busy machine. Jest loads this module again for
 * every test file, so the folder is found by the process's id and start, and a finished build is
 * marked by a file of its own.
 */
export function sharedWebBuild(): Promise<string> {
  const started = Math.round(Date.now() / 1000 - process.uptime());
  const dir = join(tmpdir(), `workshopplanner-web-${process.pid}-${started}`);
  const done = join(dir, '.built');
  if (existsSync(done)) return Promise.resolve(dir);
  sharedBuild ??= new Promise<string>((resolvePromise, reject) => {
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const output: string[] = [];
    const build = spawn(resolve('node_modules/.bin/tsx'), ['src/cli/build-web.ts'], {
      env: { ...process.env, WEB_DIST_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    build.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    build.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    build.once('error', reject);
    build.once('exit', (code) => {
      if (code !== 0) {
        sharedBuild = undefined;
        reject(new Error(`the web build failed (exit ${code}):\n${output.join('')}`));
        return;
      }
      writeFileSync(done, '');
      resolvePromise(dir);
    });
  });
  return sharedBuild;
}

/**
 * `today`: where the clocks of the sandbox and the server start (SANDBOX_TODAY), so a test's
 * dates are the same on every day it runs; the browser gets the same clock (newTabContext).
 */
export async function startStack(
  env: NodeJS.ProcessEnv = {},
  today: Date = FIXED_TODAY,
): Promise<RunningStack> {
  // A caller that names its own WEB_DIST_DIR gets npm start's own build there.
  const webEnv: NodeJS.ProcessEnv =
    env['WEB_DIST_DIR'] === undefined
      ? { WEB_DIST_DIR: await sharedWebBuild(), WEB_BUILD: 'skip' }
      : {};
  const offsetMs = today.getTime() - Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'workshopplanner-e2e-'));
  const child: ChildProcess = spawn(resolve('node_modules/.bin/tsx'), ['src/cli/start.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      SANDBOX_HTTPS_PORT: '0',
      SANDBOX_DATA_DIR: dataDir,
      ...webEnv,
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
    // Generous: sandbox, provisioning and server take long on a busy machine (a CI run alongside);
    // the web build is made before, once (sharedWebBuild).
    const timer = setTimeout(() => {
      // Not left running behind a failed test: the launcher and its children, as in stop().
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      reject(new Error(`npm start was not ready in time:\n${output.join('')}`));
    }, START_TIMEOUT_MS);
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

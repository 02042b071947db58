// The server as the container image runs it, without a Docker engine (none runs here): a
// directory laid out like the image's /app (the Dockerfile's runtime COPY lines: package files,
// src, node_modules, dist/web), the Dockerfile's own CMD and ENV, and production-shaped settings:
// an https PUBLIC_URL, no client secret but the managed identity (a stand-in of the Container
// Apps identity endpoint), Graph and sign-in at the sandbox. It must start, answer the health
// probe the image and infra/ use, serve the pages and the bundle, and stop cleanly on SIGTERM
// (a new revision replaces it).
// Stand-ins: node_modules is the repository's (the image installs `npm ci --omit=dev`; that only
// production packages are loaded is tests/unit/manifest/runtime-dependencies.test.ts), and
// dist/web is a small bundle with the legal pages as Vite copies them (the e2e tests build the
// real one).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../src/cli/package-settings.js';
import type { Sandbox } from '../../../src/sandbox/app.js';
import { PRODUCT_APP, RIEC_TENANT, startTestSandbox } from '../../support/sandbox.js';
import {
  startIdentityEndpoint,
  STUB_IDENTITY_HEADER,
  type IdentityEndpoint,
} from '../../support/managed-identity-endpoint.js';

// A sandbox, an identity endpoint and a server process started with tsx: up to a minute and a
// half on a busy 2-core machine.
jest.setTimeout(120_000);

const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
/** The runtime stage: everything after the last FROM. */
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

function imageCommand(): string[] {
  const cmd = /^CMD (\[.*\])$/m.exec(runtime)?.[1];
  if (!cmd) throw new Error('no CMD in the Dockerfile');
  return JSON.parse(cmd) as string[];
}

function imageEnv(): Record<string, string> {
  const line = /^ENV (.*)$/m.exec(runtime)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

/** /app as the image has it, from the Dockerfile's runtime COPY lines. */
function layOutApp(dir: string): void {
  const copies = [...runtime.matchAll(/^COPY (.*)$/gm)].map((m) => m[1]!.split(/\s+/));
  for (const parts of copies) {
    const sources = parts.filter((part) => !part.startsWith('--')).slice(0, -1);
    for (const source of sources) {
      const name = source.replace(/^\/app\//, '');
      if (name === 'node_modules') symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, name));
      else if (name === 'dist/web') layOutBundle(join(dir, 'dist/web'));
      else cpSync(join(REPO_ROOT, name), join(dir, name), { recursive: true });
    }
  }
}

function layOutBundle(web: string): void {
  mkdirSync(web, { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Workshopplanner</title>');
  writeFileSync(join(web, 'addin.html'), '<!doctype html><title>Workshopplanner</title>');
  cpSync(join(REPO_ROOT, 'src/web/public/legal'), join(web, 'legal'), { recursive: true });
}

let sandbox: Sandbox;
let identity: IdentityEndpoint;
let appDir: string;
let server: ChildProcess;
let baseUrl: string;
const output: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  identity = await startIdentityEndpoint(() => 'managed-identity-token');
  appDir = mkdtempSync(join(tmpdir(), 'workshopplanner-image-'));
  layOutApp(appDir);
  const [command, ...args] = imageCommand();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) =>
      /^(PATH|HOME|TMPDIR|TZ|NODE_EXTRA_CA_CERTS)$/.test(name),
    ),
  );
  server = spawn(command!, args, {
    cwd: appDir,
    env: {
      ...inherited,
      ...imageEnv(),
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'https://workshops.noord-holland.nl',
      AUTHORITY_HOST: sandbox.urls.https,
      TENANT_ID: RIEC_TENANT.id,
      CLIENT_ID: PRODUCT_APP.clientId,
      ALLOWED_TENANT_IDS: RIEC_TENANT.id,
      CLIENT_CREDENTIAL: 'managedIdentity',
      MANAGED_IDENTITY_CLIENT_ID: '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      IDENTITY_ENDPOINT: identity.url,
      IDENTITY_HEADER: STUB_IDENTITY_HEADER,
      GRAPH_BASE_URL: `${sandbox.urls.https}/v1.0`,
      SHAREPOINT_SITE: 'root',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  baseUrl = await new Promise<string>((resolve, reject) => {
    server.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before it was ready:\n${output.join('')}`)),
    );
    server.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const address = /Workshopplanner: (http:\/\/\S+)/.exec(text)?.[1];
      if (address && text.includes('server ready')) resolve(address);
    });
  });
});

afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await identity?.close();
  await sandbox?.close();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

describe('the server as the container image runs it', () => {
  it('answers the health probe', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('behaves as production behind https: HSTS, no development allowance for localhost', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    // Only the authority (here the sandbox) may be reached, not any localhost port.
    expect(response.headers.get('content-security-policy')).not.toMatch(/localhost:\*/);
  });

  it('serves the bundle and the privacy and terms pages from the build output', async () => {
    for (const path of ['/', '/privacy', '/terms?lang=en']) {
      expect([path, (await fetch(`${baseUrl}${path}`)).status]).toEqual([path, 200]);
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
  });
});

// The server as the container image runs it, without a Docker engine (none runs here): a
// directory laid out like the image's /app (the Dockerfile's runtime COPY lines: package files,
// src, node_modules, dist/web), the Dockerfile's own CMD and ENV, and production-shaped settings:
// an https PUBLIC_URL, no client secret but the managed identity (a stand-in of the Container
// Apps identity endpoint), a tenant's ids. It refuses to start with the sandbox's identity
// provider and site; with a tenant's settings it must start, answer the health
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
import type { Sandbox } from '@workshopplanner/m365-sandbox';
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

/** Starts the image's command in `appDir` with `settings`; resolves with its output on exit. */
function startImage(settings: Record<string, string>): ChildProcess {
  const [command, ...args] = imageCommand();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) =>
      /^(PATH|HOME|TMPDIR|TZ|NODE_EXTRA_CA_CERTS)$/.test(name),
    ),
  );
  return spawn(command!, args, {
    cwd: appDir,
    env: {
      ...inherited,
      ...imageEnv(),
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'https://workshops.noord-holland.nl',
      CLIENT_CREDENTIAL: 'managedIdentity',
      MANAGED_IDENTITY_CLIENT_ID: '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      IDENTITY_ENDPOINT: identity.url,
      IDENTITY_HEADER: STUB_IDENTITY_HEADER,
      // No background cycle: it would ask Entra ID for tokens, which this machine cannot reach.
      SYNC_INTERVAL_SECONDS: '0',
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

// A tenant's settings (the ids are made up): nothing points at the sandbox. The server does not
// reach Entra ID or Graph before a request needs them, so it starts without a network.
const TENANT = '3c1a9e27-6b4d-4f58-9a2e-7d0c5b8e1f43';
const TENANT_SETTINGS = {
  AUTHORITY_HOST: 'https://login.microsoftonline.com',
  GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
  TENANT_ID: TENANT,
  CLIENT_ID: '8d2f4b61-0a9c-4e37-b5d8-2c6e1f7a9b04',
  ALLOWED_TENANT_IDS: TENANT,
  SHAREPOINT_SITE:
    'noordholland.sharepoint.com,5a7c2e91-3b4d-4f6a-8e1c-9d0b2a4c6e8f,0e2d4c6b-8a1f-4e3d-b5c7-9f1a3e5d7b2c',
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  identity = await startIdentityEndpoint(() => 'managed-identity-token');
  appDir = mkdtempSync(join(tmpdir(), 'workshopplanner-image-'));
  layOutApp(appDir);
  server = startImage(TENANT_SETTINGS);
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

describe('the image with the sandbox’s identity provider and site', () => {
  it('refuses to start, naming every setting that still points at the sandbox', async () => {
    const refused = startImage({
      AUTHORITY_HOST: sandbox.urls.https,
      GRAPH_BASE_URL: `${sandbox.urls.https}/v1.0`,
      TENANT_ID: RIEC_TENANT.id,
      CLIENT_ID: PRODUCT_APP.clientId,
      ALLOWED_TENANT_IDS: RIEC_TENANT.id,
      SHAREPOINT_SITE: 'root',
    });
    const said: string[] = [];
    refused.stdout!.on('data', (chunk: Buffer) => said.push(chunk.toString()));
    refused.stderr!.on('data', (chunk: Buffer) => said.push(chunk.toString()));
    const code = await new Promise<number | null>((resolve) => refused.once('exit', resolve));
    expect(code).toBe(1);
    const text = said.join('');
    for (const setting of [
      'AUTHORITY_HOST',
      'GRAPH_BASE_URL',
      'TENANT_ID',
      'CLIENT_ID',
      'SHAREPOINT_SITE',
    ])
      expect(text).toContain(`  ${setting}: `);
    // A managed identity reads no secret, so the sandbox's default secret is no reason to refuse.
    expect(text).not.toContain('  CLIENT_SECRET: ');
  });
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
    // Only the authority may be reached, not any localhost port.
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

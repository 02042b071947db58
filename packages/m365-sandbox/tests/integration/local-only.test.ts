// The sandbox's control API and inspector answer to this machine only: another site's page can
// neither change the sandbox with a cross-site POST (text/plain or a form needs no preflight)
// nor read it through DNS rebinding (its own name in Host). The data folder, which holds the
// private signing keys, is the user's alone.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../../src/app.js';
import { readSandboxConfig } from '../../src/config.js';
import { DB_FILE } from '../../src/store/db.js';
import { startTestSandbox } from '../../src/testing.js';

// Starts sandboxes (seeded, one on disk): more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox.close());

/** A plain-HTTP request with any Host header (fetch would not let a test choose it freely). */
function rawRequest(
  path: string,
  options: { method?: string; host?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(sandbox.urls.http);
  return new Promise((resolvePromise, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? url.host, ...options.headers },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

async function activeKid(): Promise<string> {
  return (await sandbox.ctx.keys.active()).kid;
}

describe('cross-site requests', () => {
  it('refuses a text/plain POST that would rotate the keys, as a page of another site can send', async () => {
    const before = await activeKid();
    const result = await rawRequest('/_sandbox/keys/rotate', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(result.status).toBe(403);
    expect(JSON.parse(result.body).error.message).toContain('x-sandbox-control: 1');
    expect(await activeKid()).toBe(before);
  });

  it('refuses a form post to the inspector and a reset without the control header', async () => {
    const form = await rawRequest('/inspector/respond', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'attendee=x&event=y&answer=accept',
    });
    expect(form.status).toBe(403);
    expect((await rawRequest('/_sandbox/reset', { method: 'POST' })).status).toBe(403);
    expect((await rawRequest('/_sandbox/requests', { method: 'DELETE' })).status).toBe(403);
  });

  it('lets a request with the control header change the sandbox, and reads need none', async () => {
    const before = await activeKid();
    const rotated = await rawRequest('/_sandbox/keys/rotate', {
      method: 'POST',
      headers: { 'x-sandbox-control': '1' },
    });
    expect(rotated.status).toBe(200);
    expect(JSON.parse(rotated.body).kid).not.toBe(before);
    expect((await rawRequest('/_sandbox/health', {})).status).toBe(200);
    expect((await rawRequest('/inspector', {})).status).toBe(200);
  });
});

describe('the Host header (DNS rebinding)', () => {
  it('answers to localhost, 127.0.0.1 and [::1], with or without a port', async () => {
    const { port } = new URL(sandbox.urls.http);
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect({ host, status: (await rawRequest('/_sandbox/health', { host })).status }).toEqual({
        host,
        status: 200,
      });
    }
  });

  it('refuses another name for the control API and the inspector, even for reads', async () => {
    const { port } = new URL(sandbox.urls.http);
    for (const path of ['/_sandbox/health', '/_sandbox/requests', '/inspector']) {
      for (const host of [
        `rebound.evil.example:${port}`,
        'localhost.evil.example',
        '127.0.0.1.nip.io',
      ]) {
        const result = await rawRequest(path, { host });
        expect({ path, host, status: result.status }).toEqual({ path, host, status: 403 });
      }
    }
    const changed = await rawRequest('/_sandbox/keys/rotate', {
      method: 'POST',
      host: `rebound.evil.example:${port}`,
      headers: { 'x-sandbox-control': '1' },
    });
    expect(changed.status).toBe(403);
  });
});

describe('the data folder', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('is created 0700 with the database 0600, and an existing open folder is closed', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'workshopplanner-sandbox-'));
    const fresh = join(parent, 'fresh', 'sandbox');
    const existing = join(parent, 'existing');
    mkdirSync(existing, { mode: 0o755 });
    writeFileSync(join(existing, DB_FILE), '', { mode: 0o644 });
    const caDir = resolve(process.env.SANDBOX_DATA_DIR ?? '.data/sandbox', 'ca');
    try {
      for (const dataDir of [fresh, existing]) {
        const onDisk = await startSandbox({
          ...readSandboxConfig({}),
          httpsPort: 0,
          dataDir,
          caDir,
        });
        try {
          expect(mode(dataDir)).toBe(0o700);
          expect(mode(join(dataDir, DB_FILE))).toBe(0o600);
          // SQLite's write-ahead log holds the same data (created with the database's mode).
          expect(mode(join(dataDir, `${DB_FILE}-wal`))).toBe(0o600);
        } finally {
          await onDisk.close();
        }
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

// The sandbox's data survive a restart (SQLite in its data folder), and `npm run sandbox:reset`
// restores the seed.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../src/app.js';
import { readSandboxConfig } from '../../src/config.js';
import { appToken, graph } from '../../src/testing.js';

const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

function configFor(dataDir: string) {
  const base = readSandboxConfig({});
  // The shared test CA (trusted by this process), a database of this test's own.
  return { ...base, httpsPort: 0, dataDir, caDir: resolve(base.dataDir, 'ca') };
}

describe('sandbox persistence', () => {
  it('keeps what was written across a restart and forgets it after sandbox:reset', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-persist-'));
    try {
      const subject = `Overleg ${Date.now()}`;
      const first = await startSandbox(configFor(dataDir));
      const token = await appToken(first);
      const created = await graph(first, token, 'POST', '/users/sanne.devries@riec.nl/events', {
        subject,
        start: { dateTime: '2027-01-12T10:00:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2027-01-12T11:00:00', timeZone: 'W. Europe Standard Time' },
      });
      expect(created.status).toBe(201);
      await first.close();

      const second = await startSandbox(configFor(dataDir));
      const again = await graph(
        second,
        await appToken(second),
        'GET',
        `/users/sanne.devries@riec.nl/events/${created.body.id}`,
      );
      expect(again.body.subject).toBe(subject);
      await second.close();

      // `npm run reset` of this package, from whichever folder jest runs in.
      const reset = spawnSync(process.execPath, [TSX_CLI, MAIN, '--reset-only'], {
        env: { ...process.env, SANDBOX_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(reset.status).toBe(0);
      expect(reset.stdout).toContain('teruggezet');

      const third = await startSandbox(configFor(dataDir));
      const gone = await graph(
        third,
        await appToken(third),
        'GET',
        `/users/sanne.devries@riec.nl/events/${created.body.id}`,
      );
      expect(gone.status).toBe(404);
      await third.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

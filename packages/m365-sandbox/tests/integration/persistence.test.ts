// The sandbox's data survive a restart (SQLite in its data folder), and `npm run sandbox:reset`
// restores the seed.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox } from '../../../src/sandbox/app.js';
import { readSandboxConfig } from '../../../src/sandbox/config.js';
import { appToken, graph } from '../../support/sandbox.js';

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

      const reset = spawnSync(
        resolve('node_modules/.bin/tsx'),
        ['src/sandbox/main.ts', '--reset-only'],
        {
          env: { ...process.env, SANDBOX_DATA_DIR: dataDir },
          encoding: 'utf8',
        },
      );
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

// The Microsoft 365 Agents Toolkit's own offline check of the app package's manifest
// (`atk validate --manifest-file`: its schema of manifest v1.30), on what `npm run package` builds
// for a real tenant. The toolkit's CLI is not a dependency (548 packages, 445 MB); the test runs
// where ATK_CLI names an installed one, e.g.
//   npm install --prefix /tmp/atk @microsoft/m365agentstoolkit-cli@1.1.17
//   ATK_CLI=/tmp/atk/node_modules/.bin/atk npx tsx scripts/run-tests.ts tests/integration/package
// (checked that way: "All passed"). `atk validate --package-file` needs a signed-in tenant.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../src/cli/package-settings.js';

jest.setTimeout(180_000);

const atk = process.env.ATK_CLI;
const dir = mkdtempSync(join(tmpdir(), 'workshopplanner-atk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

(atk ? describe : describe.skip)('atk validate (ATK_CLI set)', () => {
  it("accepts the tenant's manifest offline", async () => {
    const build = spawnSync(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, 'src/cli/main.ts'), 'package'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PUBLIC_URL: 'https://workshops.noord-holland.nl',
          AUTHORITY_HOST: 'https://login.microsoftonline.com',
          CLIENT_ID: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
          TEAMS_APP_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
          APP_VERSION: '1.0.0',
          PACKAGE_STRICT: 'true',
        },
      },
    );
    expect(build.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'dist/workshopplanner-1.0.0.zip')));
    mkdirSync(join(dir, 'appPackage'));
    for (const name of Object.keys(zip.files)) {
      writeFileSync(join(dir, 'appPackage', name), await zip.file(name)!.async('uint8array'));
    }
    const run = spawnSync(
      atk!,
      [
        'validate',
        '--manifest-file',
        './appPackage/manifest.json',
        '--telemetry',
        'false',
        '-i',
        'false',
      ],
      { cwd: dir, encoding: 'utf8', timeout: 150_000 },
    );
    expect(`${run.stdout}${run.stderr}`).toContain('All passed');
  });
});

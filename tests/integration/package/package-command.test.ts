// `npm run package` end to end: the CLI (src/cli/main.ts package) run as a process in an empty
// working directory, so no .env leaks in, writing into that directory. It must leave a flat zip
// that the validator accepts and the XML manifest, both with the settings it was given, or exit
// non-zero with a Dutch message and nothing written.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateUnifiedManifestFile } from '../../../src/cli/package-check.js';
import { REPO_ROOT } from '../../../src/cli/package-settings.js';

// Each test runs the CLI as a process that builds, validates (office-addin-manifest, itself a
// process) and reopens the package: tens of seconds on a busy 2-core machine.
jest.setTimeout(120_000);

const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly dir: string;
}

/** Runs the package command with exactly these settings (the product's PUBLIC_URL etc. cleared). */
function runPackage(env: Record<string, string>): Run {
  const dir = mkdtempSync(join(tmpdir(), 'workshopplanner-package-'));
  workDirs.push(dir);
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^(PUBLIC_URL|PUBLIC_HOST|HOST|PORT|CLIENT_ID|API_IDENTIFIER_URI|AUTHORITY_HOST|TENANT_ID|ALLOWED_TENANT_IDS|SIGN_IN_AUDIENCE|AAD_APP_OBJECT_ID|TEAMS_APP_ID|OUTLOOK_ADDIN_ID|APP_VERSION|PACKAGE_)/.test(
          key,
        ),
    ),
  );
  const result = spawnSync(
    join(REPO_ROOT, 'node_modules/.bin/tsx'),
    [join(REPO_ROOT, 'src/cli/main.ts'), 'package'],
    { cwd: dir, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 110_000 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, dir };
}

const TENANT = {
  PUBLIC_URL: 'https://workshops.noord-holland.nl',
  CLIENT_ID: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  AUTHORITY_HOST: 'https://login.microsoftonline.com',
  TEAMS_APP_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  APP_VERSION: '1.0.3',
  PACKAGE_STRICT: 'true',
};

describe('npm run package', () => {
  it('writes a flat zip the validator accepts, and the XML manifest, for a real tenant', async () => {
    const run = runPackage(TENANT);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Pakket gemaakt en gecontroleerd');
    expect(readdirSync(join(run.dir, 'dist')).sort()).toEqual([
      'aad.manifest.json',
      'workshopplanner-1.0.3.zip',
      'workshopplanner-outlook.xml',
    ]);

    const zip = await JSZip.loadAsync(
      readFileSync(join(run.dir, 'dist/workshopplanner-1.0.3.zip')),
    );
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([
      'color.png',
      'color32x32.png',
      'en.json',
      'manifest.json',
      'outline.png',
    ]);
    const manifestText = await zip.file('manifest.json')!.async('string');
    const manifest = JSON.parse(manifestText) as {
      id: string;
      version: string;
      staticTabs: { contentUrl: string }[];
    };
    expect(manifest).toMatchObject({ id: TENANT.TEAMS_APP_ID, version: '1.0.3' });
    expect(manifest.staticTabs[0]!.contentUrl).toBe(
      'https://workshops.noord-holland.nl/?host=teams',
    );
    writeFileSync(join(run.dir, 'manifest.json'), manifestText);
    await expect(validateUnifiedManifestFile(join(run.dir, 'manifest.json'))).resolves.toEqual([]);

    const xml = readFileSync(join(run.dir, 'dist/workshopplanner-outlook.xml'), 'utf8');
    expect(xml).toContain('<AppDomain>https://login.microsoftonline.com</AppDomain>');
    expect(xml).toContain(
      `<Resource>api://workshops.noord-holland.nl/${TENANT.CLIENT_ID}</Resource>`,
    );
    expect(xml).not.toContain('localhost');

    // The Entra registration for the same settings, as aadApp/update or the admin center's
    // manifest editor applies it.
    const aad = JSON.parse(readFileSync(join(run.dir, 'dist/aad.manifest.json'), 'utf8')) as {
      appId: string;
      identifierUris: string[];
      signInAudience: string;
      spa: { redirectUris: string[] };
    };
    expect(aad).toMatchObject({
      appId: TENANT.CLIENT_ID,
      identifierUris: [`api://workshops.noord-holland.nl/${TENANT.CLIENT_ID}`],
      signInAudience: 'AzureADMultipleOrgs',
    });
    expect(aad.spa.redirectUris).toContain('brk-multihub://workshops.noord-holland.nl');
    expect(run.stdout).toContain('dist/aad.manifest.json (AzureADMultipleOrgs)');
  });

  it('names the API by API_IDENTIFIER_URI in both manifests', async () => {
    const uri = 'api://workshops.noord-holland.nl/workshopplanner';
    const run = runPackage({ ...TENANT, API_IDENTIFIER_URI: uri });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const zip = await JSZip.loadAsync(
      readFileSync(join(run.dir, 'dist/workshopplanner-1.0.3.zip')),
    );
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      webApplicationInfo: { resource: string; nestedAppAuthInfo: { scopes: string[] }[] };
    };
    expect(manifest.webApplicationInfo.resource).toBe(uri);
    expect(manifest.webApplicationInfo.nestedAppAuthInfo[0]!.scopes).toEqual([
      `${uri}/access_as_user`,
    ]);
    const xml = readFileSync(join(run.dir, 'dist/workshopplanner-outlook.xml'), 'utf8');
    expect(xml).toContain(`<Resource>${uri}</Resource>`);
    const aad = JSON.parse(readFileSync(join(run.dir, 'dist/aad.manifest.json'), 'utf8')) as {
      identifierUris: string[];
    };
    expect(aad.identifierUris).toEqual([
      `api://workshops.noord-holland.nl/${TENANT.CLIENT_ID}`,
      uri,
    ]);
  });

  it('packages the sandbox default with warnings in Dutch', () => {
    const run = runPackage({});
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Let op: PUBLIC_URL gebruikt http (http://localhost:3000)');
    expect(run.stdout).toContain('PUBLIC_URL https://localhost:3000');
    expect(existsSync(join(run.dir, 'dist/workshopplanner-0.1.0.zip'))).toBe(true);
  });

  it("refuses settings that disagree with the toolkit's env file, and writes nothing", () => {
    const run = runPackage({ ...TENANT, SIGN_IN_AUDIENCE: 'AzureADMyOrg' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ALLOWED_TENANT_IDS vraagt AzureADMultipleOrgs');
    expect(existsSync(join(run.dir, 'dist'))).toBe(false);
  });

  it('refuses http under PACKAGE_STRICT=true and writes nothing', () => {
    const run = runPackage({ ...TENANT, PUBLIC_URL: 'http://workshops.noord-holland.nl' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Het pakket kan niet worden gemaakt');
    expect(run.stderr).toContain('PUBLIC_URL gebruikt http');
    expect(existsSync(join(run.dir, 'dist'))).toBe(false);
  });
});

// The unified manifest (Teams personal tab + Outlook add-in): the committed file is the sandbox
// rendering of the template, office-addin-manifest accepts it offline, and it says what Teams and
// Outlook need: tab URLs, SSO/NAA, the two ribbon buttons, permissions, localization.
import { describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkLocalization,
  parseUnifiedManifest,
  validateUnifiedManifestText,
} from '../../../src/cli/package-check.js';
import {
  renderManifests,
  renderTemplate,
  UNIFIED_COMMITTED,
} from '../../../src/cli/package-render.js';
import {
  readDefaultPackageSettings,
  readPackageSettings,
  REPO_ROOT,
  type PackageSettings,
} from '../../../src/cli/package-settings.js';

// office-addin-manifest's validator runs as a process (several seconds on a busy 2-core machine).
jest.setTimeout(60_000);

const committed = readFileSync(`${REPO_ROOT}${UNIFIED_COMMITTED}`, 'utf8');
const english = readFileSync(`${REPO_ROOT}appPackage/en.json`, 'utf8');
const defaults = readDefaultPackageSettings();
// What a test can index freely; the shape itself is what these tests check.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const manifest = JSON.parse(committed) as Json;

function tenantSettings(): PackageSettings {
  const result = readPackageSettings({
    PUBLIC_URL: 'https://workshops.noord-holland.nl/planner',
    CLIENT_ID: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    TEAMS_APP_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    APP_VERSION: '2.0.1',
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.settings;
}

function runValidatorCli(path: string): number | null {
  const cli = join(REPO_ROOT, 'node_modules/.bin/office-addin-manifest');
  return spawnSync(cli, ['validate', path], { encoding: 'utf8' }).status;
}

describe('appPackage/manifest.json', () => {
  it('is the sandbox-default rendering of appPackage/manifest.template.json', () => {
    expect(committed).toBe(renderManifests(defaults).unified);
    expect(committed).not.toMatch(/\{\{/);
  });

  it('passes `office-addin-manifest validate` offline, and a broken copy does not', () => {
    expect(runValidatorCli(join(REPO_ROOT, UNIFIED_COMMITTED))).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'manifest-test-'));
    const broken = committed.replace('"accentColor": "#1F4E9C"', '"accentColor": "blue"');
    writeFileSync(join(dir, 'manifest.json'), broken);
    expect(runValidatorCli(join(dir, 'manifest.json'))).toBe(1);
  });

  it("hands the validator's schema errors to the package step", async () => {
    const http = committed.replace(
      '"page": "https://localhost:3000/addin.html?surface=mail"',
      '"page": "http://localhost:3000/addin.html?surface=mail"',
    );
    await expect(validateUnifiedManifestText(http)).resolves.toEqual([
      expect.stringMatching(
        /^schemafout: \/extensions\/0\/runtimes\/0\/code\/page must match pattern/,
      ),
    ]);
  });

  it('uses the newest schema version that office-addin-manifest bundles', () => {
    const schemas = readdirSync(
      join(REPO_ROOT, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams'),
    ).filter((name) => /^v\d+\.\d+$/.test(name));
    // vDevPreview is left out on purpose: a preview schema is not for a package people install.
    const rank = (version: string): number => {
      const [major = 0, minor = 0] = version.split('.').map(Number);
      return major * 1000 + minor;
    };
    const newest = schemas
      .map((name) => name.slice(1))
      .sort((a, b) => rank(a) - rank(b))
      .at(-1);
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toContain(`/v${String(newest)}/MicrosoftTeams.schema.json`);
  });

  it('has the personal tabs, with the Teams host flag, on PUBLIC_URL', () => {
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({
        name: 'Workshopplanner',
        contentUrl: 'https://localhost:3000/?host=teams',
        scopes: ['personal'],
      }),
      expect.objectContaining({ name: 'Logboek', scopes: ['personal'] }),
    ]);
    expect(manifest.validDomains).toEqual(['localhost:3000']);
    expect(manifest.developer).toEqual({
      name: 'Provincie Noord-Holland',
      websiteUrl: 'https://localhost:3000/',
      privacyUrl: 'https://localhost:3000/privacy',
      termsOfUseUrl: 'https://localhost:3000/terms',
    });
  });

  it('names the Entra app for Teams SSO and prefetches the NAA token for the API', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: defaults.clientId,
      resource: `api://localhost:3000/${defaults.clientId}`,
      nestedAppAuthInfo: [
        {
          redirectUri: 'brk-multihub://localhost:3000',
          scopes: [`api://localhost:3000/${defaults.clientId}/access_as_user`],
        },
      ],
    });
  });

  it('has the Outlook buttons: "Aanmelding verwerken" on mail, "Workshopoptie" on meetings', () => {
    const [extension] = manifest.extensions as Json[];
    expect(extension!.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.3' }],
    });
    const buttons = (extension!.ribbons as Json[]).map((ribbon) => {
      const control = ribbon.tabs[0].groups[0].controls[0] as Json;
      const runtime = (extension!.runtimes as Json[]).find((r) =>
        (r.actions as Json[]).some((a) => a.id === control.actionId && a.type === 'openPage'),
      );
      const sizes = (control.icons as Json[]).map((icon) => icon.size);
      return [ribbon.contexts, control.label, runtime?.code.page, runtime?.lifetime, sizes];
    });
    expect(buttons).toEqual([
      [
        ['mailRead'],
        'Aanmelding verwerken',
        'https://localhost:3000/addin.html?surface=mail',
        'short',
        [16, 32, 80],
      ],
      [
        ['meetingDetailsAttendee', 'meetingDetailsOrganizer'],
        'Workshopoptie',
        'https://localhost:3000/addin.html?surface=appointment',
        'short',
        [16, 32, 80],
      ],
    ]);
    // Read the open item; and be there in shared and delegated mailboxes too (a shared RIEC
    // mailbox receives sign-ups): the unified manifest's <SupportsSharedFolders>true.
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'MailboxItem.Read.User', type: 'Delegated' },
      { name: 'Mailbox.SharedFolder', type: 'Delegated' },
    ]);
    expect(extension!.alternates[0].hide.customOfficeAddin.officeAddinId).toBe(
      defaults.outlookAddinId,
    );
  });

  it('is Dutch by default with an English translation that the schema allows', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nl-nl',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en.json' }],
    });
    const parsed = parseUnifiedManifest(committed);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(checkLocalization(parsed.manifest, manifest, 'en.json', english)).toEqual([]);
    const wrong = JSON.stringify({
      ...(JSON.parse(english) as Json),
      'description.short': 'x'.repeat(81),
      'staticTabs[5].name': 'Nothing',
      'name.tiny': 'W',
    });
    expect(checkLocalization(parsed.manifest, manifest, 'en.json', wrong)).toEqual([
      'en.json: description.short is langer dan 80 tekens',
      'en.json: staticTabs[5].name verwijst naar niets in manifest.json',
      'en.json: sleutel name.tiny bestaat niet in het lokalisatieschema',
      'en.json: name.tiny verwijst naar niets in manifest.json',
    ]);
  });
});

describe('rendering for a real tenant', () => {
  const settings = tenantSettings();
  const rendered = renderManifests(settings);
  const tenant = JSON.parse(rendered.unified) as Json;

  it('puts every URL and id from the settings in, and nothing of the sandbox', () => {
    expect(rendered.unified).not.toMatch(/localhost|\{\{/);
    expect(tenant.id).toBe(settings.teamsAppId);
    expect(tenant.version).toBe('2.0.1');
    expect(tenant.validDomains).toEqual(['workshops.noord-holland.nl']);
    expect(tenant.staticTabs[0].contentUrl).toBe(
      'https://workshops.noord-holland.nl/planner/?host=teams',
    );
    expect(tenant.webApplicationInfo.resource).toBe(
      'api://workshops.noord-holland.nl/0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    );
  });

  it('still passes the validator', async () => {
    await expect(validateUnifiedManifestText(rendered.unified)).resolves.toEqual([]);
  });

  it('names the API by API_IDENTIFIER_URI, in both manifests, as the server accepts it', () => {
    const uri = 'api://workshops.noord-holland.nl/workshopplanner-api';
    const own = renderManifests({ ...settings, apiIdentifierUri: uri });
    const unified = JSON.parse(own.unified) as Json;
    expect(unified.webApplicationInfo.resource).toBe(uri);
    expect(unified.webApplicationInfo.nestedAppAuthInfo[0].scopes).toEqual([
      `${uri}/access_as_user`,
    ]);
    expect(own.outlook).toContain(`<Resource>${uri}</Resource>`);
  });
});

describe('renderTemplate', () => {
  it('escapes values for the file type and refuses unknown placeholders', () => {
    const json = (value: string): string => JSON.stringify(value).slice(1, -1);
    expect(renderTemplate('{"a": "{{X}}"}', { X: 'say "hi"\\' }, json)).toBe(
      '{"a": "say \\"hi\\"\\\\"}',
    );
    expect(() => renderTemplate('{{NOPE}}', {}, json)).toThrow('{{NOPE}}');
  });
});

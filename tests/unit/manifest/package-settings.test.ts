// Packaging settings: sandbox defaults need nothing, http is rewritten with a warning for the
// local default and refused under PACKAGE_STRICT=true or on a real host, and bad ids or versions
// come back as Dutch problems naming the setting instead of an exception.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_OUTLOOK_ADDIN_ID,
  DEFAULT_TEAMS_APP_ID,
  readPackageSettings,
  REPO_ROOT,
  type TPackageSettingsResult,
} from '../../../src/cli/package-settings.js';
import { readEnv } from '../../../src/server/env.js';

const REAL_CLIENT_ID = '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';

function problemsOf(result: TPackageSettingsResult): readonly string[] {
  return result.ok ? [] : result.problems;
}

describe('readPackageSettings', () => {
  it('renders the sandbox by default, on https with a warning about http', () => {
    const result = readPackageSettings({});
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const { version } = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as {
      version: string;
    };
    expect(result.settings).toEqual({
      publicUrl: 'https://localhost:3000',
      publicHost: 'localhost:3000',
      clientId: readEnv({}).CLIENT_ID,
      apiIdentifierUri: `api://localhost:3000/${readEnv({}).CLIENT_ID}`,
      authorityOrigin: 'https://localhost:5443',
      teamsAppId: DEFAULT_TEAMS_APP_ID,
      outlookAddinId: DEFAULT_OUTLOOK_ADDIN_ID,
      version,
      isStrict: false,
      outDir: 'dist',
    });
    expect(result.warnings).toEqual([
      expect.stringContaining('PUBLIC_URL gebruikt http (http://localhost:3000)'),
      expect.stringContaining('CLIENT_ID is de client-id van de sandbox'),
    ]);
  });

  it('takes a real tenant as given: https, own ids, no warnings', () => {
    const result = readPackageSettings({
      PUBLIC_URL: 'https://workshops.noord-holland.nl/planner/',
      CLIENT_ID: REAL_CLIENT_ID,
      AUTHORITY_HOST: 'https://login.microsoftonline.com',
      TEAMS_APP_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      APP_VERSION: '1.4.2',
      PACKAGE_STRICT: 'true',
      PACKAGE_OUT_DIR: 'out',
    });
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      settings: {
        publicUrl: 'https://workshops.noord-holland.nl/planner',
        publicHost: 'workshops.noord-holland.nl',
        clientId: REAL_CLIENT_ID,
        apiIdentifierUri: `api://workshops.noord-holland.nl/${REAL_CLIENT_ID}`,
        authorityOrigin: 'https://login.microsoftonline.com',
        teamsAppId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        version: '1.4.2',
        isStrict: true,
        outDir: 'out',
      },
    });
  });

  it('takes the API_IDENTIFIER_URI the server accepts, and warns when Teams SSO cannot use it', () => {
    const tenant = {
      PUBLIC_URL: 'https://workshops.noord-holland.nl',
      CLIENT_ID: REAL_CLIENT_ID,
      PACKAGE_STRICT: 'true',
    };
    const own = readPackageSettings({
      ...tenant,
      API_IDENTIFIER_URI: `api://workshops.noord-holland.nl/planner-${REAL_CLIENT_ID}`,
    });
    expect(own).toMatchObject({
      ok: true,
      warnings: [],
      settings: { apiIdentifierUri: `api://workshops.noord-holland.nl/planner-${REAL_CLIENT_ID}` },
    });
    const foreign = readPackageSettings({
      ...tenant,
      API_IDENTIFIER_URI: `api://${REAL_CLIENT_ID}`,
    });
    expect(foreign).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining('begint niet met api://workshops.noord-holland.nl/')],
      settings: { apiIdentifierUri: `api://${REAL_CLIENT_ID}` },
    });
  });

  it('refuses http and the sandbox client id under PACKAGE_STRICT=true', () => {
    const problems = problemsOf(readPackageSettings({ PACKAGE_STRICT: 'true' }));
    expect(problems).toEqual([
      expect.stringContaining('PUBLIC_URL gebruikt http'),
      expect.stringContaining('CLIENT_ID is de client-id van de sandbox'),
    ]);
  });

  it('refuses http on a host that is not this machine, strict or not', () => {
    const problems = problemsOf(
      readPackageSettings({ PUBLIC_URL: 'http://workshops.example.nl', CLIENT_ID: REAL_CLIENT_ID }),
    );
    expect(problems).toEqual([expect.stringContaining('http op workshops.example.nl')]);
  });

  it.each([
    [{ PUBLIC_URL: 'https://example.nl/?tab=1' }, 'mag geen ?… of #… bevatten'],
    [{ PUBLIC_URL: 'ftp://example.nl' }, 'moet met https:// beginnen'],
    [{ TEAMS_APP_ID: 'workshopplanner' }, 'TEAMS_APP_ID'],
    [{ APP_VERSION: '1.2' }, 'APP_VERSION: verwacht MAJOR.MINOR.PATCH'],
    [{ PACKAGE_STRICT: 'ja' }, 'PACKAGE_STRICT'],
    [{ OUTLOOK_ADDIN_ID: DEFAULT_TEAMS_APP_ID }, 'moeten verschillen'],
    [{ CLIENT_ID: 'not-a-guid' }, 'Instellingen van de server kloppen niet'],
  ])('reports %j as a problem, without throwing', (env, expected) => {
    const problems = problemsOf(readPackageSettings(env));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});

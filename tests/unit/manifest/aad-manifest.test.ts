// aad.manifest.json, the Entra app registration as code: a template with the toolkit's ${{NAME}}
// placeholders that renders, from the same settings as the app package, into an application in
// the shape Microsoft Graph documents (src/cli/package-aad-schema.ts cites the pages), with what
// the product needs: the API the manifests name, v2 tokens, the clients of Teams and Outlook
// (Outlook mobile included), the server's six app roles, the Graph permissions and the sign-in
// redirect URIs. Every broken variant shows that the check can fail.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ZEntraApplication, type TEntraApplication } from '../../../src/cli/package-aad-schema.js';
import {
  checkAadManifest,
  GRAPH_PERMISSIONS,
  PRE_AUTHORIZED_CLIENTS,
  readAadTemplate,
  readAadValues,
  renderAadManifest,
  signInAudienceFor,
  type TAadValues,
} from '../../../src/cli/package-aad.js';
import {
  readDefaultPackageSettings,
  readPackageSettings,
  REPO_ROOT,
  type PackageSettings,
} from '../../../src/cli/package-settings.js';
import { APP_ROLES } from '../../../src/server/auth/authorize.js';

// Tests reach into any property of the rendered JSON to break it.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TENANT_ID = '3e7f1c2a-9b4d-4c6e-8f1a-2b3c4d5e6f70';
const BERENSCHOT = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const TENANT = {
  PUBLIC_URL: 'https://workshops.noord-holland.nl',
  CLIENT_ID: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  TENANT_ID,
  ALLOWED_TENANT_IDS: `${TENANT_ID},${BERENSCHOT}`,
  AAD_APP_OBJECT_ID: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
};

function settingsFor(env: NodeJS.ProcessEnv): PackageSettings {
  const result = readPackageSettings(env);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.settings;
}

function valuesFor(env: NodeJS.ProcessEnv, settings = settingsFor(env)): TAadValues {
  const result = readAadValues(env, settings);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.values;
}

const tenantSettings = settingsFor(TENANT);
const tenantText = renderAadManifest(valuesFor(TENANT, tenantSettings));
const tenant = (): TEntraApplication => ZEntraApplication.parse(JSON.parse(tenantText));

/** A rendered variant with one change, checked against the tenant's settings. */
function problemsAfter(change: (app: Json) => void): string[] {
  const app = JSON.parse(tenantText) as Json;
  change(app);
  return checkAadManifest(JSON.stringify(app), tenantSettings);
}

describe('aad.manifest.json (the template)', () => {
  it("uses only placeholders the toolkit's env file and the package settings both provide", () => {
    const names = [...readAadTemplate().matchAll(/\$\{\{([A-Z_0-9]+)\}\}/g)].map((m) => m[1]);
    expect([...new Set(names)].sort()).toEqual([
      'AAD_APP_OBJECT_ID',
      'CLIENT_ID',
      'PUBLIC_HOST',
      'PUBLIC_URL',
      'SIGN_IN_AUDIENCE',
    ]);
    const envFile = readFileSync(`${REPO_ROOT}env/.env.dev`, 'utf8');
    for (const name of new Set(names)) expect(envFile).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('gives the scope and the six app roles fixed ids (a re-run updates, never replaces)', () => {
    const template = JSON.parse(readAadTemplate()) as TEntraApplication;
    const ids = [
      ...template.api.oauth2PermissionScopes.map((s) => s.id),
      ...template.appRoles.map((r) => r.id),
    ];
    expect(ids).toHaveLength(7);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(7);
  });
});

describe('the rendered registration for a real tenant', () => {
  it('has the documented shape of a Microsoft Graph application, and passes the check', () => {
    expect(ZEntraApplication.safeParse(JSON.parse(tenantText)).success).toBe(true);
    expect(checkAadManifest(tenantText, tenantSettings)).toEqual([]);
    expect(tenantText).not.toMatch(/\$\{\{|localhost/);
  });

  it('exposes the API the manifests name, with v2 tokens', () => {
    const app = tenant();
    expect(app.id).toBe(TENANT.AAD_APP_OBJECT_ID);
    expect(app.appId).toBe(TENANT.CLIENT_ID);
    expect(app.identifierUris).toEqual([`api://workshops.noord-holland.nl/${TENANT.CLIENT_ID}`]);
    expect(app.identifierUris).toContain(tenantSettings.apiIdentifierUri);
    expect(app.api.requestedAccessTokenVersion).toBe(2);
    expect(app.api.oauth2PermissionScopes.map((s) => [s.value, s.type, s.isEnabled])).toEqual([
      ['access_as_user', 'User', true],
    ]);
    expect(app.optionalClaims?.accessToken.map((c) => c.name)).toEqual(['idtyp']);
  });

  it('pre-authorises every Teams, Microsoft 365 and Outlook client, Outlook mobile included', () => {
    const app = tenant();
    const scopeId = app.api.oauth2PermissionScopes[0]!.id;
    expect(app.api.preAuthorizedApplications.map((c) => c.appId).sort()).toEqual(
      Object.keys(PRE_AUTHORIZED_CLIENTS).sort(),
    );
    expect(PRE_AUTHORIZED_CLIENTS).toHaveProperty(['27922004-5251-4030-b22d-91ecd9a37ea4']);
    for (const client of app.api.preAuthorizedApplications) {
      expect(client.delegatedPermissionIds).toEqual([scopeId]);
    }
  });

  it('has the six app roles of the server, for users', () => {
    const app = tenant();
    expect(app.appRoles.map((r) => r.value).sort()).toEqual(Object.keys(APP_ROLES).sort());
    for (const role of app.appRoles) {
      expect([role.allowedMemberTypes, role.isEnabled]).toEqual([['User'], true]);
    }
  });

  it('asks Graph for the delegated and application permissions the product uses, and no Sites.* delegated', () => {
    const app = tenant();
    expect(app.requiredResourceAccess).toEqual([
      {
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        resourceAccess: GRAPH_PERMISSIONS.map(({ id, type }) => ({ id, type })),
      },
    ]);
    expect(GRAPH_PERMISSIONS.map((p) => `${p.type} ${p.name}`)).toEqual([
      'Scope User.Read',
      'Scope Calendars.ReadWrite',
      'Scope Mail.Send',
      'Role Calendars.ReadWrite',
      'Role Mail.Send',
      'Role Mail.ReadBasic.All',
      'Role Sites.Selected',
      'Role TeamsActivity.Send',
    ]);
  });

  it('redirects sign-ins to the tab, the add-in and nested app authentication', () => {
    expect(tenant().spa.redirectUris).toEqual([
      'https://workshops.noord-holland.nl/auth/callback',
      'https://workshops.noord-holland.nl/addin.html',
      'brk-multihub://workshops.noord-holland.nl',
    ]);
    expect(tenant().info).toEqual({
      marketingUrl: 'https://workshops.noord-holland.nl/',
      privacyStatementUrl: 'https://workshops.noord-holland.nl/privacy',
      termsOfServiceUrl: 'https://workshops.noord-holland.nl/terms',
    });
  });

  it("raises none of the toolkit's own warnings (aadManifestHelper.validateManifest)", () => {
    const app = tenant();
    expect(app.displayName).not.toBe('');
    expect(app.signInAudience).toBeDefined();
    expect(app.requiredResourceAccess.length).toBeGreaterThan(0);
    expect(app.api.oauth2PermissionScopes.length).toBeGreaterThan(0);
    expect(app.api.preAuthorizedApplications.length).toBeGreaterThan(0);
    expect(app.api.requestedAccessTokenVersion).toBe(2);
    expect(app.optionalClaims?.accessToken.some((c) => c.name === 'idtyp')).toBe(true);
  });
});

describe('sign-in audience', () => {
  it('is multi-tenant when another tenant may sign in (Berenschot), else single-tenant', () => {
    expect(signInAudienceFor(TENANT)).toBe('AzureADMultipleOrgs');
    const single = { ...TENANT, ALLOWED_TENANT_IDS: TENANT_ID };
    expect(signInAudienceFor(single)).toBe('AzureADMyOrg');
    expect(JSON.parse(renderAadManifest(valuesFor(single))).signInAudience).toBe('AzureADMyOrg');
  });

  it("must agree with the toolkit's env file, as must PUBLIC_HOST", () => {
    expect(readAadValues({ ...TENANT, SIGN_IN_AUDIENCE: 'AzureADMyOrg' }, tenantSettings)).toEqual({
      ok: false,
      problems: [expect.stringContaining('ALLOWED_TENANT_IDS vraagt AzureADMultipleOrgs')],
    });
    expect(readAadValues({ ...TENANT, PUBLIC_HOST: 'elders.nl' }, tenantSettings)).toEqual({
      ok: false,
      problems: [expect.stringContaining('PUBLIC_HOST (elders.nl) is niet de host van PUBLIC_URL')],
    });
    expect(
      readAadValues(
        {
          ...TENANT,
          SIGN_IN_AUDIENCE: 'AzureADMultipleOrgs',
          PUBLIC_HOST: 'workshops.noord-holland.nl',
        },
        tenantSettings,
      ).ok,
    ).toBe(true);
  });
});

describe('the sandbox default', () => {
  it('renders without an object id (unknown until the app exists) and passes the check', () => {
    const settings = readDefaultPackageSettings();
    const text = renderAadManifest(valuesFor({}, settings));
    expect(JSON.parse(text)).not.toHaveProperty('id');
    expect(checkAadManifest(text, settings)).toEqual([]);
  });
});

describe('checkAadManifest', () => {
  it.each([
    [
      'Outlook mobile missing',
      (app: Json) =>
        (app.api.preAuthorizedApplications = app.api.preAuthorizedApplications.filter(
          (c: { appId: string }) => c.appId !== '27922004-5251-4030-b22d-91ecd9a37ea4',
        )),
      'Outlook mobile (27922004-5251-4030-b22d-91ecd9a37ea4) staat niet',
    ],
    [
      'v1 tokens',
      (app: Json) => (app.api.requestedAccessTokenVersion = 1),
      'requestedAccessTokenVersion moet 2 zijn',
    ],
    [
      'another Application ID URI',
      (app: Json) => (app.identifierUris = ['api://elders.nl/x']),
      'identifierUris bevat de Application ID URI van de manifesten niet',
    ],
    [
      'a role the server does not know',
      (app: Json) => (app.appRoles[0].value = 'Workshop.Everything'),
      'appRoles moeten precies de rollen van de server zijn',
    ],
    [
      'SharePoint delegated',
      (app: Json) =>
        app.requiredResourceAccess[0].resourceAccess.push({
          id: '89fe6a52-be36-487e-b7d8-d061c450a026',
          type: 'Scope',
        }),
      'de Graph-rechten moeten precies zijn',
    ],
    [
      'no NAA redirect',
      (app: Json) => app.spa.redirectUris.pop(),
      'spa.redirectUris mist brk-multihub://workshops.noord-holland.nl',
    ],
    [
      'the retired Azure AD Graph format',
      (app: Json) => (app.oauth2Permissions = app.api.oauth2PermissionScopes),
      'oauth2Permissions',
    ],
    [
      'an unknown sign-in audience',
      (app: Json) => (app.signInAudience = 'Everyone'),
      'signInAudience',
    ],
    [
      'a role value with a space',
      (app: Json) => (app.appRoles[3].value = 'Workshop Trainer'),
      'appRoles.3.value',
    ],
    [
      'an http redirect URI',
      (app: Json) => (app.spa.redirectUris[0] = 'http://workshops.noord-holland.nl/auth/callback'),
      'spa.redirectUris.0',
    ],
  ])('rejects %s', (_what, change, expected) => {
    expect(problemsAfter(change)).toEqual(
      expect.arrayContaining([expect.stringContaining(expected)]),
    );
  });

  it('rejects a placeholder left in', () => {
    expect(checkAadManifest(readAadTemplate(), tenantSettings)).toEqual([
      expect.stringContaining('plaatshouder'),
    ]);
  });
});

describe('README', () => {
  it('lists every pre-authorised client of the registration (the manual fallback)', () => {
    const readme = readFileSync(`${REPO_ROOT}README.md`, 'utf8');
    for (const clientId of Object.keys(PRE_AUTHORIZED_CLIENTS)) expect(readme).toContain(clientId);
  });
});

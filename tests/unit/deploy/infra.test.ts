// infra/: the Bicep files for Azure Container Apps, checked structurally. The Bicep compiler is
// not on npm (it ships as a .NET tool and from GitHub releases, neither reachable here), so
// nothing compiles them in this repository: the test reads the declarations and checks what the
// product depends on — parameters the parameter files fill, two replicas, https ingress, probes
// on /api/health at the port the image exposes, the managed identity as the only credential,
// settings the server really reads, log retention as the privacy statement states it.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { REPO_ROOT } from '../../../src/cli/package-settings.js';
import { ZEnv } from '../../../src/server/env.js';

const read = (path: string): string => readFileSync(`${REPO_ROOT}${path}`, 'utf8');

interface Param {
  readonly name: string;
  readonly type: string;
  readonly defaultValue: string | undefined;
}

function params(bicep: string): Param[] {
  return [...bicep.matchAll(/^param (\w+) (\w+)(?: = (.+))?$/gm)].map((m) => ({
    name: m[1]!,
    type: m[2]!,
    defaultValue: m[3],
  }));
}

function parameterFile(path: string): Record<string, { value: unknown }> {
  return (JSON.parse(read(path)) as { parameters: Record<string, { value: unknown }> }).parameters;
}

const main = read('infra/main.bicep');
const registry = read('infra/registry.bicep');
const containerApp = read('infra/modules/container-app.bicep');
const monitoring = read('infra/modules/monitoring.bicep');
const FILES = { main, registry, containerApp, monitoring };

describe('infra/*.bicep', () => {
  it('are balanced and use dated API versions', () => {
    for (const [name, text] of Object.entries(FILES)) {
      // Comment lines out, then strings (which may hold // or brackets), then trailing comments.
      const code = text
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .map((line) => line.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/\/\/.*$/, ''))
        .join('\n');
      for (const [open, close] of [
        ['{', '}'],
        ['[', ']'],
        ['(', ')'],
      ] as const) {
        expect([name, open, code.split(open).length]).toEqual([
          name,
          open,
          code.split(close).length,
        ]);
      }
      for (const m of text.matchAll(/^resource \w+ '([^']+)'/gm)) {
        expect(m[1]).toMatch(/^[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
      }
    }
  });

  it.each([
    ['infra/main.bicep', 'infra/main.parameters.json'],
    ['infra/registry.bicep', 'infra/registry.parameters.json'],
  ])('%s gets every parameter without a default from %s, and only declared ones', (bicep, file) => {
    const declared = params(read(bicep));
    const given = Object.keys(parameterFile(file));
    const required = declared.filter((p) => p.defaultValue === undefined).map((p) => p.name);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
    expect(given.filter((name) => !declared.some((p) => p.name === name))).toEqual([]);
  });

  it('uses module files that exist', () => {
    for (const m of main.matchAll(/^module \w+ '([^']+)'/gm)) {
      expect(existsSync(`${REPO_ROOT}infra/${m[1]}`)).toBe(true);
    }
  });

  it('runs two replicas by default', () => {
    expect(params(main).find((p) => p.name === 'minReplicas')).toMatchObject({
      type: 'int',
      defaultValue: '2',
    });
    expect(containerApp).toContain('minReplicas: minReplicas');
  });

  it('serves https only, on the port the image exposes, with probes on /api/health', () => {
    const exposed = /^EXPOSE (\d+)$/m.exec(read('Dockerfile'))?.[1];
    expect(containerApp).toContain(`var port = ${exposed}`);
    expect(containerApp).toMatch(
      /external: true\s+targetPort: port\s+transport: 'auto'\s+allowInsecure: false/,
    );
    const probes = [
      ...containerApp.matchAll(/type: '(\w+)'\s+httpGet: \{ path: '([^']+)', port: port \}/g),
    ];
    expect(probes.map((m) => [m[1], m[2]])).toEqual([
      ['Startup', '/api/health'],
      ['Liveness', '/api/health'],
      ['Readiness', '/api/health'],
    ]);
  });

  it('has no secret: the user-assigned identity pulls the image and is the Entra credential', () => {
    for (const text of Object.values(FILES)) {
      expect(text).not.toMatch(/secretRef|CLIENT_SECRET|adminUserEnabled: true|passwordSecretRef/);
    }
    expect(registry).toContain('adminUserEnabled: false');
    expect(containerApp).toMatch(/type: 'UserAssigned'/);
    expect(containerApp).toMatch(/server: registryLoginServer\s+identity: identityId/);
    expect(containerApp).toContain("{ name: 'CLIENT_CREDENTIAL', value: 'managedIdentity' }");
    expect(containerApp).toContain(
      "{ name: 'MANAGED_IDENTITY_CLIENT_ID', value: identityClientId }",
    );
    expect(main).toContain("acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'");
  });

  it('sets only settings the server reads, and the ones a tenant needs', () => {
    const names = [...containerApp.matchAll(/\{ name: '([A-Z_]+)', value: /g)].map((m) => m[1]!);
    const known = new Set([...Object.keys(ZEnv.shape), 'NODE_ENV']);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining([
        'PUBLIC_URL',
        'AUTHORITY_HOST',
        'TENANT_ID',
        'CLIENT_ID',
        'ALLOWED_TENANT_IDS',
        'GRAPH_BASE_URL',
        'SHAREPOINT_SITE',
      ]),
    );
    expect(containerApp).toContain(
      "{ name: 'AUTHORITY_HOST', value: 'https://login.microsoftonline.com' }",
    );
    expect(containerApp).toContain(
      "{ name: 'GRAPH_BASE_URL', value: 'https://graph.microsoft.com/v1.0' }",
    );
  });

  it('keeps the logs as long as the privacy statement says (30 days)', () => {
    expect(params(main).find((p) => p.name === 'logRetentionDays')?.defaultValue).toBe('30');
    expect(monitoring).toContain('retentionInDays: retentionInDays');
    expect(read('src/web/public/legal/privacy.nl.html')).toContain('30\n        dagen');
  });

  it('leaves the SharePoint site grant to npm run provision', () => {
    expect(main).toContain('`npm run provision` makes it');
    expect(main).not.toMatch(/Microsoft\.Graph\/|sites\/.*permissions/);
  });
});

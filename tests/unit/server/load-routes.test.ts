import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERMISSIONS } from '../../../src/server/auth/authorize.js';
import { defineRoute } from '../../../src/server/http/define-route.js';
import { checkUnique, listRouteFiles, loadRoutes } from '../../../src/server/http/load-routes.js';
import { z } from 'zod';

describe('the routes under src/server/routes', () => {
  it('each export a definition with a verb-first operationId, a summary and tags', async () => {
    const routes = await loadRoutes();
    expect(routes.map((route) => route.operationId)).toEqual(
      expect.arrayContaining(['getHealth', 'getMe', 'getCampaign']),
    );
    for (const route of routes) {
      expect(route.operationId).toMatch(
        /^(get|list|create|update|delete|confirm|cancel|propose|sync|register|release|expire|extract|plan|provision|send|check|apply|export|make|preview|save)[A-Z]/,
      );
      expect(route.summary.length).toBeGreaterThan(10);
      expect(route.tags.length).toBeGreaterThan(0);
      expect(route.url.startsWith('/')).toBe(true);
      // One permission, or several of which any one suffices (reading all or one's own).
      const required = route.permission === 'public' ? [] : [route.permission].flat();
      expect(required.every((permission) => PERMISSIONS.includes(permission))).toBe(true);
    }
    // Public routes are the exception: health, and the settings a browser needs to sign in.
    expect(
      routes
        .filter((route) => route.permission === 'public')
        .map((r) => r.operationId)
        .sort(),
    ).toEqual(['getHealth', 'getWebConfig']);
  });
});

describe('loadRoutes', () => {
  function tempRoutes(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'routes-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  }

  it('skips schema files, helpers named _x and declaration files', async () => {
    const dir = tempRoutes({
      'signups/confirm-signup.ts': '',
      'signups/confirm-signup.schema.ts': '',
      'signups/_shared.ts': '',
      'types.d.ts': '',
      'readme.md': '',
    });
    expect((await listRouteFiles(dir)).map((file) => file.slice(dir.length + 1))).toEqual([
      'signups/confirm-signup.ts',
    ]);
  });

  it('fails at start-up, naming the file, when a route file exports no definition', async () => {
    const dir = tempRoutes({ 'signups/oops.mjs': 'export const route = 1;\n' });
    await expect(loadRoutes(dir)).rejects.toThrow(/signups\/oops\.mjs: a route file must/);
  });

  it('refuses two routes with one operationId or one method and path', () => {
    const route = (operationId: string, url: string) =>
      defineRoute({
        method: 'GET',
        url,
        operationId,
        summary: 'Een testroute',
        tags: ['Test'],
        permission: 'me:read',
        schemas: { response: { 200: z.object({}) } },
        handler: async () => ({}),
      });
    expect(() => checkUnique([route('getA', '/a'), route('getA', '/b')])).toThrow(
      /operationId getA/,
    );
    expect(() => checkUnique([route('getA', '/a'), route('getB', '/a')])).toThrow(/route GET \/a/);
    expect(() => checkUnique([route('getA', '/a'), route('getB', '/b')])).not.toThrow();
  });

  it('refuses a definition without exactly one success response', () => {
    expect(() =>
      defineRoute({
        method: 'POST',
        url: '/x',
        operationId: 'createX',
        summary: 'Een testroute',
        tags: ['Test'],
        permission: 'signups:write',
        schemas: { response: { 200: z.object({}), 201: z.object({}) } },
        handler: async () => ({}),
      }),
    ).toThrow(/exactly one success response/);
  });
});

// Finds the API's routes: every file under src/server/routes exports one route as default
// (defineRoute / definePublicRoute), so adding a route is adding its file and its schema file.
// Skipped: `*.schema.ts` (schemas), `*.test.ts`, declaration files and files whose name starts
// with `_` (helpers shared by the routes of one folder).
import { readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isApiRoute, type ApiRoute } from './define-route.js';

export const ROUTES_DIR = fileURLToPath(new URL('../routes/', import.meta.url));

const SOURCE = /\.(ts|js|mts|mjs)$/;
const SKIPPED = /(\.schema|\.test|\.spec|\.d)\.(ts|js|mts|mjs)$/;

export async function listRouteFiles(dir: string = ROUTES_DIR): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => SOURCE.test(file) && !SKIPPED.test(file))
    .filter((file) => !basename(file).startsWith('_'))
    .sort();
}

export async function loadRoutes(dir: string = ROUTES_DIR): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const file of await listRouteFiles(dir)) {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (!isApiRoute(module.default)) {
      throw new Error(
        `${relative(dir, file)}: a route file must \`export default defineRoute({…})\` (helpers: name them _x.ts)`,
      );
    }
    routes.push(module.default);
  }
  checkUnique(routes);
  return routes;
}

/** Two routes with one operationId or one method + path are a mistake: fail at start-up. */
export function checkUnique(routes: readonly ApiRoute[]): void {
  const seen = new Map<string, string>();
  for (const route of routes) {
    for (const key of [`operationId ${route.operationId}`, `route ${route.method} ${route.url}`]) {
      const previous = seen.get(key);
      if (previous) throw new Error(`Duplicate ${key} (${previous} and ${route.operationId})`);
      seen.set(key, route.operationId);
    }
  }
}

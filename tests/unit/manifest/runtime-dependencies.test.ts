// What runs in production must install without devDependencies: the container image runs
// `npm ci --omit=dev`, and an administrator runs `npm run package` and `npm run provision` on a
// production install. Every package that the server's and the CLI's code loads at run time
// (static and dynamic imports and `require.resolve`, followed through the repository's own files; `import type` is
// erased and does not count) must therefore be a dependency, not a devDependency. The same holds
// for the sandbox package (`npm start` runs it), against its own package.json.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../../../src/cli/package-settings.js';

const ENTRY_POINTS = ['src/server/main.ts', 'src/cli/main.ts', 'src/cli/start.ts'];
const SANDBOX_PACKAGE = 'packages/m365-sandbox';

// `import x from 'y'`, `import { a } from 'y'`, `export … from 'y'`, `import 'y'`, `import('y')`;
// not `import type …` nor `export type …`.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
// `createRequire(…).resolve('pkg/cli.js')`: a package's file run as a process.
const REQUIRE_RESOLVE = /\b\w*[rR]equire\w*\.resolve\(\s*['"]([^'"]+)['"]/g;

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base];
  return candidates.find((candidate) => existsSync(candidate) && candidate.match(/\.(t|j)sx?$/));
}

/** The packages loaded at run time from these entry points, with the file that loads each. */
function runtimePackages(entries: readonly string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = entries.map((entry) => join(REPO_ROOT, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [STATIC_IMPORT, DYNAMIC_IMPORT, REQUIRE_RESOLVE].flatMap((pattern) =>
      [...source.matchAll(pattern)].map((match) => match[1]!),
    );
    for (const specifier of specifiers) {
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) {
        const local = resolveLocal(file, specifier);
        if (local) queue.push(local);
        continue;
      }
      const name = packageName(specifier);
      if (!packages.has(name)) packages.set(name, relative(REPO_ROOT, file));
    }
  }
  return packages;
}

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
}

function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as PackageJson;
}

/** What `packages` needs that `manifest` does not list as a dependency. */
function missingFrom(manifest: PackageJson, packages: Map<string, string>): string[] {
  return [...packages]
    .filter(([name]) => manifest.dependencies[name] === undefined)
    .map(([name, file]) =>
      manifest.devDependencies[name] === undefined
        ? `${name} (loaded by ${file}) is not in package.json`
        : `${name} (loaded by ${file}) is a devDependency`,
    );
}

const packageJson = readPackageJson('.');

describe('runtime dependencies', () => {
  const packages = runtimePackages(ENTRY_POINTS);

  it('finds the packages the packager needs', () => {
    expect([...packages.keys()]).toEqual(
      expect.arrayContaining(['jszip', 'fast-xml-parser', 'office-addin-manifest', 'fastify']),
    );
  });

  it('lists every package the server and the CLI load as a dependency', () => {
    expect(missingFrom(packageJson, packages)).toEqual([]);
  });

  it('lists every package the sandbox loads as a dependency of the sandbox package', () => {
    const sandbox = readPackageJson(SANDBOX_PACKAGE);
    const loaded = runtimePackages([`${SANDBOX_PACKAGE}/src/main.ts`]);
    expect([...loaded.keys()]).toEqual(expect.arrayContaining(['better-sqlite3', 'node-forge']));
    expect(missingFrom(sandbox, loaded)).toEqual([]);
    expect(sandbox.scripts.start).toMatch(/^tsx /);
    expect(sandbox.dependencies.tsx).toBeDefined();
  });

  it('runs the production scripts with a runtime dependency (tsx)', () => {
    for (const script of ['start', 'package', 'provision']) {
      expect(packageJson.scripts[script]).toMatch(/^tsx /);
    }
    expect(packageJson.dependencies.tsx).toBeDefined();
  });
});

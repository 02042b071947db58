// A production build of the web bundles (what `npm start` and `npm run build` serve) contains no
// source maps and no reference to one: the full TypeScript source stays on the build machine.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { buildWeb } from '../../../src/cli/build-web.js';

// vite builds the tab and the add-in: tens of seconds on a busy 2-core machine.
jest.setTimeout(240_000);

const outDir = mkdtempSync(join(tmpdir(), 'workshopplanner-web-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the production build of the web bundles', () => {
  it('writes scripts but no .map files and no sourceMappingURL', () => {
    expect(buildWeb(outDir)).toBe(true);
    const files = filesUnder(outDir);
    const scripts = files.filter((file) => extname(file) === '.js');
    expect(scripts.length).toBeGreaterThan(5);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const script of scripts) {
      expect({ script, mapped: readFileSync(script, 'utf8').includes('sourceMappingURL') }).toEqual(
        { script, mapped: false },
      );
    }
  });
});

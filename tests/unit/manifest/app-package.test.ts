// The check `npm run package` runs on the zip it wrote: what Teams checks on upload (a flat zip
// with manifest.json, the icons it names in their sizes, a white outline, the localization file)
// plus the validator. Each damaged package must be caught.
import { describe, expect, it, jest } from '@jest/globals';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { checkAppPackage } from '../../../src/cli/package-check.js';
import { PACKAGE_ASSETS, renderManifests } from '../../../src/cli/package-render.js';
import { readDefaultPackageSettings, REPO_ROOT } from '../../../src/cli/package-settings.js';
import { drawIcon, encodePng } from '../../../scripts/make-icons.js';

// office-addin-manifest's validator runs as a process (several seconds on a busy 2-core machine).
jest.setTimeout(60_000);

const manifestJson = renderManifests(readDefaultPackageSettings()).unified;

function goodFiles(): Map<string, Uint8Array | string> {
  const files = new Map<string, Uint8Array | string>([['manifest.json', manifestJson]]);
  for (const name of PACKAGE_ASSETS)
    files.set(name, readFileSync(`${REPO_ROOT}appPackage/${name}`));
  return files;
}

async function zipOf(files: Map<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('checkAppPackage', () => {
  it('accepts the package as npm run package builds it', async () => {
    const check = await checkAppPackage(await zipOf(goodFiles()));
    expect(check.problems).toEqual([]);
    expect(check.entries).toEqual([
      'color.png',
      'color32x32.png',
      'en.json',
      'manifest.json',
      'outline.png',
    ]);
    expect(check.english['staticTabs[1].name']).toBe('Log');
  });

  it.each<[string, (files: Map<string, Uint8Array | string>) => void, string]>([
    [
      'a missing outline icon',
      (f) => f.delete('outline.png'),
      'outline.png ontbreekt in het pakket',
    ],
    [
      'files in a folder',
      (f) => {
        f.set('appPackage/color.png', f.get('color.png')!);
        f.delete('color.png');
      },
      'appPackage/color.png staat in een map',
    ],
    [
      'a file it does not name',
      (f) => f.set('notes.txt', 'x'),
      'notes.txt hoort niet in het pakket',
    ],
    [
      'a colour icon of the wrong size',
      (f) => f.set('color.png', encodePng(32, 32, drawIcon('color', 32))),
      'color.png is 32×32, verwacht 192×192',
    ],
    [
      'an outline icon with colour',
      (f) => f.set('outline.png', encodePng(32, 32, drawIcon('button', 32))),
      'outline.png heeft',
    ],
    [
      'an icon that is no PNG',
      (f) => f.set('color32x32.png', 'GIF89a'),
      'color32x32.png: geen PNG',
    ],
    [
      'an English file with a key the schema lacks',
      (f) =>
        f.set(
          'en.json',
          JSON.stringify({ ...JSON.parse(f.get('en.json')!.toString()), tagline: 'x' }),
        ),
      'en.json: sleutel tagline bestaat niet',
    ],
    [
      'a manifest the schema rejects',
      (f) =>
        f.set(
          'manifest.json',
          manifestJson.replace('"manifestVersion": "1.30"', '"manifestVersion": "0.9"'),
        ),
      'schemafout',
    ],
    ['no manifest', (f) => f.delete('manifest.json'), 'manifest.json ontbreekt in het pakket'],
  ])('rejects %s', async (_what, damage, expected) => {
    const files = goodFiles();
    damage(files);
    const { problems } = await checkAppPackage(await zipOf(files));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});

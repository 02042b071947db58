// .env.sample documents every setting with its default: copied to .env unchanged, it must give
// exactly the defaults, and every setting the code reads must be in it.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readSandboxConfig, ZSandboxEnv } from '@workshopplanner/m365-sandbox/config';
import { readEnv, ZEnv } from '../../src/server/env.js';
import { readPackageSettings, ZPackageEnv } from '../../src/cli/package-settings.js';
import { readProvisionSettings, ZProvisionEnv } from '../../src/cli/provision-settings.js';

const sample = readFileSync('.env.sample', 'utf8');
const active = Object.fromEntries(
  sample
    .split('\n')
    .filter((line) => /^[A-Z0-9_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
const mentioned = new Set([...sample.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

describe('.env.sample', () => {
  it('gives the same product settings as no .env at all', () => {
    expect(readEnv(active)).toEqual(readEnv({}));
  });

  it('gives the same sandbox settings as no .env at all', () => {
    expect(readSandboxConfig(active)).toEqual(readSandboxConfig({}));
  });

  it('documents every setting the code reads', () => {
    const settings = [
      ...Object.keys(ZEnv.shape),
      ...Object.keys(ZSandboxEnv.shape),
      ...Object.keys(ZPackageEnv.shape),
      ...Object.keys(ZProvisionEnv.shape),
      // Read outside the schemas: by npm start, the sandbox's entry point and the browser tests.
      'START_SANDBOX',
      'SANDBOX_TODAY',
      'WEB_BUILD',
      'SANDBOX_LOG',
      'CHROMIUM_PATH',
    ];
    expect(settings.filter((name) => !mentioned.has(name))).toEqual([]);
  });

  it('gives the same provisioning settings as no .env at all', () => {
    expect(readProvisionSettings(active)).toEqual(readProvisionSettings({}));
  });

  it('parses the packaging settings', () => {
    expect(() => readPackageSettings(active)).not.toThrow();
  });
});

// The container image's Dockerfile, without a Docker engine (none runs here): lint-free by
// dockerfile-utils (the Dockerfile validator of the VS Code Docker tools) with every rule an
// error, and the rules of this product checked on its parsed instructions: a pinned base image,
// production dependencies only, the unprivileged user, a health check on /api/health, no secret
// and no setting baked in, and a .dockerignore that keeps local state and secrets out.
import { describe, expect, it } from '@jest/globals';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from '../../../src/cli/package-settings.js';

const dockerfile = readFileSync(`${REPO_ROOT}Dockerfile`, 'utf8');

const STRICT = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** The instructions, continuation lines joined, comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of each stage, the last being the image that runs. */
function stages(text: string): Instruction[][] {
  const result: Instruction[][] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') result.push([]);
    result.at(-1)?.push(instruction);
  }
  return result;
}

const all = instructions(dockerfile);
const runtime = stages(dockerfile).at(-1)!;
const args = (keyword: string, within = all) =>
  within.filter((i) => i.keyword === keyword).map((i) => i.args);

describe('Dockerfile', () => {
  it('is lint-free with every rule of dockerfile-utils as an error', () => {
    expect(validate(dockerfile, STRICT)).toEqual([]);
  });

  it('is flagged by the linter when broken (the check can fail)', () => {
    const broken = `${dockerfile}\nWORKDIR app\nCMD ["node"]\n`;
    expect(validate(broken, STRICT).length).toBeGreaterThanOrEqual(2);
  });

  it('builds from a pinned Node 20 image (a full version, not a moving tag)', () => {
    const image = /^NODE_IMAGE=(\S+)$/.exec(args('ARG')[0] ?? '')?.[1] ?? '';
    expect(image).toMatch(/^node:20\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/);
    for (const from of args('FROM')) expect(from).toMatch(/^\$\{NODE_IMAGE\}|^toolchain /);
  });

  it('runs with production dependencies only, installed from the lock file', () => {
    const install = stages(dockerfile).find((stage) =>
      stage.some((i) => i.keyword === 'FROM' && / AS production-dependencies$/.test(i.args)),
    )!;
    expect(args('RUN', install)).toEqual([expect.stringMatching(/^npm ci --omit=dev\b/)]);
    const copied = args('COPY', runtime);
    expect(copied).toContain(
      '--from=production-dependencies --chown=root:root /app/node_modules ./node_modules',
    );
    expect(copied.filter((c) => c.includes('node_modules'))).toHaveLength(1);
  });

  it('runs as the unprivileged user node, with files it cannot change', () => {
    expect(args('USER', runtime)).toEqual(['node']);
    const userIndex = runtime.findIndex((i) => i.keyword === 'USER');
    expect(runtime.slice(userIndex).map((i) => i.keyword)).toEqual([
      'USER',
      'EXPOSE',
      'HEALTHCHECK',
      'CMD',
    ]);
    for (const copy of args('COPY', runtime)) expect(copy).toContain('--chown=root:root');
  });

  it('checks its health on /api/health and starts the server, not the sandbox', () => {
    const [healthcheck] = args('HEALTHCHECK', runtime);
    expect(healthcheck).toContain('/api/health');
    expect(healthcheck).toMatch(/--interval=\d+s --timeout=\d+s/);
    expect(args('CMD', runtime)).toEqual(['["node", "--import", "tsx", "src/server/main.ts"]']);
    expect(args('EXPOSE', runtime)).toEqual(['3000']);
  });

  it('bakes in no secret and no tenant setting', () => {
    const env = args('ENV', runtime).join(' ');
    expect(env).not.toMatch(/SECRET|CLIENT_ID|TENANT_ID|PASSWORD|TOKEN|KEY/i);
    expect(dockerfile).not.toMatch(/CLIENT_SECRET|sandbox-client-secret/);
    expect(args('ARG').join(' ')).not.toMatch(/SECRET|TOKEN|PASSWORD/i);
  });
});

describe('.dockerignore', () => {
  it('keeps local state, secrets, git and build output out of the build context', () => {
    const ignored = readFileSync(`${REPO_ROOT}.dockerignore`, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(
      expect.arrayContaining(['.git', 'node_modules', 'dist', '.data', '.env', '.env.*']),
    );
    expect(ignored).toContain('env/.env.*.user');
  });
});

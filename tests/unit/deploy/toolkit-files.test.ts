// m365agents.yml and env/.env.dev, the Microsoft 365 Agents Toolkit's files: valid against the
// toolkit's own schema of m365agents.yml (v1.11, vendored from @microsoft/m365agentstoolkit-cli,
// tests/fixtures/m365agents), the provision steps in the order the toolkit needs them, every file
// they name present, every ${{NAME}} they use defined in env/.env.dev, and the app package path
// the same as the one `npm run package` writes. What needs a tenant (creating the apps, Azure,
// Microsoft's online validation) cannot run here.
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../../src/cli/package-settings.js';

interface Step {
  readonly uses: string;
  readonly name?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}
interface ToolkitFile {
  readonly version: string;
  readonly environmentFolderPath: string;
  readonly provision: Step[];
  readonly deploy: Step[];
}

const read = (path: string): string => readFileSync(`${REPO_ROOT}${path}`, 'utf8');
const ymlText = read('m365agents.yml');
const yml = parse(ymlText) as ToolkitFile;
const envDev = parseEnv(read('env/.env.dev'));

/** Every ${{NAME}} in a text. */
const placeholders = (text: string): string[] => [
  ...new Set([...text.matchAll(/\$\{\{\s*([A-Z_][A-Z0-9_]*)\s*\}\}/g)].map((m) => m[1]!)),
];

/** Names the toolkit writes during a run (writeToEnvironmentFile, the Bicep files' outputs). */
function writtenNames(): Set<string> {
  const names = new Set<string>();
  for (const step of [...yml.provision, ...yml.deploy]) {
    for (const name of Object.values(step.writeToEnvironmentFile ?? {})) names.add(name);
  }
  for (const bicep of ['infra/registry.bicep', 'infra/main.bicep']) {
    for (const m of read(bicep).matchAll(/^output ([A-Z_][A-Z0-9_]*) /gm)) names.add(m[1]!);
  }
  return names;
}

describe('m365agents.yml', () => {
  it("is valid against the toolkit's schema v1.11", () => {
    const schema = JSON.parse(read('tests/fixtures/m365agents/yaml.schema.v1.11.json')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(ymlText).toContain('yaml.schema.json');
    expect(yml.version).toBe('v1.11');
    expect(validate(yml) ? [] : validate.errors).toEqual([]);
  });

  it('is rejected by that schema when a step is wrong (the check can fail)', () => {
    const schema = JSON.parse(read('tests/fixtures/m365agents/yaml.schema.v1.11.json')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    const broken = structuredClone(yml) as { provision: Step[] };
    broken.provision[0] = { ...broken.provision[0]!, with: { name: 'x', signInAudience: 'All' } };
    expect(validate(broken)).toBe(false);
  });

  it('provisions in the order the toolkit needs: Entra app, Teams app, Azure, registration, credential, package, upload, Microsoft 365', () => {
    expect(yml.provision.map((step) => step.uses)).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'arm/deploy',
      'script',
      'arm/deploy',
      'aadApp/update',
      'script',
      'cli/runNpmCommand',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
    expect(yml.deploy.map((step) => step.uses)).toEqual(['script', 'script']);
  });

  it('creates no client secret: the managed identity is the credential', () => {
    const create = yml.provision[0]!;
    expect(create.with).toMatchObject({ generateClientSecret: false });
    expect(create.writeToEnvironmentFile).not.toHaveProperty('clientSecret');
    expect(ymlText).not.toMatch(/SECRET_/);
    expect(yml.provision[6]!.with).toEqual({
      run: 'bash ./infra/scripts/add-federated-credential.sh',
    });
  });

  it('names only files that exist', () => {
    const paths = [
      ...yml.provision.flatMap((step) => {
        const w = step.with ?? {};
        const templates = (w.templates as { path: string; parameters: string }[] | undefined) ?? [];
        return [
          ...(typeof w.manifestPath === 'string' ? [w.manifestPath] : []),
          ...templates.flatMap((t) => [t.path, t.parameters]),
          ...(typeof w.run === 'string' && w.run.startsWith('bash ') ? [w.run.slice(5)] : []),
        ];
      }),
    ];
    expect(paths).toEqual([
      './infra/registry.bicep',
      './infra/registry.parameters.json',
      './infra/main.bicep',
      './infra/main.parameters.json',
      './aad.manifest.json',
      './infra/scripts/add-federated-credential.sh',
    ]);
    for (const path of paths)
      expect([path, existsSync(`${REPO_ROOT}${path}`)]).toEqual([path, true]);
    expect(existsSync(`${REPO_ROOT}Dockerfile`)).toBe(true); // az acr build … .
  });

  it('uses only names that env/.env.dev defines', () => {
    const used = [
      ...placeholders(ymlText),
      ...placeholders(read('aad.manifest.json')),
      ...placeholders(read('infra/main.parameters.json')),
      ...placeholders(read('infra/registry.parameters.json')),
    ];
    const missing = used.filter((name) => !(name in envDev));
    expect(missing).toEqual([]);
    // What the run itself fills in is defined (empty) there too, so a reader sees every name.
    for (const name of writtenNames()) expect([name, name in envDev]).toEqual([name, true]);
  });

  it('uploads the package exactly where `npm run package` writes it', () => {
    const packageStep = yml.provision.find((step) => step.uses === 'cli/runNpmCommand')!;
    expect(packageStep.with).toEqual({ args: 'run package' });
    expect(packageStep.env).toMatchObject({ PACKAGE_STRICT: 'true' });
    const outDir = packageStep.env!.PACKAGE_OUT_DIR!;
    for (const step of yml.provision.filter(
      (s) => s.uses.startsWith('teamsApp/') && s.with?.appPackagePath,
    )) {
      expect(step.with!.appPackagePath).toBe(`${outDir}/workshopplanner-\${{APP_VERSION}}.zip`);
    }
    // Every setting the packager reads comes from the env file, not from a developer's .env.
    for (const name of [
      'PUBLIC_URL',
      'CLIENT_ID',
      'TENANT_ID',
      'ALLOWED_TENANT_IDS',
      'TEAMS_APP_ID',
      'APP_VERSION',
    ]) {
      expect(packageStep.env![name]).toBe(`\${{${name}}}`);
    }
  });
});

describe('env/.env.dev', () => {
  it('holds no secret and leaves the generated ids empty', () => {
    for (const [name, value] of Object.entries(envDev)) {
      expect([name, /SECRET|PASSWORD|KEY/.test(name)]).toEqual([name, false]);
      if (/^(CLIENT_ID|TENANT_ID|AAD_APP_OBJECT_ID|TEAMS_APP_ID)$/.test(name))
        expect(value).toBe('');
    }
  });

  it('is committed while env/.env.*.user (secrets) is ignored', () => {
    const gitignore = read('.gitignore');
    expect(gitignore).toMatch(/^!env\/\.env\.\*$/m);
    expect(gitignore).toMatch(/^env\/\.env\.\*\.user$/m);
  });
});

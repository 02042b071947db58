// Checks the Teams app package after it is written: the entries Teams expects (flat zip), icon
// sizes, the outline icon's white-on-transparent rule, the English localization file, the
// office-addin-manifest validator (the bundled v1.30 schema, offline) and that the unified and the
// XML manifest describe the same add-in. Every check returns Dutch problems; none throws.
import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { countNonWhitePixels, decodePng, PngError } from './package-png.js';

// Only the parts of manifest.json that the package step reads; the full schema is the validator's.
const ZIcon = z.object({ size: z.number(), url: z.string() });
const ZUnified = z.object({
  $schema: z.string(),
  manifestVersion: z.string(),
  id: z.string(),
  version: z.string(),
  icons: z.object({ color: z.string(), outline: z.string(), color32x32: z.string().optional() }),
  localizationInfo: z
    .object({
      additionalLanguages: z
        .array(z.object({ languageTag: z.string(), file: z.string() }))
        .optional(),
    })
    .optional(),
  webApplicationInfo: z.object({ id: z.string(), resource: z.string().optional() }),
  authorization: z.object({
    permissions: z.object({
      resourceSpecific: z.array(z.object({ name: z.string(), type: z.string() })),
    }),
  }),
  extensions: z
    .array(
      z.object({
        requirements: z.object({
          capabilities: z.array(z.object({ name: z.string(), minVersion: z.string().optional() })),
        }),
        runtimes: z.array(
          z.object({
            code: z.object({ page: z.string() }),
            actions: z.array(z.object({ id: z.string() })),
          }),
        ),
        ribbons: z.array(
          z.object({
            contexts: z.array(z.string()),
            tabs: z.array(
              z.object({
                groups: z.array(
                  z.object({
                    controls: z.array(
                      z.object({ label: z.string(), icons: z.array(ZIcon), actionId: z.string() }),
                    ),
                  }),
                ),
              }),
            ),
          }),
        ),
        alternates: z.array(
          z.object({
            hide: z.object({ customOfficeAddin: z.object({ officeAddinId: z.string() }) }),
          }),
        ),
      }),
    )
    .length(1),
});
export type TUnifiedManifest = z.infer<typeof ZUnified>;

export type TParsedUnified =
  { ok: true; manifest: TUnifiedManifest } | { ok: false; problem: string };

export function parseUnifiedManifest(text: string): TParsedUnified {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `manifest.json is geen JSON: ${(error as Error).message}` };
  }
  const parsed = ZUnified.safeParse(json);
  if (parsed.success) return { ok: true, manifest: parsed.data };
  const where = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
  return {
    ok: false,
    problem: `manifest.json mist onderdelen die het pakket nodig heeft (${where})`,
  };
}

const requireHere = createRequire(import.meta.url);

/**
 * office-addin-manifest's own check of a manifest.json file (offline for JSON manifests), run as
 * its CLI: its library loads an ES-only dependency with require(), which plain Node 20.19 allows
 * but jest's module runtime does not, so the package step and its tests share one way in.
 */
export function validateUnifiedManifestFile(path: string): Promise<string[]> {
  const cli = requireHere.resolve('office-addin-manifest/cli.js');
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [cli, 'validate', path],
      { env: { ...process.env, FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        if (!error) {
          resolvePromise([]);
          return;
        }
        // The CLI prints "Error #n:" and then "Error: <instance path> <message>" per schema error.
        const errors = stdout.split('\n').filter((line) => line.startsWith('Error: '));
        const detail = `${stdout}${stderr}`.trim().split('\n').slice(-3).join(' ');
        resolvePromise(
          errors.length > 0
            ? errors.map((line) => `schemafout: ${line.slice('Error: '.length)}`)
            : [`office-addin-manifest keurt manifest.json af: ${detail || error.message}`],
        );
      },
    );
  });
}

/** Writes the manifest text to a temporary file for the validator, which only reads files. */
export async function validateUnifiedManifestText(text: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workshopplanner-manifest-'));
  try {
    await writeFile(join(dir, 'manifest.json'), text);
    return await validateUnifiedManifestFile(join(dir, 'manifest.json'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface LocalizationSchema {
  properties: Record<string, { maxLength?: number }>;
  patternProperties: Record<string, { maxLength?: number }>;
}

/**
 * The Localization schema bundled with office-addin-manifest (through @microsoft/app-manifest).
 * Its validator cannot compile this schema (a pattern that is invalid as a Unicode regex), so the
 * package step checks keys and lengths itself.
 */
function loadLocalizationSchema(manifestVersion: string): LocalizationSchema | undefined {
  const fromValidator = createRequire(requireHere.resolve('office-addin-manifest'));
  const root = dirname(fromValidator.resolve('@microsoft/app-manifest/package.json'));
  const file = join(
    root,
    `build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`,
  );
  // An unknown manifest version has no schema file; the validator reports the version itself.
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as LocalizationSchema)
    : undefined;
}

/** Follows a localization key such as `staticTabs[1].name` through the manifest. */
function lookUp(manifest: unknown, key: string): unknown {
  return key.split(/\.|(?=\[)/).reduce<unknown>((at, step) => {
    if (at === null || typeof at !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(step)?.[1];
    return (at as Record<string, unknown>)[index ?? step];
  }, manifest);
}

export function checkLocalization(
  manifest: TUnifiedManifest,
  manifestJson: unknown,
  file: string,
  text: string,
): string[] {
  let strings: Record<string, unknown>;
  try {
    strings = z.record(z.string(), z.unknown()).parse(JSON.parse(text));
  } catch (error) {
    return [`${file} is geen JSON-object: ${(error as Error).message}`];
  }
  const expectedSchema = manifest.$schema.replace(
    'MicrosoftTeams.schema.json',
    'MicrosoftTeams.Localization.schema.json',
  );
  const problems: string[] = [];
  if (strings.$schema !== expectedSchema) {
    problems.push(`${file}: $schema moet ${expectedSchema} zijn`);
  }
  const schema = loadLocalizationSchema(manifest.manifestVersion);
  if (!schema) {
    return [
      ...problems,
      `${file}: geen lokalisatieschema voor manifestversie ${manifest.manifestVersion}`,
    ];
  }
  for (const [key, value] of Object.entries(strings)) {
    if (key === '$schema') continue;
    const rule =
      schema.properties[key] ??
      Object.entries(schema.patternProperties).find(([pattern]) =>
        new RegExp(pattern).test(key),
      )?.[1];
    if (!rule) problems.push(`${file}: sleutel ${key} bestaat niet in het lokalisatieschema`);
    else if (typeof value !== 'string') problems.push(`${file}: ${key} is geen tekst`);
    else if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      problems.push(`${file}: ${key} is langer dan ${rule.maxLength} tekens`);
    }
    if (typeof lookUp(manifestJson, key) !== 'string') {
      problems.push(`${file}: ${key} verwijst naar niets in manifest.json`);
    }
  }
  return problems;
}

const ICON_SIZES = { color: 192, outline: 32, color32x32: 32 } as const;

async function checkIcon(
  zip: JSZip,
  role: keyof typeof ICON_SIZES,
  name: string,
): Promise<string[]> {
  const entry = zip.file(name);
  if (!entry) return [];
  try {
    const image = decodePng(await entry.async('uint8array'));
    const size = ICON_SIZES[role];
    const problems =
      image.width === size && image.height === size
        ? []
        : [`${name} is ${image.width}×${image.height}, verwacht ${size}×${size}`];
    if (role === 'outline') {
      const { visible, offending } = countNonWhitePixels(image);
      if (visible === 0) problems.push(`${name} is helemaal doorzichtig`);
      if (offending > 0) {
        problems.push(`${name} heeft ${offending} pixels die niet wit of doorzichtig zijn`);
      }
    }
    return problems;
  } catch (error) {
    if (error instanceof PngError) return [`${name}: ${error.message}`];
    throw error;
  }
}

export interface AppPackageCheck {
  readonly problems: readonly string[];
  readonly entries: readonly string[];
  readonly manifest: TUnifiedManifest | undefined;
  readonly english: Record<string, unknown>;
}

/** Reopens the written zip and checks what Teams and Outlook will check on upload. */
export async function checkAppPackage(bytes: Uint8Array): Promise<AppPackageCheck> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name)
    .sort();
  const problems = entries
    .filter((name) => name.includes('/'))
    .map((name) => `${name} staat in een map; Teams wil een plat pakket`);
  const manifestText = await zip.file('manifest.json')?.async('string');
  const parsed = manifestText === undefined ? undefined : parseUnifiedManifest(manifestText);
  if (!manifestText || !parsed?.ok) {
    return {
      problems: [
        ...problems,
        parsed?.ok === false ? parsed.problem : 'manifest.json ontbreekt in het pakket',
      ],
      entries,
      manifest: undefined,
      english: {},
    };
  }
  const { manifest } = parsed;
  const languages = manifest.localizationInfo?.additionalLanguages ?? [];
  const expected = new Set([
    'manifest.json',
    ...Object.values(manifest.icons).filter((name) => name !== undefined),
    ...languages.map((l) => l.file),
  ]);
  problems.push(
    ...[...expected]
      .filter((name) => !entries.includes(name))
      .map((name) => `${name} ontbreekt in het pakket`),
    ...entries
      .filter((name) => !expected.has(name))
      .map((name) => `${name} hoort niet in het pakket`),
  );
  for (const role of Object.keys(ICON_SIZES) as (keyof typeof ICON_SIZES)[]) {
    const name = manifest.icons[role];
    if (name !== undefined) problems.push(...(await checkIcon(zip, role, name)));
  }
  let english: Record<string, unknown> = {};
  for (const { file, languageTag } of languages) {
    const text = (await zip.file(file)?.async('string')) ?? '{}';
    const found = checkLocalization(manifest, JSON.parse(manifestText), file, text);
    problems.push(...found);
    if (found.length === 0 && languageTag.toLowerCase().startsWith('en')) {
      english = JSON.parse(text) as Record<string, unknown>; // checkLocalization parsed it already
    }
  }
  problems.push(...(await validateUnifiedManifestText(manifestText)));
  return { problems, entries, manifest, english };
}

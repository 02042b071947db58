// `npm run package`: renders both manifests from the settings, writes the Teams app package
// (dist/workshopplanner-<version>.zip: manifest.json and its files, flat), the add-in only
// manifest (dist/workshopplanner-outlook.xml) and the Entra app registration for these settings
// (dist/aad.manifest.json, from aad.manifest.json), then reopens what it wrote and checks it
// before it reports success. `--update-committed` rewrites the committed sandbox-default
// renderings instead.
import JSZip from 'jszip';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from './extract-slots.js';
import {
  AAD_MANIFEST,
  checkAadManifest,
  readAadValues,
  renderAadManifest,
  type TAadValues,
} from './package-aad.js';
import {
  checkAppPackage,
  parseUnifiedManifest,
  validateUnifiedManifestText,
} from './package-check.js';
import { compareManifests } from './package-compare.js';
import { checkOutlookManifest } from './package-outlook-xml.js';
import { readPngHeader } from './package-png.js';
import {
  OUTLOOK_COMMITTED,
  PACKAGE_ASSETS,
  renderManifests,
  UNIFIED_COMMITTED,
  type RenderedManifests,
} from './package-render.js';
import {
  readDefaultPackageSettings,
  readPackageSettings,
  REPO_ROOT,
  type PackageSettings,
} from './package-settings.js';

export const PACKAGE_USAGE = `Gebruik: npm run package [-- --update-committed]

Maakt dist/workshopplanner-<versie>.zip (Teams-app met Outlook-invoegtoepassing),
dist/workshopplanner-outlook.xml (XML-manifest voor Outlook op Mac, mobiel en oudere Windows) en
dist/aad.manifest.json (de app-registratie in Entra ID bij deze instellingen) en controleert ze.
Instellingen komen uit de omgeving of .env: PUBLIC_URL, CLIENT_ID, API_IDENTIFIER_URI,
AUTHORITY_HOST, TENANT_ID, ALLOWED_TENANT_IDS, TEAMS_APP_ID, OUTLOOK_ADDIN_ID, APP_VERSION,
PACKAGE_STRICT, PACKAGE_OUT_DIR; uit env/.env.<omgeving> van de toolkit ook PUBLIC_HOST,
SIGN_IN_AUDIENCE en AAD_APP_OBJECT_ID (als ze er staan, moeten ze kloppen).

  --update-committed  schrijft de sandbox-standaardversie naar appPackage/manifest.json en
                      manifest/workshopplanner-outlook.xml (na een wijziging van een sjabloon)
`;

// A fixed date in every zip entry makes two packages of the same input byte-identical.
const ZIP_DATE = new Date('2022-04-28T00:00:00Z');
/** Icons the manifests link to under PUBLIC_URL/assets/, as Vite copies them to dist/web/assets. */
const SERVED_ASSETS_DIR = 'src/web/public/assets';

export interface PackageOutcome {
  readonly problems: readonly string[];
  readonly zipPath: string;
  readonly xmlPath: string;
  readonly aadPath: string;
  readonly entries: readonly string[];
}

/** Every http(s) URL in the manifest (but the schema address) must be under PUBLIC_URL. */
function findForeignUrls(json: unknown, publicUrl: string, path = ''): string[] {
  if (typeof json === 'string') {
    const isForeign = /^https?:\/\//i.test(json) && !json.startsWith(`${publicUrl}/`);
    return isForeign && path !== '.$schema'
      ? [`${path} (${json}) staat niet onder PUBLIC_URL ${publicUrl}`]
      : [];
  }
  if (json === null || typeof json !== 'object') return [];
  return Object.entries(json).flatMap(([key, value]) =>
    findForeignUrls(value, publicUrl, `${path}.${key}`),
  );
}

/** The icons both manifests link to must exist in the served assets, in the size their name says. */
async function checkServedIcons(rendered: RenderedManifests, publicUrl: string): Promise<string[]> {
  const prefix = `${publicUrl}/assets/`;
  const pattern = new RegExp(
    `${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\w.-]+\\.png)`,
    'g',
  );
  const names = new Set(
    [...`${rendered.unified}\n${rendered.outlook}`.matchAll(pattern)].map((m) => m[1]!),
  );
  const problems: string[] = [];
  for (const name of names) {
    const file = join(REPO_ROOT, SERVED_ASSETS_DIR, name);
    if (!existsSync(file)) {
      problems.push(`${SERVED_ASSETS_DIR}/${name} ontbreekt (npx tsx scripts/make-icons.ts)`);
      continue;
    }
    const { width, height } = readPngHeader(await readFile(file));
    const size = Number(/-(\d+)\.png$/.exec(name)?.[1]);
    if (width !== size || height !== size) {
      problems.push(`${name} is ${width}×${height}, verwacht ${size}×${size}`);
    }
  }
  return problems;
}

/** Writes and checks the package; on any problem the written files are removed again. */
export async function buildPackage(
  settings: PackageSettings,
  aad: TAadValues,
): Promise<PackageOutcome> {
  const rendered = renderManifests(settings);
  const outDir = resolve(settings.outDir);
  const zipPath = join(outDir, `workshopplanner-${settings.version}.zip`);
  const xmlPath = join(outDir, 'workshopplanner-outlook.xml');
  const aadPath = join(outDir, AAD_MANIFEST);
  const zip = new JSZip();
  zip.file('manifest.json', rendered.unified, { date: ZIP_DATE });
  for (const name of PACKAGE_ASSETS) {
    zip.file(name, await readFile(join(REPO_ROOT, 'appPackage', name)), { date: ZIP_DATE });
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(zipPath, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  await writeFile(xmlPath, rendered.outlook);
  await writeFile(aadPath, renderAadManifest(aad, { apiIdentifierUri: settings.apiIdentifierUri }));

  // Check the files as written, not the strings in memory.
  const pkg = await checkAppPackage(await readFile(zipPath));
  const xml = checkOutlookManifest(await readFile(xmlPath, 'utf8'), settings.publicUrl);
  const problems = [...pkg.problems, ...xml.problems.map((problem) => `XML-manifest: ${problem}`)];
  if (pkg.manifest && xml.model) {
    problems.push(...compareManifests(pkg.manifest, pkg.english, xml.model));
  }
  problems.push(...findForeignUrls(JSON.parse(rendered.unified), settings.publicUrl));
  problems.push(...(await checkServedIcons(rendered, settings.publicUrl)));
  problems.push(...checkAadManifest(await readFile(aadPath, 'utf8'), settings));
  if (problems.length > 0) {
    await Promise.all([zipPath, xmlPath, aadPath].map((path) => rm(path, { force: true })));
  }
  return { problems, zipPath, xmlPath, aadPath, entries: pkg.entries };
}

/** Rewrites the committed sandbox-default manifests and checks them like a package. */
export async function updateCommittedManifests(): Promise<string[]> {
  const settings = readDefaultPackageSettings();
  const rendered = renderManifests(settings);
  await writeFile(join(REPO_ROOT, UNIFIED_COMMITTED), rendered.unified);
  await writeFile(join(REPO_ROOT, OUTLOOK_COMMITTED), rendered.outlook);
  const xml = checkOutlookManifest(rendered.outlook, settings.publicUrl);
  const unified = parseUnifiedManifest(rendered.unified);
  const english = JSON.parse(
    await readFile(join(REPO_ROOT, 'appPackage/en.json'), 'utf8'),
  ) as Record<string, unknown>;
  return [
    ...(await validateUnifiedManifestText(rendered.unified)),
    ...xml.problems.map((problem) => `XML-manifest: ${problem}`),
    ...(unified.ok ? [] : [unified.problem]),
    ...(unified.ok && xml.model ? compareManifests(unified.manifest, english, xml.model) : []),
  ];
}

const list = (items: readonly string[]): string => items.map((item) => `  - ${item}\n`).join('');
const shown = (path: string): string => relative(process.cwd(), path) || path;

export async function runPackage(args: readonly string[], io: CliIo): Promise<number> {
  let isUpdate: boolean;
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { 'update-committed': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout.write(PACKAGE_USAGE);
      return 0;
    }
    isUpdate = values['update-committed'] === true;
  } catch (error) {
    io.stderr.write(`Ongeldige optie (${(error as Error).message})\n\n${PACKAGE_USAGE}`);
    return 2;
  }
  if (isUpdate) {
    const problems = await updateCommittedManifests();
    if (problems.length > 0) {
      io.stderr.write(
        `De standaardmanifesten zijn geschreven maar kloppen niet:\n${list(problems)}`,
      );
      return 1;
    }
    io.stdout.write(`Bijgewerkt en gecontroleerd: ${UNIFIED_COMMITTED}, ${OUTLOOK_COMMITTED}\n`);
    return 0;
  }
  // Like `npm start`: a .env in the working directory fills in what the environment leaves open.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const read = readPackageSettings(process.env);
  if (!read.ok) {
    io.stderr.write(`Het pakket kan niet worden gemaakt:\n${list(read.problems)}`);
    return 1;
  }
  const aad = readAadValues(process.env, read.settings);
  if (!aad.ok) {
    io.stderr.write(`Het pakket kan niet worden gemaakt:\n${list(aad.problems)}`);
    return 1;
  }
  for (const warning of read.warnings) io.stderr.write(`Let op: ${warning}\n`);
  const { settings } = read;
  const outcome = await buildPackage(settings, aad.values);
  if (outcome.problems.length > 0) {
    io.stderr.write(`Het pakket is afgekeurd en weer verwijderd:\n${list(outcome.problems)}`);
    return 1;
  }
  io.stdout.write(
    `Pakket gemaakt en gecontroleerd:\n` +
      `  ${shown(outcome.zipPath)} (${outcome.entries.join(', ')})\n` +
      `  ${shown(outcome.xmlPath)}\n` +
      `  ${shown(outcome.aadPath)} (${aad.values.SIGN_IN_AUDIENCE})\n` +
      `manifest.json voldoet aan het schema (office-addin-manifest); beide manifesten beschrijven dezelfde invoegtoepassing; de app-registratie past erbij.\n` +
      `PUBLIC_URL ${settings.publicUrl} · CLIENT_ID ${settings.clientId} · TEAMS_APP_ID ${settings.teamsAppId} · OUTLOOK_ADDIN_ID ${settings.outlookAddinId} · versie ${settings.version}\n`,
  );
  return 0;
}

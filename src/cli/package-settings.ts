// Settings of `npm run package`: the product's own (PUBLIC_URL, CLIENT_ID, API_IDENTIFIER_URI,
// AUTHORITY_HOST) come from readEnv() in src/server/env.ts, the packaging ones are read here.
// Defaults render the sandbox package, so a fresh clone needs no .env. Problems and warnings are
// returned as Dutch values.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readEnv } from '../server/env.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Teams app's own id (unified manifest "id"); fixed so a re-upload updates the same app. */
export const DEFAULT_TEAMS_APP_ID = '7b3f2c1e-8d4a-4e6b-9f1a-2c5d8e7b4a63';
/**
 * The XML add-in's <Id>. Microsoft requires it to differ from the unified manifest's id; the
 * unified manifest hides this add-in through extensions[0].alternates[0].hide.customOfficeAddin.
 */
export const DEFAULT_OUTLOOK_ADDIN_ID = 'c4e9a7d2-5b1f-4a38-8e6c-0d2f9b7a1e54';

// Teams wants a semantic version; the XML <Version> takes up to four numbers of at most 5 digits.
const VERSION_PATTERN = /^\d{1,5}\.\d{1,5}\.\d{1,5}$/;

export const ZPackageEnv = z.object({
  TEAMS_APP_ID: z.uuid().default(DEFAULT_TEAMS_APP_ID),
  OUTLOOK_ADDIN_ID: z.uuid().default(DEFAULT_OUTLOOK_ADDIN_ID),
  APP_VERSION: z
    .string()
    .regex(VERSION_PATTERN, 'verwacht MAJOR.MINOR.PATCH, bijv. 1.2.0')
    .optional(),
  PACKAGE_STRICT: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  PACKAGE_OUT_DIR: z.string().min(1).default('dist'),
});

export interface PackageSettings {
  /** https origin plus optional path, without a trailing slash: every manifest URL starts here. */
  readonly publicUrl: string;
  /** Host with port, as Teams' validDomains and the api:// resource use it. */
  readonly publicHost: string;
  readonly clientId: string;
  /**
   * The API's Application ID URI (API_IDENTIFIER_URI, default api://<publicHost>/<clientId>):
   * webApplicationInfo.resource, the NAA scope and the XML <Resource>, as the server accepts it.
   */
  readonly apiIdentifierUri: string;
  /** Origin of the identity provider's sign-in pages (XML AppDomain). */
  readonly authorityOrigin: string;
  readonly teamsAppId: string;
  readonly outlookAddinId: string;
  readonly version: string;
  readonly isStrict: boolean;
  readonly outDir: string;
}

export type TPackageSettingsResult =
  | { readonly ok: true; readonly settings: PackageSettings; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function readPackageJsonVersion(): string {
  const packageJson: unknown = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8'));
  return z.object({ version: z.string() }).parse(packageJson).version;
}

interface PublicUrl {
  readonly url?: string;
  readonly host?: string;
  readonly problems: string[];
  readonly warnings: string[];
}

/**
 * Teams and Outlook load tab and task pane pages only over https (the schema's secureHttpUrl for
 * extensions.runtimes.code.page; "Teams accesses these resources via HTTPS", apps-package.md).
 * The sandbox default is http://localhost:3000: packaging it rewrites the scheme and warns, so the
 * default package still passes the validator; PACKAGE_STRICT=true refuses http altogether.
 */
function normalisePublicUrl(raw: string, isStrict: boolean): PublicUrl {
  const problems: string[] = [];
  const warnings: string[] = [];
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    return { problems: [`PUBLIC_URL is geen geldige URL (${raw}): ${String(error)}`], warnings };
  }
  if (url.search || url.hash) problems.push(`PUBLIC_URL mag geen ?… of #… bevatten (${raw}).`);
  if (url.protocol === 'http:') {
    const https = `https://${url.host}${url.pathname}`;
    if (isStrict) {
      problems.push(
        `PUBLIC_URL gebruikt http (${raw}); Teams en Outlook laden alleen https. Met PACKAGE_STRICT=true wordt dan geen pakket gemaakt.`,
      );
    } else if (!LOOPBACK_HOSTS.has(url.hostname)) {
      problems.push(
        `PUBLIC_URL gebruikt http op ${url.host}; Teams en Outlook laden alleen https. Gebruik een https-adres.`,
      );
    } else {
      warnings.push(
        `PUBLIC_URL gebruikt http (${raw}); Teams en Outlook laden alleen https. Het pakket verwijst daarom naar ${https.replace(/\/$/, '')}: laat de server daar https spreken (bijv. met een dev tunnel of office-addin-dev-certs). Met PACKAGE_STRICT=true stopt het pakket hier.`,
      );
    }
    url = new URL(https);
  } else if (url.protocol !== 'https:') {
    problems.push(`PUBLIC_URL moet met https:// beginnen (${raw}).`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { url: `${url.origin}${path}`, host: url.host, problems, warnings };
}

/** Reads and checks every packaging setting; never throws for bad input. */
export function readPackageSettings(source: NodeJS.ProcessEnv): TPackageSettingsResult {
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv(source);
  } catch (error) {
    return {
      ok: false,
      problems: [`Instellingen van de server kloppen niet: ${(error as Error).message}`],
    };
  }
  const parsed = ZPackageEnv.safeParse(source);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const own = parsed.data;
  const isStrict = own.PACKAGE_STRICT;
  const publicUrl = normalisePublicUrl(env.PUBLIC_URL, isStrict);
  const problems = [...publicUrl.problems];
  const warnings = [...publicUrl.warnings];
  const version = own.APP_VERSION ?? readPackageJsonVersion();
  if (!VERSION_PATTERN.test(version)) {
    problems.push(
      `De versie in package.json (${version}) is geen MAJOR.MINOR.PATCH; zet APP_VERSION.`,
    );
  }
  if (own.TEAMS_APP_ID.toLowerCase() === own.OUTLOOK_ADDIN_ID.toLowerCase()) {
    problems.push('TEAMS_APP_ID en OUTLOOK_ADDIN_ID moeten verschillen (Microsoft eist twee ids).');
  }
  if (env.CLIENT_ID === readEnv({}).CLIENT_ID) {
    const message =
      'CLIENT_ID is de client-id van de sandbox; in een echte tenant werkt aanmelden daarmee niet.';
    if (isStrict) problems.push(`${message} Met PACKAGE_STRICT=true stopt het pakket hier.`);
    else warnings.push(message);
  }
  // The server's own default is built from PUBLIC_URL as given (http or not): the same host.
  const apiIdentifierUri = env.API_IDENTIFIER_URI;
  if (publicUrl.host !== undefined && !apiIdentifierUri.startsWith(`api://${publicUrl.host}/`)) {
    warnings.push(
      `API_IDENTIFIER_URI (${apiIdentifierUri}) begint niet met api://${publicUrl.host}/. Teams-SSO vraagt een token voor webApplicationInfo.resource en verwacht daarin het domein van de app; zet in Entra ID dezelfde Application ID URI (aad.manifest.json, identifierUris).`,
    );
  }
  if (problems.length > 0 || publicUrl.url === undefined || publicUrl.host === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    warnings,
    settings: {
      publicUrl: publicUrl.url,
      publicHost: publicUrl.host,
      clientId: env.CLIENT_ID,
      apiIdentifierUri,
      authorityOrigin: new URL(env.AUTHORITY_HOST).origin,
      teamsAppId: own.TEAMS_APP_ID,
      outlookAddinId: own.OUTLOOK_ADDIN_ID,
      version,
      isStrict,
      outDir: own.PACKAGE_OUT_DIR,
    },
  };
}

/** The settings of a fresh clone (no environment at all): what appPackage/manifest.json holds. */
export function readDefaultPackageSettings(): PackageSettings {
  const result = readPackageSettings({});
  if (!result.ok)
    throw new Error(`De standaardinstellingen kloppen niet: ${result.problems.join(' ')}`);
  return result.settings;
}

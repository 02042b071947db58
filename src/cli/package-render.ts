// Renders the two manifest templates (appPackage/manifest.template.json and
// manifest/workshopplanner-outlook.template.xml) with the packaging settings. Templates keep
// {{NAME}} placeholders inside JSON strings and XML values, so both stay valid files on their own.
import { readFileSync } from 'node:fs';
import { REPO_ROOT, type PackageSettings } from './package-settings.js';

export const UNIFIED_TEMPLATE = 'appPackage/manifest.template.json';
export const OUTLOOK_TEMPLATE = 'manifest/workshopplanner-outlook.template.xml';
/** Committed sandbox-default renderings, so `office-addin-manifest validate` works on a clone. */
export const UNIFIED_COMMITTED = 'appPackage/manifest.json';
export const OUTLOOK_COMMITTED = 'manifest/workshopplanner-outlook.xml';
/** Files from appPackage/ that go into the zip beside manifest.json (Teams wants them flat). */
export const PACKAGE_ASSETS = ['color.png', 'outline.png', 'color32x32.png', 'en.json'] as const;

export type TPlaceholder =
  | 'PUBLIC_URL'
  | 'PUBLIC_HOST'
  | 'CLIENT_ID'
  | 'API_IDENTIFIER_URI'
  | 'AUTHORITY_ORIGIN'
  | 'TEAMS_APP_ID'
  | 'OUTLOOK_ADDIN_ID'
  | 'APP_VERSION';

export function placeholderValues(settings: PackageSettings): Record<TPlaceholder, string> {
  return {
    PUBLIC_URL: settings.publicUrl,
    PUBLIC_HOST: settings.publicHost,
    CLIENT_ID: settings.clientId,
    API_IDENTIFIER_URI: settings.apiIdentifierUri,
    AUTHORITY_ORIGIN: settings.authorityOrigin,
    TEAMS_APP_ID: settings.teamsAppId,
    OUTLOOK_ADDIN_ID: settings.outlookAddinId,
    APP_VERSION: settings.version,
  };
}

const escapeJson = (value: string): string => JSON.stringify(value).slice(1, -1);

const escapeXml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!,
  );

/** Replaces every {{NAME}}; an unknown name is a bug in the template, so it throws. */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  escape: (value: string) => string,
): string {
  return template.replace(/\{\{\s*([A-Z_]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Onbekende plaatshouder in een sjabloon: {{${name}}}`);
    return escape(value);
  });
}

function readTemplate(path: string): string {
  return readFileSync(`${REPO_ROOT}${path}`, 'utf8');
}

export interface RenderedManifests {
  /** appPackage/manifest.json content (unified manifest for Microsoft 365, schema v1.30). */
  readonly unified: string;
  /** manifest/workshopplanner-outlook.xml content (add-in only manifest). */
  readonly outlook: string;
}

export function renderManifests(settings: PackageSettings): RenderedManifests {
  const values = placeholderValues(settings);
  return {
    unified: renderTemplate(readTemplate(UNIFIED_TEMPLATE), values, escapeJson),
    outlook: renderTemplate(readTemplate(OUTLOOK_TEMPLATE), values, escapeXml),
  };
}

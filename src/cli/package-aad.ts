// aad.manifest.json: the product's Entra app registration as code. The Microsoft 365 Agents
// Toolkit applies it (aadApp/update in m365agents.yml, filling ${{NAME}} from env/.env.<env>);
// `npm run package` renders it offline from the same settings as the app package and checks it:
// the documented shape (package-aad-schema.ts) and what the product needs of it — the API the
// manifests name, the clients that may ask for a token, the app roles the server knows, Graph
// permissions and the redirect URIs of the sign-in flows.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { APP_ROLES } from '../server/auth/authorize.js';
import { readEnv } from '../server/env.js';
import { ZEntraApplication } from './package-aad-schema.js';
import { REPO_ROOT, type PackageSettings } from './package-settings.js';

export const AAD_MANIFEST = 'aad.manifest.json';

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/**
 * Microsoft Graph permissions of the product (ids: Graph's service principal, as listed in
 * graph/permissions-reference.md). Delegated for on-behalf-of calls; application for the
 * background job and SharePoint, which is reached only with the app identity (Sites.Selected,
 * granted on the one site by `npm run provision`).
 */
export const GRAPH_PERMISSIONS = [
  { name: 'User.Read', type: 'Scope', id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d' },
  { name: 'Calendars.ReadWrite', type: 'Scope', id: '1ec239c2-d7c9-4623-a91a-a9775856bb36' },
  { name: 'Mail.Send', type: 'Scope', id: 'e383f46e-2787-4529-855e-0e479a3ffac0' },
  { name: 'Calendars.ReadWrite', type: 'Role', id: 'ef54d2bf-783f-4e0f-bca1-3210c0444d99' },
  { name: 'Mail.Send', type: 'Role', id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96' },
  // Reminders (issue 13): whether a reminder cut off between sending and logging went, found in
  // the sender's Sent Items by its Message-ID (metadata only, no bodies).
  { name: 'Mail.ReadBasic.All', type: 'Role', id: '693c5e45-0940-467d-9b8a-1022fb9d42ef' },
  { name: 'Sites.Selected', type: 'Role', id: '883ea226-0bf2-4a8f-9f9d-92c9162a727d' },
  // Teams activity feed notifications to the account holders (issue 13, item 5): the
  // maintenance cycle sends them with the app identity.
  { name: 'TeamsActivity.Send', type: 'Role', id: 'a267235f-af13-44dc-8385-c1dc93023186' },
] as const;

/**
 * Microsoft clients that may ask for access_as_user without a consent prompt (Teams SSO and
 * Office add-in SSO; NAA itself needs none): MicrosoftDocs/msteams-docs
 * m365-apps/extend-m365-teams-personal-tab.md, OfficeDev/office-js-docs-pr
 * docs/develop/register-sso-add-in-aad-v2.md, and Outlook mobile (issue 15 item 11).
 */
export const PRE_AUTHORIZED_CLIENTS: Readonly<Record<string, string>> = {
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Teams desktop and mobile',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346': 'Teams web',
  '4765445b-32c6-49b0-83e6-1d93765276ca': 'Office/Microsoft 365 web',
  '0ec893e0-5785-4de6-99da-4ed124e5296c': 'Office desktop',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c': 'Microsoft 365 mobile, Outlook desktop',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3': 'Outlook on the web',
  '27922004-5251-4030-b22d-91ecd9a37ea4': 'Outlook mobile',
  'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e': 'All Microsoft Office endpoints (Office add-in SSO)',
};

export const API_SCOPE_VALUE = 'access_as_user';

/** The ${{NAME}} placeholders of aad.manifest.json; the toolkit fills the same from env/. */
export type TAadPlaceholder =
  'AAD_APP_OBJECT_ID' | 'CLIENT_ID' | 'PUBLIC_HOST' | 'PUBLIC_URL' | 'SIGN_IN_AUDIENCE';

export type TAadValues = Readonly<Record<TAadPlaceholder, string | undefined>>;

export type TAadValuesResult =
  | { readonly ok: true; readonly values: TAadValues }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Multi-tenant (AzureADMultipleOrgs) as soon as ALLOWED_TENANT_IDS names a tenant besides
 * TENANT_ID (Berenschot's trainers sign in from their own tenant), else single-tenant.
 */
export function signInAudienceFor(
  source: NodeJS.ProcessEnv,
): 'AzureADMyOrg' | 'AzureADMultipleOrgs' {
  const env = readEnv(source);
  const home = env.TENANT_ID.toLowerCase();
  return env.ALLOWED_TENANT_IDS.some((id) => id.toLowerCase() !== home)
    ? 'AzureADMultipleOrgs'
    : 'AzureADMyOrg';
}

/**
 * The values for aad.manifest.json from the package settings. PUBLIC_HOST and SIGN_IN_AUDIENCE
 * exist only for the toolkit (its env files cannot derive one value from another): when set they
 * must agree with PUBLIC_URL and ALLOWED_TENANT_IDS. AAD_APP_OBJECT_ID is known only after the
 * app exists (aadApp/create writes it); without it the rendering has no "id".
 */
export function readAadValues(
  source: NodeJS.ProcessEnv,
  settings: PackageSettings,
): TAadValuesResult {
  const problems: string[] = [];
  const audience = signInAudienceFor(source);
  if (source.SIGN_IN_AUDIENCE && source.SIGN_IN_AUDIENCE !== audience) {
    problems.push(
      `SIGN_IN_AUDIENCE is ${source.SIGN_IN_AUDIENCE}, maar ALLOWED_TENANT_IDS vraagt ${audience}. Maak ze gelijk (env/.env.<omgeving>).`,
    );
  }
  if (source.PUBLIC_HOST && source.PUBLIC_HOST !== settings.publicHost) {
    problems.push(
      `PUBLIC_HOST (${source.PUBLIC_HOST}) is niet de host van PUBLIC_URL (${settings.publicHost}).`,
    );
  }
  const objectId = source.AAD_APP_OBJECT_ID || undefined;
  if (objectId !== undefined && !z.guid().safeParse(objectId).success) {
    problems.push(`AAD_APP_OBJECT_ID is geen GUID (${objectId}).`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: {
      AAD_APP_OBJECT_ID: objectId,
      CLIENT_ID: settings.clientId,
      PUBLIC_HOST: settings.publicHost,
      PUBLIC_URL: settings.publicUrl,
      SIGN_IN_AUDIENCE: audience,
    },
  };
}

const PLACEHOLDER = /\$\{\{\s*([A-Z_][A-Z0-9_]*)\s*\}\}/g;

function replaceIn(json: unknown, values: TAadValues): unknown {
  if (typeof json === 'string') {
    return json.replace(PLACEHOLDER, (_match, name: string) => {
      if (!(name in values)) throw new Error(`Onbekende plaatshouder in ${AAD_MANIFEST}: ${name}`);
      return values[name as TAadPlaceholder] ?? '';
    });
  }
  if (Array.isArray(json)) return json.map((item) => replaceIn(item, values));
  if (json !== null && typeof json === 'object') {
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, replaceIn(v, values)]));
  }
  return json;
}

export interface AadRenderOptions {
  /**
   * API_IDENTIFIER_URI when it is not the template's api://<PUBLIC_HOST>/<CLIENT_ID>: added to
   * identifierUris, so the rendering names the API as the app package does. (The toolkit applies
   * the template itself: a custom URI must be added to aad.manifest.json by hand.)
   */
  readonly apiIdentifierUri?: string;
  readonly template?: string;
}

/** aad.manifest.json with every ${{NAME}} filled in; without an object id, without "id". */
export function renderAadManifest(values: TAadValues, options: AadRenderOptions = {}): string {
  const template = options.template ?? readAadTemplate();
  const rendered = replaceIn(JSON.parse(template), values) as Record<string, unknown>;
  if (values.AAD_APP_OBJECT_ID === undefined) delete rendered.id;
  const uris = rendered.identifierUris;
  if (options.apiIdentifierUri && Array.isArray(uris) && !uris.includes(options.apiIdentifierUri)) {
    uris.push(options.apiIdentifierUri);
  }
  return `${JSON.stringify(rendered, null, 2)}\n`;
}

export function readAadTemplate(): string {
  return readFileSync(`${REPO_ROOT}${AAD_MANIFEST}`, 'utf8');
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && new Set(a).size === a.length && a.every((item) => b.includes(item));

/** Dutch problems with a rendered aad.manifest.json for these package settings; none is fine. */
export function checkAadManifest(text: string, settings: PackageSettings): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [`${AAD_MANIFEST} is geen geldige JSON: ${(error as Error).message}`];
  }
  if (text.includes('${{')) return [`${AAD_MANIFEST} bevat nog een plaatshouder \${{…}}`];
  const parsed = ZEntraApplication.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map(
      (issue) => `${AAD_MANIFEST}: ${issue.path.join('.') || '(hoofdniveau)'}: ${issue.message}`,
    );
  }
  const app = parsed.data;
  const problems: string[] = [];
  const problem = (isOk: boolean, text: string) => {
    if (!isOk) problems.push(`${AAD_MANIFEST}: ${text}`);
  };
  problem(app.appId === settings.clientId, `appId is niet CLIENT_ID (${settings.clientId})`);
  problem(
    app.identifierUris.includes(settings.apiIdentifierUri),
    `identifierUris bevat de Application ID URI van de manifesten niet (${settings.apiIdentifierUri}); zet API_IDENTIFIER_URI of pas identifierUris aan`,
  );
  problem(
    app.api.requestedAccessTokenVersion === 2,
    'api.requestedAccessTokenVersion moet 2 zijn (de server aanvaardt alleen v2-tokens)',
  );
  const scope = app.api.oauth2PermissionScopes.find((s) => s.value === API_SCOPE_VALUE);
  problem(
    scope?.isEnabled === true && scope.type === 'User',
    `de scope ${API_SCOPE_VALUE} ontbreekt of is niet voor gebruikers aan`,
  );
  for (const [clientId, name] of Object.entries(PRE_AUTHORIZED_CLIENTS)) {
    const client = app.api.preAuthorizedApplications.find((c) => c.appId === clientId);
    problem(
      scope !== undefined && client?.delegatedPermissionIds.includes(scope.id) === true,
      `${name} (${clientId}) staat niet met ${API_SCOPE_VALUE} bij preAuthorizedApplications`,
    );
  }
  problem(
    sameSet(
      app.appRoles.map((role) => role.value),
      Object.keys(APP_ROLES),
    ) && app.appRoles.every((role) => role.isEnabled && role.allowedMemberTypes.includes('User')),
    `appRoles moeten precies de rollen van de server zijn, aan en toe te wijzen aan gebruikers (${Object.keys(APP_ROLES).join(', ')})`,
  );
  problem(
    new Set([...app.appRoles.map((r) => r.id), ...app.api.oauth2PermissionScopes.map((s) => s.id)])
      .size ===
      app.appRoles.length + app.api.oauth2PermissionScopes.length,
    'de id’s van appRoles en scopes moeten uniek zijn',
  );
  const graph = app.requiredResourceAccess.find((r) => r.resourceAppId === MICROSOFT_GRAPH_APP_ID);
  problem(
    sameSet(
      (graph?.resourceAccess ?? []).map((access) => `${access.type}:${access.id}`),
      GRAPH_PERMISSIONS.map((permission) => `${permission.type}:${permission.id}`),
    ),
    `de Graph-rechten moeten precies zijn: ${GRAPH_PERMISSIONS.map((p) => `${p.name} (${p.type === 'Scope' ? 'gedelegeerd' : 'toepassing'})`).join(', ')}`,
  );
  for (const uri of [
    `https://${settings.publicHost}/auth/callback`,
    `https://${settings.publicHost}/addin.html`,
    `brk-multihub://${settings.publicHost}`,
  ]) {
    problem(app.spa.redirectUris.includes(uri), `spa.redirectUris mist ${uri}`);
  }
  problem(
    app.optionalClaims?.accessToken.some((claim) => claim.name === 'idtyp') === true,
    'optionalClaims.accessToken mist idtyp (de toolkit waarschuwt anders)',
  );
  return problems;
}

// What the Teams tab needs to know before anyone is signed in: where a plain browser signs in
// (authorization code + PKCE at the identity provider), the app's client id and tenant, and the
// API's scope. All of it is public — it is what any sign-in URL of the app shows anyway.
// When users of more than one tenant may sign in (ALLOWED_TENANT_IDS: Berenschot's trainers from
// their own tenant), NAA and the browser use the `organizations` authority: a tenant's own
// authority refuses everyone who is not its member or guest (AADSTS50020). Tokens then come
// from the user's home tenant, so the issuer is Entra's template with {tenantid}, filled in from
// the token's `tid`; the server checks that tenant against ALLOWED_TENANT_IDS.
import { z } from 'zod';
import type { Env } from './env.js';

export const ZGetWebConfigResponse = z.object({
  clientId: z.string().describe('Client-id van de app-registratie'),
  tenantId: z.string().describe('De tenant waarin de accounthouders zich aanmelden'),
  authority: z.object({
    issuer: z
      .string()
      .describe(
        'Uitgever van de tokens (iss); met {tenantid} als gebruikers van meer tenants zich aanmelden',
      ),
    authorizationEndpoint: z.string().describe('Aanmelden in de browser (code + PKCE)'),
    tokenEndpoint: z.string(),
    endSessionEndpoint: z.string(),
    msalAuthority: z
      .string()
      .describe('Authority voor msal-browser (NAA in Teams): de tenant, of organizations'),
  }),
  apiScope: z.string().describe('De scope van deze API: <Application ID URI>/access_as_user'),
  signInScopes: z.array(z.string()).describe('Scopes van een aanmelding in de browser'),
});

export type TGetWebConfigResponse = z.infer<typeof ZGetWebConfigResponse>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The authority as a browser reaches it. A local identity provider (the sandbox) has a private
 * CA that the server trusts (NODE_EXTRA_CA_CERTS) but a browser does not; it serves the same
 * routes over plain HTTP on the same port, so a browser signs in there. Only when localhost is
 * allowed (development); a real authority is used as it is. WEB_AUTHORITY_HOST overrides both.
 */
function browserAuthorityHost(env: Env): string {
  if (env.WEB_AUTHORITY_HOST) return env.WEB_AUTHORITY_HOST.replace(/\/+$/, '');
  const url = new URL(env.AUTHORITY_HOST);
  if (env.ALLOW_LOCALHOST && LOOPBACK_HOSTS.has(url.hostname) && url.protocol === 'https:') {
    url.protocol = 'http:';
  }
  return url.toString().replace(/\/+$/, '');
}

/** Whether users of another tenant than TENANT_ID may sign in (a multi-tenant registration). */
export function isMultiTenant(env: Pick<Env, 'TENANT_ID' | 'ALLOWED_TENANT_IDS'>): boolean {
  const home = env.TENANT_ID.toLowerCase();
  return env.ALLOWED_TENANT_IDS.some((id) => id.toLowerCase() !== home);
}

export function toWebConfig(env: Env): TGetWebConfigResponse {
  const host = env.AUTHORITY_HOST.replace(/\/+$/, '');
  const multiTenant = isMultiTenant(env);
  const authorityTenant = multiTenant ? 'organizations' : env.TENANT_ID;
  const browserBase = `${browserAuthorityHost(env)}/${authorityTenant}`;
  const apiScope = `${env.API_IDENTIFIER_URI}/access_as_user`;
  return {
    clientId: env.CLIENT_ID,
    tenantId: env.TENANT_ID,
    authority: {
      // The issuer is the authority's own name (https), whichever way a browser reaches it.
      issuer: `${host}/${multiTenant ? '{tenantid}' : env.TENANT_ID}/v2.0`,
      authorizationEndpoint: `${browserBase}/oauth2/v2.0/authorize`,
      tokenEndpoint: `${browserBase}/oauth2/v2.0/token`,
      endSessionEndpoint: `${browserBase}/oauth2/v2.0/logout`,
      msalAuthority: `${host}/${authorityTenant}`,
    },
    apiScope,
    signInScopes: ['openid', 'profile', 'offline_access', apiScope],
  };
}

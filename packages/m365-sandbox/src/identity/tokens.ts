// Token issuance in the shape of Entra ID v2.0: access tokens for Microsoft Graph (scp or
// roles) and for the product's own API (scp + app roles), ID tokens, refresh tokens.
import { SignJWT, type JWTPayload } from 'jose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { AppRegistration, DirectoryUser } from '../directory/store.js';
import { GRAPH_AUDIENCES } from './graph-auth.js';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
const GRAPH_RESOURCE = GRAPH_AUDIENCES[0] ?? 'https://graph.microsoft.com';

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    description: string,
    /** Entra's `suberror` (consent_required, basic_action, …) and `claims` (a claims request). */
    readonly extra: { readonly suberror?: string; readonly claims?: string } = {},
  ) {
    super(`AADSTS${aadsts}: ${description}`);
  }
}

/** What a token request asks for: one resource and the scopes on it. */
export interface ScopeRequest {
  readonly resource: 'graph' | AppRegistration;
  /** Scope names without the resource prefix; `.default` when asked for. */
  readonly scopes: readonly string[];
  readonly oidc: readonly string[];
}

/**
 * Splits `scope` into OIDC scopes and one resource's scopes, as Entra does: bare names
 * (User.Read) are Graph's; `api://…/x` and `{clientId}/x` are the API's; mixing resources fails.
 */
export function parseScopeRequest(ctx: SandboxContext, scope: string | undefined): ScopeRequest {
  const requested = (scope ?? '').split(/\s+/).filter(Boolean);
  const oidc = requested.filter((s) => OIDC_SCOPES.has(s));
  const rest = requested.filter((s) => !OIDC_SCOPES.has(s));
  let resource: ScopeRequest['resource'] | undefined;
  const scopes: string[] = [];
  for (const item of rest) {
    const slash = item.lastIndexOf('/');
    const prefix = slash >= 0 ? item.slice(0, slash) : GRAPH_RESOURCE;
    const name = slash >= 0 ? item.slice(slash + 1) : item;
    const target = GRAPH_AUDIENCES.includes(prefix)
      ? 'graph'
      : ctx.directory.findAppByResource(prefix);
    if (!target) {
      throw new OAuthError(
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${prefix} was not found in the tenant.`,
      );
    }
    if (resource !== undefined && !sameResource(resource, target)) {
      throw new OAuthError(
        400,
        'invalid_request',
        28000,
        'Provided value for the input parameter scope is not valid because it contains more than one resource.',
      );
    }
    resource = target;
    scopes.push(name);
  }
  return {
    resource: resource ?? 'graph',
    scopes: scopes.length > 0 ? scopes : ['User.Read'],
    oidc,
  };
}

function sameResource(a: ScopeRequest['resource'], b: ScopeRequest['resource']): boolean {
  return a === 'graph' || b === 'graph' ? a === b : a.clientId === b.clientId;
}

async function sign(ctx: SandboxContext, payload: JWTPayload, lifetime: number): Promise<string> {
  const key = await ctx.keys.active();
  const now = Math.floor(ctx.clock.now().getTime() / 1000);
  return new SignJWT({ ...payload, uti: randomBytes(16).toString('base64url') })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + lifetime)
    .sign(key.privateKey);
}

/**
 * Issuer, version and audience of an access token. Tokens for an app's own API follow its
 * manifest's `api.requestedAccessTokenVersion`: v2 names the tenant's v2 issuer and the client
 * id; v1 (Entra's default for a new registration) names https://sts.windows.net/{tid}/ and the
 * Application ID URI (docs: access-tokens.md, "Token formats").
 */
function tokenShape(ctx: SandboxContext, resource: ScopeRequest['resource'], tenantId: string) {
  if (resource === 'graph') {
    return { iss: ctx.issuerFor(tenantId), aud: GRAPH_RESOURCE, ver: '2.0' as const };
  }
  if (resource.accessTokenVersion === 1) {
    return {
      iss: `https://sts.windows.net/${tenantId}/`,
      aud: resource.identifierUris[0] ?? resource.clientId,
      ver: '1.0' as const,
    };
  }
  return { iss: ctx.issuerFor(tenantId), aud: resource.clientId, ver: '2.0' as const };
}

/** An app-only token (client credentials): Graph application permissions as `roles`. */
export async function issueAppToken(
  ctx: SandboxContext,
  client: AppRegistration,
  request: ScopeRequest,
) {
  if (!request.scopes.every((s) => s === '.default')) {
    throw new OAuthError(
      400,
      'invalid_scope',
      1002012,
      'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    );
  }
  const shape = tokenShape(ctx, request.resource, client.tenantId);
  const roles = request.resource === 'graph' ? client.graphApplicationPermissions : [];
  const accessToken = await sign(
    ctx,
    {
      iss: shape.iss,
      aud: shape.aud,
      tid: client.tenantId,
      ...(shape.ver === '2.0' ? { azp: client.clientId, azpacr: '1' } : { appidacr: '1' }),
      appid: client.clientId,
      oid: client.servicePrincipalId,
      sub: client.servicePrincipalId,
      idtyp: 'app',
      roles: [...roles],
      ver: shape.ver,
    },
    ACCESS_TOKEN_LIFETIME_SECONDS,
  );
  return {
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
  };
}

/**
 * Delegated scopes in the token. As Entra ID does, a token lists every scope consented for the
 * resource, not just the ones requested; a requested scope without consent fails (AADSTS65001).
 */
function grantedScopes(request: ScopeRequest, client: AppRegistration): string[] {
  const available =
    request.resource === 'graph'
      ? client.graphDelegatedPermissions
      : request.resource.exposedScopes;
  const missing = request.scopes.filter((s) => s !== '.default' && !available.includes(s));
  if (missing.length > 0) {
    throw new OAuthError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${client.clientId}'. Missing scopes: ${missing.join(' ')}.`,
    );
  }
  return available.filter((s) => !['openid', 'profile', 'offline_access', 'email'].includes(s));
}

/** A delegated token for `user`, requested by `client`: access token, ID token, refresh token. */
export async function issueUserTokens(
  ctx: SandboxContext,
  client: AppRegistration,
  user: DirectoryUser,
  request: ScopeRequest,
  options: { nonce?: string | undefined; withRefreshToken?: boolean } = {},
) {
  const scp = grantedScopes(request, client);
  const isGraph = request.resource === 'graph';
  const shape = tokenShape(ctx, request.resource, user.tenantId);
  const audience = shape.aud;
  const roles = isGraph
    ? []
    : ctx.directory.rolesOf((request.resource as AppRegistration).clientId, user.id);
  const common = {
    iss: ctx.issuerFor(user.tenantId),
    tid: user.tenantId,
    oid: user.id,
    name: user.displayName,
    preferred_username: user.userPrincipalName,
    ver: '2.0',
  };
  // v1 access tokens name the user by upn / unique_name and the client by appid only.
  const accessClaims =
    shape.ver === '2.0'
      ? { ...common, azp: client.clientId, azpacr: client.clientSecret ? '1' : '0' }
      : {
          iss: shape.iss,
          tid: user.tenantId,
          oid: user.id,
          name: user.displayName,
          upn: user.userPrincipalName,
          unique_name: user.userPrincipalName,
          appidacr: client.clientSecret ? '1' : '0',
          ver: '1.0',
        };
  const accessToken = await sign(
    ctx,
    {
      ...accessClaims,
      aud: audience,
      appid: client.clientId,
      scp: scp.join(' '),
      ...(roles.length > 0 ? { roles } : {}),
      sub: pairwiseSubject(user.id, audience),
    },
    ACCESS_TOKEN_LIFETIME_SECONDS,
  );
  const idToken = request.oidc.includes('openid')
    ? await sign(
        ctx,
        {
          ...common,
          aud: client.clientId,
          sub: pairwiseSubject(user.id, client.clientId),
          ...(options.nonce ? { nonce: options.nonce } : {}),
        },
        ACCESS_TOKEN_LIFETIME_SECONDS,
      )
    : undefined;
  const scopeText = [
    ...scp.map((s) =>
      isGraph
        ? `${GRAPH_RESOURCE}/${s}`
        : `${(request.resource as AppRegistration).identifierUris[0] ?? audience}/${s}`,
    ),
    ...request.oidc,
  ].join(' ');
  const refreshToken =
    (options.withRefreshToken ?? request.oidc.includes('offline_access'))
      ? storeRefreshToken(ctx, {
          clientId: client.clientId,
          userId: user.id,
          scope: [
            ...request.oidc,
            ...request.scopes.map((s) => (isGraph ? s : `${audience}/${s}`)),
          ].join(' '),
        })
      : undefined;
  return {
    token_type: 'Bearer',
    scope: scopeText,
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    ...(idToken ? { id_token: idToken, client_info: clientInfo(user) } : {}),
  };
}

/** msal reads `client_info` (base64url JSON {uid, utid}) to key its account cache. */
function clientInfo(user: DirectoryUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}

function pairwiseSubject(userId: string, audience: string): string {
  return createHash('sha256').update(`${userId}|${audience}`).digest('base64url').slice(0, 43);
}

interface RefreshGrant {
  clientId: string;
  userId: string;
  scope: string;
}

function storeRefreshToken(ctx: SandboxContext, grant: RefreshGrant): string {
  const token = `0.sandbox.${randomUUID()}.${randomBytes(24).toString('base64url')}`;
  ctx.db
    .prepare(
      'INSERT INTO refresh_tokens (token, client_id, user_id, scope, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(token, grant.clientId, grant.userId, grant.scope, ctx.clock.now().toISOString());
  return token;
}

export function redeemRefreshToken(
  ctx: SandboxContext,
  token: string,
  clientId: string,
): RefreshGrant {
  const row = ctx.db
    .prepare(
      'SELECT client_id AS clientId, user_id AS userId, scope FROM refresh_tokens WHERE token = ?',
    )
    .get(token) as RefreshGrant | undefined;
  if (!row || row.clientId !== clientId) {
    throw new OAuthError(
      400,
      'invalid_grant',
      9002313,
      'Invalid request. Request is malformed or invalid: the refresh token is not valid for this client.',
    );
  }
  return row;
}

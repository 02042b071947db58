// Small pieces of OAuth over HTTP shared by the identity endpoints: tenants, redirects, CORS,
// Entra-style error bodies.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { AppRegistration, DirectoryUser, Tenant } from '../directory/store.js';
import { OAuthError } from './tokens.js';

/** The on-behalf-of grant type (RFC 7523), as Entra ID names it. */
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export type TenantParams = { tenant: string };
export type Form = Record<string, string | undefined>;

export interface AuthorizationCode {
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  expiresAt: number;
}

export function resolveTenant(ctx: SandboxContext, name: string): Tenant | undefined {
  return ctx.directory.findTenant(name);
}

export function checkTenant(tenant: Tenant | undefined, tenantId: string): void {
  if (tenant && tenant.id !== tenantId) {
    throw new OAuthError(
      400,
      'invalid_client',
      700016,
      `Application or user not found in the directory '${tenant.id}'.`,
    );
  }
}

/** The authorities that sign in a user of any organisation (a multi-tenant app's). */
export const MULTI_TENANT_AUTHORITIES: readonly string[] = ['organizations', 'common'];

/** Entra's answer for an authority name that is no tenant: AADSTS90002. */
export function tenantNotFound(name: string): OAuthError {
  return new OAuthError(
    400,
    'invalid_tenant',
    90002,
    `Tenant '${name}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  );
}

/**
 * A tenant-specific authority signs in that tenant's users only (and its guests: the sandbox has
 * none). Anyone else gets Entra's AADSTS50020; `organizations` and `common` sign in every
 * organisation's user, in their home tenant.
 */
export function checkUserTenant(
  tenant: Tenant | undefined,
  user: DirectoryUser,
  client: AppRegistration,
): void {
  if (!tenant || tenant.id === user.tenantId) return;
  throw new OAuthError(
    400,
    'invalid_grant',
    50020,
    `User account '${user.userPrincipalName}' from identity provider 'https://sts.windows.net/${user.tenantId}/' does not exist in tenant '${tenant.displayName}' and cannot access the application '${client.clientId}'(${client.displayName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
  );
}

export function basicClientCredentials(header: string | undefined): Form {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return {};
  const [id, secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return {
    client_id: decodeURIComponent(id ?? ''),
    client_secret: decodeURIComponent(secret ?? ''),
  };
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function isAllowedRedirect(
  client: AppRegistration,
  redirectUri: string | undefined,
): boolean {
  if (!redirectUri) return false;
  return client.redirectUris.includes(redirectUri) || isLocalUrl(redirectUri);
}

export function isLocalUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) &&
      ['http:', 'https:'].includes(url.protocol)
    );
  } catch {
    return false;
  }
}

export function corsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && isLocalUrl(origin)) {
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    reply
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type');
  }
}

export function redirectWithParams(
  reply: FastifyReply,
  request: Form,
  params: Record<string, string>,
): FastifyReply {
  const target = new URL(request.redirect_uri ?? '');
  const search = new URLSearchParams(params);
  if (request.response_mode === 'fragment') target.hash = search.toString();
  else for (const [name, value] of search) target.searchParams.set(name, value);
  return reply.redirect(target.toString(), 302);
}

export function redirectWithError(
  reply: FastifyReply,
  request: Form,
  error: string,
  description: string,
): FastifyReply {
  return redirectWithParams(reply, request, {
    error,
    error_description: description,
    ...(request.state ? { state: request.state } : {}),
  });
}

export function sendOAuthError(reply: FastifyReply, error: OAuthError): FastifyReply {
  return reply.status(error.status).send({
    error: error.error,
    error_description: error.message,
    error_codes: [error.aadsts],
    ...error.extra,
    timestamp: new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z'),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  });
}

// Who is calling Graph: every /v1.0 request must carry a sandbox-issued access token for
// Microsoft Graph. Checked as Graph checks it (signature, issuer, audience, expiry); the
// outcome is a Caller that the feature modules authorise against.
import { createLocalJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { FastifyRequest } from 'fastify';
import type { Directory } from '../directory/store.js';
import { GraphError } from '../http/graph-error.js';
import type { SigningKeys } from './keys.js';

/** Audiences Graph accepts: its resource URI and its well-known app id. */
export const GRAPH_AUDIENCES = [
  'https://graph.microsoft.com',
  '00000003-0000-0000-c000-000000000000',
];

export type Caller =
  | {
      readonly kind: 'app';
      readonly appId: string;
      readonly tenantId: string;
      /** Graph application permissions (the token's `roles`). */
      readonly permissions: readonly string[];
    }
  | {
      readonly kind: 'user';
      readonly appId: string;
      readonly tenantId: string;
      readonly userId: string;
      readonly userPrincipalName: string;
      /** Graph delegated permissions (the token's `scp`). */
      readonly permissions: readonly string[];
    };

export interface GraphPermissionRule {
  readonly delegated?: readonly string[];
  readonly application?: readonly string[];
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export async function authenticateGraphCaller(
  request: FastifyRequest,
  keys: SigningKeys,
  directory: Directory,
  issuerFor: (tenantId: string) => string,
  now: () => Date = () => new Date(),
): Promise<Caller> {
  const token = bearerToken(request);
  if (!token) {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks()), {
      audience: GRAPH_AUDIENCES,
      algorithms: ['RS256'],
      clockTolerance: 5,
      // The sandbox's own clock, which issued the token: a test that sets the clock to a fixed
      // day gets tokens that are valid on that day.
      currentDate: now(),
    }));
  } catch (error) {
    const message =
      error instanceof joseErrors.JWTExpired
        ? 'Lifetime validation failed, the token is expired.'
        : error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud'
          ? 'Access token validation failure. Invalid audience.'
          : 'Access token validation failure.';
    throw new GraphError(401, 'InvalidAuthenticationToken', message);
  }
  const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
  if (!directory.findTenant(tenantId) || payload.iss !== issuerFor(tenantId)) {
    throw new GraphError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid issuer.',
    );
  }
  const appId = typeof payload.azp === 'string' ? payload.azp : String(payload.appid ?? '');
  if (typeof payload.scp === 'string') {
    const user = directory.findUserInTenant(tenantId, String(payload.oid ?? ''));
    if (!user)
      throw new GraphError(
        401,
        'InvalidAuthenticationToken',
        'The user of the token does not exist.',
      );
    return {
      kind: 'user',
      appId,
      tenantId,
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      permissions: payload.scp.split(' ').filter(Boolean),
    };
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
  return { kind: 'app', appId, tenantId, permissions: roles };
}

/** Throws Graph's 403 unless the caller holds one of the permissions the rule names. */
export function requireGraphPermission(caller: Caller, rule: GraphPermissionRule): void {
  const allowed = caller.kind === 'app' ? rule.application : rule.delegated;
  if (allowed?.some((permission) => caller.permissions.includes(permission))) return;
  throw new GraphError(
    403,
    caller.kind === 'app' ? 'Authorization_RequestDenied' : 'ErrorAccessDenied',
    'Access is denied. Check credentials and try again.',
  );
}

/**
 * A delegated caller may only touch their own mailbox; an app may touch every mailbox of its
 * tenant (application access policies aside). Mailboxes of other tenants are never reachable.
 */
export function requireMailboxAccess(
  caller: Caller,
  mailboxUserId: string,
  mailboxTenantId: string,
): void {
  if (mailboxTenantId !== caller.tenantId) {
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  }
  if (caller.kind === 'user' && caller.userId !== mailboxUserId) {
    throw new GraphError(
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
  }
}

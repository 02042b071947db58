// The onRequest hook of every protected route: bearer token → validated claims → Access →
// the route's permission. The route's handler receives `request.access` already authorised and
// never sees the token; the token stays on `request.userAssertion` for the on-behalf-of flow.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Access } from '../../app/access.js';
import { AppError } from '../../app/errors.js';
import { assertPermission, authorize, mapAppRoles, type RequiredPermission } from './authorize.js';
import type { TokenValidator } from './token-validator.js';
import { UserAssertion } from './user-assertion.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook of a protected route; null on public routes. */
    access: Access | null;
    /** The caller's token for the on-behalf-of exchange; never log it. */
    userAssertion: UserAssertion | null;
  }
}

const REALM = 'Bearer realm="Workshopplanner"';
// RFC 6750 §2.1: b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

export interface AuthenticatorOptions {
  readonly validator: TokenValidator;
  /** The product's own tenant: the only one whose planning roles count. */
  readonly homeTenantId: string;
}

function missingCredentials(reply: FastifyReply): AppError {
  // RFC 6750 §3.1: a request without credentials gets the challenge without an error code.
  reply.header('www-authenticate', REALM);
  return new AppError('UNAUTHENTICATED', { logMessage: 'no bearer token' });
}

function invalidToken(reply: FastifyReply, error?: AppError): AppError {
  reply.header('www-authenticate', `${REALM}, error="invalid_token"`);
  return (
    error ?? new AppError('UNAUTHENTICATED', { logMessage: 'token refused: not a bearer token' })
  );
}

export function createAuthenticationHook(
  options: AuthenticatorOptions,
  permission: RequiredPermission,
): onRequestAsyncHookHandler {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization;
    if (!header) throw missingCredentials(reply);
    const token = BEARER.exec(header)?.[1];
    if (!token) throw invalidToken(reply);

    const verified = await options.validator.validate(token).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
        throw invalidToken(reply, error);
      }
      throw error;
    });
    // From here on the log lines of this request name the user by object id only.
    request.log = request.log.child({ userId: verified.objectId });
    reply.log = request.log;

    const isHome = verified.tenantId === options.homeTenantId.toLowerCase();
    const { ignored } = mapAppRoles(verified.roles, isHome);
    if (ignored.length > 0)
      request.log.warn({ ignored, tenantId: verified.tenantId }, 'roles ignored');

    request.access = authorize(verified, options.homeTenantId);
    request.userAssertion = new UserAssertion(token, verified.tenantId);
    assertPermission(request.access, permission);
  };
}

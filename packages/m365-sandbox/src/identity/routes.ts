// The identity provider: OpenID Connect discovery, JWKS, the token endpoint (client credentials,
// on-behalf-of, password, authorization code with PKCE, refresh token) and a sign-in page where a
// person picks a seeded user. Paths and error bodies follow Entra ID v2.0, so @azure/msal-node
// works against it with `authority: https://localhost:PORT/{tenant}` and knownAuthorities.
import formBody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { authorizeRoutes } from './authorize.js';
import { discoveryRoutes } from './discovery.js';
import { sendOAuthError, type AuthorizationCode } from './oauth-http.js';
import { tokenRoutes } from './token-endpoint.js';
import { OAuthError } from './tokens.js';

export async function identityModule(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  await app.register(formBody);
  // Authorization codes live for minutes and once: memory is enough (a restart signs you in again).
  const codes = new Map<string, AuthorizationCode>();

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof OAuthError) return sendOAuthError(reply, error);
    return sendOAuthError(
      reply,
      new OAuthError(400, 'invalid_request', 900144, (error as Error).message),
    );
  });

  discoveryRoutes(app, ctx);
  tokenRoutes(app, ctx, codes);
  authorizeRoutes(app, ctx, codes);
}

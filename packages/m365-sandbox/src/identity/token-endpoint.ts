// The token endpoint: client credentials, password, on-behalf-of, authorization code (+ PKCE)
// and refresh token, with Entra ID's error codes (AADSTS…).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { authenticateClient, verifyAssertion, verifyPkce } from './client-auth.js';
import { refuseOnBehalfOf } from './obo-refusal.js';
import {
  basicClientCredentials,
  checkTenant,
  checkUserTenant,
  corsHeaders,
  MULTI_TENANT_AUTHORITIES,
  resolveTenant,
  safeEqual,
  tenantNotFound,
  type AuthorizationCode,
  type Form,
  type TenantParams,
  JWT_BEARER,
} from './oauth-http.js';
import {
  issueAppToken,
  issueUserTokens,
  OAuthError,
  parseScopeRequest,
  redeemRefreshToken,
} from './tokens.js';

export function tokenRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
  codes: Map<string, AuthorizationCode>,
): void {
  // The token endpoint is called by browsers too (SPA code redemption): allow CORS like Entra.
  app.options('/:tenant/oauth2/v2.0/token', async (request, reply) => {
    corsHeaders(request, reply);
    return reply.status(204).send();
  });

  app.post(
    '/:tenant/oauth2/v2.0/token',
    async (request: FastifyRequest<{ Params: TenantParams; Body: Form }>, reply) => {
      corsHeaders(request, reply);
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      const form = {
        ...(request.body ?? {}),
        ...basicClientCredentials(request.headers.authorization),
      };
      const tenant = resolveTenant(ctx, request.params.tenant);
      if (!tenant && !MULTI_TENANT_AUTHORITIES.includes(request.params.tenant)) {
        throw tenantNotFound(request.params.tenant);
      }
      const scope = parseScopeRequest(ctx, form.scope);
      switch (form.grant_type) {
        case 'client_credentials': {
          const client = authenticateClient(ctx, form, { secretRequired: true });
          checkTenant(tenant, client.tenantId);
          return issueAppToken(ctx, client, scope);
        }
        case 'password': {
          const client = authenticateClient(ctx, form, { secretRequired: false });
          const user = ctx.directory.findUser(form.username ?? '');
          if (!user || !safeEqual(form.password ?? '', ctx.config.userPassword)) {
            throw new OAuthError(
              400,
              'invalid_grant',
              50126,
              'Error validating credentials due to invalid username or password.',
            );
          }
          checkUserTenant(tenant, user, client);
          return issueUserTokens(ctx, client, user, scope);
        }
        case JWT_BEARER: {
          if (form.requested_token_use !== 'on_behalf_of') {
            throw new OAuthError(
              400,
              'invalid_request',
              50027,
              'requested_token_use must be on_behalf_of.',
            );
          }
          const client = authenticateClient(ctx, form, { secretRequired: true });
          const user = await verifyAssertion(ctx, form.assertion, client);
          checkUserTenant(tenant, user, client);
          refuseOnBehalfOf(ctx, user);
          return issueUserTokens(ctx, client, user, scope);
        }
        case 'authorization_code': {
          const client = authenticateClient(ctx, form, { secretRequired: false });
          const grant = codes.get(form.code ?? '');
          codes.delete(form.code ?? '');
          if (!grant || grant.expiresAt < Date.now() || grant.clientId !== client.clientId) {
            throw new OAuthError(
              400,
              'invalid_grant',
              70008,
              'The provided authorization code or refresh token has expired or is invalid.',
            );
          }
          if (grant.redirectUri !== form.redirect_uri) {
            throw new OAuthError(
              400,
              'invalid_grant',
              50148,
              'The redirect_uri does not match the one used in the authorization request.',
            );
          }
          verifyPkce(grant, form.code_verifier, client, form.client_secret);
          const user = ctx.directory.findUser(grant.userId);
          if (!user)
            throw new OAuthError(400, 'invalid_grant', 50034, 'The user account does not exist.');
          checkUserTenant(tenant, user, client);
          return issueUserTokens(
            ctx,
            client,
            user,
            parseScopeRequest(ctx, form.scope ?? grant.scope),
            { nonce: grant.nonce },
          );
        }
        case 'refresh_token': {
          const client = authenticateClient(ctx, form, { secretRequired: false });
          const grant = redeemRefreshToken(ctx, form.refresh_token ?? '', client.clientId);
          const user = ctx.directory.findUser(grant.userId);
          if (!user)
            throw new OAuthError(400, 'invalid_grant', 50034, 'The user account does not exist.');
          checkUserTenant(tenant, user, client);
          return issueUserTokens(
            ctx,
            client,
            user,
            parseScopeRequest(ctx, form.scope ?? grant.scope),
            { withRefreshToken: true },
          );
        }
        default:
          throw new OAuthError(
            400,
            'unsupported_grant_type',
            70003,
            `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`,
          );
      }
    },
  );
}

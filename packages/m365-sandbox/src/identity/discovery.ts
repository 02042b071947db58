// OpenID Connect discovery and the JWKS, at Entra ID's paths.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { JWT_BEARER, resolveTenant, type TenantParams } from './oauth-http.js';

export function discoveryRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get(
    '/:tenant/v2.0/.well-known/openid-configuration',
    async (request: FastifyRequest<{ Params: TenantParams }>) => {
      const tenant = resolveTenant(ctx, request.params.tenant);
      const base = `${ctx.urls.https}/${request.params.tenant}`;
      return {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        jwks_uri: `${ctx.urls.https}/${tenant?.id ?? request.params.tenant}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: tenant ? ctx.issuerFor(tenant.id) : `${ctx.urls.https}/{tenantid}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${ctx.urls.https}/oidc/userinfo`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: [
          'sub',
          'iss',
          'aud',
          'exp',
          'iat',
          'auth_time',
          'nonce',
          'preferred_username',
          'name',
          'tid',
          'ver',
          'oid',
          'roles',
          'scp',
        ],
        code_challenge_methods_supported: ['S256', 'plain'],
        grant_types_supported: [
          'authorization_code',
          'refresh_token',
          'client_credentials',
          'password',
          JWT_BEARER,
        ],
        tenant_region_scope: 'EU',
        cloud_instance_name: 'sandbox.local',
      };
    },
  );

  app.get('/:tenant/discovery/v2.0/keys', async () => ctx.keys.jwks());
}

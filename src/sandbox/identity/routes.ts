// The identity provider: OpenID Connect discovery, JWKS, the token endpoint (client credentials,
// on-behalf-of, password, authorization code with PKCE, refresh token) and a sign-in page where a
// person picks a seeded user. Paths and error bodies follow Entra ID v2.0, so @azure/msal-node
// works against it with `authority: https://localhost:PORT/{tenant}` and knownAuthorities.
import formBody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { SandboxContext } from '../context.js';
import type { AppRegistration, DirectoryUser, Tenant } from '../directory/store.js';
import { renderSignInPage } from './sign-in-page.js';
import {
  issueAppToken,
  issueUserTokens,
  OAuthError,
  parseScopeRequest,
  redeemRefreshToken,
} from './tokens.js';

type TenantParams = { tenant: string };
type Form = Record<string, string | undefined>;

interface AuthorizationCode {
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  expiresAt: number;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export async function identityModule(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  await app.register(formBody);
  const codes = new Map<string, AuthorizationCode>();

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof OAuthError) return sendOAuthError(reply, error);
    return sendOAuthError(
      reply,
      new OAuthError(400, 'invalid_request', 900144, (error as Error).message),
    );
  });

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
      if (!tenant && !['common', 'organizations'].includes(request.params.tenant)) {
        throw new OAuthError(
          400,
          'invalid_tenant',
          90002,
          `Tenant '${request.params.tenant}' not found.`,
        );
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
          checkTenant(tenant, user.tenantId);
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

  app.get(
    '/:tenant/oauth2/v2.0/authorize',
    async (request: FastifyRequest<{ Params: TenantParams; Querystring: Form }>, reply) => {
      const query = request.query;
      const client = ctx.directory.findApp(query.client_id ?? '');
      if (!client)
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(
            renderSignInPage({
              error: `Onbekende app (client_id '${query.client_id ?? ''}').`,
              users: [],
              params: {},
            }),
          );
      if (!isAllowedRedirect(client, query.redirect_uri)) {
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(
            renderSignInPage({
              error: `De redirect_uri '${query.redirect_uri ?? ''}' is niet geregistreerd voor deze app.`,
              users: [],
              params: {},
            }),
          );
      }
      if (query.response_type !== 'code') {
        return redirectWithError(
          reply,
          query,
          'unsupported_response_type',
          'Only response_type=code is supported.',
        );
      }
      if (query.prompt === 'none') {
        return redirectWithError(
          reply,
          query,
          'login_required',
          'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
        );
      }
      const tenant = resolveTenant(ctx, request.params.tenant);
      const users = (
        tenant ? ctx.directory.usersOfTenant(tenant.id) : ctx.directory.allUsers()
      ).filter((user) => tenant || user.tenantId === client.tenantId);
      return reply.type('text/html; charset=utf-8').send(
        renderSignInPage({
          users: users.map((user) => describeUser(ctx, client, user)),
          params: query,
          loginHint: query.login_hint,
        }),
      );
    },
  );

  app.post(
    '/:tenant/oauth2/v2.0/authorize',
    async (request: FastifyRequest<{ Params: TenantParams; Body: Form }>, reply) => {
      const form = request.body ?? {};
      const client = ctx.directory.findApp(form.client_id ?? '');
      const user = ctx.directory.findUser(form.user_id ?? '');
      if (!client || !isAllowedRedirect(client, form.redirect_uri) || !user) {
        return reply
          .status(400)
          .type('text/plain; charset=utf-8')
          .send('Ongeldige aanmelding: app, redirect_uri of gebruiker onbekend.');
      }
      const code = randomBytes(32).toString('base64url');
      codes.set(code, {
        clientId: client.clientId,
        userId: user.id,
        redirectUri: form.redirect_uri ?? '',
        scope: form.scope ?? 'openid profile',
        nonce: form.nonce,
        codeChallenge: form.code_challenge,
        codeChallengeMethod: form.code_challenge_method,
        expiresAt: Date.now() + 10 * 60 * 1000,
      });
      return redirectWithParams(reply, form, {
        code,
        ...(form.state ? { state: form.state } : {}),
        client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString(
          'base64url',
        ),
      });
    },
  );

  app.get(
    '/:tenant/oauth2/v2.0/logout',
    async (request: FastifyRequest<{ Querystring: Form }>, reply) => {
      const target = request.query.post_logout_redirect_uri;
      if (target && isLocalUrl(target)) return reply.redirect(target);
      return reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="nl"><title>Afgemeld</title><p>U bent afgemeld bij de sandbox.</p></html>',
        );
    },
  );
}

function resolveTenant(ctx: SandboxContext, name: string): Tenant | undefined {
  return ctx.directory.findTenant(name);
}

function checkTenant(tenant: Tenant | undefined, tenantId: string): void {
  if (tenant && tenant.id !== tenantId) {
    throw new OAuthError(
      400,
      'invalid_client',
      700016,
      `Application or user not found in the directory '${tenant.id}'.`,
    );
  }
}

function basicClientCredentials(header: string | undefined): Form {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return {};
  const [id, secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return {
    client_id: decodeURIComponent(id ?? ''),
    client_secret: decodeURIComponent(secret ?? ''),
  };
}

function authenticateClient(
  ctx: SandboxContext,
  form: Form,
  options: { secretRequired: boolean },
): AppRegistration {
  const client = ctx.directory.findApp(form.client_id ?? '');
  if (!client) {
    throw new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${form.client_id ?? ''}' was not found in the directory.`,
    );
  }
  if (form.client_assertion) {
    throw new OAuthError(
      401,
      'invalid_client',
      700027,
      'Client assertions are not supported by the sandbox; use a client secret.',
    );
  }
  if (form.client_secret !== undefined || options.secretRequired) {
    if (!client.clientSecret || !safeEqual(form.client_secret ?? '', client.clientSecret)) {
      throw new OAuthError(
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      );
    }
  }
  return client;
}

/** The OBO assertion must be a valid token of ours whose audience is the calling app. */
async function verifyAssertion(
  ctx: SandboxContext,
  assertion: string | undefined,
  client: AppRegistration,
): Promise<DirectoryUser> {
  if (!assertion) throw new OAuthError(400, 'invalid_request', 50027, 'The assertion is missing.');
  try {
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(ctx.keys.jwks()), {
      audience: [client.clientId, ...client.identifierUris],
      algorithms: ['RS256'],
      currentDate: ctx.clock.now(),
    });
    const user = ctx.directory.findUser(String(payload.oid ?? ''));
    if (!user || payload.iss !== ctx.issuerFor(user.tenantId))
      throw new Error('unknown user or issuer');
    return user;
  } catch (error) {
    throw new OAuthError(
      400,
      'invalid_grant',
      50013,
      `Assertion failed signature validation or is not for this application. (${(error as Error).message})`,
    );
  }
}

function verifyPkce(
  grant: AuthorizationCode,
  verifier: string | undefined,
  client: AppRegistration,
  secret: string | undefined,
): void {
  if (!grant.codeChallenge) {
    // Without PKCE only a confidential client may redeem the code.
    if (!secret || !client.clientSecret) {
      throw new OAuthError(
        400,
        'invalid_request',
        9002325,
        'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
      );
    }
    return;
  }
  const computed =
    grant.codeChallengeMethod === 'S256'
      ? createHash('sha256')
          .update(verifier ?? '')
          .digest('base64url')
      : (verifier ?? '');
  if (!verifier || computed !== grant.codeChallenge) {
    throw new OAuthError(
      400,
      'invalid_grant',
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    );
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Registered redirect URIs, plus any localhost URL (a sandbox convenience, documented). */
function isAllowedRedirect(client: AppRegistration, redirectUri: string | undefined): boolean {
  if (!redirectUri) return false;
  return client.redirectUris.includes(redirectUri) || isLocalUrl(redirectUri);
}

function isLocalUrl(value: string): boolean {
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

function describeUser(ctx: SandboxContext, client: AppRegistration, user: DirectoryUser) {
  return {
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle ?? '',
    department: user.department ?? '',
    roles: ctx.directory.rolesOf(client.clientId, user.id),
  };
}

function corsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && isLocalUrl(origin)) {
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    reply
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type');
  }
}

function redirectWithParams(
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

function redirectWithError(
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

function sendOAuthError(reply: FastifyReply, error: OAuthError): FastifyReply {
  return reply.status(error.status).send({
    error: error.error,
    error_description: error.message,
    error_codes: [error.aadsts],
    timestamp: new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z'),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  });
}

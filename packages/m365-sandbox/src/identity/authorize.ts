// The authorization endpoint behind a sign-in page where a person picks a seeded user (no
// passwords), and the logout endpoint. A tenant's authority lists and signs in that tenant's
// users and refuses anyone else with AADSTS50020, as Entra does for a non-guest; `organizations`
// and `common` sign in the users of every organisation (a multi-tenant app).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { AppRegistration, DirectoryUser, Tenant } from '../directory/store.js';
import {
  checkUserTenant,
  isAllowedRedirect,
  isLocalUrl,
  MULTI_TENANT_AUTHORITIES,
  redirectWithError,
  redirectWithParams,
  resolveTenant,
  tenantNotFound,
  type AuthorizationCode,
  type Form,
  type TenantParams,
} from './oauth-http.js';
import { renderSignInPage } from './sign-in-page.js';
import { OAuthError } from './tokens.js';

/** The authority's tenant; undefined for `organizations` / `common`; 90002 for anything else. */
function authorityTenant(ctx: SandboxContext, name: string) {
  const tenant = resolveTenant(ctx, name);
  if (!tenant && !MULTI_TENANT_AUTHORITIES.includes(name)) throw tenantNotFound(name);
  return tenant;
}

/** The OAuth error of a sign-in check, as the text the sign-in page shows; else rethrows. */
function refusal(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof OAuthError) return error.message;
    throw error;
  }
}

export function authorizeRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
  codes: Map<string, AuthorizationCode>,
): void {
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
      let tenant: Tenant | undefined;
      try {
        tenant = authorityTenant(ctx, request.params.tenant);
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(renderSignInPage({ error: error.message, users: [], params: {} }));
      }
      const users = tenant ? ctx.directory.usersOfTenant(tenant.id) : ctx.directory.allUsers();
      // A login_hint naming someone this authority cannot sign in: Entra's answer at once.
      const hinted = query.login_hint ? ctx.directory.findUser(query.login_hint) : undefined;
      const error = hinted ? refusal(() => checkUserTenant(tenant, hinted, client)) : undefined;
      return reply
        .status(error ? 400 : 200)
        .type('text/html; charset=utf-8')
        .send(
          renderSignInPage({
            users: users.map((user) => describeUser(ctx, client, user)),
            params: query,
            loginHint: query.login_hint,
            ...(error ? { error } : {}),
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
      let tenant: Tenant | undefined;
      try {
        tenant = authorityTenant(ctx, request.params.tenant);
        checkUserTenant(tenant, user, client);
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        const others = tenant ? ctx.directory.usersOfTenant(tenant.id) : [];
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(
            renderSignInPage({
              error: error.message,
              users: others.map((other) => describeUser(ctx, client, other)),
              params: form,
            }),
          );
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

// The authorization endpoint behind a sign-in page where a person picks a seeded user (no
// passwords), and the logout endpoint.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { AppRegistration, DirectoryUser } from '../directory/store.js';
import {
  isAllowedRedirect,
  isLocalUrl,
  redirectWithError,
  redirectWithParams,
  resolveTenant,
  type AuthorizationCode,
  type Form,
  type TenantParams,
} from './oauth-http.js';
import { renderSignInPage } from './sign-in-page.js';

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

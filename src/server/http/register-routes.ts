// Turns route definitions into Fastify routes: zod schemas for validation and the OpenAPI
// document, the authentication hook with the route's permission, and a handler that passes the
// parsed input, the services and the caller's Access.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createAuthenticationHook, type AuthenticatorOptions } from '../auth/authenticate.js';
import type { AppError } from '../../app/errors.js';
import type { Clock } from '../clock.js';
import {
  challengeHeader,
  delegatedAccessError,
  delegatedAccessRefusalOf,
} from '../errors/delegated-access.js';
import type { ServerServices } from '../services.js';
import type { ApiRoute, PublicRouteContext, RouteContext, RouteSchemas } from './define-route.js';
import { negotiateLanguage } from './locale.js';

export interface RouteDependencies {
  readonly services: ServerServices;
  readonly clock: Clock;
  readonly authentication: AuthenticatorOptions;
}

/** The permissions a protected route needs (any one of them), for the OpenAPI document. */
function permissionList(route: ApiRoute): readonly string[] {
  if (route.permission === 'public') return [];
  return typeof route.permission === 'string' ? [route.permission] : route.permission;
}

function fastifySchema(route: ApiRoute) {
  const { params, querystring, body, response } = route.schemas;
  const permissions = permissionList(route);
  return {
    ...(params ? { params } : {}),
    ...(querystring ? { querystring } : {}),
    ...(body ? { body } : {}),
    response,
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [...route.tags],
    security: route.permission === 'public' ? [] : [{ bearerAuth: [] }],
    // Read by the OpenAPI transform (src/server/http/openapi.ts), not by Fastify.
    ...(permissions.length > 0 ? { 'x-permissions': [...permissions] } : {}),
    ...(route.problems ? { problems: [...route.problems] } : {}),
  };
}

function contextOf(
  route: ApiRoute,
  request: FastifyRequest,
  reply: FastifyReply,
  deps: RouteDependencies,
): RouteContext<RouteSchemas> | PublicRouteContext<RouteSchemas> {
  const base: PublicRouteContext<RouteSchemas> = {
    params: request.params,
    query: request.query,
    body: request.body,
    services: deps.services,
    clock: deps.clock,
    language: negotiateLanguage(request.headers['accept-language']),
    request,
    reply,
  };
  if (route.permission === 'public') return base;
  const { access, userAssertion } = request;
  // The authentication hook sets both or refuses the request; reaching here without is a bug.
  if (!access || !userAssertion) {
    throw new Error(`${route.operationId}: handler reached without authentication`);
  }
  return { ...base, access, userAssertion };
}

/**
 * The 401 with a challenge when Entra ID refused to exchange the caller's token for Graph during
 * this request (src/server/errors/delegated-access.ts); undefined when it did not.
 */
function refusedByMicrosoft365(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: RouteDependencies,
  cause?: unknown,
): AppError | undefined {
  const refusal = delegatedAccessRefusalOf(request);
  if (!refusal) return undefined;
  const { validator, homeTenantId } = deps.authentication;
  const tenant = request.userAssertion?.tenantId ?? homeTenantId;
  reply.header(
    'www-authenticate',
    challengeHeader(refusal, validator.authorizationEndpointOf(tenant)),
  );
  return delegatedAccessError(refusal, cause);
}

export function registerApiRoutes(
  app: FastifyInstance,
  routes: readonly ApiRoute[],
  deps: RouteDependencies,
): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      schema: fastifySchema(route),
      config: {
        permission: route.permission,
        ...(route.rateLimit === false ? { rateLimit: false } : {}),
      },
      onRequest:
        route.permission === 'public'
          ? []
          : [createAuthenticationHook(deps.authentication, route.permission)],
      handler: async (request, reply) => {
        let body: unknown;
        try {
          body = await route.invoke(contextOf(route, request, reply, deps));
        } catch (error) {
          throw refusedByMicrosoft365(request, reply, deps, error) ?? error;
        }
        // A use case may have made "unknown" of what Graph would not give without a token.
        const refused = refusedByMicrosoft365(request, reply, deps);
        if (refused) throw refused;
        // Not Modified (a matching If-None-Match, signup-pages.ts): the status, no body.
        if (reply.statusCode === 304) return reply.send();
        return reply.status(route.successStatus).send(body);
      },
    });
  }
}

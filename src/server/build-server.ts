// The product's HTTP server: the API under /api and the web bundles (Teams tab, Outlook add-in).
// Order matters: the OpenAPI collector and the security headers come before any route; the API
// lives in its own context so that its rate limit does not count the web bundle's files.
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DestinationStream } from 'pino';
import type { RequiredPermission } from './auth/authorize.js';
import { TokenValidator, type TokenValidatorTuning } from './auth/token-validator.js';
import { systemClock, type Clock } from './clock.js';
import { plannerSettingsOf, type Env } from './env.js';
import { registerErrorHandling } from './errors/error-handler.js';
import { correlationIdOf, echoCorrelationId } from './http/correlation.js';
import type { ApiRoute } from './http/define-route.js';
import { checkUnique, loadRoutes } from './http/load-routes.js';
import { registerLegalPages } from './http/legal-pages.js';
import { createLogger } from './http/logging.js';
import { answerOversizedBodies } from './http/oversized-bodies.js';
import { registerOpenApi, registerOpenApiRoute } from './http/openapi.js';
import { registerNotificationRoute } from './http/notifications.js';
import { registerRateLimit } from './http/rate-limit.js';
import { registerApiRoutes } from './http/register-routes.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { zodValidatorCompiler } from './http/zod-validation.js';
import { composeServices, type Composition } from './compose.js';
import type { ServerServices } from './services.js';
import { toWebConfig } from './web-config.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; 'public' for the few without a token. */
    permission?: RequiredPermission | 'public';
  }
}

/** The delegated scope of the product's API that every token must carry. */
export const API_SCOPE = 'access_as_user';

export interface ServerOptions {
  readonly env: Env;
  /**
   * What the routes call. Missing members come from the real composition (compose.ts), which
   * also runs the maintenance scheduler; a test that passes `contextFor` gets neither.
   */
  readonly services?: Partial<ServerServices>;
  readonly clock?: Clock;
  /** true: log to stdout (default); false: no logs; a stream: log there (tests). */
  readonly logger?: boolean | DestinationStream;
  /** Routes besides those under src/server/routes (tests, experiments). */
  readonly extraRoutes?: readonly ApiRoute[];
  /** Token validation timings (tests shorten the JWKS cooldown). */
  readonly auth?: Partial<TokenValidatorTuning>;
}

function createFastify(env: Env, logger: ServerOptions['logger']): FastifyInstance {
  // Fastify's return type is parameterised by the pino logger's type; the rest of the server
  // uses the default FastifyInstance, whose logger interface pino's logger implements.
  return Fastify({
    ...(logger === false
      ? { logger: false }
      : { loggerInstance: createLogger(env, logger === true ? undefined : logger) }),
    genReqId: correlationIdOf,
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    bodyLimit: env.BODY_LIMIT_BYTES,
    // Behind a proxy, request.ip is the client's (X-Forwarded-For) only from proxies trusted here.
    trustProxy: env.TRUST_PROXY,
    // Reject `__proto__` / `constructor.prototype` in JSON bodies (400) instead of parsing them.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Idle keep-alive connections outlive those of the clients and proxies in front (browsers,
    // undici's 4 s, a load balancer's 60 s), so nobody sends on a socket the server is closing.
    keepAliveTimeout: 65_000,
  }) as unknown as FastifyInstance;
}

/** The given services, completed from the real composition when `contextFor` is missing. */
function resolveServices(
  env: Env,
  given: Partial<ServerServices>,
  clock: Clock,
  app: FastifyInstance,
): { services: ServerServices; composition: Composition | undefined } {
  if (given.contextFor) {
    return {
      services: {
        webConfig: toWebConfig(env),
        plannerSettings: plannerSettingsOf(env),
        ...given,
        contextFor: given.contextFor,
      },
      composition: undefined,
    };
  }
  const composition = composeServices(env, { clock, log: app.log });
  return {
    services: {
      webConfig: toWebConfig(env),
      plannerSettings: plannerSettingsOf(env),
      ...composition.services,
      ...given,
    },
    composition,
  };
}

export async function buildServer({
  env,
  services: givenServices = {},
  clock = systemClock,
  logger = true,
  extraRoutes = [],
  auth = {},
}: ServerOptions): Promise<FastifyInstance> {
  const app = createFastify(env, logger);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: without the text/plain parser a text body is 415, not a string in `body`.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('access', null);
  app.decorateRequest('userAssertion', null);
  const { services, composition } = resolveServices(env, givenServices, clock, app);
  const scheduler = composition?.scheduler;
  if (scheduler) {
    // From the moment the server is ready until it closes (a run in progress finishes first).
    app.addHook('onReady', async () => scheduler.start());
    app.addHook('onClose', async () => scheduler.stop());
  }

  echoCorrelationId(app);
  answerOversizedBodies(app, env.BODY_LIMIT_BYTES);
  registerErrorHandling(app);
  await registerSecurityHeaders(app, env);
  await registerOpenApi(app, env);

  const validator = new TokenValidator(
    {
      authorityHost: env.AUTHORITY_HOST,
      allowedTenantIds: env.ALLOWED_TENANT_IDS,
      audiences: [env.CLIENT_ID, env.API_IDENTIFIER_URI],
      requiredScope: API_SCOPE,
      clock,
    },
    auth,
  );
  // Graph's change notifications: public, outside the /api plugin's token check.
  if (composition?.notifications) {
    await registerNotificationRoute(app, composition.notifications);
  }
  const routes = [...(await loadRoutes()), ...extraRoutes];
  checkUnique(routes);
  await app.register(
    async (api) => {
      // API answers carry personal data and depend on the caller: no shared or browser caches.
      api.addHook('onSend', async (_request, reply, payload) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        return payload;
      });
      await registerRateLimit(api, env);
      registerApiRoutes(api, routes, {
        services,
        clock,
        authentication: { validator, homeTenantId: env.TENANT_ID },
      });
    },
    { prefix: '/api' },
  );
  registerOpenApiRoute(app);
  registerLegalPages(app, env);

  const webRoot = resolve(env.WEB_DIST_DIR);
  if (existsSync(webRoot)) {
    // preCompressed: the .br/.gz copies the build wrote (src/cli/build-web.ts), when accepted.
    await app.register(fastifyStatic, {
      root: webRoot,
      index: ['index.html'],
      preCompressed: true,
      // Source maps would hand out the full source: the production build writes none
      // (vite.config.ts), and one left over from a development build is not served either.
      allowedPath: (path) => !path.toLowerCase().endsWith('.map'),
    });
  } else {
    app.log.warn({ webRoot }, 'web bundle not built: run `npm run build`');
  }
  return app;
}

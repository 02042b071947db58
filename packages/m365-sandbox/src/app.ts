// Composition of the sandbox: one Fastify app with the Graph subset under /v1.0, the identity
// provider under /{tenant}/…, the inspector and the control API, served on one port that
// speaks both HTTPS (for msal-node and the Graph client) and plain HTTP (for browsers).
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { batchModule } from './batch/index.js';
import { calendarModule, calendarSchemas } from './calendar/index.js';
import { SandboxClock } from './clock.js';
import type { SandboxConfig } from './config.js';
import type { SandboxContext, SandboxUrls } from './context.js';
import { directoryModule } from './directory/routes.js';
import { directorySchema } from './directory/schema.js';
import { Directory } from './directory/store.js';
import { controlModule } from './http/control.js';
import { listenDualProtocol } from './http/dual-protocol.js';
import { createLocalOnlyGuard } from './http/local-only.js';
import { FaultInjector } from './http/faults.js';
import { GraphError, graphErrorBody, sendGraphError } from './http/graph-error.js';
import { checkQueryOptions } from './http/odata.js';
import { RequestLog, type RequestKind } from './http/request-log.js';
import { authenticateGraphCaller } from './identity/graph-auth.js';
import { identityModule } from './identity/routes.js';
import { identitySchema, SigningKeys } from './identity/keys.js';
import { inspectorModule } from './inspector/index.js';
import { mailModule, mailSchemas } from './mail/index.js';
import { ensureSeeded } from './seed/index.js';
import { sharePointModule, sharePointSchemas } from './sharepoint/index.js';
import {
  startNotifications,
  subscriptionControlModule,
  subscriptionSchemas,
  subscriptionsModule,
} from './subscriptions/index.js';
import { teamworkControlModule, teamworkModule, teamworkSchemas } from './teamwork/index.js';
import { ensurePrivateDir, openDb, type Db, type TableSchema } from './store/db.js';
import { ensureCertificateAuthority, issueServerCertificate } from './tls/ca.js';

export const SANDBOX_SCHEMAS: readonly TableSchema[] = [
  directorySchema,
  identitySchema,
  ...calendarSchemas,
  ...mailSchemas,
  ...sharePointSchemas,
  ...subscriptionSchemas,
  ...teamworkSchemas,
];

export interface Sandbox {
  readonly ctx: SandboxContext;
  readonly app: FastifyInstance;
  readonly urls: SandboxUrls;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Log requests with pino (default false; main.ts turns it on). */
  readonly logger?: boolean;
}

/** How long an idle keep-alive connection stays open (longer than any client keeps one). */
const KEEP_ALIVE_MS = 65_000;

/** Header that marks a request injected by $batch: `<secret>:<batch seq>`. */
export const BATCH_HEADER = 'x-sandbox-batch';

export async function startSandbox(
  config: SandboxConfig,
  options: StartOptions = {},
): Promise<Sandbox> {
  // Before the CA is made there: the folder holds the CA's and the signing keys' private keys.
  if (config.dataDir !== ':memory:') ensurePrivateDir(config.dataDir);
  const ca = ensureCertificateAuthority(config.caDir);
  const certificate = issueServerCertificate(ca, [config.host, 'localhost', '127.0.0.1', '::1']);
  const db = openDb(config.dataDir, SANDBOX_SCHEMAS);
  const urls: SandboxUrls = { https: '', http: '' };
  const batchSecret = randomBytes(16).toString('hex');
  const ctx: SandboxContext = {
    config,
    db,
    clock: new SandboxClock(config.clockOffsetMs),
    directory: new Directory(db),
    keys: new SigningKeys(db),
    faults: new FaultInjector(config.faults),
    requestLog: new RequestLog(),
    urls,
    issuerFor: (tenantId) => `${urls.https}/${tenantId}/v2.0`,
    batchPartHeaders: (batchSeq) => ({ [BATCH_HEADER]: `${batchSecret}:${batchSeq}` }),
  };
  ensureSeeded(ctx);
  await ctx.keys.active();

  const app = buildApp(ctx, batchSecret, options.logger ?? false);
  await app.ready();

  const https = createHttpsServer(
    { cert: certificate.certPem, key: certificate.keyPem },
    app.routing,
  );
  const http = createHttpServer(app.routing);
  // These two servers are ours, not Fastify's, so its keepAliveTimeout does not reach them: idle
  // keep-alive connections must outlive the client's (undici: 4 s), or a client on a busy machine
  // sends on a socket Node's 5 s default is just closing (ECONNRESET).
  for (const server of [https, http]) {
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  }
  const listener = await listenDualProtocol(config.host, config.httpsPort, (socket, firstByte) => {
    // A TLS connection starts with a handshake record (0x16); anything else is plain HTTP.
    (firstByte === 0x16 ? https : http).emit('connection', socket);
  });
  const port = listener.port;
  urls.https = `https://${config.host}:${port}`;
  urls.http = `http://${config.host}:${port}`;
  const stopNotifications = startNotifications(ctx);

  return {
    ctx,
    app,
    urls,
    async close() {
      stopNotifications();
      await listener.close();
      await app.close();
      db.close();
    },
  };
}

function buildApp(ctx: SandboxContext, batchSecret: string, logger: boolean): FastifyInstance {
  const app = Fastify({
    logger: logger ? { level: 'info' } : false,
    bodyLimit: 4 * 1024 * 1024,
    // Graph's ids can be long (a site permission's id is ~120 characters); Fastify's default
    // limit of 100 would answer 404 for them.
    routerOptions: { maxParamLength: 1000 },
    // Idle keep-alive connections stay open longer than clients keep them (undici: 4 s), so a
    // client never sends on a socket the server is just closing (ECONNRESET on a busy machine,
    // seen in a contract test with Node's 5 s default).
    keepAliveTimeout: KEEP_ALIVE_MS,
    genReqId: () => randomUUID(),
    rewriteUrl: (request) => rewriteGraphUrl(request.url ?? '/', request.headers.authorization),
  });
  app.decorateRequest('caller', null);
  app.decorateRequest('batchSeq', null);
  app.decorateRequest('graphErrorCode', null);

  const releases = new WeakMap<FastifyRequest, () => void>();
  app.addHook('onRequest', async (request, reply) => {
    reply.header('request-id', request.id);
    const clientRequestId = request.headers['client-request-id'];
    if (typeof clientRequestId === 'string') reply.header('client-request-id', clientRequestId);
    const batch = request.headers[BATCH_HEADER];
    if (typeof batch === 'string' && batch.startsWith(`${batchSecret}:`)) {
      request.batchSeq = Number(batch.slice(batchSecret.length + 1));
    }
  });
  // The control API and the inspector: this machine only, changes with the control header.
  app.addHook('onRequest', createLocalOnlyGuard(ctx.config.host));

  app.addHook('onResponse', async (request) => {
    releases.get(request)?.();
  });

  // Logged when the answer is handed to the socket, so a client that has its answer always finds
  // the request in the log (onResponse can run after the client has moved on).
  app.addHook('onSend', async (request, reply, payload) => {
    const kind = kindOf(request.url);
    const endedAtMs = performance.timeOrigin + performance.now();
    ctx.requestLog.add({
      seq: ctx.requestLog.reserveSeq(),
      at: new Date(endedAtMs).toISOString(),
      startedAtMs: endedAtMs - reply.elapsedTime,
      endedAtMs,
      kind,
      method: request.method,
      path: request.url,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime),
      batchSeq: request.batchSeq,
      appId: request.caller?.appId ?? null,
      mailbox: mailboxOf(request.url),
      errorCode: request.graphErrorCode,
    });
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof GraphError) {
      request.graphErrorCode = error.code;
      return sendGraphError(reply, error);
    }
    const { statusCode: status = 500, message } = error as Error & { statusCode?: number };
    if (status >= 400 && status < 500) {
      const code =
        status === 415
          ? 'UnsupportedMediaType'
          : status === 413
            ? 'RequestEntityTooLarge'
            : 'BadRequest';
      const text =
        error instanceof SyntaxError || /JSON/i.test(message)
          ? 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'
          : message;
      request.graphErrorCode = code;
      return reply.status(status).send(graphErrorBody(request, code, text));
    }
    request.log.error({ err: error }, 'sandbox internal error');
    return reply
      .status(500)
      .send(graphErrorBody(request, 'InternalServerError', 'An internal server error occurred.'));
  });

  app.setNotFoundHandler((request, reply) => {
    if (kindOf(request.url) === 'graph') {
      const segment = request.url.split('?')[0]?.split('/').filter(Boolean).pop() ?? '';
      return reply
        .status(400)
        .send(
          graphErrorBody(request, 'BadRequest', `Resource not found for the segment '${segment}'.`),
        );
    }
    return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
  });

  // Graph: every request authenticated, then throttled as Graph would throttle it.
  void app.register(
    async (graph) => {
      graph.addHook('preHandler', async (request) => {
        request.caller = await authenticateGraphCaller(
          request,
          ctx.keys,
          ctx.directory,
          ctx.issuerFor,
          () => ctx.clock.now(),
        );
        checkQueryOptions(request);
        // Latency is per HTTP request: a $batch pays it once, not once per part. It is spent
        // while the request holds its mailbox slot, as server time is, so parallel requests
        // to one mailbox meet Outlook's concurrency limit as they would in Exchange Online.
        if (request.routeOptions.url === '/v1.0/$batch') return ctx.faults.delay();
        ctx.faults.rollDice();
        const mailbox = mailboxOf(request.url);
        if (mailbox) releases.set(request, ctx.faults.enter(request.caller.appId, mailbox));
        await ctx.faults.delay(request.batchSeq !== null);
      });
      await directoryModule(graph, ctx);
      await calendarModule(graph, ctx);
      await mailModule(graph, ctx);
      await sharePointModule(graph, ctx);
      await batchModule(graph, ctx);
      await subscriptionsModule(graph, ctx);
      await teamworkModule(graph, ctx);
    },
    { prefix: '/v1.0' },
  );
  // Browsers ask every origin for its icon; the sign-in page and the inspector have one.
  app.get('/favicon.ico', async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
  );
  void app.register(async (scope) => identityModule(scope, ctx));
  void app.register(async (scope) => inspectorModule(scope, ctx), { prefix: '/inspector' });
  void app.register(async (scope) => controlModule(scope, ctx), { prefix: '/_sandbox' });
  void app.register(async (scope) => subscriptionControlModule(scope, ctx), {
    prefix: '/_sandbox/subscriptions',
  });
  void app.register(async (scope) => teamworkControlModule(scope, ctx), {
    prefix: '/_sandbox/teamwork',
  });
  return app;
}

/** The sandbox's icon: a grey square with "365", so a tab of the sandbox is told from the app's. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#616161"/>' +
  '<text x="16" y="21" font-family="sans-serif" font-size="12" fill="#fff" text-anchor="middle">365</text>' +
  '</svg>';

/** `/me/…` → `/users/{oid}/…`; `/users/{id}/calendar/events|calendarView` → `/users/{id}/…`. */
export function rewriteGraphUrl(url: string, authorization: string | undefined): string {
  let rewritten = url;
  const me = /^\/v1\.0\/me(?=\/|\?|$)/i;
  if (me.test(rewritten)) {
    rewritten = rewritten.replace(
      me,
      `/v1.0/users/${encodeURIComponent(oidOf(authorization) ?? 'me')}`,
    );
  }
  return rewritten
    .replace(
      /^(\/v1\.0\/users\/[^/?]+)\/calendar\/(events|calendarview)(?=\/|\?|$)/i,
      (_m, user: string, what: string) =>
        `${user}/${what.toLowerCase() === 'events' ? 'events' : 'calendarView'}`,
    )
    .replace(/^(\/v1\.0\/users\/[^/?]+)\/calendarview(?=\/|\?|$)/i, '$1/calendarView');
}

/** The object id in a bearer token, read without verification (the preHandler verifies). */
function oidOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      oid?: unknown;
    };
    return typeof claims.oid === 'string' ? claims.oid : undefined;
  } catch {
    // Not a JWT: the preHandler answers 401 for it.
    return undefined;
  }
}

function kindOf(url: string): RequestKind {
  if (url.startsWith('/v1.0/') || url === '/v1.0') return 'graph';
  if (url.startsWith('/_sandbox')) return 'control';
  if (url.startsWith('/inspector')) return 'inspector';
  if (/^\/[^/]+\/(v2\.0\/\.well-known|oauth2|discovery)\//.test(url)) return 'identity';
  return 'other';
}

function mailboxOf(url: string): string | null {
  const match = /^\/v1\.0\/users\/([^/?]+)\//.exec(url);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export type { Db };

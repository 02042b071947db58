// Starts the Workshopplanner server on a free port against a test sandbox, over real HTTP
// (light-my-request's inject does not load under jest here), and makes tokens for it.
import type { FastifyInstance } from 'fastify';
import { SignJWT, type JWTPayload } from 'jose';
import { Writable } from 'node:stream';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { BERENSCHOT_TENANT } from '@workshopplanner/m365-sandbox/people';
import { buildServer, type ServerOptions } from '../../../src/server/build-server.js';
import { readEnv } from '../../../src/server/env.js';
import { PRODUCT_APP, RIEC_TENANT, passwordToken, personByUpn } from '../../support/sandbox.js';

export { BERENSCHOT_TENANT, PRODUCT_APP, RIEC_TENANT, personByUpn };

export const API_SCOPE = `api://localhost:3000/${PRODUCT_APP.clientId}/access_as_user`;
export const API_IDENTIFIER_URI = `api://localhost:3000/${PRODUCT_APP.clientId}`;

export interface TestServer {
  readonly url: string;
  readonly app: FastifyInstance;
  /** Every log line the server wrote, raw. */
  readonly logs: string[];
  close(): Promise<void>;
}

export interface TestServerOptions extends Omit<ServerOptions, 'env' | 'logger'> {
  readonly env?: Record<string, string>;
}

export async function startTestServer(
  sandbox: Sandbox | undefined,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const env = readEnv({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    WEB_DIST_DIR: '.data/no-web-bundle-in-server-tests',
    API_IDENTIFIER_URI,
    // The background cycle would write to the sandbox behind a test's back; the scheduler's own
    // test turns it on.
    SYNC_INTERVAL_SECONDS: '0',
    ...(sandbox
      ? { AUTHORITY_HOST: sandbox.urls.https, GRAPH_BASE_URL: `${sandbox.urls.https}/v1.0` }
      : {}),
    ...options.env,
  });
  const { env: _env, ...rest } = options;
  const app = await buildServer({ ...rest, env, logger: stream });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, app, logs, close: () => app.close() };
}

export interface CallOptions {
  readonly token?: string;
  readonly method?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // Tests assert on arbitrary response JSON; typing every body adds nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** One HTTP request to the server; a string body is sent as is, anything else as JSON. */
export async function call(
  server: TestServer,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined; // not JSON (e.g. HTML): tests read `text`
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** A delegated token for the product's API, as the tab gets it (password grant in the sandbox). */
export function apiToken(sandbox: Sandbox, upnStart: string): Promise<string> {
  return passwordToken(sandbox, personByUpn(upnStart).upn, API_SCOPE);
}

/** The claims the sandbox would put in Sanne de Vries's API token (RIEC Noord-Holland). */
export function accountHolderClaims(sandbox: Sandbox): JWTPayload {
  const sanne = personByUpn('sanne.devries');
  return {
    iss: `${sandbox.urls.https}/${RIEC_TENANT.id}/v2.0`,
    aud: PRODUCT_APP.clientId,
    tid: RIEC_TENANT.id,
    oid: sanne.id,
    preferred_username: sanne.upn,
    name: 'Sanne de Vries',
    scp: 'access_as_user',
    roles: ['Workshop.AccountHolder.NoordHolland'],
    ver: '2.0',
  };
}

/**
 * A token signed with the sandbox's current key: lets a test change one claim and show that
 * the server refuses exactly that. `lifetime` [nbf, exp] in seconds relative to now.
 */
export async function signWithSandboxKey(
  sandbox: Sandbox,
  claims: JWTPayload,
  lifetime: { readonly notBefore?: number; readonly expiresIn?: number } = {},
  /** The moment it is issued: the server's clock when the server runs on the sandbox's. */
  issuedAt: Date = new Date(),
): Promise<string> {
  const key = await sandbox.ctx.keys.active();
  const now = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuedAt(now)
    .setNotBefore(now + (lifetime.notBefore ?? 0))
    .setExpirationTime(now + (lifetime.expiresIn ?? 3600))
    .sign(key.privateKey);
}

/** A fixed clock for the server. */
export function clockAt(at: Date | (() => Date)) {
  return { now: () => (typeof at === 'function' ? at() : new Date(at)) };
}

/** Asserts an RFC 9457 answer with the API's extension members and no stack trace. */
export function expectProblem(result: CallResult, status: number, code: string): void {
  const problem = result.body as Record<string, unknown> | undefined;
  const summary = `${result.status} ${result.text.slice(0, 300)}`;
  if (result.status !== status) throw new Error(`expected ${status} ${code}, got ${summary}`);
  if (!result.headers.get('content-type')?.startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${result.headers.get('content-type')}`);
  }
  if (problem?.code !== code || problem.status !== status) {
    throw new Error(`expected problem ${code}, got ${summary}`);
  }
  for (const field of ['type', 'title', 'detail', 'instance', 'correlationId']) {
    if (typeof problem[field] !== 'string' || problem[field] === '') {
      throw new Error(`problem lacks ${field}: ${summary}`);
    }
  }
  if (problem.correlationId !== result.headers.get('x-correlation-id')) {
    throw new Error('problem correlationId differs from the x-correlation-id header');
  }
  if ('stack' in problem || /at .+\(.+:\d+:\d+\)/.test(result.text)) {
    throw new Error(`problem leaks a stack trace: ${summary}`);
  }
}

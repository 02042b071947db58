// Starts a fresh sandbox for one test file: in memory, on a free port, with the shared local
// CA that scripts/run-tests.ts (this package's, or the repository's) made trusted through
// NODE_EXTRA_CA_CERTS. Exported as `@workshopplanner/m365-sandbox/testing`.
import { resolve } from 'node:path';
import { startSandbox, type Sandbox } from './app.js';
import { readSandboxConfig, type FaultSettings } from './config.js';
import {
  GRAPH_EXPLORER_APP,
  PEOPLE,
  PRODUCT_APP,
  PROVISIONING_APP,
  RIEC_TENANT,
  SANDBOX_TOOLS_APP,
} from './seed/people.js';

export {
  GRAPH_EXPLORER_APP,
  PEOPLE,
  PRODUCT_APP,
  PROVISIONING_APP,
  RIEC_TENANT,
  SANDBOX_TOOLS_APP,
};

/** An app registration of the sandbox that asks for tokens (a public client has no secret). */
export interface TokenClient {
  readonly clientId: string;
  readonly clientSecret?: string;
}

export interface TestSandboxOptions {
  readonly faults?: Partial<FaultSettings>;
  readonly freeBusySharing?: boolean;
  /** Anchor day of the seeded calendars (YYYY-MM-DD). */
  readonly seedDate?: string;
  /**
   * A fixed "today": the sandbox's clock starts there (and keeps running) before it issues any
   * token, and the calendars are seeded around it unless seedDate says otherwise.
   */
  readonly today?: Date;
}

export async function startTestSandbox(options: TestSandboxOptions = {}): Promise<Sandbox> {
  const base = readSandboxConfig({});
  const dataDir = resolve(process.env.SANDBOX_DATA_DIR ?? '.data/sandbox');
  const sandbox = await startSandbox({
    ...base,
    httpsPort: 0,
    dataDir: ':memory:',
    caDir: resolve(dataDir, 'ca'),
    freeBusySharing: options.freeBusySharing ?? false,
    seedDate: options.seedDate ?? options.today?.toISOString().slice(0, 10) ?? base.seedDate,
    // Already while seeding: what the seed dates from the clock sees the fixed today too.
    clockOffsetMs: options.today ? options.today.getTime() - Date.now() : base.clockOffsetMs,
    faults: { ...base.faults, mailboxConcurrency: 4, ...options.faults },
  });
  if (options.today) sandbox.ctx.clock.set(options.today);
  return sandbox;
}

export function personByUpn(upnStart: string) {
  const person = PEOPLE.find((p) => p.upn.startsWith(upnStart));
  if (!person) throw new Error(`No seeded person ${upnStart}`);
  return person;
}

/**
 * A delegated token via the password grant (seeded users share the sandbox password), asked by
 * the product app unless `client` says otherwise (e.g. Graph Explorer, for Graph scopes the
 * product app is not consented).
 */
export async function passwordToken(
  sandbox: Sandbox,
  upn: string,
  scope: string,
  client: TokenClient = PRODUCT_APP,
): Promise<string> {
  const response = await fetch(
    `${sandbox.urls.https}/${RIEC_TENANT.id}/oauth2/v2.0/token`.replace(
      RIEC_TENANT.id,
      tenantOf(upn),
    ),
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: client.clientId,
        ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
        username: upn,
        password: sandbox.ctx.config.userPassword,
        scope,
      }),
    },
  );
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token)
    throw new Error(`token request failed: ${body.error_description ?? response.status}`);
  return body.access_token;
}

/**
 * An app-only Graph token via client credentials: by default of the sandbox's tools app, which
 * may read every mailbox, calendar and site (to look at the sandbox from outside the product).
 */
export async function appToken(
  sandbox: Sandbox,
  client: Required<TokenClient> = SANDBOX_TOOLS_APP,
): Promise<string> {
  const response = await fetch(`${sandbox.urls.https}/${RIEC_TENANT.id}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token)
    throw new Error(`token request failed: ${body.error_description ?? response.status}`);
  return body.access_token;
}

function tenantOf(upn: string): string {
  return upn.split('@')[1] ?? RIEC_TENANT.domain;
}

/** Calls the sandbox's Graph with a token; returns status and parsed JSON body. */
export async function graph(
  sandbox: Sandbox,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // Tests read arbitrary Graph JSON and assert on it; typing every payload here adds nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${sandbox.urls.https}/v1.0${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

// The product's settings, read and checked once at start-up (STYLE.md: one env.ts that fails
// naming the variable). Defaults point at the embedded sandbox, so no .env is needed locally;
// .env.sample documents every variable.
//
// Settings of the HTTP API (for .env.sample):
//
// # Tenants whose users may sign in (comma-separated tenant ids). The product's own tenant and
// # Berenschot's: Berenschot trainers sign in from their own tenant to the multi-tenant app
// # registration. Only the product's own tenant (TENANT_ID) can grant planning roles; users of
// # the other tenants get at most the trainer role. Default: the sandbox's RIEC and Berenschot.
// ALLOWED_TENANT_IDS=5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90,9b3e71d4-6a25-4c8f-b0e2-7d54a1c93f68
// # The API's Application ID URI, accepted as token audience besides CLIENT_ID (v1-style tokens,
// # Teams SSO resource). Default: api://<host of PUBLIC_URL>/<CLIENT_ID>.
// API_IDENTIFIER_URI=api://localhost:3000/2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27
// # Where a plain browser signs in, when that differs from AUTHORITY_HOST. Default: AUTHORITY_HOST;
// # on localhost (the sandbox) its plain-HTTP side on the same port, which browsers need not trust.
// WEB_AUTHORITY_HOST=http://localhost:5443
// # Development only: allow framing by and connections to http(s)://localhost:* (Teams Toolkit,
// # the sandbox's plain-HTTP side). Default: true when PUBLIC_URL is on localhost, else false.
// ALLOW_LOCALHOST=true
// # Origins that may call the API from a browser page of another origin (CORS). Empty: none. The
// # Teams tab and the Outlook add-in are served by this server and need none; list only e.g. a
// # Vite dev server (http://localhost:5173) or a CDN that hosts the web bundle.
// CORS_ALLOWED_ORIGINS=
// # Requests per user (token oid; IP address when not signed in) per window, on /api.
// RATE_LIMIT_MAX=300
// RATE_LIMIT_WINDOW_SECONDS=60
// # Requests per client address per window on /api, counted before the token is read (an office
// # behind one NAT address shares it), and refused tokens (401) per client address per window:
// # once these run out the address gets 429 before its token is even looked at.
// RATE_LIMIT_ADDRESS_MAX=1200
// RATE_LIMIT_FAILED_AUTH_MAX=20
// # Behind a reverse proxy or load balancer (App Service, Front Door, nginx): which proxies to
// # believe about the client's address (X-Forwarded-For), so every client gets its own rate-limit
// # bucket. false (default): the connecting address is the client; true: trust every proxy (only
// # when nothing but the proxy can reach the server); or a comma-separated list of the proxies'
// # addresses/CIDRs (or loopback, linklocal, uniquelocal).
// TRUST_PROXY=false
// # Largest request body in bytes (JSON); larger bodies get 413.
// BODY_LIMIT_BYTES=65536
// # How the server proves it is the Entra app: secret (CLIENT_SECRET) or managedIdentity (the
// # host's managed identity as a federated identity credential; infra/ sets this up).
// CLIENT_CREDENTIAL=secret
// # The user-assigned managed identity's client id (CLIENT_CREDENTIAL=managedIdentity); empty:
// # the system-assigned identity.
// MANAGED_IDENTITY_CLIENT_ID=
// # Seconds between two runs of the background maintenance (client credentials, as "systeem"):
// # finish cut-off operations, let lapsed holds expire, mark given workshops, sync the trainers'
// # answers of every organizer with open holds. 0 turns it off (e.g. when another instance or a
// # timer-triggered Function runs it). A run never overlaps the previous one.
// SYNC_INTERVAL_SECONDS=60
// # Days after a workshop the background maintenance removes its attendee list and groups (the
// # file on the workshop's event in the organizer's calendar; issue 14, AVG).
// ATTENDEES_RETENTION_DAYS=30
// # The province planner (docs/planner.md, "Settings"): seconds the exact planner may use for one
// # plan (then the best plan found, marked with its gap), minutes a trainer needs between two
// # workshops, and workshops per trainer per ISO week and per campaign, confirmed ones included.
// PLANNER_TIME_LIMIT_SECONDS=10
// PLANNER_BUFFER_MINUTES=60
// PLANNER_MAX_PER_WEEK=2
// PLANNER_MAX_PER_CAMPAIGN=12
// # Seconds a lease on the background maintenance lasts: only the instance holding it runs the
// # maintenance; a crashed holder is replaced this long after its last renewal. Must be longer
// # than SYNC_INTERVAL_SECONDS. Default: three intervals.
// LEASE_SECONDS=180
// # Graph change notifications on the organizers' calendars: where Microsoft 365 posts them.
// # Default: PUBLIC_URL + /api/notifications when PUBLIC_URL is set. It must be https (or
// # http on this machine, for the local sandbox) and reachable from Microsoft 365; otherwise,
// # or without NOTIFICATION_CLIENT_STATE, the answers are polled every SYNC_INTERVAL_SECONDS.
// NOTIFICATION_URL=https://workshopplanner.example.nl/api/notifications
// # The secret every notification must carry (16–128 characters; the same on every instance;
// # from the host's secret store, never in the repository). Unset: no notifications, polling.
// NOTIFICATION_CLIENT_STATE=
// # With notifications: seconds between two polls of every organizer's answers anyway (the
// # safety net for lost notifications). Without notifications SYNC_INTERVAL_SECONDS applies.
// POLL_SAFETY_NET_SECONDS=900
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_TEAMS_APP_ID } from '../domain/activity-feed.js';
import type { PlannerSettings } from '../domain/planner/types.js';

const SANDBOX_TENANT_ID = '5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90';
// The sandbox's second organisation (Berenschot), where the Berenschot trainers sign in.
const SANDBOX_PARTNER_TENANT_ID = '9b3e71d4-6a25-4c8f-b0e2-7d54a1c93f68';
const SANDBOX_CLIENT_ID = '2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27';
const SANDBOX_CLIENT_SECRET = 'sandbox-client-secret-not-for-production';
const SANDBOX_SITE = 'root';

/** A comma-separated list; blanks are dropped. */
const csv = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item));

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

// proxy-addr's names for whole ranges: 127.0.0.0/8 and ::1, link-local, private networks.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4/IPv6 address, optionally with a /prefix, or a range name (Fastify's trustProxy). */
const isProxyAddress = (value: string): boolean => {
  if (PROXY_RANGE_NAMES.has(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};

/**
 * Fastify's `trustProxy`: true/false or the proxies' addresses/CIDRs. No hop count: Fastify 5
 * trusts nobody for a number (it cannot check the immediate peer), so it would silently do nothing.
 */
const ZTrustProxy = z.string().transform((value, context): boolean | string[] => {
  const text = value.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const wrong = parts.filter((part) => !isProxyAddress(part));
  if (parts.length === 0 || wrong.length > 0) {
    context.addIssue({
      code: 'custom',
      message: `expected true, false or the proxies' addresses/CIDRs (or loopback, linklocal, uniquelocal), not ${wrong.join(', ') || 'nothing'}`,
    });
    return z.NEVER;
  }
  return parts;
});

const ZOrigin = z.url().refine((value) => new URL(value).origin === value, {
  message: 'expected an origin (scheme://host[:port], no path or trailing slash)',
});

export const ZEnv = z.object({
  HOST: z.string().default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTHORITY_HOST: z.url().default('https://localhost:5443'),
  TENANT_ID: z.uuid().default(SANDBOX_TENANT_ID),
  CLIENT_ID: z.uuid().default(SANDBOX_CLIENT_ID),
  CLIENT_SECRET: z.string().min(1).default(SANDBOX_CLIENT_SECRET),
  // How the server proves it is the Entra app: its client secret, or the managed identity of the
  // host (Azure Container Apps, App Service) as a federated identity credential (no secret).
  CLIENT_CREDENTIAL: z.enum(['secret', 'managedIdentity']).default('secret'),
  // The user-assigned managed identity's client id; empty: the system-assigned identity.
  MANAGED_IDENTITY_CLIENT_ID: z.guid().optional(),
  GRAPH_BASE_URL: z.url().default('https://localhost:5443/v1.0'),
  SHAREPOINT_SITE: z.string().min(1).default(SANDBOX_SITE),
  // The Teams app's id (as npm run package reads it): the activity feed's deep links open it.
  TEAMS_APP_ID: z.uuid().default(DEFAULT_TEAMS_APP_ID),
  WEB_DIST_DIR: z.string().default('dist/web'),
  ALLOWED_TENANT_IDS: csv(z.uuid())
    .refine((ids) => ids.length > 0, { message: 'list at least one tenant id' })
    .default([SANDBOX_TENANT_ID, SANDBOX_PARTNER_TENANT_ID]),
  API_IDENTIFIER_URI: z.string().startsWith('api://').optional(),
  WEB_AUTHORITY_HOST: z.url().optional(),
  ALLOW_LOCALHOST: booleanText.optional(),
  CORS_ALLOWED_ORIGINS: csv(ZOrigin).default([]),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_ADDRESS_MAX: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_FAILED_AUTH_MAX: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: ZTrustProxy.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(64 * 1024),
  // npm start: false runs against a real tenant (no local sandbox); see readServerEnv.
  START_SANDBOX: booleanText.default(true),
  // npm start with SANDBOX_TODAY: the server's clock runs this far from real time, as the
  // sandbox's does. Refused for a real tenant (see TENANT_SETTINGS).
  SANDBOX_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  SYNC_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60)
    .default(60),
  ATTENDEES_RETENTION_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  // The province planner (docs/planner.md, "Settings").
  PLANNER_TIME_LIMIT_SECONDS: z.coerce.number().min(1).max(300).default(10),
  PLANNER_BUFFER_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(60),
  PLANNER_MAX_PER_WEEK: z.coerce.number().int().min(1).max(14).default(2),
  PLANNER_MAX_PER_CAMPAIGN: z.coerce.number().int().min(1).max(500).default(12),
  // Change notifications (notificationModeOf): the endpoint, its secret, the safety-net poll.
  NOTIFICATION_URL: z.url().optional(),
  NOTIFICATION_CLIENT_STATE: z.string().min(16).max(128).optional(),
  POLL_SAFETY_NET_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 60)
    .default(900),
  // Default (unset): three intervals, see readEnv.
  LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(2)
    .max(3 * 24 * 60 * 60)
    .optional(),
});

type ParsedEnv = z.infer<typeof ZEnv>;

export type Env = Omit<
  ParsedEnv,
  'PUBLIC_URL' | 'API_IDENTIFIER_URI' | 'ALLOW_LOCALHOST' | 'LEASE_SECONDS' | 'NOTIFICATION_URL'
> & {
  /** Explicit, or derived from an explicit PUBLIC_URL; undefined: none (polling). */
  readonly NOTIFICATION_URL: string | undefined;
  readonly LEASE_SECONDS: number;
  readonly PUBLIC_URL: string;
  readonly API_IDENTIFIER_URI: string;
  readonly ALLOW_LOCALHOST: boolean;
};

/** The province planner's settings (PLANNER_*). */
export function plannerSettingsOf(env: Env): PlannerSettings {
  return {
    timeLimitSeconds: env.PLANNER_TIME_LIMIT_SECONDS,
    bufferMinutes: env.PLANNER_BUFFER_MINUTES,
    maxPerWeek: env.PLANNER_MAX_PER_WEEK,
    maxPerCampaign: env.PLANNER_MAX_PER_CAMPAIGN,
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid settings (see .env.sample):\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  // A lease shorter than the interval runs out between two renewals: the cycle would change
  // hands every interval, or run on two instances at once.
  const leaseSeconds = env.LEASE_SECONDS ?? Math.max(3 * env.SYNC_INTERVAL_SECONDS, 2);
  if (env.SYNC_INTERVAL_SECONDS > 0 && leaseSeconds <= env.SYNC_INTERVAL_SECONDS) {
    throw new Error(
      `Invalid settings (see .env.sample):\n  LEASE_SECONDS: must be longer than SYNC_INTERVAL_SECONDS (${env.SYNC_INTERVAL_SECONDS})`,
    );
  }
  const publicUrl = env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  const publicHost = new URL(publicUrl);
  return {
    ...env,
    LEASE_SECONDS: leaseSeconds,
    PUBLIC_URL: publicUrl,
    API_IDENTIFIER_URI: env.API_IDENTIFIER_URI ?? `api://${publicHost.host}/${env.CLIENT_ID}`,
    ALLOW_LOCALHOST: env.ALLOW_LOCALHOST ?? LOOPBACK_HOSTS.has(publicHost.hostname),
    NOTIFICATION_URL:
      env.NOTIFICATION_URL ??
      (env.PUBLIC_URL ? `${env.PUBLIC_URL.replace(/\/+$/, '')}/api/notifications` : undefined),
  };
}

export type NotificationMode =
  | { readonly mode: 'notifications'; readonly url: string; readonly clientState: string }
  | { readonly mode: 'polling'; readonly reason: string };

/**
 * Whether Microsoft 365 can tell this server about calendar changes: a notification URL that is
 * https (or http on this machine, which only the local sandbox reaches) and a client state.
 */
export function notificationModeOf(env: Env): NotificationMode {
  const url = env.NOTIFICATION_URL;
  if (url === undefined) return { mode: 'polling', reason: 'no NOTIFICATION_URL or PUBLIC_URL' };
  const parsed = new URL(url);
  const isReachable =
    parsed.protocol === 'https:' ||
    (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname));
  if (!isReachable) {
    return { mode: 'polling', reason: `NOTIFICATION_URL ${url} is not https` };
  }
  if (env.NOTIFICATION_CLIENT_STATE === undefined) {
    return { mode: 'polling', reason: 'no NOTIFICATION_CLIENT_STATE' };
  }
  return { mode: 'notifications', url, clientState: env.NOTIFICATION_CLIENT_STATE };
}

// What each tenant setting should hold instead of the sandbox's value (operator message).
const TENANT_SETTINGS: readonly (readonly [keyof Env, (env: Env) => boolean, string])[] = [
  [
    'AUTHORITY_HOST',
    (env) => isLoopback(env.AUTHORITY_HOST),
    'the Entra ID host, https://login.microsoftonline.com',
  ],
  [
    'GRAPH_BASE_URL',
    (env) => isLoopback(env.GRAPH_BASE_URL),
    'Microsoft Graph, https://graph.microsoft.com/v1.0',
  ],
  ['TENANT_ID', (env) => env.TENANT_ID === SANDBOX_TENANT_ID, "your tenant's id"],
  ['CLIENT_ID', (env) => env.CLIENT_ID === SANDBOX_CLIENT_ID, "the app registration's client id"],
  [
    'CLIENT_SECRET',
    // With a managed identity (CLIENT_CREDENTIAL=managedIdentity) no secret is read at all.
    (env) => env.CLIENT_CREDENTIAL === 'secret' && env.CLIENT_SECRET === SANDBOX_CLIENT_SECRET,
    "a client secret of the app registration (from the host's secret store, not the repository), or CLIENT_CREDENTIAL=managedIdentity",
  ],
  [
    'SHAREPOINT_SITE',
    (env) => env.SHAREPOINT_SITE === SANDBOX_SITE,
    'the id of the site with the lists (hostname,siteCollectionId,webId)',
  ],
  [
    'SANDBOX_CLOCK_OFFSET_MS',
    (env) => env.SANDBOX_CLOCK_OFFSET_MS !== 0,
    '0: a real tenant runs on the real time (leave SANDBOX_TODAY empty)',
  ],
  [
    'ALLOWED_TENANT_IDS',
    (env) =>
      env.ALLOWED_TENANT_IDS.some((id) =>
        [SANDBOX_TENANT_ID, SANDBOX_PARTNER_TENANT_ID].includes(id.toLowerCase()),
      ),
    "your tenant's id, plus Berenschot's if its trainers sign in from their own tenant",
  ],
];

function isLoopback(url: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(url).hostname);
}

/**
 * Why these settings are meant for a real tenant, or undefined for a local run: `npm start`
 * without the sandbox, or a public https address that people outside this machine use.
 */
export function tenantDeploymentReason(env: Env): string | undefined {
  if (!env.START_SANDBOX) return 'START_SANDBOX=false';
  const publicUrl = new URL(env.PUBLIC_URL);
  if (publicUrl.protocol === 'https:' && !LOOPBACK_HOSTS.has(publicUrl.hostname)) {
    return `PUBLIC_URL is ${env.PUBLIC_URL}`;
  }
  return undefined;
}

/** The tenant settings that still hold the local sandbox's value, with what belongs there. */
export function sandboxSettingsInUse(env: Env): { name: keyof Env; expected: string }[] {
  return TENANT_SETTINGS.filter(([, isSandbox]) => isSandbox(env)).map(([name, , expected]) => ({
    name,
    expected,
  }));
}

/**
 * The settings of the server process: readEnv, and refused when the server runs for a real
 * tenant (tenantDeploymentReason) with the sandbox's identity provider, secret or site, which
 * would accept the sandbox's publicly known keys and secret. The error names every such setting.
 */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = readEnv(source);
  const reason = tenantDeploymentReason(env);
  const missing = reason ? sandboxSettingsInUse(env) : [];
  if (reason && missing.length > 0) {
    const lines = missing.map(({ name, expected }) => `  ${name}: ${expected}`);
    throw new Error(
      `Refusing to start: ${reason}, so this server is for a real tenant, but these settings ` +
        `still have the local sandbox's values. Set them (see .env.sample and README.md, ` +
        `"Running against a real tenant"):\n${lines.join('\n')}`,
    );
  }
  return env;
}

// The composition root of the server: the real services from the settings (DESIGN.md principle
// 2 — the same code for a tenant and the sandbox, only these values differ).
// - One msal ConfidentialClientApplication per process: the app's own client-credentials token
//   stays in its cache; on-behalf-of tokens are kept per user assertion by OnBehalfOfTokens
//   (src/graph/client/obo-token-cache.ts explains why msal's own OBO cache does not suffice).
// - Per request, Microsoft 365 as the use cases need it (docs/security.md, "SharePoint and Graph
//   identities"): the SharePoint lists and every write (the work plan: list items and the
//   calendar writes in the organizer's mailbox the server took from the stored sign-up, in one
//   $batch, so one token) with the app's own identity, after the server decided who may do what;
//   the caller's free/busy view (getSchedule) and own calendar (delta) on their behalf. Users
//   hold no Sites permission, so their own tokens cannot reach the lists.
// - One AppState per process (caches, delta cursors), shared by requests and the scheduler.
// - The maintenance scheduler with the app's own token, as "systeem".
// - At start-up against a real tenant, a check of the Entra setup (token version, issuer).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { SYSTEM_ACCESS } from '../app/access.js';
import { createAppState } from '../app/app-state.js';
import { createUseCaseContext } from '../app/context.js';
import {
  createNotificationReceiver,
  DEFAULT_LIFETIME_MS,
  DEFAULT_RENEW_BEFORE_MS,
  type NotificationReceiver,
  type NotificationSettings,
} from '../app/change-notifications.js';
import { AppError } from '../app/errors.js';
import { createMaintenanceCycle } from '../app/run-maintenance.js';
import type { Microsoft365 } from '../domain/ports.js';
import { createGraphClient } from '../graph/client/client.js';
import { OnBehalfOfTokens } from '../graph/client/obo-token-cache.js';
import {
  appTokenProvider,
  createConfidentialClient,
  managedIdentityAssertion,
  type IdentitySettings,
} from '../graph/client/tokens.js';
import { createCycleLease, createMicrosoft365, createSubscriptionPorts } from '../graph/gateway.js';
import { checkIdentitySetup } from './auth/identity-setup-check.js';
import type { Clock } from './clock.js';
import { notificationModeOf, type Env } from './env.js';
import { createMaintenanceScheduler, type MaintenanceScheduler } from './maintenance-scheduler.js';
import type { Caller, ServerServices } from './services.js';

export interface Composition {
  readonly services: Omit<ServerServices, 'webConfig'>;
  /** Undefined when SYNC_INTERVAL_SECONDS is 0. */
  readonly scheduler: MaintenanceScheduler | undefined;
  /** What POST /api/notifications hands notifications to; undefined in polling mode. */
  readonly notifications: NotificationReceiver | undefined;
}

export interface ComposeOptions {
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
}

/**
 * Microsoft 365 for a caller of a partner tenant (Berenschot). Their delegated token belongs to
 * their own tenant and can reach nothing of the RIEC tenant (not even on-behalf-of: the RIEC
 * tenant's authority refuses them, AADSTS50020), so everything goes through the app's identity.
 * Only the trainer role can come from a partner tenant (auth/authorize.ts), and every trainer
 * permission is a read that the use cases scope to the trainer's own workshops; writes are
 * refused here as a second line of defence.
 */
function partnerTenantMicrosoft365(app: Microsoft365, caller: Caller): Microsoft365 {
  if (caller.access.roles.some((role) => role !== 'trainer')) {
    throw new AppError('FORBIDDEN', { logMessage: 'partner-tenant caller with a planning role' });
  }
  return {
    ...app,
    plan: {
      run: () =>
        Promise.reject(
          new AppError('FORBIDDEN', { logMessage: 'partner-tenant caller attempted a write' }),
        ),
    },
  };
}

/** The app's credential: its secret, or the host's managed identity (CLIENT_CREDENTIAL). */
function appCredential(env: Env): Pick<IdentitySettings, 'clientSecret' | 'clientAssertion'> {
  if (env.CLIENT_CREDENTIAL === 'secret') return { clientSecret: env.CLIENT_SECRET };
  const id = env.MANAGED_IDENTITY_CLIENT_ID;
  return { clientAssertion: managedIdentityAssertion(id ? { userAssignedClientId: id } : {}) };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Logs what the start-up check of the Entra setup finds; skipped for a local authority. */
function checkIdentityAtStartUp(
  env: Env,
  msal: ReturnType<typeof createConfidentialClient>,
  log: FastifyBaseLogger,
): void {
  // The sandbox (a local authority) is set up by its own seed: nothing to check there.
  if (LOOPBACK_HOSTS.has(new URL(env.AUTHORITY_HOST).hostname)) return;
  void checkIdentitySetup({
    authorityHost: env.AUTHORITY_HOST,
    tenantId: env.TENANT_ID,
    acquireOwnApiToken: async () => {
      const result = await msal.acquireTokenByClientCredential({
        scopes: [`${env.CLIENT_ID}/.default`],
      });
      if (!result?.accessToken) throw new Error('no token');
      return result.accessToken;
    },
  }).then((findings) => {
    for (const finding of findings) log[finding.level](finding.message);
    if (findings.length === 0) log.info('identity check: issuer and token version are as needed');
  });
}

export function composeServices(env: Env, options: ComposeOptions): Composition {
  const msal = createConfidentialClient({
    authorityHost: env.AUTHORITY_HOST,
    tenantId: env.TENANT_ID,
    clientId: env.CLIENT_ID,
    ...appCredential(env),
  });
  checkIdentityAtStartUp(env, msal, options.log);
  const state = createAppState();
  const now = () => options.clock.now();
  const site = { site: env.SHAREPOINT_SITE, teamsAppId: env.TEAMS_APP_ID };
  const appTokens = appTokenProvider(msal);
  const appClient = createGraphClient({ baseUrl: env.GRAPH_BASE_URL, tokens: appTokens });
  const appMicrosoft365 = createMicrosoft365(appClient, site);
  const homeTenant = env.TENANT_ID.toLowerCase();
  const onBehalfOf = new OnBehalfOfTokens(msal);

  const microsoft365For = (caller: Caller): Microsoft365 => {
    const correlationId = () => caller.correlationId;
    // The app's identity, with the caller's correlation id on every request it makes for them.
    const asApp = createMicrosoft365(
      createGraphClient({ baseUrl: env.GRAPH_BASE_URL, tokens: appTokens, correlationId }),
      site,
    );
    const tenant = caller.userAssertion.tenantId;
    if (tenant !== undefined && tenant !== homeTenant) {
      return partnerTenantMicrosoft365(asApp, caller);
    }
    // On behalf of the caller: their getSchedule and their own calendar's delta. The token is
    // fetched on the first such request only, so list-only requests cost no OBO exchange; a
    // refusal (consent, MFA, expired) reaches the route as a claims challenge.
    const onTheirBehalf = createMicrosoft365(
      createGraphClient({
        baseUrl: env.GRAPH_BASE_URL,
        tokens: onBehalfOf.providerFor(
          caller.userAssertion.reveal(),
          caller.onDelegatedAccessRefused,
        ),
        correlationId,
      }),
      site,
    );
    return { ...asApp, calendar: onTheirBehalf.calendar };
  };

  const services: Omit<ServerServices, 'webConfig'> = {
    contextFor: (caller) =>
      createUseCaseContext({ m365: microsoft365For(caller), access: caller.access, state, now }),
  };

  const systemContext = () =>
    createUseCaseContext({ m365: appMicrosoft365, access: SYSTEM_ACCESS, state, now });
  // Change notifications when Microsoft 365 can reach this server (NOTIFICATION_URL and its
  // client state), else polling only.
  const mode = notificationModeOf(env);
  const subscriptionPorts = createSubscriptionPorts(appClient, site);
  const notificationSettings: NotificationSettings | undefined =
    mode.mode === 'notifications'
      ? {
          notificationUrl: mode.url,
          clientState: mode.clientState,
          lifetimeMs: DEFAULT_LIFETIME_MS,
          renewBeforeMs: DEFAULT_RENEW_BEFORE_MS,
        }
      : undefined;
  if (mode.mode === 'notifications') {
    options.log.info({ notificationUrl: mode.url }, 'calendar changes: Graph change notifications');
  } else {
    options.log.info({ reason: mode.reason }, 'calendar changes: polling only');
  }
  const notifications = notificationSettings
    ? createNotificationReceiver({
        settings: notificationSettings,
        ports: subscriptionPorts,
        context: systemContext,
        onError: (error, what) =>
          options.log.warn(
            { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
            `${what} not processed; the safety-net poll catches up`,
          ),
      })
    : undefined;

  // Lists are read in full every ten cycles (expiry, executed workshops, cut-off operations);
  // in between only the answers are synced.
  const cycle = createMaintenanceCycle({
    fullEveryMs: env.SYNC_INTERVAL_SECONDS * 10 * 1000,
    attendeesRetentionDays: env.ATTENDEES_RETENTION_DAYS,
    ...(notificationSettings
      ? {
          notifications: {
            ports: subscriptionPorts,
            settings: notificationSettings,
            safetyNetMs: env.POLL_SAFETY_NET_SECONDS * 1000,
          },
        }
      : {}),
  });
  const scheduler =
    env.SYNC_INTERVAL_SECONDS > 0
      ? createMaintenanceScheduler({
          intervalMs: env.SYNC_INTERVAL_SECONDS * 1000,
          log: options.log,
          // Any number of instances: the one holding the lease runs the cycle this interval.
          lease: {
            lease: createCycleLease(appClient, site),
            holder: `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`,
            termMs: env.LEASE_SECONDS * 1000,
            now,
          },
          run: ({ isNewHolder }) => cycle(systemContext(), { full: isNewHolder }),
        })
      : undefined;
  return { services, scheduler, notifications };
}

// The composition root of the server: the real services from the settings (DESIGN.md principle
// 2 — the same code for a tenant and the sandbox, only these values differ).
// - One msal ConfidentialClientApplication per process: the app's own client-credentials token
//   stays in its cache; on-behalf-of tokens are kept per user assertion by OnBehalfOfTokens
//   (src/graph/client/obo-token-cache.ts explains why msal's own OBO cache does not suffice).
// - Per request, a Graph client whose token is on behalf of the caller, so Microsoft 365 applies
//   the user's own rights (their mailbox, the lists) on top of the product's checks.
// - One AppState per process (caches, delta cursors), shared by requests and the scheduler.
// - The maintenance scheduler with the app's own token, as "systeem".
import type { FastifyBaseLogger } from 'fastify';
import { SYSTEM_ACCESS } from '../app/access.js';
import { createAppState } from '../app/app-state.js';
import { createUseCaseContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { createMaintenanceCycle } from '../app/run-maintenance.js';
import { currentCampaign } from '../domain/campaign.js';
import type { Microsoft365 } from '../domain/ports.js';
import { createGraphClient } from '../graph/client/client.js';
import { OnBehalfOfTokens } from '../graph/client/obo-token-cache.js';
import { appTokenProvider, createConfidentialClient } from '../graph/client/tokens.js';
import { createMicrosoft365 } from '../graph/gateway.js';
import type { Clock } from './clock.js';
import type { Env } from './env.js';
import { createMaintenanceScheduler, type MaintenanceScheduler } from './maintenance-scheduler.js';
import type { Caller, ServerServices } from './services.js';

export interface Composition {
  readonly services: Omit<ServerServices, 'webConfig'>;
  /** Undefined when SYNC_INTERVAL_SECONDS is 0. */
  readonly scheduler: MaintenanceScheduler | undefined;
}

export interface ComposeOptions {
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
}

/**
 * Microsoft 365 for a caller of a partner tenant (Berenschot). Their delegated token belongs to
 * their own tenant and cannot reach the RIEC tenant's SharePoint site, so their reads go through
 * the app's identity. Only the trainer role can come from a partner tenant (auth/authorize.ts),
 * and every trainer permission is a read that the use cases scope to the trainer's own
 * workshops; writes are refused here as a second line of defence.
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

export function composeServices(env: Env, options: ComposeOptions): Composition {
  const msal = createConfidentialClient({
    authorityHost: env.AUTHORITY_HOST,
    tenantId: env.TENANT_ID,
    clientId: env.CLIENT_ID,
    clientSecret: env.CLIENT_SECRET,
  });
  const state = createAppState();
  const now = () => options.clock.now();
  const site = { site: env.SHAREPOINT_SITE };
  const appMicrosoft365 = createMicrosoft365(
    createGraphClient({ baseUrl: env.GRAPH_BASE_URL, tokens: appTokenProvider(msal) }),
    site,
  );
  const homeTenant = env.TENANT_ID.toLowerCase();
  const onBehalfOf = new OnBehalfOfTokens(msal);

  const microsoft365For = (caller: Caller): Microsoft365 => {
    const tenant = caller.userAssertion.tenantId;
    if (tenant !== undefined && tenant !== homeTenant) {
      return partnerTenantMicrosoft365(appMicrosoft365, caller);
    }
    const client = createGraphClient({
      baseUrl: env.GRAPH_BASE_URL,
      tokens: onBehalfOf.providerFor(
        caller.userAssertion.reveal(),
        caller.onDelegatedAccessRefused,
      ),
      correlationId: () => caller.correlationId,
    });
    return createMicrosoft365(client, site);
  };

  const services: Omit<ServerServices, 'webConfig'> = {
    findCurrentCampaign: currentCampaign,
    contextFor: (caller) =>
      createUseCaseContext({ m365: microsoft365For(caller), access: caller.access, state, now }),
  };

  // Lists are read in full every ten cycles (expiry, executed workshops, cut-off operations);
  // in between only the answers are synced.
  const cycle = createMaintenanceCycle({ fullEveryMs: env.SYNC_INTERVAL_SECONDS * 10 * 1000 });
  const scheduler =
    env.SYNC_INTERVAL_SECONDS > 0
      ? createMaintenanceScheduler({
          intervalMs: env.SYNC_INTERVAL_SECONDS * 1000,
          log: options.log,
          run: () =>
            cycle(
              createUseCaseContext({
                m365: appMicrosoft365,
                access: SYSTEM_ACCESS,
                state,
                now,
              }),
            ),
        })
      : undefined;
  return { services, scheduler };
}

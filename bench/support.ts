// Shared pieces of the benchmarks: a sandbox in this process with the product wired to it,
// and small timing helpers.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { mintAccess, type Access } from '../src/app/access.js';
import { createAppState, type AppState } from '../src/app/app-state.js';
import { createUseCaseContext, type UseCaseContext } from '../src/app/context.js';
import type { RIECS } from '../src/domain/municipalities.js';
import type { Microsoft365 } from '../src/domain/ports.js';
import { createAppClient, type AppClient } from '../src/graph/client/app-client.js';
import { createMicrosoft365 } from '../src/graph/gateway.js';
import { provisionSite } from '../src/graph/sharepoint/provision.js';
import { sandboxTrainers } from '../tests/support/planning.js';
import { startSandbox, type Sandbox } from '@workshopplanner/m365-sandbox';
import { readSandboxConfig } from '@workshopplanner/m365-sandbox/config';
import {
  PEOPLE,
  PRODUCT_APP,
  PROVISIONING_APP,
  RIEC_TENANT,
} from '@workshopplanner/m365-sandbox/people';

export interface BenchStack {
  readonly sandbox: Sandbox;
  readonly app: AppClient;
  readonly m365: Microsoft365;
  readonly state: AppState;
  /** A use-case context; `state` (one per simulated instance) and `now` default to the stack's. */
  context(
    access: Access,
    overrides?: { state?: AppState; now?: () => Date; m365?: Microsoft365 },
  ): UseCaseContext;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

/** The seeded advisors as the trainer file: the tests' own list, so both provision the same. */
export const trainerSeeds = sandboxTrainers;

/**
 * A bench drives thousands of requests a second from one address with one token: the server's
 * rate limits (per user and per client address, RATE_LIMIT_* in .env.sample) would answer 429
 * after the first few hundred and the bench would measure the limiter. Both are lifted here.
 */
export const UNLIMITED_RATE = {
  RATE_LIMIT_MAX: '100000000',
  RATE_LIMIT_ADDRESS_MAX: '100000000',
} as const;

export function accountHolderOf(riec: (typeof RIECS)[number]): Access {
  const person = PEOPLE.find(
    (p) => p.department === riec && p.roles.some((r) => r.startsWith('Workshop.AccountHolder')),
  );
  if (!person) throw new Error(`no account holder for ${riec}`);
  return mintAccess({
    tenantId: RIEC_TENANT.id,
    userId: person.id,
    email: person.upn,
    name: `${person.givenName} ${person.surname}`,
    roles: ['accountHolder'],
    riecs: [riec],
  });
}

/**
 * A fresh sandbox (in memory, same seed day every run) with lists and trainers provisioned;
 * with `today`, its clock starts there (and keeps running) before it issues any token.
 */
export async function startStack(seedDate: string, today?: Date): Promise<BenchStack> {
  const base = readSandboxConfig({});
  const sandbox = await startSandbox({
    ...base,
    httpsPort: 0,
    dataDir: ':memory:',
    caDir: resolve(base.dataDir, 'ca'),
    seedDate,
    faults: { ...base.faults, latencyMs: 0, mailboxConcurrency: 4 },
  });
  if (today) sandbox.ctx.clock.set(today);
  const app = createAppClient({
    authorityHost: sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PRODUCT_APP.clientId,
    clientSecret: PRODUCT_APP.clientSecret,
    graphBaseUrl: `${sandbox.urls.https}/v1.0`,
  });
  // As `npm run provision` does: the administrator's app creates the lists and grants the
  // product app `write` on the site.
  const admin = createAppClient({
    authorityHost: sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PROVISIONING_APP.clientId,
    clientSecret: PROVISIONING_APP.clientSecret,
    graphBaseUrl: `${sandbox.urls.https}/v1.0`,
  });
  await provisionSite(admin.client, 'root', {
    productApp: { id: PRODUCT_APP.clientId, displayName: PRODUCT_APP.displayName },
    trainers: trainerSeeds(),
    demoCampaign: true,
  });
  const m365 = createMicrosoft365(app.client, { site: 'root' });
  const state = createAppState();
  return {
    sandbox,
    app,
    m365,
    state,
    context: (access, overrides = {}) =>
      createUseCaseContext({
        m365: overrides.m365 ?? m365,
        access,
        state: overrides.state ?? state,
        now: overrides.now ?? (() => sandbox.ctx.clock.now()),
        newId: randomUUID,
      }),
    setLatency: (ms) => void sandbox.ctx.faults.update({ latencyMs: ms }),
    close: () => sandbox.close(),
  };
}

/** Runs `task` for every item with at most `limit` in flight. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  });
  await Promise.all(workers);
}

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

// `npm run bench -- instances`: Graph requests per hour of an idle province (the 44 sign-ups
// planned as bench/province.ts plans them, 3 organizers) in polling mode, one simulated hour of
// 60 cycles at SYNC_INTERVAL_SECONDS=60: one instance; three instances each running the cycle
// (before the lease); three instances under the lease (LEASE_SECONDS=180). The schedulers are
// the server's own (createMaintenanceScheduler), run once per simulated minute; the clock they
// and the use cases see moves a minute at a time, so the hour takes seconds. Last, one instance
// in notification mode (issue 16, item 5): subscribed to the three organizers' calendars (the
// sandbox validates the real /api/notifications route on 127.0.0.1), polling only as the
// 15-minute safety net; nothing changes, so no notification arrives.
import Fastify from 'fastify';
import pino from 'pino';
import {
  createNotificationReceiver,
  DEFAULT_LIFETIME_MS,
  DEFAULT_RENEW_BEFORE_MS,
  type NotificationReceiver,
} from '../src/app/change-notifications.js';
import { createSubscriptionPorts } from '../src/graph/gateway.js';
import { NOTIFICATIONS_PATH, registerNotificationRoute } from '../src/server/http/notifications.js';
import { SYSTEM_ACCESS } from '../src/app/access.js';
import { createAppState } from '../src/app/app-state.js';
import { createUseCaseContext } from '../src/app/context.js';
import { createMaintenanceCycle } from '../src/app/run-maintenance.js';
import { createCycleLease } from '../src/graph/gateway.js';
import { STATE_LIST } from '../src/graph/sharepoint/lists.js';
import { countRoundTrips } from '@workshopplanner/m365-sandbox';
import { createMaintenanceScheduler } from '../src/server/maintenance-scheduler.js';
import { planProvince } from './province.js';
import { startStack, type BenchStack } from './support.js';

const SEED_DATE = '2026-11-30';
const INTERVAL_MS = 60_000;
const LEASE_MS = 180_000;
const CYCLES = 60;
const SAFETY_NET_MS = 15 * 60_000;

interface NotificationMode {
  readonly settings: {
    readonly notificationUrl: string;
    readonly clientState: string;
    readonly lifetimeMs: number;
    readonly renewBeforeMs: number;
  };
  readonly ports: ReturnType<typeof createSubscriptionPorts>;
}

export interface IdleHourRow {
  readonly setup: string;
  readonly total: number;
  /** calendarView/delta requests (the answer syncs). */
  readonly delta: number;
  /** Reads of the sign-up list (full maintenance runs). */
  readonly signupList: number;
  /** Requests to the state list (lease, cursors). */
  readonly stateList: number;
  /** Requests to /subscriptions (create, renew). */
  readonly subscriptions: number;
  /** Cycles run, over all instances. */
  readonly runs: number;
}

async function idleHour(
  stack: BenchStack,
  setup: {
    readonly label: string;
    readonly instances: number;
    readonly withLease: boolean;
    readonly notifications?: NotificationMode;
  },
  startAt: number,
): Promise<IdleHourRow> {
  let now = startAt;
  let runs = 0;
  const clock = () => new Date(now);
  const schedulers = Array.from({ length: setup.instances }, (_, i) => {
    const state = createAppState();
    const cycle = createMaintenanceCycle({
      fullEveryMs: 10 * INTERVAL_MS,
      ...(setup.notifications
        ? { notifications: { ...setup.notifications, safetyNetMs: SAFETY_NET_MS } }
        : {}),
    });
    return createMaintenanceScheduler({
      intervalMs: INTERVAL_MS,
      log: pino({ level: 'silent' }),
      ...(setup.withLease
        ? {
            lease: {
              lease: createCycleLease(stack.app.client, { site: 'root' }),
              holder: `bench-${setup.label}-${i}`,
              termMs: LEASE_MS,
              now: clock,
            },
          }
        : {}),
      run: ({ isNewHolder }) => {
        runs++;
        const ctx = createUseCaseContext({
          m365: stack.m365,
          access: SYSTEM_ACCESS,
          state,
          now: clock,
        });
        return cycle(ctx, { full: isNewHolder });
      },
    });
  });
  if (setup.notifications) {
    // As a running server: the first cycle has subscribed (a start-up cost, not the hour's).
    for (const scheduler of schedulers) await scheduler.runNow();
    now += INTERVAL_MS;
  }
  const since = stack.sandbox.ctx.requestLog.lastSeq;
  for (let minute = 0; minute < CYCLES; minute++) {
    for (const scheduler of schedulers) await scheduler.runNow();
    now += INTERVAL_MS;
  }
  const entries = stack.sandbox.ctx.requestLog.since(since);
  const matching = (part: string) => countRoundTrips(entries.filter((e) => e.path.includes(part)));
  return {
    setup: setup.label,
    total: countRoundTrips(entries),
    delta: matching('/calendarView/delta'),
    signupList: matching('/lists/Workshopaanmeldingen/items?'),
    stateList: matching(`/lists/${STATE_LIST}/`),
    subscriptions: matching('/subscriptions'),
    runs,
  };
}

export async function runIdleHourBench(): Promise<IdleHourRow[]> {
  const stack = await startStack(SEED_DATE);
  const endpoint = Fastify({ logger: false });
  let receiver: NotificationReceiver | undefined;
  await registerNotificationRoute(endpoint, {
    receive: (body) => receiver?.receive(body) ?? { status: 202, accepted: 0, ignored: 0 },
    idle: async () => receiver?.idle(),
  });
  try {
    await planProvince(stack, 'Workshopplanner', false);
    stack.setLatency(0);
    // Each setup starts two lease terms after the last ended, with nothing left from before.
    const start = stack.sandbox.ctx.clock.now().getTime();
    const hour = CYCLES * INTERVAL_MS + 2 * LEASE_MS;
    const setups: {
      label: string;
      instances: number;
      withLease: boolean;
      notifications?: NotificationMode;
    }[] = [
      { label: 'one instance', instances: 1, withLease: false },
      {
        label: 'three instances, each running the cycle (before the lease)',
        instances: 3,
        withLease: false,
      },
      { label: 'three instances under the lease', instances: 3, withLease: true },
    ];
    const address = await endpoint.listen({ host: '127.0.0.1', port: 0 });
    const notifications: NotificationMode = {
      settings: {
        notificationUrl: `${address}${NOTIFICATIONS_PATH}`,
        clientState: 'instances-bench-client-state',
        lifetimeMs: DEFAULT_LIFETIME_MS,
        renewBeforeMs: DEFAULT_RENEW_BEFORE_MS,
      },
      ports: createSubscriptionPorts(stack.app.client, { site: 'root' }),
    };
    receiver = createNotificationReceiver({
      settings: notifications.settings,
      ports: notifications.ports,
      context: () =>
        createUseCaseContext({ m365: stack.m365, access: SYSTEM_ACCESS, state: createAppState() }),
    });
    setups.push({
      label: 'one instance, change notifications (safety net every 15 min)',
      instances: 1,
      withLease: false,
      notifications,
    });
    const rows: IdleHourRow[] = [];
    for (const [i, setup] of setups.entries())
      rows.push(await idleHour(stack, setup, start + i * hour));
    return rows;
  } finally {
    await receiver?.idle();
    await endpoint.close();
    await stack.close();
  }
}

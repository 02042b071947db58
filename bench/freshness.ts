// `npm run bench -- freshness`: how long a trainer's answer takes to reach the sign-up's stored
// status (what the API shows: it reads the list) with polling every 60 s, and with Graph change
// notifications (the sandbox posts them to the product's /api/notifications, polling only as the
// 15-minute safety net), over 50 answers given at random moments in five minutes. Real time: the
// server's own scheduler on real timers, one instance, 100 ms added latency per Graph request.
// Takes about six minutes per mode.
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
import { municipalitiesOfRiec } from '../src/domain/municipalities.js';
import type { StoredSignup } from '../src/domain/ports.js';
import { createMaintenanceScheduler } from '../src/server/maintenance-scheduler.js';
import { proposeHolds } from '../src/app/propose-holds.js';
import { answer, PAIR, registered } from '../tests/support/planning-scenarios.js';
import { LATENCY_MS } from './province.js';
import { accountHolderOf, startStack } from './support.js';

const SEED_DATE = '2026-11-30';
export const POLL_INTERVAL_MS = 60_000;
export const ANSWERS = 50;
export const SAFETY_NET_MS = 15 * 60_000;
export type FreshnessMode = 'polling' | 'notifications';
const SPREAD_MS = 5 * 60_000;

export interface FreshnessResult {
  readonly mode: FreshnessMode;
  readonly answers: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** mulberry32: the same moments on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runFreshnessBench(
  progress: (line: string) => void = () => undefined,
  mode: FreshnessMode = 'polling',
): Promise<FreshnessResult> {
  const stack = await startStack(SEED_DATE);
  const endpoint = Fastify({ logger: false });
  let receiver: NotificationReceiver | undefined;
  await registerNotificationRoute(endpoint, {
    receive: (body) => receiver?.receive(body) ?? { status: 202, accepted: 0, ignored: 0 },
    idle: async () => receiver?.idle(),
  });
  try {
    const holder = accountHolderOf('RIEC Noord-Holland');
    const codes = municipalitiesOfRiec('RIEC Noord-Holland').map((m) => m.cbsCode);
    const signups: StoredSignup[] = [];
    // One trainer pair for all (overlaps acknowledged): this measures answers, not planning.
    for (const [i, code] of codes.slice(0, Math.ceil(ANSWERS / 3)).entries()) {
      const ctx = stack.context(holder);
      const signup = await registered(ctx, code, 3 + (i % 6));
      const outcome = await proposeHolds(ctx, signup.signup.id, {
        ...PAIR,
        acknowledgeOverlaps: true,
      });
      if (!outcome.ok) throw new Error(`propose ${code}: ${JSON.stringify(outcome.failure)}`);
      signups.push(outcome.value);
    }
    const holds = signups.flatMap((s) => s.signup.options.map((o) => ({ s, slot: o.slotIndex })));
    const targets = holds.slice(0, ANSWERS);
    progress(`${signups.length} sign-ups proposed, ${targets.length} answers to give`);

    stack.setLatency(LATENCY_MS);
    const state = createAppState();
    const system = () => createUseCaseContext({ m365: stack.m365, access: SYSTEM_ACCESS, state });
    let notifications: Parameters<typeof createMaintenanceCycle>[0]['notifications'];
    if (mode === 'notifications') {
      const address = await endpoint.listen({ host: '127.0.0.1', port: 0 });
      const settings = {
        notificationUrl: `${address}${NOTIFICATIONS_PATH}`,
        clientState: 'freshness-bench-client-state',
        lifetimeMs: DEFAULT_LIFETIME_MS,
        renewBeforeMs: DEFAULT_RENEW_BEFORE_MS,
      };
      const ports = createSubscriptionPorts(stack.app.client, { site: 'root' });
      receiver = createNotificationReceiver({ settings, ports, context: system });
      notifications = { ports, settings, safetyNetMs: SAFETY_NET_MS };
    }
    const cycle = createMaintenanceCycle({
      fullEveryMs: 10 * POLL_INTERVAL_MS,
      ...(notifications ? { notifications } : {}),
    });
    const scheduler = createMaintenanceScheduler({
      intervalMs: POLL_INTERVAL_MS,
      log: pino({ level: 'silent' }),
      run: ({ isNewHolder }) => cycle(system(), { full: isNewHolder }),
    });
    // As a running server: the first cycle has run (it knows the organizers and the cursor, and
    // with notifications it has subscribed to the organizer's calendar).
    await scheduler.runNow();
    await receiver?.idle();
    scheduler.start();

    const random = seeded(16);
    const answeredAt = new Map<string, number>();
    const latencies: number[] = [];
    const keyOf = (id: string, slot: number) => `${id}#${slot}`;
    const started = performance.now();
    for (const { s, slot } of targets) {
      const at = random() * SPREAD_MS;
      setTimeout(() => {
        answer(stack.sandbox, s, slot, { berenschot: 'accept' });
        answeredAt.set(keyOf(s.signup.id, slot), performance.now());
      }, at).unref();
    }
    // Watch the list as the API reads it, twice a second.
    while (latencies.length < targets.length) {
      if (performance.now() - started > SPREAD_MS + 3 * POLL_INTERVAL_MS)
        throw new Error(`only ${latencies.length} of ${targets.length} answers arrived`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (answeredAt.size === 0) continue;
      const stored = await stack.m365.statusLog.list({ statuses: ['opties_geplaatst'] });
      const now = performance.now();
      for (const item of stored) {
        for (const option of item.signup.options) {
          const key = keyOf(item.signup.id, option.slotIndex);
          const at = answeredAt.get(key);
          if (at !== undefined && option.answers.berenschot === 'accepted') {
            latencies.push(now - at);
            answeredAt.delete(key);
          }
        }
      }
    }
    await scheduler.stop();
    await receiver?.idle();
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      mode,
      answers: sorted.length,
      medianMs: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted[sorted.length - 1]!,
    };
  } finally {
    await endpoint.close();
    await stack.close();
  }
}

// Graph change notifications on the organizers' calendars (issue 16): a notification only says
// "this organizer's calendar changed", so it triggers the answer sync (delta) of that organizer
// alone; what changed is always read from Graph, never taken from the notification. Polling
// stays as the safety net (the maintenance cycle) and as the mode without a public endpoint.
//
// - manageSubscriptions (in the maintenance cycle, under its lease): a subscription for every
//   organizer with open holds, renewed well before it expires, subscribed again when Graph no
//   longer has it — after which that organizer's calendar is read in full (what changed while
//   nobody listened).
// - NotificationReceiver (the endpoint /api/notifications): checks every notification's
//   clientState in constant time and its subscription before it does anything, answers at once
//   and processes afterwards. A notification triggers a read, never a write of its own: a
//   forged, replayed or unknown one costs at most a delta request that finds nothing new.
//   Lifecycle notifications: `missed` → full delta catch-up; `reauthorizationRequired` → renew;
//   `subscriptionRemoved` → subscribe again and catch up.
import { createHash, timingSafeEqual } from 'node:crypto';
import type {
  CalendarSubscription,
  CalendarSubscriptions,
  SubscriptionRecords,
} from '../domain/ports.js';
import type { UseCaseContext } from './context.js';
import { syncAnswers } from './sync-answers.js';

const HOUR = 60 * 60 * 1000;

export interface NotificationSettings {
  /** Where Graph sends change and lifecycle notifications (https, or loopback locally). */
  readonly notificationUrl: string;
  /** The shared secret every notification must carry. */
  readonly clientState: string;
  /** How long a new or renewed subscription lasts (Graph: at most 7 days for events). */
  readonly lifetimeMs: number;
  /** Renew when less than this is left. */
  readonly renewBeforeMs: number;
}

export const DEFAULT_LIFETIME_MS = 3 * 24 * HOUR;
export const DEFAULT_RENEW_BEFORE_MS = 36 * HOUR;

export interface SubscriptionPorts {
  readonly subscriptions: CalendarSubscriptions;
  readonly records: SubscriptionRecords;
}

export interface SubscriptionReport {
  readonly created: readonly string[];
  readonly renewed: readonly string[];
  /** Organizers whose subscription had to be made again: their calendars were read in full. */
  readonly recreated: readonly string[];
  readonly failed: readonly string[];
}

/** Constant-time comparison of a notification's clientState with the secret. */
export function isClientState(given: unknown, secret: string): boolean {
  if (typeof given !== 'string' || given.length > 1024) return false;
  // Digests have one length, so timingSafeEqual never throws and the length leaks nothing.
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function expiryFrom(now: Date, settings: NotificationSettings): string {
  return new Date(now.getTime() + settings.lifetimeMs).toISOString();
}

async function subscribe(
  ctx: UseCaseContext,
  ports: SubscriptionPorts,
  settings: NotificationSettings,
  organizer: string,
): Promise<CalendarSubscription> {
  const created = await ports.subscriptions.create(organizer, {
    notificationUrl: settings.notificationUrl,
    lifecycleNotificationUrl: settings.notificationUrl,
    clientState: settings.clientState,
    expiresAt: expiryFrom(ctx.now(), settings),
  });
  await ports.records.write(created);
  return created;
}

/** Reads the organizer's calendar from scratch: whatever happened unheard is caught up. */
export async function catchUp(ctx: UseCaseContext, organizer: string) {
  ctx.state.deltaCursors.set(organizer, null);
  return syncAnswers(ctx, organizer);
}

/**
 * Makes sure every organizer in `organizers` has a live subscription: creates the missing,
 * renews those with less than `renewBeforeMs` left, subscribes again (and catches up) where Graph
 * has dropped one. Organizers without open holds keep theirs until it runs out.
 */
export async function manageSubscriptions(
  ctx: UseCaseContext,
  ports: SubscriptionPorts,
  settings: NotificationSettings,
  organizers: readonly string[],
): Promise<SubscriptionReport> {
  const report = {
    created: [] as string[],
    renewed: [] as string[],
    recreated: [] as string[],
    failed: [] as string[],
  };
  let listed: CalendarSubscription[];
  try {
    listed = await ports.records.list();
  } catch {
    // The state list cannot be read now: polling covers everyone, the next cycle tries again.
    return { ...report, failed: organizers.map((o) => o.toLowerCase()) };
  }
  const records = new Map(listed.map((r) => [r.organizer, r]));
  const now = ctx.now().getTime();
  await Promise.all(
    organizers.map(async (address) => {
      const organizer = address.toLowerCase();
      const known = records.get(organizer);
      try {
        if (!known) {
          await subscribe(ctx, ports, settings, organizer);
          report.created.push(organizer);
          return;
        }
        const left = Date.parse(known.expiresAt) - now;
        if (left > settings.renewBeforeMs) return;
        const renewed =
          left > 0
            ? await ports.subscriptions.renew(known, expiryFrom(ctx.now(), settings))
            : undefined;
        if (renewed) {
          await ports.records.write(renewed);
          report.renewed.push(organizer);
          return;
        }
        // Expired or removed at Graph: notifications may have been lost meanwhile.
        await subscribe(ctx, ports, settings, organizer);
        await catchUp(ctx, organizer);
        report.recreated.push(organizer);
      } catch {
        // The endpoint or Graph failed now; polling covers this organizer, the next cycle retries.
        report.failed.push(organizer);
      }
    }),
  );
  return report;
}

/** One notification as Graph posts it (changeNotification, or a lifecycle notification). */
type LifecycleEvent = 'missed' | 'reauthorizationRequired' | 'subscriptionRemoved';

interface Notification {
  readonly subscriptionId: string;
  readonly lifecycleEvent?: LifecycleEvent;
}

export type ReceiveOutcome =
  | { readonly status: 202; readonly accepted: number; readonly ignored: number }
  | { readonly status: 400 };

const MAX_NOTIFICATIONS = 1000;
const LIFECYCLE = new Set(['missed', 'reauthorizationRequired', 'subscriptionRemoved']);
/** An unknown subscription id reads the records again at most this often. */
const RELOAD_EVERY_MS = 30_000;

export interface NotificationReceiver {
  /**
   * Checks a posted body and queues what is genuine; never throws, never waits for Graph.
   * 400 for a body that is not a notification collection; otherwise 202, whatever was ignored.
   */
  receive(body: unknown): ReceiveOutcome;
  /** Resolves when everything queued so far has been processed (tests, shutdown). */
  idle(): Promise<void>;
}

export interface ReceiverOptions {
  readonly settings: NotificationSettings;
  readonly ports: SubscriptionPorts;
  /** The context of the background work (the app's identity, as "systeem"). */
  readonly context: () => UseCaseContext;
  readonly onError?: (error: unknown, what: string) => void;
}

function parseCollection(body: unknown): unknown[] | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const value = (body as { value?: unknown }).value;
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_NOTIFICATIONS)
    return undefined;
  return value;
}

/** The notification if it is well-formed and carries the secret; undefined: ignore it. */
function genuine(item: unknown, secret: string): Notification | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { subscriptionId, clientState, lifecycleEvent } = item as Record<string, unknown>;
  if (!isClientState(clientState, secret)) return undefined;
  if (typeof subscriptionId !== 'string' || subscriptionId.length === 0) return undefined;
  if (subscriptionId.length > 200) return undefined;
  if (lifecycleEvent === undefined) return { subscriptionId };
  if (typeof lifecycleEvent !== 'string' || !LIFECYCLE.has(lifecycleEvent)) return undefined;
  return { subscriptionId, lifecycleEvent: lifecycleEvent as LifecycleEvent };
}

type Work = 'sync' | 'catchUp' | 'renew' | 'resubscribe';

export function createNotificationReceiver(options: ReceiverOptions): NotificationReceiver {
  const { settings, ports } = options;
  const report = options.onError ?? (() => undefined);
  /** subscription id → its record, as last read from the list. */
  let known = new Map<string, CalendarSubscription>();
  let loadedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | undefined;
  /** Per organizer: what is due next (the strongest wins), and whether a run is going on. */
  const due = new Map<string, Set<Work>>();
  const running = new Map<string, Promise<void>>();
  let queue: Promise<void> = Promise.resolve();

  const load = async (force: boolean) => {
    const now = Date.now();
    if (!force && now - loadedAt < RELOAD_EVERY_MS) return;
    loadedAt = now;
    loading ??= ports.records
      .list()
      .then((records) => {
        known = new Map(records.map((r) => [r.id, r]));
      })
      .finally(() => {
        loading = undefined;
      });
    await loading;
  };

  const lookup = async (id: string): Promise<CalendarSubscription | undefined> => {
    const found = known.get(id);
    if (found) return found;
    await load(false);
    return known.get(id);
  };

  const perform = async (subscription: CalendarSubscription, work: Set<Work>) => {
    const ctx = options.context();
    const organizer = subscription.organizer;
    if (work.has('renew')) {
      const renewed = await ports.subscriptions.renew(
        subscription,
        new Date(ctx.now().getTime() + settings.lifetimeMs).toISOString(),
      );
      if (renewed) {
        await ports.records.write(renewed);
        known.set(renewed.id, renewed);
      } else work.add('resubscribe');
    }
    if (work.has('resubscribe')) {
      known.delete(subscription.id);
      const created = await subscribe(ctx, ports, settings, organizer);
      known.set(created.id, created);
      work.add('catchUp');
    }
    if (work.has('catchUp')) await catchUp(ctx, organizer);
    else if (work.has('sync')) await syncAnswers(ctx, organizer);
  };

  /** Runs what is due for this organizer; a notification during a run earns one more run. */
  const drain = (subscription: CalendarSubscription): Promise<void> => {
    const organizer = subscription.organizer;
    const current = running.get(organizer);
    if (current) return current;
    const run = (async () => {
      for (let work = due.get(organizer); work; work = due.get(organizer)) {
        due.delete(organizer);
        try {
          await perform(subscription, work);
        } catch (error) {
          // The next notification or the polling safety net tries again.
          report(error, `notification for ${organizer}`);
        }
      }
    })().finally(() => {
      running.delete(organizer);
      // Work that arrived between the last look and the end of this run.
      if (due.has(organizer)) void drain(subscription);
    });
    running.set(organizer, run);
    return run;
  };

  const dispatch = async (notifications: readonly Notification[]) => {
    const subscriptions = await Promise.all(notifications.map((n) => lookup(n.subscriptionId)));
    const touched = new Map<string, CalendarSubscription>();
    notifications.forEach((notification, index) => {
      const subscription = subscriptions[index];
      // Not one of ours (or no longer): nothing to do.
      if (!subscription) return;
      const work: Work =
        notification.lifecycleEvent === 'missed'
          ? 'catchUp'
          : notification.lifecycleEvent === 'reauthorizationRequired'
            ? 'renew'
            : notification.lifecycleEvent === 'subscriptionRemoved'
              ? 'resubscribe'
              : 'sync';
      const set = due.get(subscription.organizer) ?? new Set<Work>();
      set.add(work);
      due.set(subscription.organizer, set);
      touched.set(subscription.organizer, subscription);
    });
    // Not awaited: the queue only decides what is due; each organizer's runs go on by themselves.
    for (const subscription of touched.values()) void drain(subscription);
  };

  return {
    receive(body) {
      const items = parseCollection(body);
      if (!items) return { status: 400 };
      const accepted = items.flatMap((item) => {
        const notification = genuine(item, settings.clientState);
        return notification ? [notification] : [];
      });
      if (accepted.length > 0) {
        // After the answer: Graph wants it within 3 seconds, a delta read may take longer.
        queue = queue
          .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
          .then(() => dispatch(accepted))
          .catch((error: unknown) => report(error, 'notifications'));
      }
      return { status: 202, accepted: accepted.length, ignored: items.length - accepted.length };
    },
    async idle() {
      let seen: Promise<void> | undefined;
      while (seen !== queue || running.size > 0) {
        seen = queue;
        await queue;
        await Promise.all([...running.values()]);
      }
    },
  };
}

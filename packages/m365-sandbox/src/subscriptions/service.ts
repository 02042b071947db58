// The sandbox's change-notification service: the subscriptions (store.ts), what it delivers and
// how (delivery.ts), one per sandbox. Deliveries to one subscription go out one after another,
// in the order the changes happened; a failed one is resent on the retry schedule and dropped
// after the last attempt, which earns the subscription a `missed` lifecycle notification.
import type { SandboxContext } from '../context.js';
import {
  DEFAULT_DELIVERY,
  DeliveryLog,
  postNotification,
  type DeliverySettings,
} from './delivery.js';
import {
  changeNotification,
  lifecycleNotification,
  type EventChange,
  type LifecycleEvent,
} from './graph-json.js';
import { SubscriptionStore, type StoredSubscription } from './store.js';

export class SubscriptionService {
  readonly store: SubscriptionStore;
  readonly log = new DeliveryLog();
  settings: DeliverySettings = {
    ...DEFAULT_DELIVERY,
    retryDelaysMs: [...DEFAULT_DELIVERY.retryDelaysMs],
  };
  /** Per subscription, the tail of its delivery chain. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Pending waits; stop() ends them at once. */
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private isStopped = false;

  constructor(readonly ctx: SandboxContext) {
    this.store = new SubscriptionStore(ctx.db);
  }

  /** Queues the change notifications of one subscription (one POST for all of them). */
  notifyChanges(subscription: StoredSubscription, changes: readonly EventChange[]): void {
    if (changes.length === 0) return;
    if (this.settings.mode === 'drop') {
      this.store.addDropped(subscription.id, changes.length);
      this.log.add({
        kind: 'notification',
        subscriptionId: subscription.id,
        url: subscription.notificationUrl,
        outcome: 'dropped',
        status: null,
        attempt: 0,
        durationMs: 0,
        body: collection(changes.map((change) => changeNotification(subscription, change))),
      });
      return;
    }
    const body = collection(changes.map((change) => changeNotification(subscription, change)));
    this.enqueue(subscription.id, () =>
      this.deliver(
        subscription,
        subscription.notificationUrl,
        body,
        'notification',
        changes.length,
      ),
    );
  }

  /** Queues a lifecycle notification, when the subscription asked for them. */
  notifyLifecycle(subscription: StoredSubscription, event: LifecycleEvent): boolean {
    const url = subscription.lifecycleUrl;
    if (!url) return false;
    const body = collection([lifecycleNotification(subscription, event)]);
    this.enqueue(subscription.id, () => this.deliver(subscription, url, body, 'lifecycle', 0));
    return true;
  }

  /** After `drop` mode: every subscription that lost notifications is told so (`missed`). */
  reportDropped(): void {
    for (const subscription of this.store.all()) {
      if (this.store.takeDropped(subscription.id) > 0) this.notifyLifecycle(subscription, 'missed');
    }
  }

  /** Waits for every delivery queued so far (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  stop(): void {
    this.isStopped = true;
    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer);
      resolve();
    }
    this.timers.clear();
  }

  private enqueue(subscriptionId: string, task: () => Promise<void>): void {
    const previous = this.chains.get(subscriptionId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.chains.set(subscriptionId, next);
    void next.finally(() => {
      if (this.chains.get(subscriptionId) === next) this.chains.delete(subscriptionId);
    });
  }

  private async deliver(
    subscription: StoredSubscription,
    url: string,
    body: string,
    kind: 'notification' | 'lifecycle',
    count: number,
  ): Promise<void> {
    const schedule = this.settings.retryDelaysMs;
    for (let attempt = 1; attempt <= schedule.length + 1; attempt++) {
      if (this.isStopped) return;
      if (this.settings.mode === 'delay' && this.settings.delayMs > 0)
        await this.sleep(this.settings.delayMs);
      const meta = { kind, subscriptionId: subscription.id, attempt };
      if (await postNotification(url, body, meta, this.settings, this.log)) return;
      const wait = schedule[attempt - 1];
      if (wait === undefined) break;
      await this.sleep(wait);
    }
    // Given up. Change notifications that never arrived are what `missed` reports; a lost
    // lifecycle notification is just lost, as with Graph.
    if (kind === 'notification' && !this.isStopped && this.store.find(subscription.id)) {
      this.store.addDropped(subscription.id, count);
      if (this.store.takeDropped(subscription.id) > 0) this.notifyLifecycle(subscription, 'missed');
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.timers.set(timer, resolve);
    });
  }
}

function collection(value: readonly unknown[]): string {
  return JSON.stringify({ value });
}

const services = new WeakMap<SandboxContext, SubscriptionService>();

/** The sandbox's one subscription service. */
export function subscriptionsOf(ctx: SandboxContext): SubscriptionService {
  let service = services.get(ctx);
  if (!service) services.set(ctx, (service = new SubscriptionService(ctx)));
  return service;
}

// Change notifications in the sandbox: Graph's subscription API under /v1.0 (routes.ts), the
// watcher that turns calendar changes into notifications (watcher.ts), webhook delivery with
// the validation handshake, retries and lifecycle events (delivery.ts, service.ts), and its
// control API under /_sandbox/subscriptions (control.ts).
import type { SandboxContext, SandboxModule } from '../context.js';
import type { TableSchema } from '../store/db.js';
import { registerSubscriptionRoutes } from './routes.js';
import { subscriptionsOf } from './service.js';
import { subscriptionSchema } from './store.js';
import { startWatcher } from './watcher.js';

export const subscriptionSchemas: readonly TableSchema[] = [subscriptionSchema];

export const subscriptionsModule: SandboxModule = (app, ctx) => {
  registerSubscriptionRoutes(app, ctx);
};

/** Starts delivering notifications; the returned function stops it (before the db closes). */
export function startNotifications(ctx: SandboxContext): () => void {
  return startWatcher(subscriptionsOf(ctx));
}

export { subscriptionControlModule } from './control.js';
export { subscriptionsOf } from './service.js';
export type { DeliveryRecord, DeliverySettings } from './delivery.js';

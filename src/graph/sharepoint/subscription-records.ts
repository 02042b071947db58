// The change-notification subscriptions on the state list (sync-state.ts): one item per
// organizer, "subscription|<organizer>", whose Waarde is the subscription id and VerlooptOp its
// expiry. Written only by the instance that holds the lease of the background cycle; read by
// every instance that receives a notification (to know whose calendar changed).
import type { CalendarSubscription, SubscriptionRecords } from '../../domain/ports.js';
import type { SharePointSyncState, StateItem } from './sync-state.js';

export function sharePointSubscriptionRecords(state: SharePointSyncState): SubscriptionRecords {
  const items = new Map<string, StateItem>();
  return {
    async list() {
      const found = await state.list('subscription');
      const subscriptions: CalendarSubscription[] = [];
      for (const item of found) {
        if (!item.key || !item.value || !item.expiresAt) continue;
        items.set(item.key, item);
        subscriptions.push({
          id: item.value,
          organizer: item.key,
          expiresAt: new Date(item.expiresAt).toISOString(),
        });
      }
      return subscriptions;
    },
    async write(subscription) {
      const key = subscription.organizer.toLowerCase();
      const value = { value: subscription.id, expiresAt: subscription.expiresAt };
      for (let attempt = 0; attempt < 3; attempt++) {
        const known = items.get(key);
        // Last writer wins: only the lease holder writes, and a newer subscription replaces an
        // older one (which then simply runs out at Graph).
        const current = known ? { ...known, eTag: '*' } : await state.read('subscription', key);
        const outcome = await state.write(
          'subscription',
          key,
          current ? { ...current, eTag: '*' } : undefined,
          value,
        );
        if (outcome !== 'conflict') {
          items.set(key, { ...outcome.item, key });
          return;
        }
        items.delete(key);
      }
      throw new Error(`subscription record for ${key} not written`);
    },
  };
}

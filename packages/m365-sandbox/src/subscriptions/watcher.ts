// What turns calendar changes into notifications, on the sandbox's clock. A few times a second:
// - subscriptions whose expirationDateTime has passed are deleted (Graph deletes them without a
//   word; a client that did not renew in time finds them gone);
// - a subscription close to its end gets one `reauthorizationRequired` lifecycle notification
//   (when a quarter of its lifetime or an hour is left, whichever is less), until it is renewed
//   or reauthorized;
// - every calendar row changed since a subscription's last notification becomes a change
//   notification for the subscriptions on that mailbox: `created` for a row's first version,
//   `deleted` when it is gone, else `updated`.
// Calendar writes come from Graph requests, the inspector and in-process calls (tests, demos)
// alike; reading the change sequence (store.ts of the calendar) catches all of them.
import type { Db } from '../store/db.js';
import type { EventChange } from './graph-json.js';
import type { SubscriptionService } from './service.js';
import type { ChangeType, StoredSubscription } from './store.js';

const TICK_MS = 100;
const HOUR = 60 * 60 * 1000;

interface ChangedRow {
  id: string;
  owner_id: string;
  state: string;
  change_seq: number;
  created_seq: number;
  change_key: string;
}

function changedRows(db: Db, sinceSeq: number): ChangedRow[] {
  return db
    .prepare(
      `SELECT id, owner_id, state, change_seq, created_seq, change_key FROM calendar_events
         WHERE change_seq > ? ORDER BY change_seq LIMIT 5000`,
    )
    .all(sinceSeq) as ChangedRow[];
}

/** The highest change sequence of the calendars (what a new subscription starts after). */
export function currentCalendarSeq(db: Db): number {
  const row = db.prepare('SELECT MAX(change_seq) AS seq FROM calendar_events').get() as {
    seq: number | null;
  };
  return row.seq ?? 0;
}

function changeTypeOf(row: ChangedRow): ChangeType {
  if (row.state === 'deleted') return 'deleted';
  return row.created_seq === row.change_seq ? 'created' : 'updated';
}

/** Expiry, reauthorization and change notifications, once. */
export function sweepSubscriptions(service: SubscriptionService): void {
  const now = service.ctx.clock.now().getTime();
  const live: StoredSubscription[] = [];
  for (const subscription of service.store.all()) {
    if (subscription.expiresMs <= now) {
      service.store.remove(subscription.id);
      continue;
    }
    const lifetime = subscription.expiresMs - subscription.renewedMs;
    const warnAt = subscription.expiresMs - Math.min(HOUR, lifetime / 4);
    if (!subscription.reauthorizationSent && now >= warnAt) {
      service.store.markReauthorizationSent(subscription.id);
      service.notifyLifecycle(subscription, 'reauthorizationRequired');
    }
    live.push(subscription);
  }
  if (live.length === 0) return;
  const since = Math.min(...live.map((s) => s.lastSeq));
  const rows = changedRows(service.ctx.db, since);
  if (rows.length === 0) return;
  const until = rows.at(-1)!.change_seq;
  for (const subscription of live) {
    const changes: EventChange[] = rows
      .filter(
        (row) => row.owner_id === subscription.mailboxId && row.change_seq > subscription.lastSeq,
      )
      .map((row) => ({ eventId: row.id, changeType: changeTypeOf(row), changeKey: row.change_key }))
      .filter((change) => subscription.changeTypes.includes(change.changeType));
    service.store.advance(subscription.id, until);
    service.notifyChanges(subscription, changes);
  }
}

/** Sweeps every TICK_MS until stopped; a sweep that throws is skipped, not fatal. */
export function startWatcher(service: SubscriptionService): () => void {
  const timer = setInterval(() => {
    try {
      sweepSubscriptions(service);
    } catch (error) {
      // The database is closing (sandbox shutdown) or a row is broken: try again next tick.
      if (!service.ctx.db.open) return;
      console.error('sandbox subscriptions: sweep failed', error);
    }
  }, TICK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    service.stop();
  };
}

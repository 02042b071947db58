// Change-notification subscriptions in SQLite: they survive a restart of the sandbox, as Graph's
// do. Each row keeps the change sequence of the calendar up to which its notifications went out
// (`last_seq`), so the watcher (watcher.ts) knows what is news for it.
import type { Db, TableSchema } from '../store/db.js';

export const subscriptionSchema: TableSchema = {
  module: 'subscriptions',
  ddl: `
    CREATE TABLE IF NOT EXISTS change_subscriptions (
      id TEXT PRIMARY KEY,
      app_id TEXT NOT NULL,
      tenant_id TEXT NOT NULL,
      creator_id TEXT NOT NULL,
      resource TEXT NOT NULL,
      mailbox_id TEXT NOT NULL,
      change_types TEXT NOT NULL,
      notification_url TEXT NOT NULL,
      lifecycle_url TEXT,
      client_state TEXT,
      tls_version TEXT NOT NULL,
      expires_ms INTEGER NOT NULL,
      renewed_ms INTEGER NOT NULL,
      last_seq INTEGER NOT NULL,
      reauthorization_sent INTEGER NOT NULL DEFAULT 0,
      dropped INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS change_subscriptions_mailbox ON change_subscriptions (mailbox_id);
  `,
};

export type ChangeType = 'created' | 'updated' | 'deleted';

export interface StoredSubscription {
  readonly id: string;
  readonly appId: string;
  readonly tenantId: string;
  /** The user (delegated) or the app's service principal (app-only) that created it. */
  readonly creatorId: string;
  /** As the client gave it, e.g. `/users/{id}/events`. */
  readonly resource: string;
  readonly mailboxId: string;
  readonly changeTypes: readonly ChangeType[];
  readonly notificationUrl: string;
  readonly lifecycleUrl: string | null;
  readonly clientState: string | null;
  readonly tlsVersion: string;
  readonly expiresMs: number;
  /** When it was created or last renewed (the lifetime reauthorization is measured against). */
  readonly renewedMs: number;
  readonly lastSeq: number;
  readonly reauthorizationSent: boolean;
  /** Notifications dropped since the last `missed` lifecycle notification. */
  readonly dropped: number;
}

interface Row {
  id: string;
  app_id: string;
  tenant_id: string;
  creator_id: string;
  resource: string;
  mailbox_id: string;
  change_types: string;
  notification_url: string;
  lifecycle_url: string | null;
  client_state: string | null;
  tls_version: string;
  expires_ms: number;
  renewed_ms: number;
  last_seq: number;
  reauthorization_sent: number;
  dropped: number;
}

function toSubscription(row: Row): StoredSubscription {
  return {
    id: row.id,
    appId: row.app_id,
    tenantId: row.tenant_id,
    creatorId: row.creator_id,
    resource: row.resource,
    mailboxId: row.mailbox_id,
    changeTypes: row.change_types.split(',') as ChangeType[],
    notificationUrl: row.notification_url,
    lifecycleUrl: row.lifecycle_url,
    clientState: row.client_state,
    tlsVersion: row.tls_version,
    expiresMs: row.expires_ms,
    renewedMs: row.renewed_ms,
    lastSeq: row.last_seq,
    reauthorizationSent: row.reauthorization_sent === 1,
    dropped: row.dropped,
  };
}

export class SubscriptionStore {
  constructor(private readonly db: Db) {}

  insert(subscription: StoredSubscription): void {
    this.db
      .prepare(
        `INSERT INTO change_subscriptions (id, app_id, tenant_id, creator_id, resource, mailbox_id,
           change_types, notification_url, lifecycle_url, client_state, tls_version, expires_ms,
           renewed_ms, last_seq, reauthorization_sent, dropped)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        subscription.id,
        subscription.appId,
        subscription.tenantId,
        subscription.creatorId,
        subscription.resource,
        subscription.mailboxId,
        subscription.changeTypes.join(','),
        subscription.notificationUrl,
        subscription.lifecycleUrl,
        subscription.clientState,
        subscription.tlsVersion,
        subscription.expiresMs,
        subscription.renewedMs,
        subscription.lastSeq,
        subscription.reauthorizationSent ? 1 : 0,
        subscription.dropped,
      );
  }

  find(id: string): StoredSubscription | undefined {
    const row = this.db.prepare('SELECT * FROM change_subscriptions WHERE id = ?').get(id) as
      Row | undefined;
    return row ? toSubscription(row) : undefined;
  }

  all(): StoredSubscription[] {
    return (
      this.db.prepare('SELECT * FROM change_subscriptions ORDER BY rowid').all() as Row[]
    ).map(toSubscription);
  }

  countForMailbox(mailboxId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM change_subscriptions WHERE mailbox_id = ?')
      .get(mailboxId) as { n: number };
    return row.n;
  }

  renew(id: string, expiresMs: number, renewedMs: number, notificationUrl?: string): void {
    this.db
      .prepare(
        `UPDATE change_subscriptions SET expires_ms = ?, renewed_ms = ?, reauthorization_sent = 0,
           notification_url = COALESCE(?, notification_url) WHERE id = ?`,
      )
      .run(expiresMs, renewedMs, notificationUrl ?? null, id);
  }

  markReauthorizationSent(id: string): void {
    this.db
      .prepare('UPDATE change_subscriptions SET reauthorization_sent = 1 WHERE id = ?')
      .run(id);
  }

  advance(id: string, lastSeq: number): void {
    this.db
      .prepare('UPDATE change_subscriptions SET last_seq = MAX(last_seq, ?) WHERE id = ?')
      .run(lastSeq, id);
  }

  addDropped(id: string, count: number): void {
    this.db
      .prepare('UPDATE change_subscriptions SET dropped = dropped + ? WHERE id = ?')
      .run(count, id);
  }

  /** The number dropped since the last `missed`, reset to 0. */
  takeDropped(id: string): number {
    const found = this.find(id);
    if (!found || found.dropped === 0) return 0;
    this.db.prepare('UPDATE change_subscriptions SET dropped = 0 WHERE id = ?').run(id);
    return found.dropped;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM change_subscriptions WHERE id = ?').run(id).changes > 0;
  }
}

// Persistence of calendar items in SQLite. Every write bumps the item's change sequence, which
// is what calendarView/delta reads, so "nothing changed" costs one indexed query.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SandboxContext } from '../context.js';
import { newChangeKey } from '../ids.js';
import type { Db, TableSchema } from '../store/db.js';
import { parseJson } from '../store/db.js';
import { formatInstant } from './time-zones.js';
import type { EventData, EventState, StoredEvent } from './types.js';

export const calendarSchema: TableSchema = {
  module: 'calendar',
  ddl: `
    CREATE TABLE IF NOT EXISTS calendar_events (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL,
      ical_uid TEXT NOT NULL,
      organizer_event_id TEXT,
      is_organizer INTEGER NOT NULL,
      transaction_id TEXT,
      transaction_fingerprint TEXT,
      state TEXT NOT NULL,
      start_ms INTEGER NOT NULL,
      end_ms INTEGER NOT NULL,
      created TEXT NOT NULL,
      last_modified TEXT NOT NULL,
      change_key TEXT NOT NULL,
      change_seq INTEGER NOT NULL,
      created_seq INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS calendar_events_owner_start ON calendar_events (owner_id, start_ms);
    CREATE INDEX IF NOT EXISTS calendar_events_owner_seq ON calendar_events (owner_id, change_seq);
    CREATE INDEX IF NOT EXISTS calendar_events_seq ON calendar_events (change_seq);
    CREATE INDEX IF NOT EXISTS calendar_events_organizer ON calendar_events (organizer_event_id);
    CREATE INDEX IF NOT EXISTS calendar_events_transaction ON calendar_events (owner_id, transaction_id);
  `,
};

interface EventRow {
  id: string;
  owner_id: string;
  ical_uid: string;
  organizer_event_id: string | null;
  is_organizer: number;
  transaction_id: string | null;
  transaction_fingerprint: string | null;
  state: EventState;
  start_ms: number;
  end_ms: number;
  created: string;
  last_modified: string;
  change_key: string;
  change_seq: number;
  created_seq: number;
  data: string;
}

type Statement = Database.Statement<unknown[]>;
const statements = new WeakMap<Db, Map<string, Statement>>();

/** Prepared statements, cached per database (seeding inserts thousands of rows). */
function sql(db: Db, text: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.prepare(text)));
  return statement;
}

function toEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    ownerId: row.owner_id,
    iCalUId: row.ical_uid,
    organizerEventId: row.organizer_event_id,
    isOrganizer: row.is_organizer === 1,
    transactionId: row.transaction_id,
    transactionFingerprint: row.transaction_fingerprint,
    state: row.state,
    startMs: row.start_ms,
    endMs: row.end_ms,
    createdDateTime: row.created,
    lastModifiedDateTime: row.last_modified,
    changeKey: row.change_key,
    changeSeq: row.change_seq,
    createdSeq: row.created_seq,
    data: parseJson<EventData>(row.data, {} as EventData),
  };
}

/** The next change sequence of the whole sandbox (delta tokens compare against it). */
export function nextChangeSeq(db: Db): number {
  const row = sql(db, 'SELECT MAX(change_seq) AS seq FROM calendar_events').get() as {
    seq: number | null;
  };
  return (row.seq ?? 0) + 1;
}

/** The highest change sequence written so far. */
export function currentChangeSeq(db: Db): number {
  return nextChangeSeq(db) - 1;
}

export function insertEvent(db: Db, event: StoredEvent): void {
  sql(
    db,
    `INSERT INTO calendar_events (id, owner_id, ical_uid, organizer_event_id, is_organizer,
       transaction_id, transaction_fingerprint, state, start_ms, end_ms, created, last_modified,
       change_key, change_seq, created_seq, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.id,
    event.ownerId,
    event.iCalUId,
    event.organizerEventId,
    event.isOrganizer ? 1 : 0,
    event.transactionId,
    event.transactionFingerprint,
    event.state,
    event.startMs,
    event.endMs,
    event.createdDateTime,
    event.lastModifiedDateTime,
    event.changeKey,
    event.changeSeq,
    event.createdSeq,
    JSON.stringify(event.data),
  );
}

/**
 * Writes a changed item back: new changeKey, lastModifiedDateTime and change sequence, as
 * Exchange bumps them on every change (so delta and If-Match see it).
 */
/** 100-nanosecond ticks of an ISO instant with up to seven fractional digits. */
function ticksOf(instant: string): bigint | undefined {
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?Z$/.exec(instant);
  const seconds = match?.[1] === undefined ? NaN : Date.parse(`${match[1]}Z`);
  if (!match || Number.isNaN(seconds)) return undefined;
  return (BigInt(seconds) / 1000n) * 10_000_000n + BigInt((match[2] ?? '').padEnd(7, '0'));
}

/**
 * `now`, or one tick (100 ns) after `previous` when the clock has not moved past it: every change
 * of an event gets a later lastModifiedDateTime, as in Exchange, whose times have seven
 * fractional digits. Two changes in one millisecond would otherwise carry the same time, and a
 * client that keeps the newest reading by that time could not tell them apart.
 */
export function laterInstant(now: string, previous: string | undefined): string {
  const at = ticksOf(now);
  const before = previous === undefined ? undefined : ticksOf(previous);
  if (at === undefined || before === undefined || at > before) return now;
  const next = before + 1n;
  const seconds = new Date(Number(next / 10_000_000n) * 1000).toISOString().slice(0, 19);
  return `${seconds}.${(next % 10_000_000n).toString().padStart(7, '0')}Z`;
}

export function saveEvent(ctx: SandboxContext, event: StoredEvent): StoredEvent {
  event.changeKey = newChangeKey();
  event.lastModifiedDateTime = laterInstant(
    formatInstant(ctx.clock.now().getTime()),
    event.lastModifiedDateTime,
  );
  event.changeSeq = nextChangeSeq(ctx.db);
  sql(
    ctx.db,
    `UPDATE calendar_events SET state = ?, start_ms = ?, end_ms = ?, last_modified = ?,
         change_key = ?, change_seq = ?, data = ? WHERE id = ?`,
  ).run(
    event.state,
    event.startMs,
    event.endMs,
    event.lastModifiedDateTime,
    event.changeKey,
    event.changeSeq,
    JSON.stringify(event.data),
    event.id,
  );
  return event;
}

/** Any row by id, whatever its state. */
export function findEventRow(db: Db, id: string): StoredEvent | undefined {
  const row = sql(db, 'SELECT * FROM calendar_events WHERE id = ?').get(id) as EventRow | undefined;
  return row ? toEvent(row) : undefined;
}

/** An item of `ownerId`'s mailbox that has not been deleted. */
export function findOwnEvent(db: Db, ownerId: string, id: string): StoredEvent | undefined {
  const event = findEventRow(db, id);
  return event && event.ownerId === ownerId && event.state !== 'deleted' ? event : undefined;
}

/** Every attendee copy of an organizer's event (any state but deleted). */
export function listAttendeeCopies(db: Db, organizerEventId: string): StoredEvent[] {
  return (
    sql(
      db,
      "SELECT * FROM calendar_events WHERE organizer_event_id = ? AND state != 'deleted' ORDER BY owner_id",
    ).all(organizerEventId) as EventRow[]
  ).map(toEvent);
}

/** The attendee copy of an organizer's event in one user's calendar. */
export function findAttendeeCopy(
  db: Db,
  ownerId: string,
  organizerEventId: string,
): StoredEvent | undefined {
  const row = sql(
    db,
    "SELECT * FROM calendar_events WHERE owner_id = ? AND organizer_event_id = ? AND state != 'deleted'",
  ).get(ownerId, organizerEventId) as EventRow | undefined;
  return row ? toEvent(row) : undefined;
}

/** The organizer's live event with this transactionId, if any. */
export function findByTransactionId(
  db: Db,
  ownerId: string,
  transactionId: string,
): StoredEvent | undefined {
  const row = sql(
    db,
    "SELECT * FROM calendar_events WHERE owner_id = ? AND transaction_id = ? AND state != 'deleted'",
  ).get(ownerId, transactionId) as EventRow | undefined;
  return row ? toEvent(row) : undefined;
}

/** Items in the calendar (state active), ordered by start then id. */
export function listActiveEvents(db: Db, ownerId: string): StoredEvent[] {
  return (
    sql(
      db,
      "SELECT * FROM calendar_events WHERE owner_id = ? AND state = 'active' ORDER BY start_ms, id",
    ).all(ownerId) as EventRow[]
  ).map(toEvent);
}

/** Active items overlapping [startMs, endMs), ordered by start (calendarView semantics). */
export function listEventsInRange(
  db: Db,
  ownerId: string,
  startMs: number,
  endMs: number,
): StoredEvent[] {
  return (
    sql(
      db,
      `SELECT * FROM calendar_events WHERE owner_id = ? AND state = 'active'
           AND start_ms < ? AND end_ms > ? ORDER BY start_ms, id`,
    ).all(ownerId, endMs, startMs) as EventRow[]
  ).map(toEvent);
}

/** Rows of `ownerId` changed in (sinceSeq, untilSeq], in change order. */
export function listChangedEvents(
  db: Db,
  ownerId: string,
  sinceSeq: number,
  untilSeq: number,
): StoredEvent[] {
  return (
    sql(
      db,
      `SELECT * FROM calendar_events WHERE owner_id = ? AND change_seq > ? AND change_seq <= ?
           ORDER BY change_seq, id`,
    ).all(ownerId, sinceSeq, untilSeq) as EventRow[]
  ).map(toEvent);
}

/** A stable hash of a JSON value with sorted keys: same content, same fingerprint. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

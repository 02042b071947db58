// SQLite persistence of the sandbox (better-sqlite3: synchronous, so one request's writes are
// atomic without extra locking). Each feature module contributes its own tables.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface TableSchema {
  /** Module name, for error messages. */
  readonly module: string;
  /** Idempotent DDL (`CREATE TABLE IF NOT EXISTS …`). */
  readonly ddl: string;
}

export const DB_FILE = 'sandbox.db';

export function openDb(dataDir: string, schemas: readonly TableSchema[]): Db {
  let db: Db;
  if (dataDir === ':memory:') {
    db = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, DB_FILE));
    db.pragma('journal_mode = WAL');
  }
  db.pragma('foreign_keys = ON');
  for (const schema of schemas) {
    try {
      db.exec(schema.ddl);
    } catch (error) {
      throw new Error(`Sandbox schema of module ${schema.module} failed`, { cause: error });
    }
  }
  return db;
}

/** Parses a JSON column, typed by the caller (the sandbox wrote it itself). */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

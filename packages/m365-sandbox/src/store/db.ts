// SQLite persistence of the sandbox (better-sqlite3: synchronous, so one request's writes are
// atomic without extra locking). Each feature module contributes its own tables.
// The database holds the identity provider's private signing keys: its folder is the user's
// alone (0700, also when it already existed) and so is the file (0600). SQLite gives its -wal and
// -shm files the database file's mode.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
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

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Creates `dir` readable by this user only, and takes the rights of others off an old one. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
}

/** The database file, created 0600 before SQLite opens it (which would use the umask). */
function ensurePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE));
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) chmodSync(path + suffix, PRIVATE_FILE);
  }
}

export function openDb(dataDir: string, schemas: readonly TableSchema[]): Db {
  let db: Db;
  if (dataDir === ':memory:') {
    db = new Database(':memory:');
  } else {
    ensurePrivateDir(dataDir);
    const file = join(dataDir, DB_FILE);
    ensurePrivateFile(file);
    db = new Database(file);
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

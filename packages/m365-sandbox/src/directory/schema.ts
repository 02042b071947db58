import type { Db, TableSchema } from '../store/db.js';

export const directorySchema: TableSchema = {
  module: 'directory',
  ddl: `
    CREATE TABLE IF NOT EXISTS tenants (
      id TEXT PRIMARY KEY,
      domain TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL REFERENCES tenants(id),
      user_principal_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      mail TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      given_name TEXT,
      surname TEXT,
      job_title TEXT,
      department TEXT,
      office_location TEXT,
      preferred_language TEXT,
      business_phone TEXT
    );
    CREATE TABLE IF NOT EXISTS apps (
      client_id TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL REFERENCES tenants(id),
      service_principal_id TEXT NOT NULL,
      display_name TEXT NOT NULL,
      client_secret TEXT,
      identifier_uris TEXT NOT NULL DEFAULT '[]',
      redirect_uris TEXT NOT NULL DEFAULT '[]',
      app_roles TEXT NOT NULL DEFAULT '[]',
      exposed_scopes TEXT NOT NULL DEFAULT '[]',
      graph_application_permissions TEXT NOT NULL DEFAULT '[]',
      graph_delegated_permissions TEXT NOT NULL DEFAULT '[]',
      access_token_version INTEGER NOT NULL DEFAULT 2
    );
    CREATE TABLE IF NOT EXISTS app_role_assignments (
      client_id TEXT NOT NULL REFERENCES apps(client_id),
      user_id TEXT NOT NULL REFERENCES users(id),
      role TEXT NOT NULL,
      PRIMARY KEY (client_id, user_id, role)
    );
    CREATE TABLE IF NOT EXISTS settings (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};

/**
 * Brings a database made by an older sandbox up to this schema (data survive a restart, so a
 * developer's .data/sandbox may predate a column). Idempotent.
 */
export function upgradeDirectorySchema(db: Db): void {
  const columns = (db.prepare('PRAGMA table_info(apps)').all() as { name: string }[]).map(
    (column) => column.name,
  );
  if (!columns.includes('access_token_version')) {
    db.exec('ALTER TABLE apps ADD COLUMN access_token_version INTEGER NOT NULL DEFAULT 2');
  }
}

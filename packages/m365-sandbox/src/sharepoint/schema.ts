// SQLite tables of the SharePoint module: sites, who has which right on a site (users by their
// site role, applications by a Sites.Selected grant), the per-site user information list (lookup
// ids for Author/Editor), lists, their custom columns and their items. Built-in columns (Title, ID,
// Created, …) are defined in code (builtin-columns.ts), not stored.
import type { TableSchema } from '../store/db.js';

export const sharePointSchema: TableSchema = {
  module: 'sharepoint',
  ddl: `
    CREATE TABLE IF NOT EXISTS sp_sites (
      id TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL REFERENCES tenants(id),
      hostname TEXT NOT NULL COLLATE NOCASE,
      site_collection_id TEXT NOT NULL,
      web_id TEXT NOT NULL,
      server_relative_url TEXT NOT NULL,
      name TEXT NOT NULL,
      display_name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      is_root INTEGER NOT NULL DEFAULT 0,
      created TEXT NOT NULL,
      modified TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS sp_site_user_roles (
      site_id TEXT NOT NULL REFERENCES sp_sites(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id),
      role TEXT NOT NULL,
      PRIMARY KEY (site_id, user_id)
    );
    CREATE TABLE IF NOT EXISTS sp_site_permissions (
      site_id TEXT NOT NULL REFERENCES sp_sites(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      app_id TEXT NOT NULL,
      display_name TEXT NOT NULL,
      roles TEXT NOT NULL,
      PRIMARY KEY (site_id, id),
      UNIQUE (site_id, app_id)
    );
    CREATE TABLE IF NOT EXISTS sp_site_users (
      site_id TEXT NOT NULL REFERENCES sp_sites(id) ON DELETE CASCADE,
      lookup_id INTEGER NOT NULL,
      principal_id TEXT NOT NULL,
      PRIMARY KEY (site_id, lookup_id),
      UNIQUE (site_id, principal_id)
    );
    CREATE TABLE IF NOT EXISTS sp_lists (
      id TEXT PRIMARY KEY,
      site_id TEXT NOT NULL REFERENCES sp_sites(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      display_name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      template TEXT NOT NULL,
      hidden INTEGER NOT NULL DEFAULT 0,
      content_types_enabled INTEGER NOT NULL DEFAULT 0,
      content_type_id TEXT NOT NULL,
      root_folder_id TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 0,
      next_item_id INTEGER NOT NULL DEFAULT 1,
      created TEXT NOT NULL,
      modified TEXT NOT NULL,
      created_by TEXT NOT NULL,
      modified_by TEXT NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS sp_lists_title ON sp_lists (site_id, display_name COLLATE NOCASE);
    CREATE TABLE IF NOT EXISTS sp_columns (
      list_id TEXT NOT NULL REFERENCES sp_lists(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      definition TEXT NOT NULL,
      PRIMARY KEY (list_id, id)
    );
    CREATE UNIQUE INDEX IF NOT EXISTS sp_columns_name ON sp_columns (list_id, name COLLATE NOCASE);
    CREATE TABLE IF NOT EXISTS sp_items (
      list_id TEXT NOT NULL REFERENCES sp_lists(id) ON DELETE CASCADE,
      id INTEGER NOT NULL,
      unique_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      fields TEXT NOT NULL,
      created TEXT NOT NULL,
      modified TEXT NOT NULL,
      created_by TEXT NOT NULL,
      modified_by TEXT NOT NULL,
      PRIMARY KEY (list_id, id)
    );
  `,
};

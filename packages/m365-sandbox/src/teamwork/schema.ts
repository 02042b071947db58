import type { TableSchema } from '../store/db.js';

/**
 * Teams apps installed in a user's personal scope (with the activity types of their manifest)
 * and each user's activity feed. The control API installs and removes apps; Graph's
 * sendActivityNotification writes the feed; the inspector shows it.
 */
export const teamworkSchema: TableSchema = {
  module: 'teamwork',
  ddl: `
    CREATE TABLE IF NOT EXISTS teamwork_installed_apps (
      user_id TEXT NOT NULL,
      teams_app_id TEXT NOT NULL,
      entra_app_id TEXT NOT NULL,
      display_name TEXT NOT NULL,
      activity_types TEXT NOT NULL,
      PRIMARY KEY (user_id, teams_app_id)
    );
    CREATE TABLE IF NOT EXISTS teamwork_feed (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL,
      teams_app_id TEXT NOT NULL,
      activity_type TEXT NOT NULL,
      text TEXT NOT NULL,
      preview_text TEXT,
      topic_source TEXT NOT NULL,
      topic_value TEXT NOT NULL,
      web_url TEXT,
      chain_id INTEGER,
      created_date_time TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS teamwork_feed_by_user ON teamwork_feed (user_id, seq);
  `,
};

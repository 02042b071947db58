// The installed apps and the activity feeds, in SQLite.
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import { parseJson } from '../store/db.js';

/** One entry of a Teams manifest's `activities.activityTypes`. */
export interface ActivityType {
  readonly type: string;
  readonly description: string;
  readonly templateText: string;
}

export interface InstalledApp {
  readonly userId: string;
  /** The Teams app id (manifest `id`). */
  readonly teamsAppId: string;
  /** The Entra app id (manifest `webApplicationInfo.id`): whose tokens may send. */
  readonly entraAppId: string;
  readonly displayName: string;
  readonly activityTypes: readonly ActivityType[];
}

export interface FeedEntry {
  readonly id: string;
  readonly userId: string;
  readonly teamsAppId: string;
  readonly activityType: string;
  /** The template text with the parameters filled in ({actor} = the app's name). */
  readonly text: string;
  readonly previewText: string | null;
  readonly topic: { readonly source: 'entityUrl' | 'text'; readonly value: string };
  /** Where the notification leads: the topic's webUrl, or the entityUrl itself. */
  readonly webUrl: string | null;
  readonly chainId: number | null;
  readonly createdDateTime: string;
}

type AppRow = {
  user_id: string;
  teams_app_id: string;
  entra_app_id: string;
  display_name: string;
  activity_types: string;
};

const toApp = (row: AppRow): InstalledApp => ({
  userId: row.user_id,
  teamsAppId: row.teams_app_id,
  entraAppId: row.entra_app_id,
  displayName: row.display_name,
  activityTypes: parseJson<ActivityType[]>(row.activity_types, []),
});

export function installApp(ctx: SandboxContext, app: InstalledApp): void {
  ctx.db
    .prepare(
      `INSERT INTO teamwork_installed_apps
         (user_id, teams_app_id, entra_app_id, display_name, activity_types)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, teams_app_id) DO UPDATE SET
         entra_app_id = excluded.entra_app_id, display_name = excluded.display_name,
         activity_types = excluded.activity_types`,
    )
    .run(
      app.userId,
      app.teamsAppId,
      app.entraAppId,
      app.displayName,
      JSON.stringify(app.activityTypes),
    );
}

export function uninstallApp(ctx: SandboxContext, userId: string, teamsAppId: string): boolean {
  return (
    ctx.db
      .prepare('DELETE FROM teamwork_installed_apps WHERE user_id = ? AND teams_app_id = ?')
      .run(userId, teamsAppId).changes > 0
  );
}

export function installedApps(ctx: SandboxContext, userId: string): InstalledApp[] {
  return (
    ctx.db
      .prepare('SELECT * FROM teamwork_installed_apps WHERE user_id = ? ORDER BY teams_app_id')
      .all(userId) as AppRow[]
  ).map(toApp);
}

type FeedRow = {
  id: string;
  user_id: string;
  teams_app_id: string;
  activity_type: string;
  text: string;
  preview_text: string | null;
  topic_source: 'entityUrl' | 'text';
  topic_value: string;
  web_url: string | null;
  chain_id: number | null;
  created_date_time: string;
};

export function addToFeed(ctx: SandboxContext, entry: Omit<FeedEntry, 'id'>): FeedEntry {
  const stored: FeedEntry = { ...entry, id: randomUUID() };
  ctx.db
    .prepare(
      `INSERT INTO teamwork_feed (id, user_id, teams_app_id, activity_type, text, preview_text,
         topic_source, topic_value, web_url, chain_id, created_date_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      stored.id,
      stored.userId,
      stored.teamsAppId,
      stored.activityType,
      stored.text,
      stored.previewText,
      stored.topic.source,
      stored.topic.value,
      stored.webUrl,
      stored.chainId,
      stored.createdDateTime,
    );
  return stored;
}

/** A user's feed, newest first. */
export function listFeed(ctx: SandboxContext, userId: string): FeedEntry[] {
  return (
    ctx.db
      .prepare('SELECT * FROM teamwork_feed WHERE user_id = ? ORDER BY seq DESC')
      .all(userId) as FeedRow[]
  ).map((row) => ({
    id: row.id,
    userId: row.user_id,
    teamsAppId: row.teams_app_id,
    activityType: row.activity_type,
    text: row.text,
    previewText: row.preview_text,
    topic: { source: row.topic_source, value: row.topic_value },
    webUrl: row.web_url,
    chainId: row.chain_id,
    createdDateTime: row.created_date_time,
  }));
}

// Teams: apps installed per user and the activity feed (sendActivityNotification).
import type { SandboxModule } from '../context.js';
import type { TableSchema } from '../store/db.js';
import { teamworkControl } from './control.js';
import { teamworkRoutes } from './routes.js';
import { teamworkSchema } from './schema.js';

export const teamworkSchemas: readonly TableSchema[] = [teamworkSchema];
export const teamworkModule: SandboxModule = (app, ctx) => teamworkRoutes(app, ctx);
export const teamworkControlModule: SandboxModule = (app, ctx) => teamworkControl(app, ctx);
export { templatePlaceholders } from './routes.js';
export {
  installApp,
  installedApps,
  listFeed,
  uninstallApp,
  type ActivityType,
  type FeedEntry,
  type InstalledApp,
} from './store.js';

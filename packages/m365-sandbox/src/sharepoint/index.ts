// SharePoint in the sandbox: sites, lists, columns and list items under /v1.0/sites, as Graph
// serves them (DESIGN.md "Graph usage", PLATFORM.md §4).
import type { SandboxContext, SandboxModule } from '../context.js';
import type { TableSchema } from '../store/db.js';
import type { SharePointDeps } from './access.js';
import { registerItemReadRoutes } from './item-read-routes.js';
import { registerItemWriteRoutes } from './item-write-routes.js';
import { registerListRoutes } from './list-routes.js';
import { registerPermissionRoutes } from './permission-routes.js';
import { sharePointSchema } from './schema.js';
import { seedRootSite, seedSiteAdministrators } from './seed.js';
import { registerSiteRoutes } from './site-routes.js';
import { SharePointStore } from './store.js';

export { RIEC_ROOT_SITE, RIEC_ROOT_SITE_ID } from './seed.js';
export { seedSiteAdministrators };

export const sharePointSchemas: readonly TableSchema[] = [sharePointSchema];

export const sharePointModule: SandboxModule = (app, ctx) => {
  const deps: SharePointDeps = { ctx, store: new SharePointStore(ctx.db) };
  registerSiteRoutes(app, deps);
  registerListRoutes(app, deps);
  registerItemReadRoutes(app, deps);
  registerItemWriteRoutes(app, deps);
  registerPermissionRoutes(app, deps);
};

/** Creates the root site of the RIEC tenant. */
export function seedSharePoint(ctx: SandboxContext): void {
  seedRootSite(ctx);
}

// The RIEC tenant's root site, as a tenant has one from the start. No lists: the product
// provisions its own (`npm run provision`), as it must in a real tenant.
import type { SandboxContext } from '../context.js';
import { RIEC_TENANT, SITE_ADMINISTRATORS } from '../seed/people.js';
import { toSharePointTimestamp } from './model.js';
import { SharePointStore } from './store.js';

/** Fixed ids, so that documentation, tests and a reset sandbox agree. */
export const RIEC_ROOT_SITE = {
  hostname: 'riec.sharepoint.com',
  siteCollectionId: '7c1e5a3d-2b9f-4e68-a0d4-3f8b6c2e1a57',
  webId: 'b5d2e8f1-6a43-4c97-8e1b-9d0f2a7c4e36',
  displayName: 'RIEC intranet (sandbox)',
} as const;

export const RIEC_ROOT_SITE_ID = `${RIEC_ROOT_SITE.hostname},${RIEC_ROOT_SITE.siteCollectionId},${RIEC_ROOT_SITE.webId}`;

export function seedRootSite(ctx: SandboxContext): void {
  const now = toSharePointTimestamp(ctx.clock.now());
  new SharePointStore(ctx.db).insertSite({
    id: RIEC_ROOT_SITE_ID,
    tenantId: RIEC_TENANT.id,
    hostname: RIEC_ROOT_SITE.hostname,
    siteCollectionId: RIEC_ROOT_SITE.siteCollectionId,
    webId: RIEC_ROOT_SITE.webId,
    serverRelativeUrl: '/',
    name: 'riec',
    displayName: RIEC_ROOT_SITE.displayName,
    description: 'Intranet van het RIEC in de Workshopplanner-sandbox.',
    isRoot: true,
    created: now,
    modified: now,
  });
  seedSiteAdministrators(ctx);
}

/** The root site's administrators (site collection administrators); nobody else has a right. */
export function seedSiteAdministrators(ctx: SandboxContext): void {
  const store = new SharePointStore(ctx.db);
  if (!store.sitesOfTenant(RIEC_TENANT.id).some((site) => site.id === RIEC_ROOT_SITE_ID)) return;
  for (const upn of SITE_ADMINISTRATORS) {
    const user = ctx.directory.findUser(upn);
    if (user && !store.userRole(RIEC_ROOT_SITE_ID, user.id)) {
      store.setUserRole(RIEC_ROOT_SITE_ID, user.id, 'fullcontrol');
    }
  }
}

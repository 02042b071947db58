// Seeds an empty sandbox and resets a used one to the same state.
import { DateTime } from 'luxon';
import { seedCalendars } from '../calendar/index.js';
import type { SandboxContext } from '../context.js';
import { upgradeDirectorySchema } from '../directory/schema.js';
import { seedSharePoint, seedSiteAdministrators } from '../sharepoint/index.js';
import { forgetCachedItems } from '../sharepoint/store.js';
import {
  APP_ROLES,
  BERENSCHOT_TENANT,
  GRAPH_APPLICATION_PERMISSIONS,
  GRAPH_DELEGATED_PERMISSIONS,
  GRAPH_EXPLORER_APP,
  PEOPLE,
  PRODUCT_APP,
  PROVISIONING_APP,
  RIEC_TENANT,
  SANDBOX_TOOLS_APP,
} from './people.js';

/** The day the seeded calendars are built around: the setting, or today in Amsterdam. */
export function seedAnchor(ctx: SandboxContext): string {
  return (
    ctx.config.seedDate ??
    DateTime.fromJSDate(ctx.clock.now()).setZone('Europe/Amsterdam').toISODate() ??
    ''
  );
}

export function seedSandbox(ctx: SandboxContext): void {
  const { db } = ctx;
  db.transaction(() => {
    const tenant = db.prepare('INSERT INTO tenants (id, domain, display_name) VALUES (?, ?, ?)');
    for (const t of [RIEC_TENANT, BERENSCHOT_TENANT]) tenant.run(t.id, t.domain, t.displayName);

    const user = db.prepare(
      `INSERT INTO users (id, tenant_id, user_principal_name, mail, display_name, given_name, surname,
        job_title, department, office_location, preferred_language, business_phone)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'nl-NL', ?)`,
    );
    for (const p of PEOPLE) {
      const tenantId = p.tenant === 'riec' ? RIEC_TENANT.id : BERENSCHOT_TENANT.id;
      user.run(
        p.id,
        tenantId,
        p.upn,
        p.upn,
        `${p.givenName} ${p.surname}`,
        p.givenName,
        p.surname,
        p.jobTitle,
        p.department,
        p.officeLocation,
        p.phone,
      );
    }

    seedApps(ctx);
    const assign = db.prepare(
      'INSERT INTO app_role_assignments (client_id, user_id, role) VALUES (?, ?, ?)',
    );
    for (const p of PEOPLE)
      for (const role of p.roles) assign.run(PRODUCT_APP.clientId, p.id, role);

    seedCalendars(ctx, seedAnchor(ctx));
    seedSharePoint(ctx);
  })();
}

/** The app registrations of the RIEC tenant, inserted or brought up to date. */
function seedApps(ctx: SandboxContext): void {
  const upsert = ctx.db.prepare(
    `INSERT INTO apps (client_id, tenant_id, service_principal_id, display_name, client_secret,
      identifier_uris, redirect_uris, app_roles, exposed_scopes, graph_application_permissions,
      graph_delegated_permissions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(client_id) DO UPDATE SET display_name = excluded.display_name,
       client_secret = excluded.client_secret, identifier_uris = excluded.identifier_uris,
       redirect_uris = excluded.redirect_uris, app_roles = excluded.app_roles,
       exposed_scopes = excluded.exposed_scopes,
       graph_application_permissions = excluded.graph_application_permissions,
       graph_delegated_permissions = excluded.graph_delegated_permissions`,
  );
  upsert.run(
    PRODUCT_APP.clientId,
    RIEC_TENANT.id,
    PRODUCT_APP.servicePrincipalId,
    PRODUCT_APP.displayName,
    PRODUCT_APP.clientSecret,
    JSON.stringify([
      `api://localhost:3000/${PRODUCT_APP.clientId}`,
      `api://${PRODUCT_APP.clientId}`,
    ]),
    JSON.stringify(['http://localhost:3000/auth/callback', 'brk-multihub://localhost:3000']),
    JSON.stringify(APP_ROLES),
    JSON.stringify(['access_as_user']),
    JSON.stringify(GRAPH_APPLICATION_PERMISSIONS),
    JSON.stringify(GRAPH_DELEGATED_PERMISSIONS),
  );
  for (const tool of [PROVISIONING_APP, GRAPH_EXPLORER_APP, SANDBOX_TOOLS_APP]) {
    upsert.run(
      tool.clientId,
      RIEC_TENANT.id,
      tool.servicePrincipalId,
      tool.displayName,
      'clientSecret' in tool ? tool.clientSecret : null,
      '[]',
      '[]',
      '[]',
      '[]',
      JSON.stringify(tool.applicationPermissions),
      JSON.stringify(tool.delegatedPermissions),
    );
  }
}

/**
 * Seeds an empty sandbox; brings one made by an older version up to date (schema, app
 * registrations and their permissions, site administrators) without touching its data.
 */
export function ensureSeeded(ctx: SandboxContext): void {
  upgradeDirectorySchema(ctx.db);
  if (ctx.directory.tenants().length === 0) {
    seedSandbox(ctx);
    return;
  }
  ctx.db.transaction(() => {
    seedApps(ctx);
    seedSiteAdministrators(ctx);
  })();
}

/** Empties every table (keeping the signing keys, so issued tokens stay valid) and seeds again. */
export function resetSandbox(ctx: SandboxContext): void {
  const { db } = ctx;
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  ).map((row) => row.name);
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    for (const table of tables)
      if (table !== 'signing_keys') db.prepare(`DELETE FROM "${table}"`).run();
  })();
  db.pragma('foreign_keys = ON');
  forgetCachedItems(db);
  seedSandbox(ctx);
}

// Seeds an empty sandbox and resets a used one to the same state.
import { DateTime } from 'luxon';
import { seedCalendars } from '../calendar/index.js';
import type { SandboxContext } from '../context.js';
import { seedSharePoint } from '../sharepoint/index.js';
import {
  APP_ROLES,
  BERENSCHOT_TENANT,
  GRAPH_APPLICATION_PERMISSIONS,
  GRAPH_DELEGATED_PERMISSIONS,
  PEOPLE,
  PRODUCT_APP,
  RIEC_TENANT,
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

    db.prepare(
      `INSERT INTO apps (client_id, tenant_id, service_principal_id, display_name, client_secret, identifier_uris,
        redirect_uris, app_roles, exposed_scopes, graph_application_permissions, graph_delegated_permissions)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
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
    const assign = db.prepare(
      'INSERT INTO app_role_assignments (client_id, user_id, role) VALUES (?, ?, ?)',
    );
    for (const p of PEOPLE)
      for (const role of p.roles) assign.run(PRODUCT_APP.clientId, p.id, role);

    seedCalendars(ctx, seedAnchor(ctx));
    seedSharePoint(ctx);
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
  seedSandbox(ctx);
}

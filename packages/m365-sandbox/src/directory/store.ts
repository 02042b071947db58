// The sandbox's directory: tenants (organisations), users and app registrations.
import type { Db } from '../store/db.js';
import { parseJson } from '../store/db.js';

export interface Tenant {
  readonly id: string;
  readonly domain: string;
  readonly displayName: string;
}

export interface DirectoryUser {
  readonly id: string;
  readonly tenantId: string;
  readonly userPrincipalName: string;
  readonly mail: string;
  readonly displayName: string;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly officeLocation: string | null;
  readonly preferredLanguage: string | null;
  readonly businessPhone: string | null;
}

export interface AppRole {
  readonly id: string;
  readonly value: string;
  readonly displayName: string;
  readonly description: string;
  readonly allowedMemberTypes: readonly ('User' | 'Application')[];
}

export interface AppRegistration {
  readonly clientId: string;
  readonly tenantId: string;
  readonly servicePrincipalId: string;
  readonly displayName: string;
  readonly clientSecret: string | null;
  readonly identifierUris: readonly string[];
  readonly redirectUris: readonly string[];
  readonly appRoles: readonly AppRole[];
  /** Delegated scopes the app exposes (e.g. access_as_user). */
  readonly exposedScopes: readonly string[];
  /** Graph application permissions granted with admin consent (roles in app-only tokens). */
  readonly graphApplicationPermissions: readonly string[];
  /** Graph delegated permissions consented for the app (scp in user tokens). */
  readonly graphDelegatedPermissions: readonly string[];
  /**
   * The version of the access tokens issued for this app's own API: the manifest's
   * `api.requestedAccessTokenVersion` (Entra's default for a new registration is 1; v1 tokens
   * have the issuer https://sts.windows.net/{tid}/).
   */
  readonly accessTokenVersion: 1 | 2;
}

interface UserRow {
  id: string;
  tenant_id: string;
  user_principal_name: string;
  mail: string;
  display_name: string;
  given_name: string | null;
  surname: string | null;
  job_title: string | null;
  department: string | null;
  office_location: string | null;
  preferred_language: string | null;
  business_phone: string | null;
}

interface AppRow {
  client_id: string;
  tenant_id: string;
  service_principal_id: string;
  display_name: string;
  client_secret: string | null;
  identifier_uris: string;
  redirect_uris: string;
  app_roles: string;
  exposed_scopes: string;
  graph_application_permissions: string;
  graph_delegated_permissions: string;
  access_token_version: number;
}

function toUser(row: UserRow): DirectoryUser {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userPrincipalName: row.user_principal_name,
    mail: row.mail,
    displayName: row.display_name,
    givenName: row.given_name,
    surname: row.surname,
    jobTitle: row.job_title,
    department: row.department,
    officeLocation: row.office_location,
    preferredLanguage: row.preferred_language,
    businessPhone: row.business_phone,
  };
}

function toApp(row: AppRow): AppRegistration {
  return {
    clientId: row.client_id,
    tenantId: row.tenant_id,
    servicePrincipalId: row.service_principal_id,
    displayName: row.display_name,
    clientSecret: row.client_secret,
    identifierUris: parseJson(row.identifier_uris, []),
    redirectUris: parseJson(row.redirect_uris, []),
    appRoles: parseJson(row.app_roles, []),
    exposedScopes: parseJson(row.exposed_scopes, []),
    graphApplicationPermissions: parseJson(row.graph_application_permissions, []),
    graphDelegatedPermissions: parseJson(row.graph_delegated_permissions, []),
    accessTokenVersion: row.access_token_version === 1 ? 1 : 2,
  };
}

export class Directory {
  constructor(private readonly db: Db) {}

  tenants(): Tenant[] {
    return this.db
      .prepare('SELECT id, domain, display_name AS displayName FROM tenants ORDER BY display_name')
      .all() as Tenant[];
  }

  /** A tenant by id (GUID) or by its domain name, as Entra accepts both in authority URLs. */
  findTenant(idOrDomain: string): Tenant | undefined {
    return this.db
      .prepare(
        'SELECT id, domain, display_name AS displayName FROM tenants WHERE id = ? OR domain = ? COLLATE NOCASE',
      )
      .get(idOrDomain, idOrDomain) as Tenant | undefined;
  }

  /** The tenant that owns a mail domain, or undefined for addresses outside every tenant. */
  tenantOfAddress(address: string): Tenant | undefined {
    const domain = address.split('@')[1];
    return domain ? this.findTenant(domain) : undefined;
  }

  /** A user by object id, UPN or primary SMTP address, in any tenant. */
  findUser(idOrAddress: string): DirectoryUser | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM users WHERE id = ? COLLATE NOCASE OR user_principal_name = ? COLLATE NOCASE OR mail = ? COLLATE NOCASE`,
      )
      .get(idOrAddress, idOrAddress, idOrAddress) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  /** A user by id/UPN/mail as seen from `tenantId`: users of other tenants are not found. */
  findUserInTenant(tenantId: string, idOrAddress: string): DirectoryUser | undefined {
    const user = this.findUser(idOrAddress);
    return user && user.tenantId === tenantId ? user : undefined;
  }

  usersOfTenant(tenantId: string): DirectoryUser[] {
    return (
      this.db
        .prepare('SELECT * FROM users WHERE tenant_id = ? ORDER BY display_name, id')
        .all(tenantId) as UserRow[]
    ).map(toUser);
  }

  allUsers(): DirectoryUser[] {
    return (
      this.db.prepare('SELECT * FROM users ORDER BY tenant_id, display_name').all() as UserRow[]
    ).map(toUser);
  }

  findApp(clientId: string): AppRegistration | undefined {
    const row = this.db.prepare('SELECT * FROM apps WHERE client_id = ?').get(clientId) as
      AppRow | undefined;
    return row ? toApp(row) : undefined;
  }

  /** An app by client id or by one of its identifier URIs (api://…). */
  findAppByResource(resource: string): AppRegistration | undefined {
    const direct = this.findApp(resource);
    if (direct) return direct;
    const rows = this.db.prepare('SELECT * FROM apps').all() as AppRow[];
    // Teams SSO uses api://{domain}/{clientId}; the domain depends on where the tab is hosted.
    return rows
      .map(toApp)
      .find(
        (app) =>
          app.identifierUris.includes(resource) ||
          (resource.startsWith('api://') && resource.endsWith(`/${app.clientId}`)),
      );
  }

  /** Changes `api.requestedAccessTokenVersion` of an app registration (tests, demos). */
  setAccessTokenVersion(clientId: string, version: 1 | 2): void {
    this.db
      .prepare('UPDATE apps SET access_token_version = ? WHERE client_id = ?')
      .run(version, clientId);
  }

  rolesOf(clientId: string, userId: string): string[] {
    return (
      this.db
        .prepare(
          'SELECT role FROM app_role_assignments WHERE client_id = ? AND user_id = ? ORDER BY role',
        )
        .all(clientId, userId) as { role: string }[]
    ).map((row) => row.role);
  }

  getSetting(name: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE name = ?').get(name) as
      { value: string } | undefined;
    return row?.value;
  }

  setSetting(name: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
      )
      .run(name, value);
  }
}

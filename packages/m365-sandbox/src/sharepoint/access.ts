// What every SharePoint route needs: the store, what the caller may do on a site (tenant-wide
// Sites permissions, Sites.Selected grants, the user's own right), who the caller is (for
// createdBy / AuthorLookupId), and the site, list and columns a path names.
import type { FastifyRequest } from 'fastify';
import { callerOf, type SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import type { Caller } from '../identity/graph-auth.js';
import { BUILTIN_COLUMNS, TITLE_COLUMN } from './builtin-columns.js';
import { listNotFound, siteNotFound } from './errors.js';
import {
  toSharePointTimestamp,
  type ColumnDefinition,
  type Principal,
  type Site,
  type SiteRole,
  type SpList,
} from './model.js';
import type { SharePointStore } from './store.js';

export interface SharePointDeps {
  readonly ctx: SandboxContext;
  readonly store: SharePointStore;
}

export type SitesAccess = 'read' | 'write' | 'manage' | 'fullcontrol';

/** What each operation needs: reading, writing items, lists and columns, permissions. */
const NEEDED: Readonly<Record<SitesAccess, number>> = {
  read: 1,
  write: 2,
  manage: 3,
  fullcontrol: 4,
};

/**
 * Tenant-wide Sites permissions (api/site-get.md, api/listitem-create.md, api/list-create.md):
 * the same names for delegated and application permissions.
 */
const SCOPE_LEVEL: Readonly<Record<string, number>> = {
  'Sites.Read.All': 1,
  'Sites.ReadWrite.All': 2,
  'Sites.Manage.All': 3,
  'Sites.FullControl.All': 4,
};

/** The roles of a site permission (concepts/permissions-selected-overview.md, "Roles"). */
const ROLE_LEVEL: Readonly<Record<SiteRole, number>> = {
  read: 1,
  write: 2,
  owner: 3,
  fullcontrol: 4,
};

const accessDenied = () => new GraphError(403, 'accessDenied', 'Access denied');

function tenantWideLevel(caller: Caller): number {
  return Math.max(0, ...caller.permissions.map((permission) => SCOPE_LEVEL[permission] ?? 0));
}

function grantLevel(deps: SharePointDeps, siteId: string, appId: string): number {
  const grant = deps.store.sitePermissions(siteId).find((p) => p.appId === appId);
  return Math.max(0, ...(grant?.roles ?? []).map((role) => ROLE_LEVEL[role]));
}

/**
 * What the caller may do on the site, as SharePoint computes it
 * (concepts/permissions-selected-overview.md, "How access is calculated"): an application has
 * its tenant-wide Sites permission or, with Sites.Selected, the roles granted to it on this site;
 * a delegated call has the intersection of that and the signed-in user's own right on the site,
 * so a token never exceeds its user (a user without a right on the site gets nothing).
 */
export function siteLevel(deps: SharePointDeps, caller: Caller, site: Site): number {
  const selected = caller.permissions.includes('Sites.Selected')
    ? grantLevel(deps, site.id, caller.appId)
    : 0;
  const appLevel = Math.max(tenantWideLevel(caller), selected);
  if (caller.kind === 'app') return appLevel;
  const role = deps.store.userRole(site.id, caller.userId);
  return Math.min(appLevel, role ? ROLE_LEVEL[role] : 0);
}

/** The verified caller, if its token carries any Sites permission; else SharePoint's 403. */
export function requireSitesCaller(request: FastifyRequest): Caller {
  const caller = callerOf(request);
  if (tenantWideLevel(caller) === 0 && !caller.permissions.includes('Sites.Selected')) {
    throw accessDenied();
  }
  return caller;
}

/** Throws SharePoint's 403 unless the caller may do `access` on the site. */
export function requireSiteLevel(
  deps: SharePointDeps,
  caller: Caller,
  site: Site,
  access: SitesAccess,
): void {
  if (siteLevel(deps, caller, site) < NEEDED[access]) throw accessDenied();
}

/** The site a path names and the verified caller, if it may do `access` there. */
export function requireSitesAccess(
  deps: SharePointDeps,
  request: FastifyRequest,
  siteReference: string,
  access: SitesAccess,
): { readonly caller: Caller; readonly site: Site } {
  const caller = requireSitesCaller(request);
  const site = resolveSite(deps, caller, siteReference);
  requireSiteLevel(deps, caller, site, access);
  return { caller, site };
}

/**
 * Managing a site's permissions needs Sites.FullControl.All (api/site-post-permissions.md,
 * site-list-permissions.md): an application with it, or a delegated call whose user is a
 * SharePoint administrator (the sandbox takes the site collection administrator for that).
 * Sites.Selected with a fullcontrol grant does not suffice at site level.
 */
export function requirePermissionManagement(
  deps: SharePointDeps,
  request: FastifyRequest,
  siteReference: string,
): { readonly caller: Caller; readonly site: Site } {
  const caller = requireSitesCaller(request);
  const site = resolveSite(deps, caller, siteReference);
  const hasScope = caller.permissions.includes('Sites.FullControl.All');
  const isAdministrator =
    caller.kind === 'app' || deps.store.userRole(site.id, caller.userId) === 'fullcontrol';
  if (!hasScope || !isAdministrator) throw accessDenied();
  return { caller, site };
}

export function principalOf(ctx: SandboxContext, caller: Caller): Principal {
  if (caller.kind === 'user') {
    const user = ctx.directory.findUser(caller.userId);
    return {
      kind: 'user',
      id: caller.userId,
      displayName: user?.displayName ?? caller.userPrincipalName,
      email: user?.mail ?? caller.userPrincipalName,
    };
  }
  return {
    kind: 'app',
    id: caller.appId,
    displayName: ctx.directory.findApp(caller.appId)?.displayName ?? caller.appId,
  };
}

/**
 * A site of the caller's tenant by the forms Graph accepts (api/site-get.md): `root`, the
 * composite id "hostname,siteCollectionId,webId", "hostname,siteCollectionId", or a hostname
 * (its root site). Sites of other tenants are not found.
 */
export function resolveSite(deps: SharePointDeps, caller: Caller, reference: string): Site {
  const sites = deps.store.sitesOfTenant(caller.tenantId);
  const ref = reference.trim().toLowerCase();
  const site =
    ref === 'root'
      ? sites.find((s) => s.isRoot)
      : sites.find((s) => {
          const parts = ref.split(',');
          if (parts.length === 1) return s.isRoot && s.hostname.toLowerCase() === ref;
          return (
            s.hostname.toLowerCase() === parts[0] &&
            s.siteCollectionId.toLowerCase() === parts[1] &&
            (parts.length === 2 ? s.isRoot : s.webId.toLowerCase() === parts[2])
          );
        });
  if (!site) throw siteNotFound();
  return site;
}

export function resolveList(deps: SharePointDeps, site: Site, reference: string): SpList {
  const list = deps.store.findList(site.id, reference);
  if (!list) throw listNotFound();
  return list;
}

/** Every column of the list: the template's built-ins, then the custom ones. */
export function allColumns(deps: SharePointDeps, list: SpList): ColumnDefinition[] {
  return [...BUILTIN_COLUMNS, ...deps.store.customColumns(list.id)];
}

/** The columns a request may write: Title and the custom columns. */
export function writableColumns(deps: SharePointDeps, list: SpList): ColumnDefinition[] {
  return [TITLE_COLUMN, ...deps.store.customColumns(list.id)];
}

/** A query option by its OData name, with or without `$` (Graph v1.0 accepts both). */
export function queryOption(query: unknown, name: string): string | undefined {
  const record = (query ?? {}) as Record<string, unknown>;
  const value = record[`$${name}`] ?? record[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new GraphError(
      400,
      'BadRequest',
      `Query option '$${name}' was specified more than once.`,
    );
  }
  return value;
}

export function metadataUrl(deps: SharePointDeps, fragment: string): string {
  return `${deps.ctx.urls.https}/v1.0/$metadata#${fragment}`;
}

export function nowStamp(deps: SharePointDeps): string {
  return toSharePointTimestamp(deps.ctx.clock.now());
}

// What every SharePoint route needs: the store, the caller's permission level, who the caller
// is (for createdBy / AuthorLookupId), and the site, list and columns a path names.
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
  type SpList,
} from './model.js';
import type { SharePointStore } from './store.js';

export interface SharePointDeps {
  readonly ctx: SandboxContext;
  readonly store: SharePointStore;
}

export type SitesAccess = 'read' | 'write' | 'manage';

/**
 * Sites permissions per operation (api/site-get.md, api/listitem-create.md,
 * api/list-create.md): reading needs any Sites permission, writing items ReadWrite or more,
 * creating lists and columns Manage or more. The same names hold for delegated and application
 * permissions. Sites.Selected is not modelled: the sandbox has no per-site grants.
 */
const ALLOWED: Readonly<Record<SitesAccess, readonly string[]>> = {
  read: ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  write: ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  manage: ['Sites.Manage.All', 'Sites.FullControl.All'],
};

/** The verified caller, if it holds a permission for `access`; else SharePoint's 403. */
export function requireSitesAccess(request: FastifyRequest, access: SitesAccess): Caller {
  const caller = callerOf(request);
  if (!ALLOWED[access].some((permission) => caller.permissions.includes(permission))) {
    throw new GraphError(403, 'accessDenied', 'Access denied');
  }
  return caller;
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

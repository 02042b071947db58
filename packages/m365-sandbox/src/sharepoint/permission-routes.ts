// A site's application permissions, the grants behind Sites.Selected: GET/POST
// /sites/{site}/permissions, GET/PATCH/DELETE /sites/{site}/permissions/{id}
// (api/site-list-permissions.md, site-post-permissions.md, site-get-permission.md,
// site-update-permission.md, site-delete-permission.md). Only application permissions are made
// here: "you can't use it to create a new user site permission".
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseGraphBody } from '../http/graph-error.js';
import { metadataUrl, requirePermissionManagement, type SharePointDeps } from './access.js';
import { invalidRequest, itemNotFound } from './errors.js';
import { SITE_ROLES, type Site, type SitePermission, type SiteRole } from './model.js';
import { stripAnnotations } from './odata-body.js';

type SiteParams = { Params: { siteId: string } };
type PermissionParams = { Params: { siteId: string; permissionId: string } };

const ZApplication = z.object({
  id: z.string().min(1),
  displayName: z.string().optional(),
});
// identitySet / sharePointIdentitySet: the sandbox grants to applications only.
const ZIdentitySet = z.object({
  application: ZApplication.optional(),
  user: z.unknown().optional(),
  group: z.unknown().optional(),
  device: z.unknown().optional(),
  siteUser: z.unknown().optional(),
  siteGroup: z.unknown().optional(),
});
type TIdentitySet = z.infer<typeof ZIdentitySet>;

const ZPermissionCreate = z.strictObject({
  roles: z.array(z.string()),
  // grantedToIdentities is the documented form (deprecated in answers but accepted in requests);
  // the "Selected permissions" overview writes grantedTo as an array.
  grantedToIdentities: z.array(ZIdentitySet).optional(),
  grantedToIdentitiesV2: z.array(ZIdentitySet).optional(),
  grantedTo: z.union([ZIdentitySet, z.array(ZIdentitySet)]).optional(),
  grantedToV2: ZIdentitySet.optional(),
});
const ZPermissionUpdate = z.strictObject({ roles: z.array(z.string()) });

const DEPRECATION = 'GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2';

function parseRoles(roles: readonly string[]): SiteRole[] {
  if (roles.length === 0) throw invalidRequest("A permission needs at least one role in 'roles'.");
  const unknown = roles.filter((role) => !(SITE_ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    throw invalidRequest(
      `Invalid role '${unknown[0]}': a site permission has the roles ${SITE_ROLES.join(', ')}.`,
    );
  }
  return [...new Set(roles as SiteRole[])];
}

/**
 * SharePoint's claim of an app principal, base64-encoded: the permission's id (one per app and
 * site). URL-safe here, so the id can stand in a path as it is.
 */
function permissionId(appId: string, tenantId: string): string {
  return Buffer.from(`i:0i.t|ms.sp.ext|${appId}@${tenantId}`).toString('base64url');
}

function toGraphPermission(permission: SitePermission) {
  const identities = [
    { application: { id: permission.appId, displayName: permission.displayName } },
  ];
  return {
    id: permission.id,
    '@deprecated.GrantedToIdentities': DEPRECATION,
    roles: [...permission.roles],
    grantedToIdentities: identities,
    grantedToIdentitiesV2: identities,
  };
}

export function registerPermissionRoutes(app: FastifyInstance, deps: SharePointDeps): void {
  const { store } = deps;
  const context = (site: Site, suffix: string) =>
    metadataUrl(deps, `sites('${site.id}')/permissions${suffix}`);
  const find = (site: Site, id: string) => {
    const permission = store.sitePermissions(site.id).find((p) => p.id === id);
    if (!permission) throw itemNotFound('The specified permission was not found');
    return permission;
  };

  app.get('/sites/:siteId/permissions', async (request: FastifyRequest<SiteParams>) => {
    const { site } = requirePermissionManagement(deps, request, request.params.siteId);
    return {
      '@odata.context': context(site, ''),
      value: store.sitePermissions(site.id).map(toGraphPermission),
    };
  });

  app.post('/sites/:siteId/permissions', async (request: FastifyRequest<SiteParams>, reply) => {
    const { caller, site } = requirePermissionManagement(deps, request, request.params.siteId);
    const body = parseGraphBody(ZPermissionCreate, stripAnnotations(request.body), 'permission');
    const roles = parseRoles(body.roles);
    const identities: TIdentitySet[] = [
      ...(body.grantedToIdentities ?? []),
      ...(body.grantedToIdentitiesV2 ?? []),
      ...(body.grantedTo === undefined ? [] : [body.grantedTo].flat()),
      ...(body.grantedToV2 ? [body.grantedToV2] : []),
    ];
    if (identities.some((identity) => identity.application === undefined)) {
      throw invalidRequest(
        'Only application permissions can be created on a site; grant users their rights in SharePoint.',
      );
    }
    const appIds = [...new Set(identities.map((identity) => identity.application?.id ?? ''))];
    if (appIds.length !== 1) {
      throw invalidRequest('A site permission is granted to exactly one application.');
    }
    const registration = deps.ctx.directory.findApp(appIds[0] ?? '');
    if (!registration) {
      throw invalidRequest(`The application '${appIds[0]}' was not found in the directory.`);
    }
    const given = identities[0]?.application?.displayName;
    const permission: SitePermission = {
      id: permissionId(registration.clientId, caller.tenantId),
      siteId: site.id,
      appId: registration.clientId,
      displayName: given ?? registration.displayName,
      roles,
    };
    store.putSitePermission(permission);
    return reply.status(201).send({
      '@odata.context': context(site, '/$entity'),
      ...toGraphPermission(permission),
    });
  });

  app.get(
    '/sites/:siteId/permissions/:permissionId',
    async (request: FastifyRequest<PermissionParams>) => {
      const { site } = requirePermissionManagement(deps, request, request.params.siteId);
      return {
        '@odata.context': context(site, '/$entity'),
        ...toGraphPermission(find(site, request.params.permissionId)),
      };
    },
  );

  app.patch(
    '/sites/:siteId/permissions/:permissionId',
    async (request: FastifyRequest<PermissionParams>) => {
      const { site } = requirePermissionManagement(deps, request, request.params.siteId);
      const existing = find(site, request.params.permissionId);
      const body = parseGraphBody(ZPermissionUpdate, stripAnnotations(request.body), 'permission');
      const updated: SitePermission = { ...existing, roles: parseRoles(body.roles) };
      store.putSitePermission(updated);
      return {
        '@odata.context': context(site, '/$entity'),
        ...toGraphPermission(updated),
      };
    },
  );

  app.delete(
    '/sites/:siteId/permissions/:permissionId',
    async (request: FastifyRequest<PermissionParams>, reply) => {
      const { site } = requirePermissionManagement(deps, request, request.params.siteId);
      if (!store.deleteSitePermission(site.id, request.params.permissionId)) {
        throw itemNotFound('The specified permission was not found');
      }
      return reply.status(204).send();
    },
  );
}

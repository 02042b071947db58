// GET /sites/root, /sites/{site-id} and /sites/{hostname}:/{server-relative-path}
// (api/site-get.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphError } from '../http/graph-error.js';
import { applySelect } from '../http/odata.js';
import {
  metadataUrl,
  queryOption,
  requireSiteLevel,
  requireSitesAccess,
  requireSitesCaller,
  type SharePointDeps,
} from './access.js';
import { notSupportedBySandbox, siteNotFound } from './errors.js';
import { toGraphSite } from './graph-json.js';
import type { Site } from './model.js';

type SiteParams = { Params: { siteId: string } };

export function registerSiteRoutes(app: FastifyInstance, deps: SharePointDeps): void {
  const respond = (request: FastifyRequest, site: Site) => ({
    '@odata.context': metadataUrl(deps, 'sites/$entity'),
    ...applySelect(toGraphSite(site), queryOption(request.query, 'select')),
  });

  app.get('/sites/:siteId', async (request: FastifyRequest<SiteParams>) => {
    const { site } = requireSitesAccess(deps, request, request.params.siteId, 'read');
    return respond(request, site);
  });

  // The path form `/sites/{hostname}:/{path}` spans several segments; the parametric routes
  // above and in the list and item modules win over this wildcard.
  app.get('/sites/*', async (request: FastifyRequest<{ Params: { '*': string } }>) => {
    const rest = request.params['*'];
    const match = /^([^/:]+):(\/[^:]*?)\/?:?$/.exec(rest);
    if (!match) {
      if (/^[^/:]+:\/[^:]*:\/.+/.test(rest)) {
        throw notSupportedBySandbox('Addressing lists through the hostname:/path: form');
      }
      const segment = rest.split('/').filter(Boolean).pop() ?? '';
      throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
    }
    const caller = requireSitesCaller(request);
    const [, hostname = '', path = '/'] = match;
    const wanted = path === '' ? '/' : path.toLowerCase();
    const site = deps.store
      .sitesOfTenant(caller.tenantId)
      .find(
        (candidate) =>
          candidate.hostname.toLowerCase() === hostname.toLowerCase() &&
          candidate.serverRelativeUrl.toLowerCase() === wanted,
      );
    if (!site) throw siteNotFound();
    requireSiteLevel(deps, caller, site, 'read');
    return respond(request, site);
  });
}

// Lists and their columns: GET/POST /sites/{site}/lists, GET/DELETE …/lists/{list},
// GET/POST …/lists/{list}/columns, GET …/columns/{column} (api/list-create.md, list-get.md,
// list-list.md, list-delete.md, list-post-columns.md, columndefinition-get.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseGraphBody } from '../http/graph-error.js';
import { applySelect } from '../http/odata.js';
import { newGuid } from '../ids.js';
import {
  allColumns,
  metadataUrl,
  nowStamp,
  principalOf,
  queryOption,
  requireSitesAccess,
  resolveList,
  resolveSite,
  type SharePointDeps,
} from './access.js';
import { parseColumnDefinition } from './column-definition.js';
import {
  columnNotFound,
  invalidRequest,
  nameAlreadyExists,
  notSupportedBySandbox,
} from './errors.js';
import { toGraphColumn, toGraphList } from './graph-json.js';
import { compileListFilter } from './list-filter.js';
import type { ColumnDefinition, Site, SpList } from './model.js';
import { stripAnnotations } from './odata-body.js';
import { parseExpand } from './query-options.js';

type SiteParams = { Params: { siteId: string } };
type ListParams = { Params: { siteId: string; listId: string } };
type ColumnParams = { Params: { siteId: string; listId: string; columnId: string } };

const ZListCreate = z.strictObject({
  displayName: z.string().min(1).max(255),
  description: z.string().optional(),
  name: z.unknown().optional(),
  columns: z.array(z.unknown()).optional(),
  list: z
    .strictObject({
      template: z.string().optional(),
      hidden: z.boolean().optional(),
      contentTypesEnabled: z.boolean().optional(),
    })
    .optional(),
});

/** SharePoint derives a list's URL name from its title without spaces and punctuation. */
function urlNameFor(displayName: string, taken: readonly SpList[]): string {
  const base = displayName.replace(/[^A-Za-z0-9_-]/g, '') || 'List';
  let name = base;
  for (let n = 1; taken.some((list) => list.name.toLowerCase() === name.toLowerCase()); n++) {
    name = `${base}${n}`;
  }
  return name;
}

export function registerListRoutes(app: FastifyInstance, deps: SharePointDeps): void {
  const { store } = deps;

  const renderList = (request: FastifyRequest, site: Site, list: SpList) => {
    const expand = parseExpand(queryOption(request.query, 'expand'), ['columns'], 'list');
    const json = applySelect(toGraphList(site, list), queryOption(request.query, 'select'));
    if (!expand.has('columns')) return json;
    const select = expand.get('columns')?.select;
    return {
      ...json,
      columns: allColumns(deps, list).map((column) =>
        applySelect(toGraphColumn(column), select?.join(',')),
      ),
    };
  };

  app.get('/sites/:siteId/lists', async (request: FastifyRequest<SiteParams>) => {
    const caller = requireSitesAccess(request, 'read');
    const site = resolveSite(deps, caller, request.params.siteId);
    const filter = queryOption(request.query, 'filter');
    const keep = filter ? compileListFilter(filter) : () => true;
    return {
      '@odata.context': metadataUrl(deps, `sites('${site.id}')/lists`),
      value: store
        .listsOfSite(site.id)
        .filter(keep)
        .map((list) => renderList(request, site, list)),
    };
  });

  app.post('/sites/:siteId/lists', async (request: FastifyRequest<SiteParams>, reply) => {
    const caller = requireSitesAccess(request, 'manage');
    const site = resolveSite(deps, caller, request.params.siteId);
    const body = parseGraphBody(ZListCreate, stripAnnotations(request.body), 'list');
    if (body.name !== undefined) {
      throw invalidRequest(
        "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
      );
    }
    const template = body.list?.template ?? 'genericList';
    if (template !== 'genericList') throw notSupportedBySandbox(`The list template '${template}'`);
    const columns: ColumnDefinition[] = [];
    for (const raw of body.columns ?? []) columns.push(parseColumnDefinition(raw, columns));

    const list = store.transaction(() => {
      const existing = store.listsOfSite(site.id);
      if (existing.some((l) => l.displayName.toLowerCase() === body.displayName.toLowerCase())) {
        throw nameAlreadyExists(
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
        );
      }
      const now = nowStamp(deps);
      const editor = store.editorFor(site.id, principalOf(deps.ctx, caller));
      const created: SpList = {
        id: newGuid(),
        siteId: site.id,
        name: urlNameFor(body.displayName, existing),
        displayName: body.displayName,
        description: body.description ?? '',
        template,
        hidden: body.list?.hidden ?? false,
        contentTypesEnabled: body.list?.contentTypesEnabled ?? false,
        contentTypeId: `0x0100${newGuid().replace(/-/g, '').toUpperCase()}`,
        rootFolderId: newGuid(),
        version: 0,
        created: now,
        modified: now,
        createdBy: editor,
        modifiedBy: editor,
      };
      store.insertList(created);
      for (const column of columns) store.insertColumn(created.id, column);
      return created;
    });
    return reply.status(201).send({
      '@odata.context': metadataUrl(deps, `sites('${site.id}')/lists/$entity`),
      ...toGraphList(site, list),
    });
  });

  app.get('/sites/:siteId/lists/:listId', async (request: FastifyRequest<ListParams>) => {
    const caller = requireSitesAccess(request, 'read');
    const site = resolveSite(deps, caller, request.params.siteId);
    const list = resolveList(deps, site, request.params.listId);
    return {
      '@odata.context': metadataUrl(deps, `sites('${site.id}')/lists/$entity`),
      ...renderList(request, site, list),
    };
  });

  app.delete('/sites/:siteId/lists/:listId', async (request: FastifyRequest<ListParams>, reply) => {
    const caller = requireSitesAccess(request, 'manage');
    const site = resolveSite(deps, caller, request.params.siteId);
    const list = resolveList(deps, site, request.params.listId);
    store.deleteList(list.id);
    return reply.status(204).send();
  });

  app.get('/sites/:siteId/lists/:listId/columns', async (request: FastifyRequest<ListParams>) => {
    const caller = requireSitesAccess(request, 'read');
    const site = resolveSite(deps, caller, request.params.siteId);
    const list = resolveList(deps, site, request.params.listId);
    const select = queryOption(request.query, 'select');
    return {
      '@odata.context': metadataUrl(deps, `sites('${site.id}')/lists('${list.id}')/columns`),
      value: allColumns(deps, list).map((column) => applySelect(toGraphColumn(column), select)),
    };
  });

  app.get(
    '/sites/:siteId/lists/:listId/columns/:columnId',
    async (request: FastifyRequest<ColumnParams>) => {
      const caller = requireSitesAccess(request, 'read');
      const site = resolveSite(deps, caller, request.params.siteId);
      const list = resolveList(deps, site, request.params.listId);
      const wanted = request.params.columnId.toLowerCase();
      const column = allColumns(deps, list).find(
        (c) => c.id.toLowerCase() === wanted || c.name.toLowerCase() === wanted,
      );
      if (!column) throw columnNotFound();
      return {
        '@odata.context': metadataUrl(
          deps,
          `sites('${site.id}')/lists('${list.id}')/columns/$entity`,
        ),
        ...applySelect(toGraphColumn(column), queryOption(request.query, 'select')),
      };
    },
  );

  app.post(
    '/sites/:siteId/lists/:listId/columns',
    async (request: FastifyRequest<ListParams>, reply) => {
      const caller = requireSitesAccess(request, 'manage');
      const site = resolveSite(deps, caller, request.params.siteId);
      const column = store.transaction(() => {
        const list = resolveList(deps, site, request.params.listId);
        const parsed = parseColumnDefinition(request.body, store.customColumns(list.id));
        store.insertColumn(list.id, parsed);
        const now = nowStamp(deps);
        store.touchList(
          list.id,
          now,
          store.editorFor(site.id, principalOf(deps.ctx, caller)),
          true,
        );
        return { list, parsed };
      });
      return reply.status(201).send({
        '@odata.context': metadataUrl(
          deps,
          `sites('${site.id}')/lists('${column.list.id}')/columns/$entity`,
        ),
        ...toGraphColumn(column.parsed),
      });
    },
  );
}

// Lists and their columns: GET/POST /sites/{site}/lists, GET/DELETE …/lists/{list},
// GET/POST …/lists/{list}/columns, GET/PATCH …/columns/{column} (api/list-create.md,
// list-get.md, list-list.md, list-delete.md, list-post-columns.md, columndefinition-get.md,
// columndefinition-update.md).
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
  type SharePointDeps,
} from './access.js';
import { parseColumnDefinition, parseColumnUpdate } from './column-definition.js';
import {
  columnNotFound,
  invalidRequest,
  nameAlreadyExists,
  notSupportedBySandbox,
} from './errors.js';
import { isIndexSuppressed, readSharePointFaults } from './faults.js';
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

  /** The column as stored: an index the fault settings suppress did not take (faults.ts). */
  const asCreated = (column: ColumnDefinition): ColumnDefinition =>
    column.indexed && isIndexSuppressed(readSharePointFaults(deps.ctx), column.name)
      ? { ...column, indexed: false, enforceUniqueValues: false }
      : column;

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
    const { site } = requireSitesAccess(deps, request, request.params.siteId, 'read');
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
    const { caller, site } = requireSitesAccess(deps, request, request.params.siteId, 'manage');
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
      for (const column of columns) store.insertColumn(created.id, asCreated(column));
      return created;
    });
    return reply.status(201).send({
      '@odata.context': metadataUrl(deps, `sites('${site.id}')/lists/$entity`),
      ...toGraphList(site, list),
    });
  });

  app.get('/sites/:siteId/lists/:listId', async (request: FastifyRequest<ListParams>) => {
    const { site } = requireSitesAccess(deps, request, request.params.siteId, 'read');
    const list = resolveList(deps, site, request.params.listId);
    return {
      '@odata.context': metadataUrl(deps, `sites('${site.id}')/lists/$entity`),
      ...renderList(request, site, list),
    };
  });

  app.delete('/sites/:siteId/lists/:listId', async (request: FastifyRequest<ListParams>, reply) => {
    const { site } = requireSitesAccess(deps, request, request.params.siteId, 'manage');
    const list = resolveList(deps, site, request.params.listId);
    store.deleteList(list.id);
    return reply.status(204).send();
  });

  app.get('/sites/:siteId/lists/:listId/columns', async (request: FastifyRequest<ListParams>) => {
    const { site } = requireSitesAccess(deps, request, request.params.siteId, 'read');
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
      const { site } = requireSitesAccess(deps, request, request.params.siteId, 'read');
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
      const { caller, site } = requireSitesAccess(deps, request, request.params.siteId, 'manage');
      const column = store.transaction(() => {
        const list = resolveList(deps, site, request.params.listId);
        const parsed = parseColumnDefinition(request.body, store.customColumns(list.id));
        store.insertColumn(list.id, asCreated(parsed));
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

  app.patch(
    '/sites/:siteId/lists/:listId/columns/:columnId',
    async (request: FastifyRequest<ColumnParams>) => {
      const { caller, site } = requireSitesAccess(deps, request, request.params.siteId, 'manage');
      const { list, answer } = store.transaction(() => {
        const list = resolveList(deps, site, request.params.listId);
        const wanted = request.params.columnId.toLowerCase();
        const current = store
          .customColumns(list.id)
          .find((c) => c.id.toLowerCase() === wanted || c.name.toLowerCase() === wanted);
        if (!current) {
          if (
            allColumns(deps, list).some((c) => c.id === wanted || c.name.toLowerCase() === wanted)
          )
            throw notSupportedBySandbox('Changing a built-in column');
          throw columnNotFound();
        }
        const updated = parseColumnUpdate(
          request.body,
          current,
          store.itemsOf(list.id).map((item) => item.fields),
        );
        const faults = readSharePointFaults(deps.ctx);
        const stuck =
          faults.indexRepairIgnored &&
          updated.indexed &&
          !current.indexed &&
          isIndexSuppressed(faults, current.name);
        // A repair that silently does not take answers as if it had (faults.ts).
        store.updateColumn(
          list.id,
          stuck ? { ...updated, indexed: false, enforceUniqueValues: false } : updated,
        );
        store.touchList(
          list.id,
          nowStamp(deps),
          store.editorFor(site.id, principalOf(deps.ctx, caller)),
          true,
        );
        return { list, answer: updated };
      });
      return {
        '@odata.context': metadataUrl(
          deps,
          `sites('${site.id}')/lists('${list.id}')/columns/$entity`,
        ),
        ...toGraphColumn(answer),
      };
    },
  );
}

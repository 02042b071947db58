// Reading list items: GET …/items (with $filter, $orderby, $top, paging and
// expand=fields(select=…)), GET …/items/{id} and GET …/items/{id}/fields
// (api/listitem-list.md, listitem-get.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { applySelect, parsePrefer, parseTop } from '../http/odata.js';
import {
  metadataUrl,
  queryOption,
  requireSitesAccess,
  resolveList,
  writableColumns,
  type SharePointDeps,
} from './access.js';
import { listItemNotFound } from './errors.js';
import { readSharePointFaults } from './faults.js';
import { formatETag, toGraphFields, toGraphListItem } from './graph-json.js';
import { compileItemFilter, parseOrderBy, queryableFields, sortItems } from './item-filter.js';
import type { ColumnDefinition, Site, SpItem, SpList } from './model.js';
import { parseFilter } from './odata-filter.js';
import {
  decodeSkipToken,
  encodeSkipToken,
  parseExpand,
  type ExpandOption,
} from './query-options.js';

type ListParams = { Params: { siteId: string; listId: string } };
type ItemParams = { Params: { siteId: string; listId: string; itemId: string } };

/** Graph pages list items by 200 unless $top says otherwise. */
const DEFAULT_PAGE_SIZE = 200;
/** SharePoint's list view threshold: the most items one query returns. */
const MAX_PAGE_SIZE = 5000;

export interface ItemScope {
  readonly site: Site;
  readonly list: SpList;
  readonly columns: readonly ColumnDefinition[];
}

export function resolveItemScope(
  deps: SharePointDeps,
  request: FastifyRequest<ListParams>,
  access: 'read' | 'write',
): ItemScope {
  const { site } = requireSitesAccess(deps, request, request.params.siteId, access);
  const list = resolveList(deps, site, request.params.listId);
  return { site, list, columns: writableColumns(deps, list) };
}

/** A listItem as Graph returns it, with `fields` when expanded. */
export function renderItem(
  scope: ItemScope,
  item: SpItem,
  select: string | undefined,
  fields: ExpandOption | undefined,
): Record<string, unknown> {
  const json = applySelect(toGraphListItem(scope.site, scope.list, item), select);
  if (!fields) return json;
  return { ...json, fields: toGraphFields(scope.columns, item, fields.select) };
}

function itemContext(deps: SharePointDeps, scope: ItemScope, suffix: string): string {
  return metadataUrl(deps, `sites('${scope.site.id}')/lists('${scope.list.id}')/items${suffix}`);
}

export function registerItemReadRoutes(app: FastifyInstance, deps: SharePointDeps): void {
  app.get('/sites/:siteId/lists/:listId/items', async (request: FastifyRequest<ListParams>) => {
    const scope = resolveItemScope(deps, request, 'read');
    const query = request.query;
    const honorNonIndexed = parsePrefer(request.headers.prefer).honorNonIndexedQueries;
    const expand = parseExpand(queryOption(query, 'expand'), ['fields'], 'listItem');
    const fields = queryableFields(scope.columns);
    const filter = queryOption(query, 'filter');
    const orderBy = queryOption(query, 'orderby');
    const order = orderBy ? parseOrderBy(orderBy, fields, honorNonIndexed) : [];
    // A page may hold fewer items than $top asks (server-side paging, faults.ts).
    const top = Math.min(
      parseTop(queryOption(query, 'top'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
      readSharePointFaults(deps.ctx).maxPageSize ?? MAX_PAGE_SIZE,
    );
    const start = decodeSkipToken(queryOption(query, 'skiptoken'));

    let items = deps.store.itemsOf(scope.list.id);
    if (filter)
      items = items.filter(compileItemFilter(parseFilter(filter), fields, honorNonIndexed));
    if (order.length > 0) items = sortItems(items, order);
    const from =
      start === undefined
        ? 0
        : 'offset' in start
          ? start.offset
          : items.findIndex((item) => item.id > start.afterId);
    const page = from < 0 ? [] : items.slice(from, from + top);
    const hasMore = from >= 0 && from + top < items.length;
    const last = page[page.length - 1];

    const response: Record<string, unknown> = {
      '@odata.context': itemContext(deps, scope, ''),
      value: page.map((item) =>
        renderItem(scope, item, queryOption(query, 'select'), expand.get('fields')),
      ),
    };
    if (hasMore && last) {
      const token = encodeSkipToken(
        order.length > 0 ? { offset: from + top } : { afterId: last.id },
      );
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
        if (!/^\$?skiptoken$/i.test(name) && typeof value === 'string') params.set(name, value);
      }
      params.set('$skiptoken', token);
      const path = request.url.split('?')[0] ?? '';
      response['@odata.nextLink'] = `${deps.ctx.urls.https}${path}?${params.toString()}`;
    }
    return response;
  });

  app.get(
    '/sites/:siteId/lists/:listId/items/:itemId',
    async (request: FastifyRequest<ItemParams>, reply) => {
      const scope = resolveItemScope(deps, request, 'read');
      const item = deps.store.findItem(scope.list.id, request.params.itemId);
      if (!item) throw listItemNotFound();
      const expand = parseExpand(queryOption(request.query, 'expand'), ['fields'], 'listItem');
      const fields = expand.get('fields');
      reply.header('ETag', formatETag(item.uniqueId, item.version));
      return {
        '@odata.context': itemContext(deps, scope, '/$entity'),
        ...renderItem(scope, item, queryOption(request.query, 'select'), undefined),
        ...(fields
          ? {
              'fields@odata.context': itemContext(deps, scope, `('${item.id}')/fields/$entity`),
              fields: toGraphFields(scope.columns, item, fields.select),
            }
          : {}),
      };
    },
  );

  app.get(
    '/sites/:siteId/lists/:listId/items/:itemId/fields',
    async (request: FastifyRequest<ItemParams>, reply) => {
      const scope = resolveItemScope(deps, request, 'read');
      const item = deps.store.findItem(scope.list.id, request.params.itemId);
      if (!item) throw listItemNotFound();
      const select = queryOption(request.query, 'select');
      reply.header('ETag', formatETag(item.uniqueId, item.version));
      return {
        '@odata.context': itemContext(deps, scope, `('${item.id}')/fields/$entity`),
        ...toGraphFields(
          scope.columns,
          item,
          select?.split(',').map((name) => name.trim()),
        ),
      };
    },
  );
}

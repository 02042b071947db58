// Writing list items: POST …/items, PATCH …/items/{id}/fields and DELETE …/items/{id}
// (api/listitem-create.md, listitem-update.md, listitem-delete.md). Each request checks and
// writes inside one SQLite transaction, so of two PATCHes with the same If-Match exactly one
// wins and the other gets 412 with nothing written.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { GraphError, parseGraphBody } from '../http/graph-error.js';
import { newGuid } from '../ids.js';
import { callerOf } from '../context.js';
import { metadataUrl, nowStamp, principalOf, type SharePointDeps } from './access.js';
import { invalidRequest, listItemNotFound } from './errors.js';
import { applyFieldWrites, checkUniqueValues } from './field-values.js';
import { formatETag, toGraphFields } from './graph-json.js';
import { renderItem, resolveItemScope, type ItemScope } from './item-read-routes.js';
import type { SpItem } from './model.js';
import { stripAnnotations } from './odata-body.js';

type ListParams = { Params: { siteId: string; listId: string } };
type ItemParams = { Params: { siteId: string; listId: string; itemId: string } };

const ZFields = z.record(z.string(), z.unknown());
const ZItemCreate = z.strictObject({
  fields: ZFields.optional(),
  contentType: z
    .strictObject({ id: z.string().optional(), name: z.string().optional() })
    .optional(),
});

/**
 * Whether an If-Match header matches the item's current eTag. Accepts the eTag as Graph
 * returns it (`"{guid},{version}"`), without the quotes, weak (W/"…"), or `*` (any version).
 */
export function eTagMatches(header: string, item: SpItem): boolean {
  const value = header.trim();
  if (value === '*') return true;
  const bare = value.replace(/^W\//, '').replace(/^"(.*)"$/s, '$1');
  return bare.toLowerCase() === `${item.uniqueId},${item.version}`.toLowerCase();
}

function checkIfMatch(request: FastifyRequest, item: SpItem): void {
  const header = request.headers['if-match'];
  if (header === undefined) return;
  const given = Array.isArray(header) ? header.join(',') : header;
  if (!eTagMatches(given, item)) {
    throw new GraphError(
      412,
      'preconditionFailed',
      `ETag mismatch (etagMismatch): the request ETag value '${given}' does not match the object's ETag value '${formatETag(item.uniqueId, item.version)}'.`,
    );
  }
}

function requireObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  }
  return body as Record<string, unknown>;
}

function otherItemsFields(deps: SharePointDeps, scope: ItemScope, exceptId: number | undefined) {
  return deps.store
    .itemsOf(scope.list.id)
    .filter((item) => item.id !== exceptId)
    .map((item) => item.fields);
}

export function registerItemWriteRoutes(app: FastifyInstance, deps: SharePointDeps): void {
  const { store } = deps;

  app.post(
    '/sites/:siteId/lists/:listId/items',
    async (request: FastifyRequest<ListParams>, reply) => {
      const scope = resolveItemScope(deps, request, 'write');
      const body = parseGraphBody(ZItemCreate, stripAnnotations(request.body), 'listItem');
      if (body.contentType?.name !== undefined && body.contentType.name !== 'Item') {
        throw invalidRequest(
          `The content type '${body.contentType.name}' does not exist in the list.`,
        );
      }
      const principal = principalOf(deps.ctx, callerOf(request));
      const item = store.transaction(() => {
        const fields = applyFieldWrites(scope.columns, {}, body.fields ?? {}, 'create');
        checkUniqueValues(scope.columns, fields, otherItemsFields(deps, scope, undefined));
        const now = nowStamp(deps);
        const editor = store.editorFor(scope.site.id, principal);
        const created = store.insertItem({
          listId: scope.list.id,
          uniqueId: newGuid(),
          version: 1,
          fields,
          created: now,
          modified: now,
          createdBy: editor,
          modifiedBy: editor,
        });
        store.touchList(scope.list.id, now, editor, false);
        return created;
      });
      reply.header('ETag', formatETag(item.uniqueId, item.version));
      return reply.status(201).send({
        '@odata.context': metadataUrl(
          deps,
          `sites('${scope.site.id}')/lists('${scope.list.id}')/items/$entity`,
        ),
        ...renderItem(scope, item, undefined, { select: undefined }),
      });
    },
  );

  app.patch(
    '/sites/:siteId/lists/:listId/items/:itemId/fields',
    async (request: FastifyRequest<ItemParams>, reply) => {
      const scope = resolveItemScope(deps, request, 'write');
      const body = requireObject(request.body);
      const principal = principalOf(deps.ctx, callerOf(request));
      const item = store.transaction(() => {
        const current = store.findItem(scope.list.id, request.params.itemId);
        if (!current) throw listItemNotFound();
        checkIfMatch(request, current);
        const fields = applyFieldWrites(scope.columns, current.fields, body, 'update');
        checkUniqueValues(scope.columns, fields, otherItemsFields(deps, scope, current.id));
        const now = nowStamp(deps);
        const editor = store.editorFor(scope.site.id, principal);
        // Every write is a new version and a new eTag, also one that changes no value.
        const updated: SpItem = {
          ...current,
          version: current.version + 1,
          fields,
          modified: now,
          modifiedBy: editor,
        };
        store.updateItem(updated);
        store.touchList(scope.list.id, now, editor, false);
        return updated;
      });
      reply.header('ETag', formatETag(item.uniqueId, item.version));
      return {
        '@odata.context': metadataUrl(
          deps,
          `sites('${scope.site.id}')/lists('${scope.list.id}')/items('${item.id}')/fields/$entity`,
        ),
        ...toGraphFields(scope.columns, item, undefined),
      };
    },
  );

  app.delete(
    '/sites/:siteId/lists/:listId/items/:itemId',
    async (request: FastifyRequest<ItemParams>, reply) => {
      const scope = resolveItemScope(deps, request, 'write');
      const principal = principalOf(deps.ctx, callerOf(request));
      store.transaction(() => {
        const current = store.findItem(scope.list.id, request.params.itemId);
        if (!current) throw listItemNotFound();
        checkIfMatch(request, current);
        store.deleteItem(scope.list.id, current.id);
        store.touchList(
          scope.list.id,
          nowStamp(deps),
          store.editorFor(scope.site.id, principal),
          false,
        );
      });
      return reply.status(204).send();
    },
  );
}

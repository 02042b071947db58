// Persistence of sites, lists, columns and items in the sandbox's SQLite database. Callers wrap
// multi-statement writes in one transaction (see item-routes.ts), so a request writes all or
// nothing.
import type { Db } from '../store/db.js';
import { parseJson } from '../store/db.js';
import type {
  ColumnDefinition,
  Editor,
  FieldValues,
  Principal,
  Site,
  SitePermission,
  SiteRole,
  SpItem,
  SpList,
} from './model.js';

interface SiteRow {
  id: string;
  tenant_id: string;
  hostname: string;
  site_collection_id: string;
  web_id: string;
  server_relative_url: string;
  name: string;
  display_name: string;
  description: string;
  is_root: number;
  created: string;
  modified: string;
}

interface ListRow {
  id: string;
  site_id: string;
  name: string;
  display_name: string;
  description: string;
  template: string;
  hidden: number;
  content_types_enabled: number;
  content_type_id: string;
  root_folder_id: string;
  version: number;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
}

interface ItemRow {
  list_id: string;
  id: number;
  unique_id: string;
  version: number;
  fields: string;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
}

const toSite = (row: SiteRow): Site => ({
  id: row.id,
  tenantId: row.tenant_id,
  hostname: row.hostname,
  siteCollectionId: row.site_collection_id,
  webId: row.web_id,
  serverRelativeUrl: row.server_relative_url,
  name: row.name,
  displayName: row.display_name,
  description: row.description,
  isRoot: row.is_root === 1,
  created: row.created,
  modified: row.modified,
});

const toList = (row: ListRow): SpList => ({
  id: row.id,
  siteId: row.site_id,
  name: row.name,
  displayName: row.display_name,
  description: row.description,
  template: row.template,
  hidden: row.hidden === 1,
  contentTypesEnabled: row.content_types_enabled === 1,
  contentTypeId: row.content_type_id,
  rootFolderId: row.root_folder_id,
  version: row.version,
  created: row.created,
  modified: row.modified,
  createdBy: parseJson<Editor>(row.created_by, unknownEditor),
  modifiedBy: parseJson<Editor>(row.modified_by, unknownEditor),
});

const toItem = (row: ItemRow): SpItem => ({
  listId: row.list_id,
  id: row.id,
  uniqueId: row.unique_id,
  version: row.version,
  fields: parseJson<FieldValues>(row.fields, {}),
  created: row.created,
  modified: row.modified,
  createdBy: parseJson<Editor>(row.created_by, unknownEditor),
  modifiedBy: parseJson<Editor>(row.modified_by, unknownEditor),
});

const unknownEditor: Editor = {
  principal: { kind: 'app', id: '', displayName: 'SharePoint App' },
  lookupId: 1073741822,
};

/** SharePoint's user information list numbers principals per site; ours start here. */
const FIRST_LOOKUP_ID = 6;

/**
 * The parsed items of each list, per database. Reading a list parsed every item's JSON columns
 * on every request, so a first page of 50 out of 3,420 items cost as much as the whole list
 * (bench/api.ts): SharePoint itself answers an indexed query without reading the other items.
 * Every item write through any SharePointStore on the same database drops its list's entry;
 * nothing is cached while a transaction is open (a rollback would leave the entry wrong);
 * `forgetCachedItems` drops everything (the sandbox's reset empties the tables with plain SQL).
 * The cached items are frozen, so a caller that changed one would throw instead of changing
 * what the next request reads.
 */
const itemCache = new WeakMap<Db, Map<string, readonly SpItem[]>>();

export function forgetCachedItems(db: Db): void {
  itemCache.delete(db);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class SharePointStore {
  constructor(private readonly db: Db) {}

  private cachedLists(): Map<string, readonly SpItem[]> {
    let lists = itemCache.get(this.db);
    if (!lists) {
      lists = new Map();
      itemCache.set(this.db, lists);
    }
    return lists;
  }

  private forgetItemsOf(listId: string): void {
    itemCache.get(this.db)?.delete(listId);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  insertSite(site: Site): void {
    this.db
      .prepare(
        `INSERT INTO sp_sites (id, tenant_id, hostname, site_collection_id, web_id, server_relative_url,
          name, display_name, description, is_root, created, modified)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        site.id,
        site.tenantId,
        site.hostname,
        site.siteCollectionId,
        site.webId,
        site.serverRelativeUrl,
        site.name,
        site.displayName,
        site.description,
        site.isRoot ? 1 : 0,
        site.created,
        site.modified,
      );
  }

  sitesOfTenant(tenantId: string): Site[] {
    return (
      this.db
        .prepare('SELECT * FROM sp_sites WHERE tenant_id = ? ORDER BY is_root DESC, id')
        .all(tenantId) as SiteRow[]
    ).map(toSite);
  }

  /** The user's role on the site, if they have one. */
  userRole(siteId: string, userId: string): SiteRole | undefined {
    const row = this.db
      .prepare('SELECT role FROM sp_site_user_roles WHERE site_id = ? AND user_id = ?')
      .get(siteId, userId) as { role: SiteRole } | undefined;
    return row?.role;
  }

  /** Gives a user a role on the site (the seed; a test that needs a site member). */
  setUserRole(siteId: string, userId: string, role: SiteRole): void {
    this.db
      .prepare(
        `INSERT INTO sp_site_user_roles (site_id, user_id, role) VALUES (?, ?, ?)
         ON CONFLICT(site_id, user_id) DO UPDATE SET role = excluded.role`,
      )
      .run(siteId, userId, role);
  }

  sitePermissions(siteId: string): SitePermission[] {
    return (
      this.db
        .prepare(
          'SELECT id, site_id, app_id, display_name, roles FROM sp_site_permissions WHERE site_id = ? ORDER BY rowid',
        )
        .all(siteId) as {
        id: string;
        site_id: string;
        app_id: string;
        display_name: string;
        roles: string;
      }[]
    ).map((row) => ({
      id: row.id,
      siteId: row.site_id,
      appId: row.app_id,
      displayName: row.display_name,
      roles: parseJson<SiteRole[]>(row.roles, []),
    }));
  }

  /** Stores the app's permission on the site; an app has one, so a second grant replaces it. */
  putSitePermission(permission: SitePermission): void {
    this.db
      .prepare(
        `INSERT INTO sp_site_permissions (site_id, id, app_id, display_name, roles) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(site_id, app_id) DO UPDATE SET roles = excluded.roles, display_name = excluded.display_name`,
      )
      .run(
        permission.siteId,
        permission.id,
        permission.appId,
        permission.displayName,
        JSON.stringify(permission.roles),
      );
  }

  deleteSitePermission(siteId: string, id: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM sp_site_permissions WHERE site_id = ? AND id = ?')
        .run(siteId, id).changes > 0
    );
  }

  /** Replaces a column's definition (PATCH …/columns/{id}). */
  updateColumn(listId: string, column: ColumnDefinition): void {
    this.db
      .prepare('UPDATE sp_columns SET name = ?, definition = ? WHERE list_id = ? AND id = ?')
      .run(column.name, JSON.stringify(column), listId, column.id);
  }

  /** The principal's id in the site's user information list, added on first write. */
  editorFor(siteId: string, principal: Principal): Editor {
    const key = `${principal.kind}:${principal.id}`;
    const found = this.db
      .prepare('SELECT lookup_id FROM sp_site_users WHERE site_id = ? AND principal_id = ?')
      .get(siteId, key) as { lookup_id: number } | undefined;
    if (found) return { principal, lookupId: found.lookup_id };
    const { next } = this.db
      .prepare(
        'SELECT COALESCE(MAX(lookup_id) + 1, ?) AS next FROM sp_site_users WHERE site_id = ?',
      )
      .get(FIRST_LOOKUP_ID, siteId) as { next: number };
    this.db
      .prepare('INSERT INTO sp_site_users (site_id, lookup_id, principal_id) VALUES (?, ?, ?)')
      .run(siteId, next, key);
    return { principal, lookupId: next };
  }

  insertList(list: SpList): void {
    this.db
      .prepare(
        `INSERT INTO sp_lists (id, site_id, name, display_name, description, template, hidden,
          content_types_enabled, content_type_id, root_folder_id, version, next_item_id, created,
          modified, created_by, modified_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(
        list.id,
        list.siteId,
        list.name,
        list.displayName,
        list.description,
        list.template,
        list.hidden ? 1 : 0,
        list.contentTypesEnabled ? 1 : 0,
        list.contentTypeId,
        list.rootFolderId,
        list.version,
        list.created,
        list.modified,
        JSON.stringify(list.createdBy),
        JSON.stringify(list.modifiedBy),
      );
  }

  listsOfSite(siteId: string): SpList[] {
    return (
      this.db
        .prepare('SELECT * FROM sp_lists WHERE site_id = ? ORDER BY created, display_name')
        .all(siteId) as ListRow[]
    ).map(toList);
  }

  /** A list by id (GUID) or by its title, as Graph's /lists/{list-id | list-title}. */
  findList(siteId: string, idOrTitle: string): SpList | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM sp_lists WHERE site_id = ?
           AND (id = ? COLLATE NOCASE OR display_name = ? COLLATE NOCASE OR name = ? COLLATE NOCASE)
         ORDER BY id = ? COLLATE NOCASE DESC LIMIT 1`,
      )
      .get(siteId, idOrTitle, idOrTitle, idOrTitle, idOrTitle) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  /** Records a change of the list (schema or items): new eTag version and modification time. */
  touchList(listId: string, modified: string, modifiedBy: Editor, bumpVersion: boolean): void {
    this.db
      .prepare(
        'UPDATE sp_lists SET modified = ?, modified_by = ?, version = version + ? WHERE id = ?',
      )
      .run(modified, JSON.stringify(modifiedBy), bumpVersion ? 1 : 0, listId);
  }

  deleteList(listId: string): void {
    this.forgetItemsOf(listId);
    this.db.prepare('DELETE FROM sp_lists WHERE id = ?').run(listId);
  }

  /** The columns added to the list, in the order they were added. */
  customColumns(listId: string): ColumnDefinition[] {
    return (
      this.db
        .prepare('SELECT definition FROM sp_columns WHERE list_id = ? ORDER BY position')
        .all(listId) as { definition: string }[]
    ).map((row) => JSON.parse(row.definition) as ColumnDefinition);
  }

  insertColumn(listId: string, column: ColumnDefinition): void {
    this.db
      .prepare(
        `INSERT INTO sp_columns (list_id, id, position, name, definition)
         VALUES (?, ?, (SELECT COALESCE(MAX(position) + 1, 0) FROM sp_columns WHERE list_id = ?), ?, ?)`,
      )
      .run(listId, column.id, listId, column.name, JSON.stringify(column));
  }

  /** The list's items in id order (frozen: copy an item to change it). */
  itemsOf(listId: string): readonly SpItem[] {
    const cached = itemCache.get(this.db)?.get(listId);
    if (cached) return cached;
    const items = (
      this.db
        .prepare('SELECT * FROM sp_items WHERE list_id = ? ORDER BY id')
        .all(listId) as ItemRow[]
    ).map((row) => deepFreeze(toItem(row)));
    if (!this.db.inTransaction) this.cachedLists().set(listId, items);
    return items;
  }

  findItem(listId: string, id: string): SpItem | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const row = this.db
      .prepare('SELECT * FROM sp_items WHERE list_id = ? AND id = ?')
      .get(listId, Number(id)) as ItemRow | undefined;
    return row ? toItem(row) : undefined;
  }

  /** Stores a new item under the list's next id (ids are never reused, as in SharePoint). */
  insertItem(item: Omit<SpItem, 'id'>): SpItem {
    this.forgetItemsOf(item.listId);
    const { next } = this.db
      .prepare('SELECT next_item_id AS next FROM sp_lists WHERE id = ?')
      .get(item.listId) as { next: number };
    this.db.prepare('UPDATE sp_lists SET next_item_id = ? WHERE id = ?').run(next + 1, item.listId);
    const stored: SpItem = { ...item, id: next };
    this.db
      .prepare(
        `INSERT INTO sp_items (list_id, id, unique_id, version, fields, created, modified, created_by, modified_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        stored.listId,
        stored.id,
        stored.uniqueId,
        stored.version,
        JSON.stringify(stored.fields),
        stored.created,
        stored.modified,
        JSON.stringify(stored.createdBy),
        JSON.stringify(stored.modifiedBy),
      );
    return stored;
  }

  updateItem(item: SpItem): void {
    this.forgetItemsOf(item.listId);
    this.db
      .prepare(
        'UPDATE sp_items SET version = ?, fields = ?, modified = ?, modified_by = ? WHERE list_id = ? AND id = ?',
      )
      .run(
        item.version,
        JSON.stringify(item.fields),
        item.modified,
        JSON.stringify(item.modifiedBy),
        item.listId,
        item.id,
      );
  }

  deleteItem(listId: string, id: number): void {
    this.forgetItemsOf(listId);
    this.db.prepare('DELETE FROM sp_items WHERE list_id = ? AND id = ?').run(listId, id);
  }
}

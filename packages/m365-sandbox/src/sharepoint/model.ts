// The SharePoint objects the sandbox keeps: sites, lists, column definitions and list items.
// Values are stored as SharePoint keeps them (UTC timestamps, field values by internal name);
// graph-json.ts turns them into Graph's JSON.

export interface Site {
  /** Graph's composite id: "hostname,siteCollectionId,webId". */
  readonly id: string;
  readonly tenantId: string;
  readonly hostname: string;
  readonly siteCollectionId: string;
  readonly webId: string;
  /** "/" for the root site, "/sites/x" for a site collection. */
  readonly serverRelativeUrl: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly isRoot: boolean;
  readonly created: string;
  readonly modified: string;
}

/**
 * A right on a site. For applications, the roles of a Sites.Selected grant
 * (concepts/permissions-selected-overview.md: read, write, owner, fullcontrol); for users, their
 * site permission level (Visitors read, Members write, Owners owner, site collection
 * administrators fullcontrol).
 */
export const SITE_ROLES = ['read', 'write', 'owner', 'fullcontrol'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/** An application's permission on a site (POST /sites/{id}/permissions). */
export interface SitePermission {
  /** Graph's id of an application permission: base64 of its claim, one per app and site. */
  readonly id: string;
  readonly siteId: string;
  readonly appId: string;
  readonly displayName: string;
  readonly roles: readonly SiteRole[];
}

/** Who wrote something: Graph's identitySet has a user or an application. */
export type Principal =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly displayName: string;
      readonly email: string;
    }
  | { readonly kind: 'app'; readonly id: string; readonly displayName: string };

/** A principal with its id in the site's user information list (AuthorLookupId & co). */
export interface Editor {
  readonly principal: Principal;
  readonly lookupId: number;
}

export interface SpList {
  readonly id: string;
  readonly siteId: string;
  /** The URL name (…/Lists/{name}); derived from the display name at creation. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly template: string;
  readonly hidden: boolean;
  readonly contentTypesEnabled: boolean;
  /** Id of the list's "Item" content type (0x0100…). */
  readonly contentTypeId: string;
  /** Id of the list's root folder: listItem.parentReference.id. */
  readonly rootFolderId: string;
  /** Bumped on every change of the list's schema or metadata (the list's eTag). */
  readonly version: number;
  readonly created: string;
  readonly modified: string;
  readonly createdBy: Editor;
  readonly modifiedBy: Editor;
}

export type ColumnFacet =
  | {
      readonly kind: 'text';
      readonly allowMultipleLines: boolean;
      readonly appendChangesToExistingText: boolean;
      readonly linesForEditing: number;
      readonly maxLength: number;
    }
  | {
      readonly kind: 'number';
      readonly decimalPlaces: string;
      readonly displayAs: string;
      readonly minimum: number | null;
      readonly maximum: number | null;
    }
  | {
      readonly kind: 'dateTime';
      readonly displayAs: string;
      readonly format: 'dateOnly' | 'dateTime';
    }
  | {
      readonly kind: 'choice';
      readonly allowTextEntry: boolean;
      readonly choices: readonly string[];
      readonly displayAs: string;
    }
  | { readonly kind: 'boolean' }
  // Only built-in, read-only columns (Author, Editor, ItemChildCount, …) have these two.
  | { readonly kind: 'personOrGroup' }
  | { readonly kind: 'lookup'; readonly columnName: string };

export type ColumnKind = ColumnFacet['kind'];

export interface ColumnDefinition {
  readonly id: string;
  /** The internal name: the key in fieldValueSet, in $filter and in $orderby. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly columnGroup: string;
  readonly indexed: boolean;
  readonly required: boolean;
  readonly enforceUniqueValues: boolean;
  readonly hidden: boolean;
  readonly readOnly: boolean;
  /** Value given to new items that do not set the column (defaultValue.value). */
  readonly defaultValue: string | null;
  readonly facet: ColumnFacet;
}

/** A stored field value; a column without a value has no key (Graph omits it). */
export type FieldValue = string | number | boolean;

export type FieldValues = Readonly<Record<string, FieldValue>>;

export interface SpItem {
  readonly listId: string;
  readonly id: number;
  /** The GUID in the item's eTag ("{uniqueId},{version}"). */
  readonly uniqueId: string;
  readonly version: number;
  readonly fields: FieldValues;
  readonly created: string;
  readonly modified: string;
  readonly createdBy: Editor;
  readonly modifiedBy: Editor;
}

/** SharePoint timestamps are whole seconds in UTC ("2022-06-14T19:30:00Z"). */
export function toSharePointTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

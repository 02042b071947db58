// SharePoint objects as Graph serialises them (resources/site.md, list.md, columndefinition.md,
// listitem.md, fieldvalueset.md). Property names and value types follow Microsoft's metadata;
// the contract tests check every payload against it.
import type { ColumnDefinition, Editor, Principal, Site, SpItem, SpList } from './model.js';

/** SharePoint's "SharePoint App" account: the Author of items that an app wrote. */
const SHAREPOINT_APP_LOOKUP_ID = 1073741822;

export function siteWebUrl(site: Site): string {
  return `https://${site.hostname}${site.serverRelativeUrl === '/' ? '' : site.serverRelativeUrl}`;
}

export function toGraphSite(site: Site) {
  return {
    id: site.id,
    name: site.name,
    displayName: site.displayName,
    description: site.description,
    webUrl: siteWebUrl(site),
    createdDateTime: site.created,
    lastModifiedDateTime: site.modified,
    ...(site.isRoot ? { root: {} } : {}),
    siteCollection: { hostname: site.hostname },
  };
}

/** `"{guid},{version}"`, quotes included, as SharePoint writes eTags. */
export function formatETag(guid: string, version: number): string {
  return `"${guid},${version}"`;
}

export function toIdentitySet(principal: Principal) {
  if (principal.kind === 'user') {
    return {
      user: { email: principal.email, id: principal.id, displayName: principal.displayName },
    };
  }
  return {
    application: { id: principal.id, displayName: principal.displayName },
    user: { displayName: 'SharePoint App' },
  };
}

export function toGraphList(site: Site, list: SpList) {
  const eTag = formatETag(list.id, list.version);
  return {
    '@odata.etag': eTag,
    id: list.id,
    name: list.name,
    displayName: list.displayName,
    description: list.description,
    eTag,
    webUrl: `${siteWebUrl(site)}/Lists/${list.name}`,
    createdDateTime: list.created,
    lastModifiedDateTime: list.modified,
    createdBy: toIdentitySet(list.createdBy.principal),
    lastModifiedBy: toIdentitySet(list.modifiedBy.principal),
    parentReference: { siteId: site.id },
    list: {
      contentTypesEnabled: list.contentTypesEnabled,
      hidden: list.hidden,
      template: list.template,
    },
  };
}

function facetBody(column: ColumnDefinition): Record<string, unknown> {
  const facet = column.facet;
  switch (facet.kind) {
    case 'text':
      return {
        allowMultipleLines: facet.allowMultipleLines,
        appendChangesToExistingText: facet.appendChangesToExistingText,
        linesForEditing: facet.linesForEditing,
        maxLength: facet.maxLength,
      };
    case 'number':
      // SharePoint reports an unbounded number column with the extremes of a double.
      return {
        decimalPlaces: facet.decimalPlaces,
        displayAs: facet.displayAs,
        maximum: facet.maximum ?? Number.MAX_VALUE,
        minimum: facet.minimum ?? -Number.MAX_VALUE,
      };
    case 'dateTime':
      return { displayAs: facet.displayAs, format: facet.format };
    case 'choice':
      return {
        allowTextEntry: facet.allowTextEntry,
        choices: [...facet.choices],
        displayAs: facet.displayAs,
      };
    case 'boolean':
      return {};
    case 'personOrGroup':
      return {
        allowMultipleSelection: false,
        chooseFromType: 'peopleAndGroups',
        displayAs: 'account',
      };
    case 'lookup':
      return {
        allowMultipleValues: false,
        allowUnlimitedLength: false,
        columnName: facet.columnName,
      };
  }
}

export function toGraphColumn(column: ColumnDefinition) {
  return {
    id: column.id,
    name: column.name,
    displayName: column.displayName,
    description: column.description,
    columnGroup: column.columnGroup,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    indexed: column.indexed,
    readOnly: column.readOnly,
    required: column.required,
    ...(column.defaultValue !== null ? { defaultValue: { value: column.defaultValue } } : {}),
    [column.facet.kind]: facetBody(column),
  };
}

function lookupIds(prefix: 'Author' | 'Editor', editor: Editor): Record<string, string> {
  if (editor.principal.kind === 'user') return { [`${prefix}LookupId`]: String(editor.lookupId) };
  return {
    [`${prefix}LookupId`]: String(SHAREPOINT_APP_LOOKUP_ID),
    [`App${prefix}LookupId`]: String(editor.lookupId),
  };
}

/**
 * The item's fieldValueSet: the columns that have a value (Graph leaves out empty ones), then
 * the values SharePoint computes. `select` (names, case-insensitive) narrows it.
 */
export function toGraphFields(
  columns: readonly ColumnDefinition[],
  item: SpItem,
  select: readonly string[] | undefined,
) {
  const title = item.fields.Title;
  const all: Record<string, unknown> = {};
  for (const column of columns) {
    const value = item.fields[column.name];
    if (value !== undefined) all[column.name] = value;
  }
  Object.assign(all, {
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.modified,
    Created: item.created,
    ...lookupIds('Author', item.createdBy),
    ...lookupIds('Editor', item.modifiedBy),
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title ?? '',
    LinkTitle: title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
    _ComplianceFlags: '',
    _ComplianceTag: '',
    _ComplianceTagWrittenTime: '',
    _ComplianceTagUserId: '',
  });
  const wanted = select ? new Set(select.map((name) => name.toLowerCase())) : undefined;
  const fields: Record<string, unknown> = {
    '@odata.etag': formatETag(item.uniqueId, item.version),
  };
  for (const [key, value] of Object.entries(all)) {
    if (!wanted || wanted.has(key.toLowerCase())) fields[key] = value;
  }
  return fields;
}

export function toGraphListItem(site: Site, list: SpList, item: SpItem) {
  const eTag = formatETag(item.uniqueId, item.version);
  return {
    '@odata.etag': eTag,
    id: String(item.id),
    eTag,
    createdDateTime: item.created,
    lastModifiedDateTime: item.modified,
    webUrl: `${siteWebUrl(site)}/Lists/${list.name}/${item.id}_.000`,
    createdBy: toIdentitySet(item.createdBy.principal),
    lastModifiedBy: toIdentitySet(item.modifiedBy.principal),
    parentReference: { id: list.rootFolderId, siteId: site.id },
    contentType: { id: list.contentTypeId, name: 'Item' },
  };
}

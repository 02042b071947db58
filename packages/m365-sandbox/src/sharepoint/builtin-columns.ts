// The columns every generic list has before anyone adds one (api/list-create.md: "In addition to
// any columns specified here, new lists are created with columns defined in the referenced
// template"). Ids are SharePoint's well-known field ids. Title is the only writable one.
import type { ColumnDefinition, ColumnFacet } from './model.js';

const BASE = {
  description: '',
  columnGroup: '_Hidden',
  indexed: false,
  required: false,
  enforceUniqueValues: false,
  hidden: false,
  readOnly: true,
  defaultValue: null,
} as const;

function builtin(
  id: string,
  name: string,
  displayName: string,
  facet: ColumnFacet,
  overrides: Partial<ColumnDefinition> = {},
): ColumnDefinition {
  return { ...BASE, id, name, displayName, facet, ...overrides };
}

const singleLine = {
  kind: 'text',
  allowMultipleLines: false,
  appendChangesToExistingText: false,
  linesForEditing: 0,
  maxLength: 255,
} as const;

export const TITLE_COLUMN: ColumnDefinition = builtin(
  'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  'Title',
  'Title',
  singleLine,
  // Deliberately not required: SharePoint's API does not enforce required columns on create
  // (see field-values.ts), and the sandbox enforces `required` only for the product's own
  // columns, so a Title-less item stays possible as in a tenant.
  { columnGroup: 'Custom Columns', readOnly: false },
);

export const BUILTIN_COLUMNS: readonly ColumnDefinition[] = [
  TITLE_COLUMN,
  builtin(
    '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
    'ID',
    'ID',
    {
      kind: 'number',
      decimalPlaces: 'none',
      displayAs: 'number',
      minimum: null,
      maximum: null,
    },
    // The item id column is always indexed in SharePoint.
    { indexed: true },
  ),
  builtin('c042a256-787d-4a6f-8a8a-cf6ab767f12d', 'ContentType', 'Content Type', singleLine, {
    hidden: true,
  }),
  builtin('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', {
    kind: 'dateTime',
    displayAs: 'standard',
    format: 'dateTime',
  }),
  builtin('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', {
    kind: 'dateTime',
    displayAs: 'standard',
    format: 'dateTime',
  }),
  builtin('1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'Created By', {
    kind: 'personOrGroup',
  }),
  builtin('d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'Modified By', {
    kind: 'personOrGroup',
  }),
  builtin('dce8262a-3ae9-45aa-aab4-83bd75fb738a', '_UIVersionString', 'Version', singleLine),
  builtin('67df98f4-9dec-48ff-a553-29bece9c5bf4', 'Attachments', 'Attachments', {
    kind: 'boolean',
  }),
  builtin('503f1caa-358e-4918-9094-4a2cdc4bc034', 'Edit', 'Edit', singleLine),
  builtin('9d30f126-ba48-446b-b8f9-83745f322ebe', 'LinkTitleNoMenu', 'Title', singleLine),
  builtin('82642ec8-ef9b-478f-acf9-31f7d45fbc31', 'LinkTitle', 'Title', singleLine),
  builtin('b824e17e-a1b3-426e-aecf-f0184d900485', 'ItemChildCount', 'Item Child Count', {
    kind: 'lookup',
    columnName: 'ItemChildCount',
  }),
  builtin('960ff01f-2b6d-4f1b-9c3f-e19ad8927341', 'FolderChildCount', 'Folder Child Count', {
    kind: 'lookup',
    columnName: 'FolderChildCount',
  }),
  builtin('6bfaba20-36bf-44b5-a1b2-eb6346d49716', 'AppAuthor', 'App Created By', {
    kind: 'lookup',
    columnName: 'Title',
  }),
  builtin('e08400f3-c779-4ed2-a18c-ab7f34caa318', 'AppEditor', 'App Modified By', {
    kind: 'lookup',
    columnName: 'Title',
  }),
];

/**
 * Keys of a fieldValueSet that SharePoint computes. Writing one is refused (Graph answers that
 * the field is read-only); `id` is the item id, the others mirror the built-in columns.
 */
export const READ_ONLY_FIELD_NAMES: ReadonlySet<string> = new Set([
  'id',
  'ID',
  'ContentType',
  'Modified',
  'Created',
  'Author',
  'Editor',
  'AuthorLookupId',
  'EditorLookupId',
  'AppAuthorLookupId',
  'AppEditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitleNoMenu',
  'LinkTitle',
  'ItemChildCount',
  'FolderChildCount',
  '_ComplianceFlags',
  '_ComplianceTag',
  '_ComplianceTagWrittenTime',
  '_ComplianceTagUserId',
]);

/** Internal names a new column may not take: every built-in name and fieldValueSet key. */
export function isReservedColumnName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    BUILTIN_COLUMNS.some((column) => column.name.toLowerCase() === lower) ||
    [...READ_ONLY_FIELD_NAMES].some((reserved) => reserved.toLowerCase() === lower)
  );
}

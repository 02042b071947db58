// Reads a columnDefinition from a request (POST …/lists with columns, POST …/lists/{id}/columns)
// as resources/columndefinition.md describes it: exactly one type facet, plus name, displayName,
// description, indexed, required, enforceUniqueValues, hidden and defaultValue.
import { z } from 'zod';
import { parseGraphBody } from '../http/graph-error.js';
import { newGuid } from '../ids.js';
import { isReservedColumnName } from './builtin-columns.js';
import { invalidRequest, nameAlreadyExists, notSupportedBySandbox } from './errors.js';
import { coerceFieldValue } from './field-values.js';
import type { ColumnDefinition, ColumnFacet } from './model.js';
import { stripAnnotations } from './odata-body.js';

const ZText = z.strictObject({
  allowMultipleLines: z.boolean().optional(),
  appendChangesToExistingText: z.boolean().optional(),
  linesForEditing: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(255).optional(),
  textType: z.enum(['plain']).optional(),
});
const ZNumber = z.strictObject({
  decimalPlaces: z.enum(['automatic', 'none', 'one', 'two', 'three', 'four', 'five']).optional(),
  displayAs: z.enum(['number', 'percentage']).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
const ZDateTime = z.strictObject({
  displayAs: z.enum(['default', 'friendly', 'standard']).optional(),
  format: z.enum(['dateOnly', 'dateTime']).optional(),
});
const ZChoice = z.strictObject({
  allowTextEntry: z.boolean().optional(),
  choices: z.array(z.string().min(1).max(255)).optional(),
  displayAs: z.enum(['checkBoxes', 'dropDownMenu', 'radioButtons']).optional(),
});

/** Facets the sandbox keeps, and the other facets Graph knows (refused with a clear message). */
const SUPPORTED_FACETS = ['text', 'number', 'dateTime', 'choice', 'boolean'] as const;
const OTHER_FACETS = [
  'calculated',
  'contentApprovalStatus',
  'currency',
  'geolocation',
  'hyperlinkOrPicture',
  'lookup',
  'personOrGroup',
  'term',
  'thumbnail',
] as const;

const ZColumn = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  displayName: z.string().max(255).optional(),
  description: z.string().optional(),
  columnGroup: z.string().optional(),
  indexed: z.boolean().optional(),
  required: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
  hidden: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  // Declared by columnDefinition, accepted and ignored as SharePoint does for new columns.
  isDeletable: z.boolean().optional(),
  isReorderable: z.boolean().optional(),
  isSealed: z.boolean().optional(),
  propagateChanges: z.boolean().optional(),
  type: z.string().optional(),
  defaultValue: z
    .strictObject({ value: z.string().nullable().optional(), formula: z.string().optional() })
    .nullable()
    .optional(),
  validation: z.unknown().optional(),
  text: ZText.optional(),
  number: ZNumber.optional(),
  dateTime: ZDateTime.optional(),
  choice: ZChoice.optional(),
  boolean: z.strictObject({}).optional(),
  ...Object.fromEntries(OTHER_FACETS.map((facet) => [facet, z.unknown().optional()])),
});

type TColumn = z.infer<typeof ZColumn>;

const INTERNAL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

/**
 * Validates a columnDefinition body against the list's existing columns and returns the column
 * to store. Throws Graph's 400/409 for a bad or duplicate definition.
 */
export function parseColumnDefinition(
  body: unknown,
  existing: readonly ColumnDefinition[],
): ColumnDefinition {
  const column: TColumn = parseGraphBody(ZColumn, stripAnnotations(body), 'columnDefinition');
  const name = column.name ?? '';
  if (!INTERNAL_NAME.test(name)) {
    throw invalidRequest(
      name
        ? `Invalid column name '${name}': an internal name starts with a letter or '_' and has only letters, digits and '_' (the sandbox does not encode other characters as SharePoint does).`
        : "A column needs a 'name'.",
    );
  }
  if (
    isReservedColumnName(name) ||
    existing.some((other) => other.name.toLowerCase() === name.toLowerCase())
  ) {
    throw nameAlreadyExists(`A duplicate field name "${name}" was found.`);
  }
  const facet = readFacet(column, name);
  if (column.validation !== undefined) throw notSupportedBySandbox('Column validation');
  if (column.defaultValue?.formula !== undefined) throw notSupportedBySandbox('A default formula');
  const indexed = column.indexed ?? false;
  const enforceUniqueValues = column.enforceUniqueValues ?? false;
  // SharePoint refuses unique values on a column without an index.
  if (enforceUniqueValues && !indexed) {
    throw invalidRequest(
      `Column '${name}' must be indexed to enforce unique values: set 'indexed': true.`,
    );
  }
  // SharePoint cannot index a multiple-lines-of-text (Note) column.
  if (indexed && facet.kind === 'text' && facet.allowMultipleLines) {
    throw invalidRequest(
      `Column '${name}': a column with multiple lines of text cannot be indexed.`,
    );
  }
  const definition: ColumnDefinition = {
    id: newGuid(),
    name,
    displayName: column.displayName ?? name,
    description: column.description ?? '',
    columnGroup: column.columnGroup ?? 'Custom Columns',
    indexed,
    required: column.required ?? false,
    enforceUniqueValues,
    hidden: column.hidden ?? false,
    readOnly: column.readOnly ?? false,
    defaultValue: column.defaultValue?.value ?? null,
    facet,
  };
  if (definition.defaultValue !== null) {
    // A default must be a value the column accepts; coerceFieldValue throws the 400 if not.
    coerceFieldValue(definition, definition.defaultValue);
  }
  return definition;
}

function readFacet(column: TColumn, name: string): ColumnFacet {
  const given = [...SUPPORTED_FACETS, ...OTHER_FACETS].filter(
    (facet) => (column as Record<string, unknown>)[facet] !== undefined,
  );
  if (given.length !== 1) {
    throw invalidRequest(
      `Column '${name}' must have exactly one type facet (${SUPPORTED_FACETS.join(', ')}, …); found ${given.length === 0 ? 'none' : given.map((f) => `'${f}'`).join(', ')}.`,
    );
  }
  if (column.text) {
    const multi = column.text.allowMultipleLines ?? false;
    return {
      kind: 'text',
      allowMultipleLines: multi,
      appendChangesToExistingText: column.text.appendChangesToExistingText ?? false,
      linesForEditing: column.text.linesForEditing ?? (multi ? 6 : 0),
      maxLength: column.text.maxLength ?? 255,
    };
  }
  if (column.number) {
    const { minimum = null, maximum = null } = column.number;
    if (minimum !== null && maximum !== null && minimum > maximum) {
      throw invalidRequest(
        `Column '${name}': minimum ${minimum} is greater than maximum ${maximum}.`,
      );
    }
    return {
      kind: 'number',
      decimalPlaces: column.number.decimalPlaces ?? 'automatic',
      displayAs: column.number.displayAs ?? 'number',
      minimum,
      maximum,
    };
  }
  if (column.dateTime) {
    return {
      kind: 'dateTime',
      displayAs: column.dateTime.displayAs ?? 'default',
      format: column.dateTime.format ?? 'dateTime',
    };
  }
  if (column.choice) {
    return {
      kind: 'choice',
      allowTextEntry: column.choice.allowTextEntry ?? false,
      choices: column.choice.choices ?? [],
      displayAs: column.choice.displayAs ?? 'dropDownMenu',
    };
  }
  if (column.boolean) return { kind: 'boolean' };
  throw notSupportedBySandbox(`A '${given[0] ?? ''}' column`);
}

// What PATCH …/columns/{id} may change here: the settings, not the type facet.
const ZColumnUpdate = z.strictObject({
  displayName: z.string().max(255).optional(),
  description: z.string().optional(),
  columnGroup: z.string().optional(),
  indexed: z.boolean().optional(),
  required: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
  hidden: z.boolean().optional(),
});

/**
 * Applies a columnDefinition update to a custom column. Same rules as at creation: unique values
 * need an index, a multiple-lines column cannot be indexed; and values already in the list must
 * be unique before uniqueness is enforced.
 */
export function parseColumnUpdate(
  body: unknown,
  current: ColumnDefinition,
  values: readonly Readonly<Record<string, unknown>>[],
): ColumnDefinition {
  const stripped = stripAnnotations(body);
  const facetGiven = [...SUPPORTED_FACETS, ...OTHER_FACETS].find(
    (facet) => stripped !== null && typeof stripped === 'object' && facet in (stripped as object),
  );
  if (facetGiven) throw notSupportedBySandbox("Changing a column's type");
  const patch = parseGraphBody(ZColumnUpdate, stripped, 'columnDefinition');
  const next: ColumnDefinition = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
  };
  if (next.enforceUniqueValues && !next.indexed) {
    throw invalidRequest(
      `Column '${next.name}' must be indexed to enforce unique values: set 'indexed': true.`,
    );
  }
  if (next.indexed && next.facet.kind === 'text' && next.facet.allowMultipleLines) {
    throw invalidRequest(
      `Column '${next.name}': a column with multiple lines of text cannot be indexed.`,
    );
  }
  if (next.enforceUniqueValues && !current.enforceUniqueValues) {
    const seen = new Set<string>();
    for (const fields of values) {
      const value = fields[next.name];
      if (value === undefined) continue;
      const key = typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value);
      if (seen.has(key)) {
        throw invalidRequest(
          `Column '${next.name}' cannot enforce unique values: the list has duplicate values in it.`,
        );
      }
      seen.add(key);
    }
  }
  return next;
}

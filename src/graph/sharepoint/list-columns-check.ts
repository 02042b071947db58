// Provisioning does not trust what it asked for: it reads every list's columns back and compares
// them with the spec (lists.ts). SharePoint refuses a $filter on a column without an index, so
// an index that silently did not take breaks every overview; a column of the wrong kind or with
// single-line text where JSON is stored breaks the writes. What a PATCH can set (index, unique
// values, required) is repaired; anything else is a problem that names the list and the column.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { toGraphFailure } from '../client/errors.js';
import type { ColumnSpec, ListSpec } from './lists.js';
import { readAllPages } from './read-pages.js';

const TYPE_FACETS = ['text', 'number', 'dateTime', 'choice', 'boolean'] as const;
type TypeFacet = (typeof TYPE_FACETS)[number];

const ZColumn = z.looseObject({
  id: z.string(),
  name: z.string(),
  indexed: z.boolean().optional(),
  required: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
  text: z.looseObject({ allowMultipleLines: z.boolean().optional() }).optional(),
});
export type ListColumn = z.infer<typeof ZColumn>;

/** The settings a PATCH of the column can change, as the spec wants them. */
interface Settings {
  readonly indexed: boolean;
  readonly enforceUniqueValues: boolean;
  readonly required: boolean;
}

export interface ColumnFinding {
  readonly list: string;
  readonly column: string;
  /** Dutch, for the administrator: what is wrong. */
  readonly problem: string;
  /** The PATCH that repairs it, if one can. */
  readonly repair?: Partial<Settings>;
  /** The column's id, for the PATCH. */
  readonly columnId?: string;
}

function facetOf(spec: ColumnSpec): TypeFacet {
  const facet = TYPE_FACETS.find((name) => name in spec.type);
  if (!facet) throw new Error(`column ${spec.name}: no type facet in the spec`);
  return facet;
}

function wanted(spec: ColumnSpec): Settings {
  return {
    indexed: spec.indexed ?? false,
    enforceUniqueValues: spec.enforceUniqueValues ?? false,
    required: spec.required ?? false,
  };
}

const SETTING_TEXT: Readonly<Record<keyof Settings, [string, string]>> = {
  indexed: ['niet geïndexeerd', 'geïndexeerd'],
  enforceUniqueValues: ['niet uniek', 'uniek'],
  required: ['niet verplicht', 'verplicht'],
};

/** What is wrong with one column (empty when it is as the spec says). */
export function compareColumn(
  list: string,
  spec: ColumnSpec,
  actual: ListColumn | undefined,
): ColumnFinding[] {
  if (!actual) return [{ list, column: spec.name, problem: 'kolom ontbreekt' }];
  const facet = facetOf(spec);
  const actualFacet = TYPE_FACETS.find(
    (name) => actual[name] !== undefined && actual[name] !== null,
  );
  if (actualFacet !== facet) {
    return [
      {
        list,
        column: spec.name,
        problem: `kolom is van het type ${actualFacet ?? 'onbekend'}, verwacht ${facet}; pas de kolom met de hand aan of verwijder hem en voer het inrichten opnieuw uit`,
      },
    ];
  }
  const multiLine = 'text' in spec.type && spec.type.text.allowMultipleLines === true;
  if (facet === 'text' && (actual.text?.allowMultipleLines ?? false) !== multiLine) {
    return [
      {
        list,
        column: spec.name,
        problem: multiLine
          ? 'kolom is één regel tekst, verwacht meerdere regels; pas de kolom met de hand aan'
          : 'kolom is meerdere regels tekst, verwacht één regel; pas de kolom met de hand aan',
      },
    ];
  }
  const want = wanted(spec);
  const repair: Partial<Record<keyof Settings, boolean>> = {};
  const problems: string[] = [];
  for (const key of Object.keys(want) as (keyof Settings)[]) {
    if ((actual[key] ?? false) !== want[key]) {
      repair[key] = want[key];
      problems.push(
        `${SETTING_TEXT[key][want[key] ? 0 : 1]}, moet ${SETTING_TEXT[key][want[key] ? 1 : 0]} zijn`,
      );
    }
  }
  if (problems.length === 0) return [];
  // Unique values rest on the index: SharePoint wants both in one request.
  if (repair.enforceUniqueValues === true) repair.indexed = true;
  return [{ list, column: spec.name, problem: problems.join(', '), repair, columnId: actual.id }];
}

export async function readColumns(
  client: Client,
  site: string,
  list: string,
): Promise<ListColumn[]> {
  return readAllPages(client, `/sites/${site}/lists/${encodeURIComponent(list)}/columns`, ZColumn);
}

/** Reads the list's columns back and compares them with its spec. */
export async function checkList(
  client: Client,
  site: string,
  spec: ListSpec,
): Promise<ColumnFinding[]> {
  const columns = await readColumns(client, site, spec.displayName);
  const byName = new Map(columns.map((column) => [column.name.toLowerCase(), column]));
  return spec.columns.flatMap((column) =>
    compareColumn(spec.displayName, column, byName.get(column.name.toLowerCase())),
  );
}

export async function repairColumn(
  client: Client,
  site: string,
  finding: ColumnFinding,
): Promise<void> {
  if (!finding.repair || !finding.columnId) return;
  try {
    await client
      .api(
        `/sites/${site}/lists/${encodeURIComponent(finding.list)}/columns/${encodeURIComponent(finding.columnId)}`,
      )
      .patch(finding.repair);
  } catch (error) {
    throw toGraphFailure(error);
  }
}

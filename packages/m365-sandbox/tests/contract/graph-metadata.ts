// Microsoft's Graph v1.0 metadata (CSDL, tests/fixtures/graph-contract) as a contract for JSON:
// `checkAgainstType('listItem', json)` lists every way `json` departs from the declared type —
// properties the type does not declare, values of the wrong Edm type, enum values that are not
// members, nulls where the metadata forbids them. Read with fast-xml-parser; parsed once per
// test file and cached.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkValue } from './graph-metadata-check.js';
import { parseMetadata, qualifyTypeName, type MetadataIndex } from './graph-metadata-index.js';

export {
  findProperty,
  parseMetadata,
  qualifyTypeName,
  typeChain,
  type EnumDefinition,
  type MetadataIndex,
  type PropertyDefinition,
  type StructuredType,
} from './graph-metadata-index.js';

export const METADATA_PATH = fileURLToPath(
  new URL('../fixtures/graph-contract/graph-v1.0-metadata.xml', import.meta.url),
);

let cached: MetadataIndex | undefined;

/** The Graph v1.0 metadata of tests/fixtures, parsed on first use. */
export function graphMetadata(): MetadataIndex {
  cached ??= parseMetadata(readFileSync(METADATA_PATH, 'utf8'));
  return cached;
}

/**
 * Every violation of the contract in `json` read as `typeName` (`listItem`,
 * `microsoft.graph.event`, `Collection(microsoft.graph.attendee)`), as "path: problem" lines.
 * An empty array means the JSON keeps to Microsoft's metadata.
 */
export function checkAgainstType(
  typeName: string,
  json: unknown,
  index: MetadataIndex = graphMetadata(),
): string[] {
  const collection = /^Collection\((.*)\)$/.exec(typeName);
  const qualified = collection
    ? `Collection(${qualifyTypeName(index, collection[1] ?? '')})`
    : typeName.startsWith('Edm.')
      ? typeName
      : qualifyTypeName(index, typeName);
  const violations: string[] = [];
  checkValue(index, qualified, json, '$', false, violations);
  return violations;
}

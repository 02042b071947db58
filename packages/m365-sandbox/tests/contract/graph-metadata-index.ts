// Microsoft's Graph v1.0 metadata (CSDL) as an index: structured types (entity and complex,
// with their base type, open-ness and properties) and enums, by fully qualified name. Read with
// fast-xml-parser, not regular expressions.
import { XMLParser } from 'fast-xml-parser';

export interface PropertyDefinition {
  readonly name: string;
  /** Fully qualified: `Edm.String`, `microsoft.graph.identitySet`, `Collection(…)`. */
  readonly type: string;
  readonly nullable: boolean;
  readonly navigation: boolean;
}

export interface StructuredType {
  readonly kind: 'entity' | 'complex';
  readonly fullName: string;
  readonly baseType: string | undefined;
  readonly isOpen: boolean;
  readonly isAbstract: boolean;
  readonly properties: ReadonlyMap<string, PropertyDefinition>;
}

export interface EnumDefinition {
  readonly fullName: string;
  readonly isFlags: boolean;
  readonly members: ReadonlySet<string>;
}

export interface MetadataIndex {
  readonly types: ReadonlyMap<string, StructuredType>;
  readonly enums: ReadonlyMap<string, EnumDefinition>;
}

// The CSDL elements this index reads; fast-xml-parser returns a lone child as an object, so
// these are always arrays.
const REPEATED = new Set([
  'Schema',
  'EntityType',
  'ComplexType',
  'EnumType',
  'Property',
  'NavigationProperty',
  'Member',
]);

type XmlAttributes = Record<string, string | undefined>;
type XmlElement = XmlAttributes & Record<string, unknown>;

const children = (element: XmlElement, name: string): XmlElement[] =>
  (element[name] as XmlElement[] | undefined) ?? [];

/** Parses CSDL text into an index of structured types and enums, by fully qualified name. */
export function parseMetadata(xml: string): MetadataIndex {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    isArray: (name) => REPEATED.has(name),
  });
  const document = parser.parse(xml) as Record<string, XmlElement>;
  const dataServices = document['edmx:Edmx']?.['edmx:DataServices'] as XmlElement | undefined;
  if (!dataServices) throw new Error('Not a CSDL document: no edmx:Edmx/edmx:DataServices');
  const schemas = children(dataServices, 'Schema');

  // Aliases (graph → microsoft.graph, self → microsoft.graph.security) resolve across schemas.
  const aliases = new Map<string, string>();
  for (const schema of schemas) {
    const namespace = schema.Namespace ?? '';
    aliases.set(namespace, namespace);
    if (schema.Alias) aliases.set(schema.Alias, namespace);
  }
  const qualify = (reference: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(reference);
    if (collection) return `Collection(${qualify(collection[1] ?? '')})`;
    if (reference.startsWith('Edm.')) return reference;
    const dot = reference.lastIndexOf('.');
    const prefix = reference.slice(0, dot);
    return `${aliases.get(prefix) ?? prefix}.${reference.slice(dot + 1)}`;
  };

  const types = new Map<string, StructuredType>();
  const enums = new Map<string, EnumDefinition>();
  for (const schema of schemas) {
    const namespace = schema.Namespace ?? '';
    for (const [tag, kind] of [
      ['EntityType', 'entity'],
      ['ComplexType', 'complex'],
    ] as const) {
      for (const element of children(schema, tag)) {
        const properties = new Map<string, PropertyDefinition>();
        for (const [childTag, navigation] of [
          ['Property', false],
          ['NavigationProperty', true],
        ] as const) {
          for (const property of children(element, childTag)) {
            const name = property.Name ?? '';
            properties.set(name, {
              name,
              type: qualify(property.Type ?? 'Edm.Untyped'),
              nullable: property.Nullable !== 'false',
              navigation,
            });
          }
        }
        const fullName = `${namespace}.${element.Name ?? ''}`;
        types.set(fullName, {
          kind,
          fullName,
          baseType: element.BaseType ? qualify(element.BaseType) : undefined,
          isOpen: element.OpenType === 'true',
          isAbstract: element.Abstract === 'true',
          properties,
        });
      }
    }
    for (const element of children(schema, 'EnumType')) {
      const fullName = `${namespace}.${element.Name ?? ''}`;
      enums.set(fullName, {
        fullName,
        isFlags: element.IsFlags === 'true',
        members: new Set(children(element, 'Member').map((member) => member.Name ?? '')),
      });
    }
  }
  return { types, enums };
}

/** `listItem` → `microsoft.graph.listItem`; qualified names stay as they are. */
export function qualifyTypeName(index: MetadataIndex, name: string): string {
  if (index.types.has(name) || index.enums.has(name)) return name;
  const qualified = `microsoft.graph.${name}`;
  if (index.types.has(qualified) || index.enums.has(qualified)) return qualified;
  throw new Error(`Type '${name}' is not in the Graph metadata`);
}

/** The type and its base types, most derived first. */
export function typeChain(index: MetadataIndex, fullName: string): StructuredType[] {
  const chain: StructuredType[] = [];
  for (let name: string | undefined = fullName; name;) {
    const type = index.types.get(name);
    if (!type) throw new Error(`Base type '${name}' is not in the Graph metadata`);
    chain.push(type);
    name = type.baseType;
  }
  return chain;
}

/** A declared property of the type or one of its base types. */
export function findProperty(
  index: MetadataIndex,
  typeName: string,
  property: string,
): PropertyDefinition | undefined {
  for (const type of typeChain(index, qualifyTypeName(index, typeName))) {
    const found = type.properties.get(property);
    if (found) return found;
  }
  return undefined;
}

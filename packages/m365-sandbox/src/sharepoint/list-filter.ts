// $filter on the lists of a site, e.g. `displayName eq 'Workshoplogboek'`: the same parser as
// for items, evaluated on list properties (text comparisons case-insensitive).
import { invalidRequest } from './errors.js';
import type { SpList } from './model.js';
import { filterProperties, parseFilter, type FilterNode } from './odata-filter.js';

const PROPERTIES = ['id', 'name', 'displayName', 'description', 'list/template', 'list/hidden'];

function readProperty(list: SpList, path: readonly string[]): string | boolean {
  switch (path.join('/').toLowerCase()) {
    case 'id':
      return list.id;
    case 'name':
      return list.name;
    case 'displayname':
      return list.displayName;
    case 'description':
      return list.description;
    case 'list/template':
      return list.template;
    case 'list/hidden':
      return list.hidden;
    default:
      throw unknownProperty(path);
  }
}

const unknownProperty = (path: readonly string[]) =>
  invalidRequest(
    `Invalid filter clause: the sandbox filters lists on ${PROPERTIES.join(', ')}, not '${path.join('/')}'.`,
  );

function evaluate(node: FilterNode, list: SpList): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, list) && evaluate(node.right, list);
    case 'or':
      return evaluate(node.left, list) || evaluate(node.right, list);
    case 'not':
      return !evaluate(node.operand, list);
    case 'startswith': {
      const value = readProperty(list, node.property);
      return typeof value === 'string' && value.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'compare': {
      if (node.op !== 'eq' && node.op !== 'ne') {
        throw invalidRequest(`Invalid filter clause: lists can be filtered with eq and ne only.`);
      }
      const value = readProperty(list, node.property);
      const literal = node.value;
      const equal =
        literal.type === 'string' && typeof value === 'string'
          ? value.toLowerCase() === literal.value.toLowerCase()
          : literal.type === 'boolean' && value === literal.value;
      return node.op === 'eq' ? equal : !equal;
    }
  }
}

export function compileListFilter(filter: string): (list: SpList) => boolean {
  const tree = parseFilter(filter);
  const known = new Set(PROPERTIES.map((p) => p.toLowerCase()));
  for (const path of filterProperties(tree)) {
    if (!known.has(path.join('/').toLowerCase())) throw unknownProperty(path);
  }
  return (list) => evaluate(tree, list);
}

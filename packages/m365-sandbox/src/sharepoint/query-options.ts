// $expand with nested options (`expand=fields(select=A,B)`) and the paging token of list items.
import { GraphError } from '../http/graph-error.js';
import { notSupportedBySandbox } from './errors.js';

export interface ExpandOption {
  /** Names given in a nested `select=` / `$select=`, if any. */
  readonly select: readonly string[] | undefined;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/**
 * Parses `$expand` for an entity whose navigation properties the sandbox can expand (`allowed`).
 * Other names are Graph's 400 for an unknown property on `typeName`.
 */
export function parseExpand(
  text: string | undefined,
  allowed: readonly string[],
  typeName: string,
): Map<string, ExpandOption> {
  const result = new Map<string, ExpandOption>();
  if (!text) return result;
  for (const part of splitTopLevel(text, ',')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?$/s.exec(part);
    const name = match?.[1];
    if (!match || !name) {
      throw new GraphError(400, 'BadRequest', `Invalid $expand clause '${part}'.`);
    }
    const known = allowed.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!known) {
      throw new GraphError(
        400,
        'BadRequest',
        `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.${typeName}' that the sandbox can expand.`,
      );
    }
    let select: string[] | undefined;
    for (const option of splitTopLevel(match[2] ?? '', ';')) {
      const [key = '', value = ''] = option.split('=');
      if (key.trim().replace(/^\$/, '').toLowerCase() !== 'select') {
        throw notSupportedBySandbox(`The nested query option '${key.trim()}' in $expand`);
      }
      select = value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
    }
    result.set(known, { select });
  }
  return result;
}

/** Where the next page starts: after an item id (id order) or at an offset (other orders). */
export type PageStart = { readonly afterId: number } | { readonly offset: number } | undefined;

/**
 * SharePoint's list item skiptoken is base64 of "Paged=TRUE&p_ID={last id}"; the sandbox adds
 * p_Offset for pages sorted by $orderby. Clients treat it as opaque and follow @odata.nextLink.
 */
export function encodeSkipToken(start: NonNullable<PageStart>): string {
  const text =
    'afterId' in start ? `Paged=TRUE&p_ID=${start.afterId}` : `Paged=TRUE&p_Offset=${start.offset}`;
  return Buffer.from(text, 'utf8').toString('base64');
}

export function decodeSkipToken(token: string | undefined): PageStart {
  if (token === undefined) return undefined;
  const params = new URLSearchParams(Buffer.from(token, 'base64').toString('utf8'));
  const id = Number(params.get('p_ID'));
  const offset = Number(params.get('p_Offset'));
  if (params.get('Paged') === 'TRUE' && params.has('p_ID') && Number.isInteger(id))
    return { afterId: id };
  if (params.get('Paged') === 'TRUE' && params.has('p_Offset') && Number.isInteger(offset)) {
    return { offset };
  }
  throw new GraphError(400, 'invalidRequest', 'The $skiptoken is invalid.');
}

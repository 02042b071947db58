// A small OData $filter parser for the expressions Graph accepts on list items
// (api/listitem-list.md, "Use $filter"): comparisons (eq, ne, gt, ge, lt, le) between a
// property path such as `fields/Status` and a literal, `and`, `or`, `not`, parentheses and
// `startswith(fields/Title,'x')`. A tokenizer and a recursive-descent parser; evaluation is in
// item-filter.ts.
import { invalidRequest } from './errors.js';

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterLiteral =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'dateTime'; readonly value: string }
  | { readonly type: 'null' };

export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly property: readonly string[];
      readonly value: FilterLiteral;
    }
  | { readonly kind: 'startswith'; readonly property: readonly string[]; readonly value: string };

type Token =
  | { readonly type: 'ident'; readonly text: string; readonly at: number }
  | { readonly type: 'literal'; readonly literal: FilterLiteral; readonly at: number }
  | { readonly type: '(' | ')' | ',' | '/'; readonly at: number };

const COMPARE_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FLIPPED: Readonly<Record<CompareOp, CompareOp>> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};
const DATE_TIME_LITERAL =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?/;
const NUMBER_LITERAL = /^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?[dDmMfFlL]?/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;

function syntaxError(source: string, at: number, detail: string): Error {
  return invalidRequest(`Invalid filter clause: ${detail} at position ${at} in '${source}'.`);
}

export function tokenizeFilter(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '(' || char === ')' || char === ',' || char === '/') {
      tokens.push({ type: char, at: i });
      i++;
      continue;
    }
    if (char === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= source.length) throw syntaxError(source, i, 'unterminated string literal');
        const c = source[j] ?? '';
        if (c === "'") {
          // OData escapes a quote inside a string by doubling it.
          if (source[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += c;
        j++;
      }
      tokens.push({ type: 'literal', literal: { type: 'string', value }, at: i });
      i = j + 1;
      continue;
    }
    const rest = source.slice(i);
    const dateTime = DATE_TIME_LITERAL.exec(rest);
    if (dateTime) {
      tokens.push({ type: 'literal', literal: { type: 'dateTime', value: dateTime[0] }, at: i });
      i += dateTime[0].length;
      continue;
    }
    const number = NUMBER_LITERAL.exec(rest);
    if (number) {
      const value = Number(number[0].replace(/[dDmMfFlL]$/, ''));
      tokens.push({ type: 'literal', literal: { type: 'number', value }, at: i });
      i += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      const text = identifier[0];
      const lower = text.toLowerCase();
      const literal: FilterLiteral | undefined =
        lower === 'true' || lower === 'false'
          ? { type: 'boolean', value: lower === 'true' }
          : lower === 'null'
            ? { type: 'null' }
            : undefined;
      tokens.push(literal ? { type: 'literal', literal, at: i } : { type: 'ident', text, at: i });
      i += text.length;
      continue;
    }
    throw syntaxError(source, i, `unexpected character '${char}'`);
  }
  return tokens;
}

/** Parses a $filter expression; throws Graph's 400 invalidRequest for a syntax error. */
export function parseFilter(source: string): FilterNode {
  const tokens = tokenizeFilter(source);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const at = () => peek()?.at ?? source.length;
  const isKeyword = (word: string) => {
    const token = peek();
    return token?.type === 'ident' && token.text.toLowerCase() === word;
  };
  const expect = (type: Token['type'], what: string) => {
    const token = peek();
    if (token?.type !== type) throw syntaxError(source, at(), `expected ${what}`);
    pos++;
    return token;
  };

  const parseOr = (): FilterNode => {
    let left = parseAnd();
    while (isKeyword('or')) {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterNode => {
    let left = parseUnary();
    while (isKeyword('and')) {
      pos++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): FilterNode => {
    if (isKeyword('not')) {
      pos++;
      return { kind: 'not', operand: parseUnary() };
    }
    const token = peek();
    if (token?.type === '(') {
      pos++;
      const inner = parseOr();
      expect(')', "')'");
      return inner;
    }
    if (token?.type === 'ident' && tokens[pos + 1]?.type === '(') return parseFunction(token.text);
    return parseComparison();
  };
  const parseFunction = (name: string): FilterNode => {
    const start = at();
    pos += 2;
    if (name.toLowerCase() !== 'startswith') {
      throw invalidRequest(
        `Invalid filter clause: the function '${name}' is not supported on list items (use startswith) at position ${start} in '${source}'.`,
      );
    }
    const property = parsePath();
    expect(',', "','");
    const value = expect('literal', 'a string literal');
    if (value.type !== 'literal' || value.literal.type !== 'string') {
      throw syntaxError(source, value.at, 'startswith needs a string literal');
    }
    expect(')', "')'");
    return { kind: 'startswith', property, value: value.literal.value };
  };
  const parsePath = (): string[] => {
    const first = expect('ident', 'a property');
    const path = [first.type === 'ident' ? first.text : ''];
    while (peek()?.type === '/') {
      pos++;
      const next = expect('ident', 'a property after /');
      path.push(next.type === 'ident' ? next.text : '');
    }
    return path;
  };
  const parseOperand = (): { property: string[] } | { literal: FilterLiteral } => {
    const token = peek();
    if (token?.type === 'literal') {
      pos++;
      return { literal: token.literal };
    }
    return { property: parsePath() };
  };
  const parseComparison = (): FilterNode => {
    const left = parseOperand();
    const opToken = peek();
    const op = opToken?.type === 'ident' ? opToken.text.toLowerCase() : '';
    if (!COMPARE_OPS.has(op)) throw syntaxError(source, at(), 'expected eq, ne, gt, ge, lt or le');
    pos++;
    const right = parseOperand();
    const compareOp = op as CompareOp;
    if ('property' in left && 'literal' in right) {
      return { kind: 'compare', op: compareOp, property: left.property, value: right.literal };
    }
    if ('literal' in left && 'property' in right) {
      return {
        kind: 'compare',
        op: FLIPPED[compareOp],
        property: right.property,
        value: left.literal,
      };
    }
    throw syntaxError(source, opToken?.at ?? 0, 'a comparison needs one property and one literal');
  };

  if (tokens.length === 0) throw syntaxError(source, 0, 'empty expression');
  const tree = parseOr();
  if (pos < tokens.length) throw syntaxError(source, at(), 'unexpected token');
  return tree;
}

/** Every property path the expression refers to, for the index check. */
export function filterProperties(node: FilterNode): (readonly string[])[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterProperties(node.left), ...filterProperties(node.right)];
    case 'not':
      return filterProperties(node.operand);
    case 'compare':
    case 'startswith':
      return [node.property];
  }
}

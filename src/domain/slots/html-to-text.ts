// HTML mail bodies to plain text, with just what sign-up mails need: line breaks from <br>, <p>,
// <div>, <li> and table rows, character entities, and quoted replies (<blockquote>) marked with
// "> " so that they are dropped like quotes in a plain-text mail.
import { removeEnclosed } from './scan.js';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  bdquo: '„',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  copy: '©',
  reg: '®',
  middot: '·',
  bull: '•',
  shy: '',
  zwnj: '',
  zwj: '',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  aacute: 'á',
  agrave: 'à',
  oacute: 'ó',
  ccedil: 'ç',
  Eacute: 'É',
  Euml: 'Ë',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z]+\d*);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'tr',
  'table',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'pre',
  'dl',
  'dt',
  'dd',
]);

const INVISIBLE_START = /<(head|style|script|title|xml)\b|<!--|<!\[/gi;
const TOKEN = /<(\/?)([a-z][a-z0-9:-]*)\b[^>]*>|([^<]+)|</gi;
// After the last '>' no tag can end: only text and a bare '<' are left.
const TEXT_TOKEN = /[^<]+|</g;
// Nobody quotes a quote forty levels deep; the first "> " is what marks a line as quoted.
const MAX_QUOTE_DEPTH = 40;

/** Where the closing part of an invisible element that starts at `from` ends, if it is there. */
function findInvisibleEnd(html: string, open: RegExpExecArray): number | undefined {
  const from = open.index + open[0].length;
  const element = open[1];
  if (element !== undefined) {
    const close = new RegExp(String.raw`<\/${element}\s*>`, 'gi');
    close.lastIndex = from;
    const found = close.exec(html);
    return found ? found.index + found[0].length : undefined;
  }
  const closer = open[0] === '<!--' ? '-->' : ']>';
  const at = html.indexOf(closer, from);
  return at < 0 ? undefined : at + closer.length;
}

/**
 * The HTML without <head>, <style>, <script>, <title>, <xml>, comments and conditional comments,
 * as `/<(head|style|…)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<!\[[\s\S]*?\]>/g` would remove them.
 * That pattern scans to the end of the mail for each opening without its closing part; here a
 * closing part that is not there is looked for once.
 */
function removeInvisible(html: string): string {
  const missing = new Set<string>();
  return removeEnclosed(html, INVISIBLE_START, (open) => {
    const kind = (open[1] ?? open[0]).toLowerCase();
    const end = missing.has(kind) ? undefined : findInvisibleEnd(html, open);
    // None after this opening means none after a later one either.
    if (end === undefined) missing.add(kind);
    return end;
  });
}

type Token =
  | { readonly tag: string; readonly isClosing: boolean }
  | { readonly tag?: undefined; readonly text: string };

/**
 * The tags and pieces of text of the HTML, as TOKEN reads them, but without its scan to the end of
 * the mail for every '<' after the last '>' (where no tag can end).
 */
function* tokenize(html: string): Generator<Token> {
  const lastTagEnd = html.lastIndexOf('>') + 1;
  for (const [, closing, tag, text] of html.slice(0, lastTagEnd).matchAll(TOKEN)) {
    yield text === undefined && tag !== undefined
      ? { tag, isClosing: closing === '/' }
      : { text: text ?? '<' };
  }
  for (const [text] of html.slice(lastTagEnd).matchAll(TEXT_TOKEN)) yield { text };
}

/** Plain text of an HTML body, one line per visual line, quoted parts prefixed with "> ". */
export function convertHtmlToText(html: string): string {
  const lines: string[] = [];
  let current = '';
  let depth = 0;
  let lineDepth = 0;
  const breakLine = (): void => {
    const shown = Math.min(lineDepth, MAX_QUOTE_DEPTH);
    lines.push(shown > 0 ? `${'> '.repeat(shown)}${current.trim()}` : current.trim());
    current = '';
    lineDepth = depth;
  };
  // Outlook writes an empty paragraph as <p>&nbsp;</p>: that is a blank line, while whitespace
  // between tags is not.
  const blockBoundary = (): void => {
    if (current.trim() !== '' || current.includes('\u00a0')) breakLine();
    current = '';
    lineDepth = depth;
  };
  for (const token of tokenize(removeInvisible(html))) {
    if (token.tag === undefined) {
      if (current === '') lineDepth = depth;
      current += decodeEntities(token.text.replace(/\s+/g, ' '));
      continue;
    }
    const closing = token.isClosing;
    const tag = token.tag.toLowerCase();
    if (tag === 'br') {
      breakLine();
    } else if (tag === 'blockquote') {
      blockBoundary();
      depth = Math.max(0, depth + (closing ? -1 : 1));
      lineDepth = depth;
    } else if (tag === 'li' && !closing) {
      blockBoundary();
      current = '- ';
    } else if (tag === 'td' || tag === 'th') {
      current += ' ';
    } else if (BLOCK_TAGS.has(tag) || tag === 'li') {
      blockBoundary();
    }
  }
  if (current.trim() !== '') breakLine();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

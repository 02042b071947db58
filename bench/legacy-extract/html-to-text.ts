// BASELINE ONLY (bench/extract.ts): src/domain/slots/html-to-text.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// HTML mail bodies to plain text, with just what sign-up mails need: line breaks from <br>, <p>,
// <div>, <li> and table rows, character entities, and quoted replies (<blockquote>) marked with
// "> " so that they are dropped like quotes in a plain-text mail.

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

const INVISIBLE =
  /<(head|style|script|title|xml)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<!\[[\s\S]*?\]>/gi;
const TOKEN = /<(\/?)([a-z][a-z0-9:-]*)\b[^>]*>|([^<]+)|</gi;

/** Plain text of an HTML body, one line per visual line, quoted parts prefixed with "> ". */
export function convertHtmlToText(html: string): string {
  const lines: string[] = [];
  let current = '';
  let depth = 0;
  let lineDepth = 0;
  const breakLine = (): void => {
    lines.push(lineDepth > 0 ? `${'> '.repeat(lineDepth)}${current.trim()}` : current.trim());
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
  for (const match of html.replace(INVISIBLE, '').matchAll(TOKEN)) {
    const [, closing, rawTag, text] = match;
    if (text !== undefined || rawTag === undefined) {
      if (current === '') lineDepth = depth;
      current += decodeEntities((text ?? '<').replace(/\s+/g, ' '));
      continue;
    }
    const tag = rawTag.toLowerCase();
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

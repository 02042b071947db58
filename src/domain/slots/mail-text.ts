// The part of a mail its author wrote: without quoted replies ("Op … schreef …:", "> …",
// "-----Oorspronkelijk bericht-----", "Van: … Verzonden: …"), with forwarded sign-ups kept, and
// with the signature set apart (it names the municipality but holds no slots) and disclaimers
// dropped.
import { closingAfter, matchAt, removeEnclosed, TAIL_LENGTH } from './scan.js';

export interface MailAddress {
  readonly address?: string;
  readonly name?: string;
}

export interface MailBody {
  /** The author's lines and forwarded content; '' separates paragraphs. */
  readonly lines: readonly string[];
  /** Signature lines of the kept parts, without disclaimers and without the RIEC's own. */
  readonly signature: readonly string[];
  /** Senders of forwarded mails ("Van: …" in the forward header). */
  readonly forwardedSenders: readonly MailAddress[];
  readonly forwardedSubjects: readonly string[];
}

type BoundaryKind = 'forward' | 'original' | 'reply';

interface Block {
  readonly kind: BoundaryKind | 'top';
  readonly from?: string;
  readonly subject?: string;
  readonly lines: readonly string[];
}

const HEADER_LINE =
  /^\*?(van|from|verzonden|sent|datum|date|aan|to|cc|bcc|onderwerp|subject|belangrijkheid|importance|prioriteit)\*?:\s*(.*)$/i;
const FORWARD_MARKER =
  /^-{2,}\s*(?:doorgestuurd bericht|forwarded message)\s*-*$|^begin (?:doorgestuurd bericht|forwarded message):$/i;
const ORIGINAL_MARKER = /^-{2,}\s*(?:oorspronkelijk bericht|original message)\s*-{2,}$|^_{8,}$/i;
const FORWARD_SUBJECT = /^\s*(?:fw|fwd|doorst|tr|wg|doorgestuurd)\s*:/i;
const CLOSING =
  /^(?:met\s+)?(?:vriendelijke|hartelijke|collegiale|beste|goede|warme)\s+groet(?:en)?\b|^(?:groet(?:en|jes)?|mvg|m\.v\.g\.?|hoogachtend|kind regards|best regards)\s*[,.!]?\s*(?:\p{L}+)?\s*$|^--\s*$/iu;
const DISCLAIMER =
  /disclaimer|uitsluitend bestemd|niet de (?:beoogde )?geadresseerde|aansprakelijkheid|vertrouwelijke informatie|denk aan het milieu|print deze e-?mail|verzonden (?:vanaf|vanuit|met) mijn/i;
const NOISE_START = /\[cid:|<mailto:|<https?:/gi;

/** The text without "[cid:…]", "<mailto:…>" and "<http…>" (`/\[cid:[^\]]*\]|<mailto:[^>]*>|…/g`). */
function removeNoise(text: string): string {
  const afterBracket = closingAfter(text, ']');
  const afterAngle = closingAfter(text, '>');
  return removeEnclosed(text, NOISE_START, (open) =>
    (open[0].startsWith('[') ? afterBracket : afterAngle)(open.index + open[0].length),
  );
}

/** One line per visual line; whitespace collapsed, so later rules need not care about tabs. */
export function normalizeMailText(text: string): string[] {
  return removeNoise(
    text.replace(/\r\n?/g, '\n').replace(/\u200b|\u200c|\u200d|\ufeff|\u00ad/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim());
}

/**
 * "Op di 10 mei 2022 om 10:12 schreef …": as `/^(?:op|on)\s.+(?:schreef|wrote|heeft
 * .*geschreven)/i`, without the backtracking that tries ".*geschreven" after every "heeft ".
 */
function isReplyIntro(text: string): boolean {
  if (!/^(?:op|on)\s/i.test(text)) return false;
  // The keyword comes after at least one more character (".+").
  const rest = text.slice(4);
  if (/schreef|wrote/i.test(rest)) return true;
  const heeft = rest.search(/heeft /i);
  return heeft >= 0 && /geschreven/i.test(rest.slice(heeft + 'heeft '.length));
}

const ADDRESS_SEPARATORS = /[\s<>"'()[\]:;,]+/;
const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[a-z]/i.test(c);

/**
 * The first e-mail address in `value`, as `/[^\s<>"'()[\]:;,]+@[^…]+\.[a-z]{2,}/i` finds it. That
 * pattern backtracks over every '@' and '.' from every start, cubic in a long header line ("Van:
 * @@@@…" took seconds at 2,000 characters). An address lies within one run between separators;
 * in the first run that holds one, it starts at the run's start (the pattern's leftmost match),
 * its domain ends at the run's last '.' followed by two letters, and its '@' is the last one that
 * leaves a character before that '.' (the pattern's greedy choices).
 */
function findAddress(value: string): string | undefined {
  for (const run of value.split(ADDRESS_SEPARATORS)) {
    let dot = run.length - 3;
    while (
      dot >= 0 &&
      !(run[dot] === '.' && isAsciiLetter(run[dot + 1]) && isAsciiLetter(run[dot + 2]))
    )
      dot--;
    const at = dot >= 2 ? run.lastIndexOf('@', dot - 2) : -1;
    if (at < 1) continue;
    let end = dot + 3;
    while (isAsciiLetter(run[end])) end++;
    return run.slice(0, end);
  }
  return undefined;
}

// "<…>", "[…]" and "mailto:…" around a sender's name (`/<[^>]*>|\[[^\]]*\]|mailto:\S+/g`).
const NAME_NOISE_START = /<|\[|mailto:(?=\S)/g;
const NOT_SPACE = /\S+/y;

export function parseMailAddress(value: string): MailAddress {
  const address = findAddress(value);
  const afterAngle = closingAfter(value, '>');
  const afterBracket = closingAfter(value, ']');
  const name = removeEnclosed(value, NAME_NOISE_START, (open) => {
    const from = open.index + open[0].length;
    if (open[0] === '<') return afterAngle(from);
    if (open[0] === '[') return afterBracket(from);
    return from + (matchAt(NOT_SPACE, value, from)?.[0].length ?? 0);
  })
    .replace(address ?? '\u0000', '')
    .replace(/["']/g, '')
    .trim();
  return { ...(address ? { address: address.toLowerCase() } : {}), ...(name ? { name } : {}) };
}

function isOutlookHeaderStart(lines: readonly string[], i: number): boolean {
  if (!/^\*?(?:van|from)\*?:\s*\S/i.test(lines[i] ?? '')) return false;
  return lines
    .slice(i + 1, i + 6)
    .some((l) => /^\*?(?:verzonden|sent|datum|date|aan|to|onderwerp|subject)\*?:/i.test(l));
}

interface Boundary {
  readonly kind: BoundaryKind;
  readonly at: number;
  /** First line of the header block after the marker. */
  readonly headerStart: number;
}

function findBoundary(lines: readonly string[], from: number): Boundary | undefined {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FORWARD_MARKER.test(line)) return { kind: 'forward', at: i, headerStart: i + 1 };
    if (ORIGINAL_MARKER.test(line)) return { kind: 'original', at: i, headerStart: i + 1 };
    if (isOutlookHeaderStart(lines, i)) return { kind: 'original', at: i, headerStart: i };
    // "Op di 10 mei 2022 om 10:12 schreef …:" may wrap onto a second line.
    const intro = `${line} ${lines[i + 1] ?? ''}`;
    if (/^(?:op|on)\s/i.test(line) && isReplyIntro(intro) && /:\s*$/.test(intro.trim())) {
      return { kind: 'reply', at: i, headerStart: i + 1 };
    }
  }
  return undefined;
}

function splitBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let boundary = findBoundary(lines, 0);
  blocks.push({ kind: 'top', lines: lines.slice(0, boundary?.at ?? lines.length) });
  while (boundary) {
    let i = boundary.headerStart;
    while (i < lines.length && (lines[i] ?? '') === '') i++;
    let from: string | undefined;
    let subject: string | undefined;
    for (
      let header = HEADER_LINE.exec(lines[i] ?? '');
      header;
      header = HEADER_LINE.exec(lines[++i] ?? '')
    ) {
      const key = header[1]?.toLowerCase();
      if (key === 'van' || key === 'from') from = header[2];
      if (key === 'onderwerp' || key === 'subject') subject = header[2];
    }
    const next = findBoundary(lines, i);
    blocks.push({
      kind: boundary.kind,
      ...(from !== undefined ? { from } : {}),
      ...(subject !== undefined ? { subject } : {}),
      lines: lines.slice(i, next?.at ?? lines.length),
    });
    boundary = next;
  }
  return blocks;
}

/** The top part, plus forwarded mails below it as long as each one is a forward. */
function keepAuthoredBlocks(blocks: readonly Block[], subject: string): Block[] {
  const kept: Block[] = [];
  let subjectAbove = subject;
  for (const block of blocks) {
    const isForward =
      block.kind === 'forward' || (block.kind === 'original' && FORWARD_SUBJECT.test(subjectAbove));
    if (block.kind !== 'top' && !isForward) break;
    kept.push(block);
    if (block.kind !== 'top') subjectAbove = block.subject ?? '';
  }
  return kept;
}

function splitSignature(lines: readonly string[]): { text: string[]; signature: string[] } {
  const visible = lines.filter((line) => !line.startsWith('>'));
  const disclaimer = visible.findIndex((line) => DISCLAIMER.test(line));
  const kept = disclaimer >= 0 ? visible.slice(0, disclaimer) : visible;
  const closing = kept.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (closing < 0) return { text: kept, signature: [] };
  const signature = kept.slice(closing);
  // The account holder's own signature (a forward by the RIEC) says nothing about the municipality.
  const isRiecSignature = signature.some((line) => /\bRIEC\b/.test(line));
  return { text: kept.slice(0, closing), signature: isRiecSignature ? [] : signature };
}

// Tested on the last TAIL_LENGTH characters of the line being joined, so bounded (at most 7 and 10
// characters; lines are trimmed and joined with one space).
const ENDS_OPEN = /(?:^|\s)(?:van|tot|om|tussen|vanaf|en|of|[-–—])$/i;
const ENDS_WITH_TIME = /\d[.:]\d\d(?:\s{0,3}uur)?$/i;
const STARTS_AS_CONTINUATION = /^(?:tot|t\/m|uur)(?!\p{L})/iu;
const STARTS_AS_RANGE_END = /^[-–—]\s*\d/;
const LIST_ITEM = /^(?:[-•*·▪◦–]\s|\d{1,2}[.)]\s|\(?[a-e]\)\s)/u;
// Mail clients wrap at 72 characters; a shorter line or one that ends a sentence is its own line.
const WRAP_WIDTH = 60;

/**
 * Plain-text mails are often wrapped at 72 characters, which can cut "van 19.30 tot 22.30 uur"
 * or "woensdag / 29 juni" in two. A line that stops mid-range or mid-sentence is joined with the
 * next.
 */
export function joinWrappedLines(lines: readonly string[]): string[] {
  const joined: string[] = [];
  // The line being joined, in pieces, and its end: a paragraph of a hundred wrapped lines is
  // joined once, and each test looks at its last characters only, not at all of it again.
  let pieces: string[] | undefined;
  let length = 0;
  let tail = '';
  for (const line of lines) {
    const continues =
      pieces !== undefined &&
      length > 0 &&
      line !== '' &&
      (ENDS_OPEN.test(tail) ||
        STARTS_AS_CONTINUATION.test(line) ||
        (ENDS_WITH_TIME.test(tail) && STARTS_AS_RANGE_END.test(line)) ||
        (length >= WRAP_WIDTH && !/[.!?:;]$/.test(tail) && !LIST_ITEM.test(line)));
    if (pieces !== undefined && continues) {
      pieces.push(line);
      length += 1 + line.length;
      tail = `${tail} ${line}`.slice(-TAIL_LENGTH);
    } else {
      if (pieces !== undefined) joined.push(pieces.join(' '));
      pieces = [line];
      length = line.length;
      tail = line.slice(-TAIL_LENGTH);
    }
  }
  if (pieces !== undefined) joined.push(pieces.join(' '));
  return joined;
}

export function splitMailBody(text: string, subject: string | undefined): MailBody {
  const blocks = keepAuthoredBlocks(splitBlocks(normalizeMailText(text)), subject ?? '');
  const lines: string[] = [];
  const signature: string[] = [];
  const forwardedSenders: MailAddress[] = [];
  const forwardedSubjects: string[] = [];
  for (const block of blocks) {
    const part = splitSignature(block.lines);
    if (lines.length > 0) lines.push('');
    lines.push(...joinWrappedLines(part.text));
    signature.push(...part.signature);
    if (block.from !== undefined) forwardedSenders.push(parseMailAddress(block.from));
    if (block.subject !== undefined) forwardedSubjects.push(block.subject);
  }
  return { lines, signature, forwardedSenders, forwardedSubjects };
}

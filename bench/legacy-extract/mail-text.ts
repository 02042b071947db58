// BASELINE ONLY (bench/extract.ts): src/domain/slots/mail-text.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// The part of a mail its author wrote: without quoted replies ("Op … schreef …:", "> …",
// "-----Oorspronkelijk bericht-----", "Van: … Verzonden: …"), with forwarded sign-ups kept, and
// with the signature set apart (it names the municipality but holds no slots) and disclaimers
// dropped.

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
const REPLY_INTRO = /^(?:op|on)\s.+(?:schreef|wrote|heeft .*geschreven)/i;
const FORWARD_SUBJECT = /^\s*(?:fw|fwd|doorst|tr|wg|doorgestuurd)\s*:/i;
const CLOSING =
  /^(?:met\s+)?(?:vriendelijke|hartelijke|collegiale|beste|goede|warme)\s+groet(?:en)?\b|^(?:groet(?:en|jes)?|mvg|m\.v\.g\.?|hoogachtend|kind regards|best regards)\s*[,.!]?\s*(?:\p{L}+)?\s*$|^--\s*$/iu;
const DISCLAIMER =
  /disclaimer|uitsluitend bestemd|niet de (?:beoogde )?geadresseerde|aansprakelijkheid|vertrouwelijke informatie|denk aan het milieu|print deze e-?mail|verzonden (?:vanaf|vanuit|met) mijn/i;
const NOISE = /\[cid:[^\]]*\]|<mailto:[^>]*>|<https?:[^>]*>/gi;

/** One line per visual line; whitespace collapsed, so later rules need not care about tabs. */
export function normalizeMailText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u200b|\u200c|\u200d|\ufeff|\u00ad/g, '')
    .replace(NOISE, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim());
}

export function parseMailAddress(value: string): MailAddress {
  const address = /[^\s<>"'()[\]:;,]+@[^\s<>"'()[\]:;,]+\.[a-z]{2,}/i.exec(value)?.[0];
  const name = value
    .replace(/<[^>]*>|\[[^\]]*\]|mailto:\S+/g, '')
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
    if (/^(?:op|on)\s/i.test(line) && REPLY_INTRO.test(intro) && /:\s*$/.test(intro.trim())) {
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

const ENDS_OPEN = /(?:^|\s)(?:van|tot|om|tussen|vanaf|en|of|[-–—])$/i;
const ENDS_WITH_TIME = /\d[.:]\d\d(?:\s*uur)?$/i;
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
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    const continues =
      previous !== undefined &&
      previous !== '' &&
      line !== '' &&
      (ENDS_OPEN.test(previous) ||
        STARTS_AS_CONTINUATION.test(line) ||
        (ENDS_WITH_TIME.test(previous) && STARTS_AS_RANGE_END.test(line)) ||
        (previous.length >= WRAP_WIDTH && !/[.!?:;]$/.test(previous) && !LIST_ITEM.test(line)));
    if (continues) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
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

// A municipality's sign-up mail → its municipality, its preferred slots and the questions the
// account holder has to ask before placing holds. Pure: the same mail and receipt moment always
// give the same answer, whatever the machine's time zone.
import { DateTime } from 'luxon';
import { analyseLines, AS_SOON_AS_POSSIBLE } from './analyse-lines.js';
import { slotBuilder } from './build-slots.js';
import { collectCandidates } from './collect-slots.js';
import { findMunicipality } from './find-municipality.js';
import { MAX_BODY_CHARACTERS } from './limits.js';
import type { Sender } from './find-municipality.js';
import { convertHtmlToText } from './html-to-text.js';
import { parseMailAddress, splitMailBody } from './mail-text.js';
import { askAsSoonAsPossible, askSlotCount, warnMailCut } from './questions.js';
import { recogniseScanStatus } from './scan-status.js';
import type {
  ExtractedSlot,
  ExtractionWarning,
  ExtractSlotsOptions,
  SignupMail,
  SlotExtraction,
} from './types.js';

const ZONE = 'Europe/Amsterdam';

interface Body {
  readonly text: string;
  readonly cut?: ExtractionWarning;
}

/** The body up to MAX_BODY_CHARACTERS, ended before a line break or a tag where there is one. */
function capBody(body: string, boundary: '\n' | '<'): Body {
  if (body.length <= MAX_BODY_CHARACTERS) return { text: body };
  let end = body.lastIndexOf(boundary, MAX_BODY_CHARACTERS);
  if (end < MAX_BODY_CHARACTERS / 2) end = MAX_BODY_CHARACTERS;
  else if (boundary === '\n' && body[end - 1] === '\r') end--;
  // Not between the two halves of a character outside the BMP (an emoji, say).
  const last = body.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: body.slice(0, end), cut: warnMailCut(end, body.length) };
}

function readBody(mail: SignupMail): Body {
  if (mail.text !== undefined && mail.text.trim() !== '') return capBody(mail.text, '\n');
  if (mail.html === undefined) return { text: '' };
  const html = capBody(mail.html, '<');
  return { ...html, text: convertHtmlToText(html.text) };
}

/** The moment of receipt on the Amsterdam clock; a bare `YYYY-MM-DD` is that Amsterdam day. */
export function toReceivedMoment(receivedAt: Date | string, zone: string = ZONE): DateTime {
  const moment =
    typeof receivedAt === 'string'
      ? DateTime.fromISO(receivedAt, { zone })
      : DateTime.fromJSDate(receivedAt, { zone });
  if (!moment.isValid)
    throw new RangeError(`receivedAt is not a valid date: ${String(receivedAt)}`);
  return moment;
}

// "RE: FW: …". One \s* between two prefixes, not two: a run of spaces would otherwise be split
// between them in every possible way when the last prefix lacks its colon.
const REPLY_PREFIXES = /^(?:\s*(?:re|antw|aw|fw|fwd|doorst|tr|wg)\s*:)+\s*/i;

function withoutReplyPrefixes(subject: string): string {
  return subject.replace(REPLY_PREFIXES, '');
}

export function extractSlots(mail: SignupMail, options: ExtractSlotsOptions): SlotExtraction {
  const { defaultDurationMinutes } = options;
  if (!Number.isInteger(defaultDurationMinutes) || defaultDurationMinutes <= 0) {
    throw new RangeError(
      `defaultDurationMinutes must be a positive whole number: ${defaultDurationMinutes}`,
    );
  }
  const received = toReceivedMoment(mail.receivedAt, options.timeZone ?? ZONE);
  const read = readBody(mail);
  const body = splitMailBody(read.text, mail.subject);

  const sender = mail.from !== undefined ? parseMailAddress(mail.from) : {};
  const senders: Sender[] = [
    { ...sender, source: 'afzender' },
    ...body.forwardedSenders.map((s): Sender => ({ ...s, source: 'doorgestuurde afzender' })),
  ];
  const subjects = [mail.subject ?? '', ...body.forwardedSubjects].map(withoutReplyPrefixes);
  const found = findMunicipality({
    senders,
    subjects,
    body: body.lines,
    signature: body.signature,
  });

  const { candidates, questions: lineQuestions } = collectCandidates(
    analyseLines(body.lines),
    received,
  );
  const ordered: { order: number; text: string }[] = [...lineQuestions];
  const slots: ExtractedSlot[] = [];
  const seen = new Set<string>();
  const buildSlots = slotBuilder(defaultDurationMinutes);
  for (const candidate of candidates) {
    const built = buildSlots(candidate);
    for (const slot of built.slots) {
      const key = `${slot.start}/${slot.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      slots.push(slot);
    }
    for (const text of built.questions) ordered.push({ order: candidate.order, text });
  }

  // Joined, because "zo snel" and "mogelijk" may sit on two wrapped lines.
  const asap = AS_SOON_AS_POSSIBLE.exec(body.lines.join(' '))?.[0]?.replace(/\s+/g, ' ');
  const countQuestion = askSlotCount(slots.length);
  const scanStatus = recogniseScanStatus(body.lines);
  const questions = [
    ...(read.cut ? [read.cut.nl] : []),
    ...found.questions,
    ...ordered.sort((a, b) => a.order - b.order).map((q) => q.text),
    ...(asap ? [askAsSoonAsPossible(asap)] : []),
    ...(countQuestion ? [countQuestion] : []),
  ];
  return {
    municipality: found.municipality
      ? { name: found.municipality.name, cbsCode: found.municipality.cbsCode }
      : null,
    slots,
    questions: [...new Set(questions)],
    ...(scanStatus ? { scanStatus } : {}),
    ...(read.cut ? { warnings: [read.cut] } : {}),
  };
}

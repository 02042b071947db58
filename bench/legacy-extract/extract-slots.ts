// BASELINE ONLY (bench/extract.ts): src/domain/slots/extract-slots.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// A municipality's sign-up mail → its municipality, its preferred slots and the questions the
// account holder has to ask before placing holds. Pure: the same mail and receipt moment always
// give the same answer, whatever the machine's time zone.
import { DateTime } from 'luxon';
import { analyseLines, AS_SOON_AS_POSSIBLE } from './analyse-lines.js';
import { buildSlots } from './build-slots.js';
import { collectCandidates } from './collect-slots.js';
import { findMunicipality } from './find-municipality.js';
import type { Sender } from './find-municipality.js';
import { convertHtmlToText } from './html-to-text.js';
import { parseMailAddress, splitMailBody } from './mail-text.js';
import { askAsSoonAsPossible, askSlotCount } from './questions.js';
import type { ExtractedSlot, ExtractSlotsOptions, SignupMail, SlotExtraction } from './types.js';

const ZONE = 'Europe/Amsterdam';

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

function bodyText(mail: SignupMail): string {
  if (mail.text !== undefined && mail.text.trim() !== '') return mail.text;
  return mail.html !== undefined ? convertHtmlToText(mail.html) : '';
}

function withoutReplyPrefixes(subject: string): string {
  return subject.replace(/^(?:\s*(?:re|antw|aw|fw|fwd|doorst|tr|wg)\s*:\s*)+/i, '');
}

export function extractSlots(mail: SignupMail, options: ExtractSlotsOptions): SlotExtraction {
  const { defaultDurationMinutes } = options;
  if (!Number.isInteger(defaultDurationMinutes) || defaultDurationMinutes <= 0) {
    throw new RangeError(
      `defaultDurationMinutes must be a positive whole number: ${defaultDurationMinutes}`,
    );
  }
  const received = toReceivedMoment(mail.receivedAt, options.timeZone ?? ZONE);
  const body = splitMailBody(bodyText(mail), mail.subject);

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
  for (const candidate of candidates) {
    const built = buildSlots(candidate, defaultDurationMinutes);
    for (const slot of built.slots) {
      if (!slots.some((s) => s.start === slot.start && s.end === slot.end)) slots.push(slot);
    }
    ordered.push(...built.questions.map((text) => ({ order: candidate.order, text })));
  }

  // Joined, because "zo snel" and "mogelijk" may sit on two wrapped lines.
  const asap = AS_SOON_AS_POSSIBLE.exec(body.lines.join(' '))?.[0]?.replace(/\s+/g, ' ');
  const countQuestion = askSlotCount(slots.length);
  const questions = [
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
  };
}

// Long mails (issue 10, finding 4): a 58 KB mail of repeated dates held the server for 8 s,
// because the extraction re-ran end-anchored patterns on ever longer prefixes of a line. Its
// work must now grow in step with the mail, which is measured, not timed: the characters
// regular expressions scan and the elements array passes visit (work-meter.ts), for each shape
// of large-mails.ts at two sizes. And a mail over 64 KB is cut, saying so in Dutch and English.
import { describe, expect, it } from '@jest/globals';
import { parseMailAddress } from '../../../../src/domain/slots/mail-text.js';
import { extractSlots } from '../../../../src/domain/slots/extract-slots.js';
import { MAX_BODY_CHARACTERS } from '../../../../src/domain/slots/limits.js';
import type { SignupMail } from '../../../../src/domain/slots/types.js';
import { LARGE_MAIL_RECEIVED, LARGE_MAIL_SHAPES } from './large-mails.js';
import { RECEIVED_2022 } from './support.js';
import { measureWork } from './work-meter.js';

const OPTIONS = { defaultDurationMinutes: 180 };
const SLOT = 'dinsdag 14 juni 2022 van 19.30 tot 22.30 uur';
// The metered regular expressions run slower; a busy machine with two cores needs the room.
const SLOW = 120_000;

function workFor(mail: SignupMail) {
  return measureWork(() => extractSlots(mail, OPTIONS)).work;
}

describe('the work of the extraction grows with the mail, not with its square', () => {
  it.each(Object.keys(LARGE_MAIL_SHAPES))(
    '%s: twice the text, at most a little over twice the work',
    (shape) => {
      const make = LARGE_MAIL_SHAPES[shape]!;
      const small = workFor(make(8 * 1024));
      const large = workFor(make(16 * 1024));
      // Linear work doubles; the old extraction's grew up to 4 times on four of these shapes.
      expect(large.regexCharacters / small.regexCharacters).toBeLessThan(2.3);
      expect(large.arrayElements / small.arrayElements).toBeLessThan(2.3);
    },
    SLOW,
  );

  it(
    'reads a mail of 58 KB of repeated dates, as in the issue, with linear work',
    () => {
      const text = `${SLOT}\n`.repeat(Math.ceil((58 * 1024) / (SLOT.length + 1)));
      const { result, work } = measureWork(() =>
        extractSlots({ text, receivedAt: RECEIVED_2022 }, OPTIONS),
      );
      expect(result.slots.map((s) => s.start)).toEqual(['2022-06-14T19:30:00+02:00']);
      // 45 characters scanned per character of the mail; the old extraction scanned 189.
      expect(work.regexCharacters / text.length).toBeLessThan(100);
    },
    SLOW,
  );
});

describe('a mail longer than 64 KB', () => {
  const filler = 'Zie de bijlage voor het verslag van de vorige bijeenkomst.\n';
  const later = 'Of anders donderdag 16 juni 2022 van 19.30 tot 22.30 uur.';

  function longMail(size: number): string {
    const head = `${SLOT}\n`;
    return `${head}${filler.repeat(Math.ceil((size - head.length) / filler.length))}${later}\n`;
  }

  it('is read up to 64 KB, and the account holder is told in Dutch and English', () => {
    const text = longMail(100 * 1024);
    const result = extractSlots({ text, receivedAt: RECEIVED_2022 }, OPTIONS);
    expect(result.slots.map((s) => s.start)).toEqual(['2022-06-14T19:30:00+02:00']);
    const kept = text.lastIndexOf('\n', MAX_BODY_CHARACTERS);
    expect(result.warnings).toEqual([
      {
        code: 'mail_cut',
        nl: `De mail is te lang om helemaal te lezen: alleen de eerste ${kept.toLocaleString('nl-NL')} van de ${text.length.toLocaleString('nl-NL')} tekens zijn gelezen. Staan er verderop in de mail nog voorkeursdata?`,
        en: `The mail is too long to read in full: only the first ${kept.toLocaleString('en-US')} of its ${text.length.toLocaleString('en-US')} characters were read. Does the rest of the mail give more preferred dates?`,
      },
    ]);
    expect(result.questions[0]).toBe(result.warnings?.[0]?.nl);
  });

  it('is cut before a line break, not in the middle of a time', () => {
    // Cut at exactly 64 KB, the last line would end in "van 19.30 tot 22.3": until 22:00.
    const head = 'x'.repeat(MAX_BODY_CHARACTERS - 40);
    const text = `${head}\n${SLOT}\n`;
    const naive = extractSlots(
      { text: text.slice(0, MAX_BODY_CHARACTERS), receivedAt: RECEIVED_2022 },
      OPTIONS,
    );
    expect(naive.slots.map((s) => s.end)).toEqual(['2022-06-14T22:00:00+02:00']);
    const result = extractSlots({ text, receivedAt: RECEIVED_2022 }, OPTIONS);
    expect(result.slots).toEqual([]);
    expect(result.warnings?.[0]?.nl).toContain(
      `alleen de eerste ${head.length.toLocaleString('nl-NL')} van de ${text.length.toLocaleString('nl-NL')} tekens`,
    );
  });

  it('is cut as HTML before its conversion, before a tag', () => {
    const paragraph = '<p class="MsoNormal">Zie de bijlage voor het verslag.</p>\n';
    const html = `<p>${SLOT}</p>${paragraph.repeat(2000)}<p>${later}</p>`;
    const result = extractSlots({ html, receivedAt: RECEIVED_2022 }, OPTIONS);
    expect(result.slots.map((s) => s.start)).toEqual(['2022-06-14T19:30:00+02:00']);
    expect(result.warnings?.map((w) => w.code)).toEqual(['mail_cut']);
  });

  it('of exactly 64 KB is read whole, without a warning', () => {
    const text = `${SLOT}\n`.padEnd(MAX_BODY_CHARACTERS, '.');
    const result = extractSlots({ text, receivedAt: RECEIVED_2022 }, OPTIONS);
    expect(result.slots).toHaveLength(1);
    expect(result.warnings).toBeUndefined();
    expect(result.questions.join(' ')).not.toContain('te lang');
  });
});

describe('what the extraction returns stays small whatever the mail', () => {
  it('quotes a long sentence around its date and time, not whole', () => {
    const words = 'en dan bespreken we ook nog de agenda van de volgende vergadering ';
    const text = `${words.repeat(40)}${SLOT} ${words.repeat(40)}`;
    const [slot] = extractSlots({ text, receivedAt: RECEIVED_2022 }, OPTIONS).slots;
    expect(slot?.source).toContain(SLOT);
    expect(slot?.source.length).toBeLessThanOrEqual(310);
    expect(slot?.source).toMatch(/^….*…$/);
  });

  it('reads at most 12 times for one date from a line of times above it', () => {
    const times = Array.from({ length: 40 }, (_, i) => `${10 + (i % 10)}.${10 + i} uur`).join(', ');
    const text = `Alle data om ${times}:\n- 14 juni 2022\n- 21 juni 2022`;
    const result = extractSlots({ text, receivedAt: RECEIVED_2022 }, OPTIONS);
    expect(result.slots).toHaveLength(24);
  });

  // The old address pattern took time cubic in such a line: seconds at 2,000 characters.
  it('finds no address in a sender line of 2,000 "@", and the address after 2,000 "a@"', () => {
    expect(parseMailAddress('@'.repeat(2000))).toEqual({ name: '@'.repeat(2000) });
    expect(parseMailAddress(`${'a@'.repeat(1000)} <griffie@haarlem.nl>`).address).toBe(
      'griffie@haarlem.nl',
    );
  });

  it('reads a forwarded mail whose header lines are long', () => {
    const text = `Van: ${'@'.repeat(1000)}\nVerzonden: maandag 2 mei 2022\nOnderwerp: FW: aanmelding\n\n${SLOT}`;
    const result = extractSlots(
      { text, subject: 'FW: aanmelding', receivedAt: LARGE_MAIL_RECEIVED },
      OPTIONS,
    );
    expect(result.slots).toHaveLength(1);
  });
});

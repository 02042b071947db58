// Generated sign-up mails of any size, in the shapes that made the old extraction quadratic
// (issue 10, finding 4): many short lines of dates, one long line, many dates and times on each
// line, a wrapped paragraph that becomes one line, HTML, and the odd text a pasted mail can hold.
// Shared by the growth test (large-mails.test.ts) and the benchmark (bench/extract.ts).
import type { SignupMail } from '../../../../src/domain/slots/types.js';

export const LARGE_MAIL_RECEIVED = '2022-05-10T09:00:00+02:00';

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function textMail(text: string): SignupMail {
  return {
    subject: 'Aanmelding workshop weerbaarheid',
    from: 'Griffie Haarlem <griffie@haarlem.nl>',
    text,
    receivedAt: LARGE_MAIL_RECEIVED,
  };
}

/** Each shape gives a mail whose body is `size` characters long. */
export const LARGE_MAIL_SHAPES: Readonly<Record<string, (size: number) => SignupMail>> = {
  // The mail of the issue: the same Dutch date line again and again.
  'repeated dates': (size) =>
    textMail(repeatTo('dinsdag 14 juni 2022 van 19.30 tot 22.30 uur\n', size)),
  // No line breaks at all: every date and time sits on one line.
  'one long line': (size) =>
    textMail(repeatTo('dinsdag 14 juni 2022 van 19.30 tot 22.30 uur, ', size)),
  // Lines of about 1 KB, each with many dates, lists and time ranges.
  'many per line': (size) =>
    textMail(
      repeatTo(
        `${'14, 21 of 28 juni van 19.30 tot 22.30 uur en do 23-6 19:30-22:30; '.repeat(15)}\n`,
        size,
      ),
    ),
  // A plain-text mail wrapped at 72 characters: the lines are joined into one long line.
  'wrapped paragraph': (size) =>
    textMail(
      repeatTo(
        'Wij stellen voor dinsdag 14 juni 2022 vanaf half acht tot elf uur of 21 juni\n',
        size,
      ),
    ),
  // Outlook HTML: paragraphs, a table row, entities and a quoted reply.
  html: (size) => ({
    subject: 'Aanmelding workshop weerbaarheid',
    from: 'Griffie Haarlem <griffie@haarlem.nl>',
    html: repeatTo(
      '<p class="MsoNormal">dinsdag 14&nbsp;juni 2022 van 19.30 &ndash; 22.30 uur</p><table><tr><td>Optie 2</td><td>do 23-6</td><td>19:30-22:30</td></tr></table><blockquote><div>Op 3 mei schreef RIEC:</div></blockquote>',
      size,
    ),
    receivedAt: LARGE_MAIL_RECEIVED,
  }),
  // Text a pasted mail can hold that no sign-up has: unclosed tags and comments, "[cid:" without
  // its bracket, reply intros that never end, names and dates with nothing in between.
  'odd text': (size) =>
    textMail(
      repeatTo(
        'op 14 heeft van Hoorn en Velsen [cid:logo <mailto:x zo snel 7 tot 9 en half acht tot 14, ',
        size,
      ),
    ),
  'odd html': (size) => ({
    subject: 'Aanmelding',
    html: repeatTo('<style a <!-- b <![ c <title d <a e &amp f 14 juni 19.30 ', size),
    receivedAt: LARGE_MAIL_RECEIVED,
  }),
};

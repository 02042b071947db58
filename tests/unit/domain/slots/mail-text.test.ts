// What counts as the author's text: quoted replies, forwards, signatures, disclaimers and HTML.
import { describe, expect, it } from '@jest/globals';
import { convertHtmlToText } from '../../../../src/domain/slots/html-to-text.js';
import { extract } from './support.js';

const SLOT = 'dinsdag 14 juni 2022 van 19.30 tot 22.30 uur';
const QUOTED_SLOT = 'donderdag 9 juni 2022 van 19.30 tot 22.30 uur';

function startsOf(text: string, subject = 'RE: Workshop'): string[] {
  return extract(text, { subject }).slots.map((s) => s.start);
}

describe('the author’s own text of a mail', () => {
  it.each([
    ['Op di 3 mei 2022 om 10:12 schreef RIEC Noord-Holland <\ninfo@riec-nh.nl>:', '> '],
    [
      '-----Oorspronkelijk bericht-----\nVan: RIEC <info@riec-nh.nl>\nVerzonden: maandag 2 mei 2022',
      '',
    ],
    [
      'Van: RIEC <info@riec-nh.nl>\nVerzonden: maandag 2 mei 2022 10:03\nAan: griffie@haarlem.nl',
      '',
    ],
    ['________________________________\nVan: RIEC <info@riec-nh.nl>\nDatum: 2 mei 2022', ''],
  ])('drops a quoted mail below "%s"', (header, prefix) => {
    const text = `${SLOT}\n\n${header}\n\n${prefix}Bijvoorbeeld ${QUOTED_SLOT}.`;
    expect(startsOf(text)).toEqual(['2022-06-14T19:30:00+02:00']);
  });

  it('drops lines quoted with ">"', () => {
    expect(startsOf(`${SLOT}\n> ${QUOTED_SLOT}`)).toEqual(['2022-06-14T19:30:00+02:00']);
  });

  it('keeps the sign-up inside a forwarded mail and reads its sender', () => {
    const text = `Zie hieronder.\n\n-----Oorspronkelijk bericht-----\nVan: Griffie Velsen <griffie@velsen.nl>\nVerzonden: donderdag 19 mei 2022 16:40\nOnderwerp: aanmelding\n\n${SLOT}`;
    const result = extract(text, { subject: 'FW: aanmelding', from: 'secretariaat@example.org' });
    expect(result.slots.map((s) => s.start)).toEqual(['2022-06-14T19:30:00+02:00']);
    expect(result.municipality?.name).toBe('Velsen');
  });

  it('takes no slots from a signature or a disclaimer', () => {
    const text = `${SLOT}\n\nMet vriendelijke groet,\nAnna\nAanwezig: ma 13 juni 9.00-17.00 uur\n\nDisclaimer: verzonden op 1 juni 2022 om 10.00 uur, uitsluitend bestemd voor de geadresseerde.`;
    expect(startsOf(text, 'Aanmelding')).toEqual(['2022-06-14T19:30:00+02:00']);
  });
});

describe('HTML mails', () => {
  it('turns <br>, <p> and <li> into lines and decodes &nbsp; &amp; &#8217; &ndash;', () => {
    const html =
      '<p>Beste&nbsp;Jan,</p><p>Raad &amp; griffie:<br>kunnen op</p><ul><li>maandag 13 juni &#8217;s avonds</li><li>14 juni 19.30&nbsp;&ndash;&nbsp;22.30</li></ul>';
    expect(convertHtmlToText(html).split('\n')).toEqual([
      'Beste\u00a0Jan,',
      'Raad & griffie:',
      'kunnen op',
      '- maandag 13 juni ’s avonds',
      '- 14 juni 19.30\u00a0–\u00a022.30',
    ]);
  });

  it('marks a <blockquote> as quoted, so the RIEC’s quoted mail gives no slot', () => {
    const html = `<div>${SLOT}</div><div>Op di 3 mei 2022 schreef RIEC:</div><blockquote><div>${QUOTED_SLOT}</div></blockquote>`;
    const result = extract('', { html, text: undefined });
    expect(result.slots.map((s) => s.start)).toEqual(['2022-06-14T19:30:00+02:00']);
  });

  it('ignores <style> and <head> and reads an HTML table row as one line', () => {
    const html =
      '<html><head><style>p {color: red}</style></head><body><table><tr><td>Optie 1</td><td>dinsdag 14 juni 2022</td><td>19.30 &ndash; 22.30</td></tr></table></body></html>';
    const result = extract('', { html });
    expect(result.slots).toEqual([
      {
        start: '2022-06-14T19:30:00+02:00',
        end: '2022-06-14T22:30:00+02:00',
        assumedEnd: false,
        source: 'Optie 1 dinsdag 14 juni 2022 19.30 – 22.30',
      },
    ]);
  });
});

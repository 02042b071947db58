// The weerbaarheidsscan in the mail text (issue 18, item 7): a sentence that names the scan and
// says it plainly sets the status; anything else leaves it unknown.
import { describe, expect, it } from '@jest/globals';
import { recogniseScanStatus } from '../../../../src/domain/slots/scan-status.js';
import { extract } from './support.js';

describe('the weerbaarheidsscan in a sign-up mail', () => {
  it.each([
    ['De weerbaarheidsscan hebben wij vorig jaar gedaan.', 'gedaan'],
    ['Wij hebben de bestuurlijke weerbaarheidsscan in 2025 uitgevoerd.', 'gedaan'],
    ['De scan staat voor het voorjaar gepland.', 'gepland'],
    ['De weerbaarheidsscan hebben we nog niet gedaan.', 'nee'],
    ['Een weerbaarheidsscan is bij ons nooit afgenomen.', 'nee'],
    ['Wij gaan de scan na de zomer doen.', 'gepland'],
  ])('"%s" → %s', (sentence, status) => {
    expect(recogniseScanStatus(['Beste RIEC,', sentence, 'Met vriendelijke groet,'])).toBe(status);
  });

  it('leaves it unknown when the mail does not say', () => {
    expect(
      recogniseScanStatus([
        'De uitkomsten van de bestuurlijke weerbaarheidsscan willen wij graag als input gebruiken.',
      ]),
    ).toBeUndefined();
    // "gedaan" in another sentence than the scan's says nothing about the scan.
    expect(
      recogniseScanStatus([
        'Wij hebben de data nagevraagd en het werk gedaan.',
        'Over de scan later.',
      ]),
    ).toBeUndefined();
  });

  it('is part of what the extraction gives, only when the mail says it', () => {
    const text = [
      'Beste heer, mevrouw,',
      '',
      'Graag melden wij ons aan voor de workshop op dinsdag 14 juni 2022 om 19.30 uur.',
      'De weerbaarheidsscan hebben wij vorig jaar gedaan.',
    ].join('\n');
    expect(extract(text).scanStatus).toBe('gedaan');
    expect(extract('Graag op dinsdag 14 juni 2022 om 19.30 uur.')).not.toHaveProperty('scanStatus');
  });
});

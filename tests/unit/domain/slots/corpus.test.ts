// Every mail of the corpus (tests/fixtures/mails) through the pure extraction, compared with the
// exact expected output. A .eml is read as the CLI reads it (Date header = moment of receipt); a
// pasted .txt gets its receipt date from plain-text-received.json.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_DURATION_MINUTES, readMail } from '../../../../src/cli/extract-slots.js';
import { extractSlots } from '../../../../src/domain/slots/extract-slots.js';
import type { SlotExtraction } from '../../../../src/domain/slots/types.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/mails');
const mails = readdirSync(DIR)
  .filter((name) => /\.(eml|txt)$/.test(name))
  .sort();
const plainTextReceived = JSON.parse(
  readFileSync(join(DIR, 'plain-text-received.json'), 'utf8'),
) as Record<string, string>;

function expectedFor(name: string): SlotExtraction {
  const path = join(DIR, name.replace(/\.(eml|txt)$/, '.expected.json'));
  return JSON.parse(readFileSync(path, 'utf8')) as SlotExtraction;
}

describe('the corpus of sign-up mails', () => {
  it('holds at least 40 mails, each with its expected output', () => {
    expect(mails.length).toBeGreaterThanOrEqual(40);
    for (const name of mails) expect(() => expectedFor(name)).not.toThrow();
  });

  it.each(mails)('%s gives the expected municipality, slots and questions', async (name) => {
    const { mail, sentAt } = await readMail(readFileSync(join(DIR, name)));
    const receivedAt = name.endsWith('.txt') ? plainTextReceived[name] : sentAt;
    expect(receivedAt).toBeDefined();
    const result = extractSlots(
      { ...mail, receivedAt: receivedAt! },
      { defaultDurationMinutes: DEFAULT_DURATION_MINUTES },
    );
    expect(result).toEqual(expectedFor(name));
  });

  it('covers all three RIECs and both campaigns', () => {
    const outputs = mails.map(expectedFor);
    const codes = new Set(outputs.flatMap((o) => (o.municipality ? [o.municipality.cbsCode] : [])));
    // Noord-Holland (Haarlem), Amsterdam-Amstelland (Amstelveen), Midden-Nederland (Hilversum).
    expect([...codes]).toEqual(expect.arrayContaining(['GM0392', 'GM0362', 'GM0402']));
    const years = new Set(outputs.flatMap((o) => o.slots.map((s) => s.start.slice(0, 4))));
    expect([...years]).toEqual(expect.arrayContaining(['2022', '2026', '2027']));
  });
});

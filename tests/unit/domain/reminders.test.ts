// Reminders to municipalities (issue 13, item 3), pure: the text from the template, the
// validation of a selection in Dutch, when a reminder is due, and the idempotency key.
import { describe, expect, it } from '@jest/globals';
import { findMunicipalityByCbsCode } from '../../../src/domain/municipalities.js';
import {
  defaultReminderAddress,
  dueReminderSince,
  reminderKey,
  reminderMessageId,
  renderReminder,
  validateReminderRequest,
} from '../../../src/domain/reminders.js';
import type { CbsCode } from '../../../src/domain/ids.js';

const haarlem = findMunicipalityByCbsCode('GM0392')!;

describe('the reminder text', () => {
  it('fills in the deadline, the municipality and the account holder, and says how to sign up', () => {
    const text = renderReminder('{gemeente}: aanmelden kan tot en met {deadline}.', {
      municipality: haarlem,
      deadline: '2026-09-29',
      accountHolder: { name: 'Sanne de Vries', email: 'sanne.devries@riec.nl' },
    });
    expect(text.text).toMatch(/^Haarlem: aanmelden kan tot en met dinsdag 29 september 2026\./);
    expect(text.text).toMatch(/beantwoord deze e-mail uiterlijk dinsdag 29 september 2026/);
    expect(text.subject).toBe(
      'Herinnering: aanmelden workshop weerbaarheid vóór dinsdag 29 september 2026 (Haarlem)',
    );
    expect(text.html).toMatch(/^<p>Haarlem: /);
  });

  it('escapes what the account holder typed in the mail body', () => {
    const text = renderReminder('<b>Let op</b> & {gemeente}', {
      municipality: haarlem,
      deadline: '2026-09-29',
      accountHolder: { name: 'Sanne', email: 's@riec.nl' },
    });
    expect(text.html).toMatch(/^<p>&lt;b&gt;Let op&lt;\/b&gt; &amp; Haarlem<\/p>/);
  });

  it('goes to the griffie of the municipality unless another address is typed', () => {
    expect(defaultReminderAddress(haarlem)).toBe('griffie@haarlem.nl');
  });
});

describe('validating a selection', () => {
  it('refuses an empty template, an empty selection, a municipality twice or unknown and a bad address, in Dutch', () => {
    expect(validateReminderRequest(' ', [], findMunicipalityByCbsCode).map((i) => i.code)).toEqual([
      'REMINDER_TEMPLATE_REQUIRED',
      'REMINDER_SELECTION_EMPTY',
    ]);
    const issues = validateReminderRequest(
      'Tekst',
      [
        { cbsCode: 'GM0392', address: 'griffie@haarlem.nl' },
        { cbsCode: 'gm0392', address: 'griffie@haarlem' },
        { cbsCode: 'GM9999', address: 'a@b.nl' },
      ],
      findMunicipalityByCbsCode,
    );
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['REMINDER_MUNICIPALITY_TWICE', 'recipients.1.cbsCode'],
      ['REMINDER_ADDRESS_INVALID', 'recipients.1.address'],
      ['MUNICIPALITY_UNKNOWN', 'recipients.2.cbsCode'],
    ]);
    expect(issues[1]!.message).toBe(
      '"griffie@haarlem" is geen e-mailadres. Vul het adres van het kabinet of de griffie in, bijvoorbeeld griffie@haarlem.nl.',
    );
  });
});

describe('when a reminder is due', () => {
  const base = { deadline: '2026-09-29', reminderDays: [14, 3] };
  it('is due from the latest reminder day passed until one is sent, and never after the deadline', () => {
    expect(dueReminderSince({ ...base, today: '2026-09-14' })).toBeUndefined();
    expect(dueReminderSince({ ...base, today: '2026-09-15' })).toBe('2026-09-15');
    expect(
      dueReminderSince({ ...base, today: '2026-09-20', lastSentDay: '2026-09-16' }),
    ).toBeUndefined();
    expect(dueReminderSince({ ...base, today: '2026-09-26', lastSentDay: '2026-09-16' })).toBe(
      '2026-09-26',
    );
    expect(dueReminderSince({ ...base, today: '2026-09-30' })).toBeUndefined();
  });
});

describe('the idempotency key', () => {
  it('is one per edition, municipality and day, with a Message-ID in the sender’s domain', () => {
    const key = reminderKey('weerbaarheid-demo', 'GM0392' as CbsCode, '2026-09-01');
    expect(key).toBe('herinnering|weerbaarheid-demo|GM0392|2026-09-01');
    expect(reminderMessageId(key, 'Sanne.deVries@RIEC.nl')).toBe(
      '<herinnering.weerbaarheid-demo.GM0392.2026-09-01@riec.nl>',
    );
  });
});

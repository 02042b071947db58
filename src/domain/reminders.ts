// Reminders to municipalities that have not signed up (campaign issue 13, item 3), pure: the
// Dutch text from the edition's template, the default address of the mayor's office, the
// validation of a selection (Dutch messages at the field), when a reminder is due by the
// edition's reminder days, and the key and Message-ID that make sending it idempotent.
import { createIssue, type DomainIssue } from './errors.js';
import type { CbsCode } from './ids.js';
import type { Municipality } from './municipalities.js';
import { addAmsterdamDays, formatDate, type PlainDate } from './time.js';

/** The same shape the API accepts for an e-mail address elsewhere (a mayor's office contact). */
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;.]+(\.[^\s@<>()",;.]+)+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** Where a reminder goes unless the account holder types another address: the griffie. */
export function defaultReminderAddress(municipality: Municipality): string {
  return `griffie@${municipality.domain}`;
}

export interface ReminderText {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The reminder as the municipality gets it: the template with `{deadline}`, `{gemeente}` and
 * `{accounthouder}` filled in, and how to sign up (answer this mail with three preferred
 * moments) when the template does not say it itself.
 */
export function renderReminder(
  template: string,
  input: {
    readonly municipality: Municipality;
    readonly deadline: PlainDate;
    readonly accountHolder: { readonly name: string; readonly email: string };
  },
): ReminderText {
  const deadline = formatDate(input.deadline, 'nl');
  const filled = template
    .trim()
    .replace(/\{deadline\}/g, deadline)
    .replace(/\{gemeente\}/g, input.municipality.displayName)
    .replace(/\{accounthouder\}/g, input.accountHolder.name);
  const howTo = /beantwoord|antwoord op deze e-mail/i.test(filled)
    ? ''
    : `\n\nAanmelden: beantwoord deze e-mail uiterlijk ${deadline} met drie voorkeursmomenten (datum en tijd). U kunt ook contact opnemen met ${input.accountHolder.name} (${input.accountHolder.email}).`;
  const text = filled + howTo;
  const html = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return {
    subject: `Herinnering: aanmelden workshop weerbaarheid vóór ${deadline} (${input.municipality.displayName})`,
    text,
    html,
  };
}

/** One municipality of a selection as the account holder sends it. */
export interface ReminderRecipient {
  readonly cbsCode: string;
  readonly address: string;
}

/**
 * Bad input of a send or preview: an empty template, an empty selection, a municipality twice
 * or unknown, an address that is not an e-mail. Nothing is sent when there is any.
 */
export function validateReminderRequest(
  template: string,
  recipients: readonly ReminderRecipient[],
  find: (cbsCode: string) => Municipality | undefined,
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (template.trim() === '')
    issues.push(createIssue('REMINDER_TEMPLATE_REQUIRED', 'template', {}));
  if (recipients.length === 0)
    issues.push(createIssue('REMINDER_SELECTION_EMPTY', 'recipients', {}));
  const seen = new Set<string>();
  recipients.forEach((recipient, index) => {
    const municipality = find(recipient.cbsCode);
    if (!municipality) {
      issues.push(
        createIssue('MUNICIPALITY_UNKNOWN', `recipients.${index}.cbsCode`, {
          cbsCode: recipient.cbsCode,
        }),
      );
    } else if (seen.has(municipality.cbsCode)) {
      issues.push(
        createIssue('REMINDER_MUNICIPALITY_TWICE', `recipients.${index}.cbsCode`, {
          municipality: municipality.displayName,
        }),
      );
    } else {
      seen.add(municipality.cbsCode);
    }
    if (!isEmailAddress(recipient.address)) {
      issues.push(
        createIssue('REMINDER_ADDRESS_INVALID', `recipients.${index}.address`, {
          address: recipient.address,
        }),
      );
    }
  });
  return issues;
}

/**
 * The reminder day whose reminder is due on `today`: the latest day (deadline minus one of the
 * edition's reminder days) on or before today, as long as the deadline has not passed and no
 * reminder went to the municipality on or after that day. Undefined when none is due.
 */
export function dueReminderSince(input: {
  readonly deadline: PlainDate;
  readonly reminderDays: readonly number[];
  readonly today: PlainDate;
  /** The Amsterdam day the last reminder went, if one did. */
  readonly lastSentDay?: PlainDate;
}): PlainDate | undefined {
  if (input.today > input.deadline) return undefined;
  const passed = input.reminderDays
    .map((days) => addAmsterdamDays(input.deadline, -days))
    .filter((day) => day <= input.today)
    .sort();
  const since = passed.at(-1);
  if (!since) return undefined;
  if (input.lastSentDay !== undefined && input.lastSentDay >= since) return undefined;
  return since;
}

/**
 * The key of one reminder: one per edition, municipality and Amsterdam day, so a retry (or a
 * second click the same day) is the same reminder and is never sent twice.
 */
export function reminderKey(campaignId: string, cbsCode: CbsCode, day: PlainDate): string {
  return `herinnering|${campaignId}|${cbsCode}|${day}`;
}

/**
 * The RFC 5322 Message-ID the reminder is sent with, derived from its key: after a crash between
 * sending and logging, the sender's Sent Items tell whether it went.
 */
export function reminderMessageId(key: string, senderAddress: string): string {
  const local = key.replace(/[^A-Za-z0-9-]+/g, '.');
  const domain = (senderAddress.split('@')[1] ?? 'workshopplanner.invalid').toLowerCase();
  return `<${local}@${domain}>`;
}

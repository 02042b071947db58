// The parts of an e-mail the add-in reads (from office.js in Outlook, from an .eml in the
// integration tests) and how they go to extractSlots.
import type { TExtractSlotsRequest } from '../api/addin-api.js';

export interface MailAddress {
  readonly name: string;
  readonly address: string;
}

export interface MailFields {
  readonly subject: string;
  readonly from: MailAddress | undefined;
  /** The body as plain text; Outlook converts an HTML mail itself. */
  readonly text: string | undefined;
  /** The body as HTML, read only when the text came back empty. */
  readonly html: string | undefined;
  /** When the mail was received (ISO 8601): dates without a year count from here. */
  readonly receivedAt: string;
}

/** "Griffie Haarlem <griffie@haarlem.nl>": the sender's domain and name help find the municipality. */
export function formatSender(from: MailAddress): string {
  const name = from.name.trim();
  return name && name !== from.address ? `${name} <${from.address}>` : from.address;
}

// The API's limits (extract-slots.schema.ts): a longer subject or sender says nothing more.
const MAX_SUBJECT = 2000;
const MAX_FROM = 1000;

export function toExtractRequest(mail: MailFields): TExtractSlotsRequest {
  const text = mail.text?.trim() ? mail.text : undefined;
  return {
    ...(mail.subject ? { subject: mail.subject.slice(0, MAX_SUBJECT) } : {}),
    ...(mail.from ? { from: formatSender(mail.from).slice(0, MAX_FROM) } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(text === undefined && mail.html ? { html: mail.html } : {}),
    receivedAt: mail.receivedAt,
  };
}

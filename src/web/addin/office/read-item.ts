// The open Outlook item as plain data. Read mode gives values (subject, start); the organizer's
// meeting form is a compose form whose fields are read with getAsync — both are handled.
import type { AppointmentFields } from '../flows/appointment-match.js';
import type { MailFields } from '../flows/mail-fields.js';

type Callback<T> = (result: Office.AsyncResult<T>) => void;

/** A field of a compose form (Office.Subject, Office.Time): read with getAsync. */
interface AsyncField<T> {
  getAsync(callback: Callback<T>): void;
}

export class OfficeReadError extends Error {
  constructor(what: string, cause: unknown) {
    super(`Outlook could not read ${what}`, { cause });
    this.name = 'OfficeReadError';
  }
}

function fromAsync<T>(what: string, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new OfficeReadError(what, result.error));
      } else {
        resolve(result.value);
      }
    });
  });
}

function isAsyncField<T>(value: unknown): value is AsyncField<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getAsync?: unknown }).getAsync === 'function'
  );
}

async function valueOf<T>(what: string, value: T | AsyncField<T>): Promise<T> {
  return isAsyncField<T>(value)
    ? fromAsync<T>(what, (callback) => value.getAsync(callback))
    : value;
}

function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** What office.js gives for a message in read mode (Office.MessageRead), as far as used here. */
export interface MessageItem {
  readonly subject: string;
  readonly from?: { readonly displayName: string; readonly emailAddress: string } | undefined;
  readonly dateTimeCreated: Date | string;
  readonly body: {
    getAsync(coercionType: Office.CoercionType | string, callback: Callback<string>): void;
  };
}

/** Office.AppointmentRead (attendee) or Office.AppointmentCompose (organizer). */
export interface AppointmentItem {
  readonly subject: string | AsyncField<string>;
  readonly start: Date | string | AsyncField<Date>;
  readonly end: Date | string | AsyncField<Date>;
}

function currentItem<T>(): T {
  const item: unknown = Office.context.mailbox.item;
  if (!item) throw new OfficeReadError('the open item', new Error('no item is open'));
  return item as T;
}

export async function readMessage(
  item: MessageItem = currentItem<MessageItem>(),
): Promise<MailFields> {
  const body = (coercion: Office.CoercionType) =>
    fromAsync<string>('the body', (callback) => item.body.getAsync(coercion, callback));
  const text = await body(Office.CoercionType.Text);
  // A mail whose text Outlook cannot give (rare): the HTML, which the API reads as well.
  const html = text.trim() === '' ? await body(Office.CoercionType.Html) : undefined;
  return {
    subject: item.subject ?? '',
    from: item.from
      ? { name: item.from.displayName ?? '', address: item.from.emailAddress ?? '' }
      : undefined,
    text,
    html,
    receivedAt: toIso(item.dateTimeCreated),
  };
}

export async function readAppointment(
  item: AppointmentItem = currentItem<AppointmentItem>(),
): Promise<AppointmentFields> {
  const [subject, start, end] = await Promise.all([
    valueOf<string>('the subject', item.subject),
    valueOf<Date | string>('the start', item.start as Date | string | AsyncField<Date | string>),
    valueOf<Date | string>('the end', item.end as Date | string | AsyncField<Date | string>),
  ]);
  return { subject: subject ?? '', start: toIso(start), end: toIso(end) };
}

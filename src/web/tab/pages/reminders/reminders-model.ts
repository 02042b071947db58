// The page Herinneringen (issue 13, item 3), pure: which rows it lists (not signed up), the
// request for a selection, an address check at the field before anything goes to the API, and
// the API's field messages (`recipients.2.address`) placed at the row they are about.
import type {
  TFieldMessage,
  TReminderRequest,
  TReminderRow,
} from '../../../common/api/api-types.js';

/** The same shape the API accepts (src/domain/reminders.ts): the field says so before sending. */
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;.]+(\.[^\s@<>()",;.]+)+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** The municipalities a reminder can go to: those that have not signed up. */
export function openRows(rows: readonly TReminderRow[]): TReminderRow[] {
  return rows.filter((row) => !row.signedUp);
}

/** The codes of the rows whose reminder is due. */
export function dueCodes(rows: readonly TReminderRow[]): string[] {
  return rows.filter((row) => row.dueSince !== null).map((row) => row.cbsCode);
}

/** The request for the selection, in the table's order, each with the address as typed. */
export function requestOf(
  rows: readonly TReminderRow[],
  selected: ReadonlySet<string>,
  addresses: Readonly<Record<string, string>>,
  template: string,
): TReminderRequest {
  return {
    template,
    recipients: rows
      .filter((row) => selected.has(row.cbsCode))
      .map((row) => ({
        cbsCode: row.cbsCode,
        address: (addresses[row.cbsCode] ?? row.defaultAddress).trim(),
      })),
  };
}

export interface PlacedMessages {
  /** Per municipality (cbsCode): the messages about its row (address, already signed up). */
  readonly byRow: Readonly<Record<string, string>>;
  readonly template: string | undefined;
  /** Messages about nothing on screen (an empty selection): shown above the buttons. */
  readonly other: readonly string[];
}

/** The API's field messages at the row or field they name; `request` is what was sent. */
export function placeMessages(
  errors: readonly TFieldMessage[],
  request: TReminderRequest,
): PlacedMessages {
  const byRow: Record<string, string> = {};
  let template: string | undefined;
  const other: string[] = [];
  for (const error of errors) {
    const path = error.field.replace(/^body\./, '');
    const recipient = /^recipients\.(\d+)\./.exec(path);
    const code = recipient ? request.recipients[Number(recipient[1])]?.cbsCode : undefined;
    if (code !== undefined) {
      byRow[code] = byRow[code] ? `${byRow[code]} ${error.message}` : error.message;
    } else if (path === 'template') {
      template = template ? `${template} ${error.message}` : error.message;
    } else {
      other.push(error.message);
    }
  }
  return { byRow, template, other };
}

import type { TScanStatus, TScanTheme } from '../../../common/api/api-types.js';

/** One preferred slot as typed: an Amsterdam date and two clock times. */
export interface SlotInput {
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:mm */
  readonly start: string;
  /** HH:mm */
  readonly end: string;
}

/** The scan's themes as typed (issue 14, item 3); the date as the date input gives it. */
export interface ScanInput {
  readonly themes: readonly TScanTheme[];
  readonly other: string;
  /** YYYY-MM-DD or empty */
  readonly date: string;
}

export interface RegisterFormValues {
  readonly cbsCode: string;
  readonly contactName: string;
  readonly contactEmail: string;
  /** The contact's function ("kabinet van de burgemeester"), apart from the name (salutation). */
  readonly contactFunction: string;
  readonly slots: readonly SlotInput[];
  readonly scanStatus: TScanStatus;
  /** Absent in drafts from before the themes; read as empty. */
  readonly scan?: ScanInput;
  readonly remarks: string;
  /** Only after the deadline: why the sign-up is still accepted. */
  readonly lateReason: string;
}

export type { FieldNote } from '../../../common/forms/field-notes.js';

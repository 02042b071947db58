import type { TFieldMessage, TScanStatus } from '../../../common/api/api-types.js';

/** One preferred slot as typed: an Amsterdam date and two clock times. */
export interface SlotInput {
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:mm */
  readonly start: string;
  /** HH:mm */
  readonly end: string;
}

export interface RegisterFormValues {
  readonly cbsCode: string;
  readonly contactName: string;
  readonly contactEmail: string;
  /** The contact's function ("kabinet van de burgemeester"), apart from the name (salutation). */
  readonly contactFunction: string;
  readonly slots: readonly SlotInput[];
  readonly scanStatus: TScanStatus;
  readonly remarks: string;
  /** Only after the deadline: why the sign-up is still accepted. */
  readonly lateReason: string;
}

/** A message at a field: the API's errors (422/400) and warnings (201), or the form's own. */
export interface FieldNote extends TFieldMessage {
  readonly severity: 'error' | 'warning';
}

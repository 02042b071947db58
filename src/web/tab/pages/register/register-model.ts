// The register form's logic without React: the request from what was typed (in Amsterdam time),
// the form's own checks for what cannot be sent at all, and which field a message of the API
// belongs to (its dotted path: preferences.1.end).
import type { TFieldMessage, TRegisterSignupRequest } from '../../../common/api/api-types.js';
import { toAmsterdamIso } from '../../../common/format/amsterdam-time.js';
import type { FieldNote, RegisterFormValues, SlotInput } from './register-form.types.js';

export const EMPTY_SLOT: SlotInput = { date: '', start: '', end: '' };

export function emptyValues(preferenceCount: number, cbsCode = ''): RegisterFormValues {
  return {
    cbsCode,
    contactName: '',
    contactEmail: '',
    slots: Array.from({ length: preferenceCount }, () => EMPTY_SLOT),
    scanStatus: 'onbekend',
    remarks: '',
    lateReason: '',
  };
}

export type IncompleteSlot = 'date' | 'start' | 'end';

/** The parts of a slot that are missing; an empty slot is the server's to judge (count). */
export function findIncompleteParts(slot: SlotInput): IncompleteSlot[] {
  const parts: IncompleteSlot[] = [];
  if (slot.date === '' && slot.start === '' && slot.end === '') return parts;
  if (slot.date === '') parts.push('date');
  if (slot.start === '') parts.push('start');
  if (slot.end === '') parts.push('end');
  return parts;
}

export interface BuiltRequest {
  readonly request: TRegisterSignupRequest;
}

/**
 * The request, or the slots that are only half filled in (they cannot become instants). Every
 * other rule (count, order, window, the deadline, the address) is the API's: it answers per
 * field in the user's language.
 */
export function buildRequest(
  values: RegisterFormValues,
  options: { needsLateReason: boolean },
): BuiltRequest | { readonly incomplete: readonly { index: number; parts: IncompleteSlot[] }[] } {
  const incomplete = values.slots
    .map((slot, index) => ({ index, parts: findIncompleteParts(slot) }))
    .filter((entry) => entry.parts.length > 0);
  if (incomplete.length > 0) return { incomplete };
  const preferences = values.slots.flatMap((slot) => {
    const start = toAmsterdamIso({ date: slot.date, time: slot.start });
    const end = toAmsterdamIso({ date: slot.date, time: slot.end });
    return start && end ? [{ start, end }] : [];
  });
  return {
    request: {
      cbsCode: values.cbsCode,
      contact: { name: values.contactName.trim(), email: values.contactEmail.trim() },
      preferences,
      scanStatus: values.scanStatus,
      remarks: values.remarks,
      ...(options.needsLateReason ? { lateOverride: { reason: values.lateReason.trim() } } : {}),
    },
  };
}

/** The API's errors or warnings as notes at the fields. */
export function toFieldNotes(
  messages: readonly TFieldMessage[],
  severity: FieldNote['severity'],
): FieldNote[] {
  return messages.map((message) => ({ ...message, severity }));
}

/** The form's fields, by the API's paths. */
export type FormField =
  | 'cbsCode'
  | 'contact.name'
  | 'contact.email'
  | 'preferences'
  | `preferences.${number}`
  | `preferences.${number}.date`
  | `preferences.${number}.start`
  | `preferences.${number}.end`
  | 'scanStatus'
  | 'remarks'
  | 'lateOverride.reason'
  | 'form';

const KNOWN = /^(cbsCode|contact\.name|contact\.email|scanStatus|remarks|lateOverride\.reason)$/;

/** Where a message is shown: its own field, the slot's group, or the form as a whole. */
export function fieldOf(path: string): FormField {
  if (KNOWN.test(path)) return path as FormField;
  const slot = /^preferences\.(\d+)(?:\.(start|end|date))?(?:\..*)?$/.exec(path);
  if (slot) {
    const index = Number(slot[1]);
    return slot[2] ? (`preferences.${index}.${slot[2]}` as FormField) : `preferences.${index}`;
  }
  if (path === 'preferences' || path.startsWith('preferences.')) return 'preferences';
  if (path === 'contact') return 'contact.name';
  return 'form';
}

export function notesAt(notes: readonly FieldNote[], field: FormField): FieldNote[] {
  return notes.filter((note) => fieldOf(note.field) === field);
}

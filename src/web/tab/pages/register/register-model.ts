// The register form's logic without React: the request from what was typed (in Amsterdam time),
// the form's own checks for what cannot be sent at all, and which field a message of the API
// belongs to (its dotted path: preferences.1.end).
import type { TFieldMessage, TRegisterSignupRequest } from '../../../common/api/api-types.js';
import { formFieldPath } from '../../../common/api/slot-date-codes.js';
import { toAmsterdamIso } from '../../../common/format/amsterdam-time.js';
import type { FieldNote, RegisterFormValues, SlotInput } from './register-form.types.js';
import { isEmptyScan, toScanRequest } from './scan-themes-fields.js';

export const EMPTY_SLOT: SlotInput = { date: '', start: '', end: '' };

export function emptyValues(preferenceCount: number, cbsCode = ''): RegisterFormValues {
  return {
    cbsCode,
    contactName: '',
    contactEmail: '',
    contactFunction: '',
    slots: Array.from({ length: preferenceCount }, () => EMPTY_SLOT),
    scanStatus: 'onbekend',
    remarks: '',
    lateReason: '',
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A stored draft of this form (sessionStorage): the same fields, as many slots as asked. */
export function isRegisterValues(
  value: unknown,
  preferenceCount: number,
): value is RegisterFormValues {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const texts = [
    'cbsCode',
    'contactName',
    'contactEmail',
    'contactFunction',
    'scanStatus',
    'remarks',
    'lateReason',
  ];
  return (
    texts.every((name) => isString(v[name])) &&
    Array.isArray(v.slots) &&
    v.slots.length === preferenceCount &&
    v.slots.every(
      (slot: unknown) =>
        typeof slot === 'object' &&
        slot !== null &&
        ['date', 'start', 'end'].every((name) => isString((slot as Record<string, unknown>)[name])),
    )
  );
}

/** 'date': empty; 'notADate': filled in, but not a date yet (year 0202, 30 February). */
export type IncompleteSlot = 'date' | 'notADate' | 'start' | 'end';

/** The parts of a slot that are missing; an empty slot is the server's to judge (count). */
export function findIncompleteParts(slot: SlotInput): IncompleteSlot[] {
  const parts: IncompleteSlot[] = [];
  if (slot.date === '' && slot.start === '' && slot.end === '') return parts;
  if (slot.date === '') parts.push('date');
  else if (toAmsterdamIso({ date: slot.date, time: '12:00' }) === undefined) parts.push('notADate');
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
      contact: {
        name: values.contactName.trim(),
        email: values.contactEmail.trim(),
        ...(values.contactFunction.trim() ? { function: values.contactFunction.trim() } : {}),
      },
      preferences,
      scanStatus: values.scanStatus,
      ...(values.scan && !isEmptyScan(values.scan) ? { scan: toScanRequest(values.scan) } : {}),
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
  | 'contact.function'
  | 'preferences'
  | `preferences.${number}`
  | `preferences.${number}.date`
  | `preferences.${number}.start`
  | `preferences.${number}.end`
  | 'scanStatus'
  | 'remarks'
  | 'lateOverride.reason'
  | 'form';

const KNOWN =
  /^(cbsCode|contact\.name|contact\.email|contact\.function|scanStatus|remarks|lateOverride\.reason)$/;

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
  return notes.filter((note) => fieldOf(formFieldPath(note.field, note.code)) === field);
}

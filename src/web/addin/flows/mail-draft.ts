// What the user checks and corrects before anything is written: the municipality, the preferred
// slots as wall-clock times in Amsterdam, the contact and the scan status. Pure, so it runs in
// Node (integration tests) as well as in the task pane.
import type {
  TFieldMessage,
  TGetAvailabilityRequest,
  TRegisterSignupRequest,
  TScanStatus,
} from '../../common/api/api-types.js';
import { formFieldPath } from '../../common/api/slot-date-codes.js';
import { toAmsterdamIso, toAmsterdamWallTime } from '../../common/format/amsterdam-time.js';
import type { TExtractedSlot, TExtractSlotsResponse } from '../api/addin-api.js';
import { formatSender, type MailFields } from './mail-fields.js';

/** The letter asks for three preferred dates and times; getAvailability takes at most three. */
export const MAX_SLOTS = 3;

export interface SlotDraft {
  /** Stable across edits and removals (React key, field ids). */
  readonly id: string;
  /** YYYY-MM-DD, Amsterdam */
  readonly date: string;
  /** HH:mm, Amsterdam */
  readonly start: string;
  readonly end: string;
  /** The mail gave no end time: the campaign's usual length was used. Cleared by an edit. */
  readonly assumedEnd: boolean;
  /** The text of the mail the slot came from; '' for a slot the user added. */
  readonly source: string;
}

export interface MailDraft {
  readonly cbsCode: string;
  readonly contactName: string;
  readonly contactEmail: string;
  /** The contact's function, apart from the name (salutation); absent in older drafts. */
  readonly contactFunction?: string;
  readonly scanStatus: TScanStatus;
  /** Who sent the mail (usually the griffie) when the invitation goes to the mayor's office. */
  readonly remarks: string;
  readonly slots: readonly SlotDraft[];
}

export function slotFromExtracted(slot: TExtractedSlot, id: string): SlotDraft {
  const start = toAmsterdamWallTime(slot.start);
  const end = toAmsterdamWallTime(slot.end);
  return {
    id,
    date: start.date,
    start: start.time,
    end: end.time,
    assumedEnd: slot.assumedEnd,
    source: slot.source,
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isSlotDraft(value: unknown): value is SlotDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    ['id', 'date', 'start', 'end', 'source'].every((name) => isString(v[name])) &&
    typeof v.assumedEnd === 'boolean'
  );
}

/** A stored draft (sessionStorage) of the mail form, in this shape. */
export function isMailDraft(value: unknown): value is MailDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    ['cbsCode', 'contactName', 'contactEmail', 'scanStatus', 'remarks'].every((name) =>
      isString(v[name]),
    ) &&
    (v.contactFunction === undefined || isString(v.contactFunction)) &&
    Array.isArray(v.slots) &&
    v.slots.every(isSlotDraft)
  );
}

/** A number for the next added slot's id ("slot-4") that no slot of the draft has yet. */
export function nextSlotNumber(slots: readonly SlotDraft[]): number {
  const used = slots.map((slot) => Number(/^slot-(\d+)$/.exec(slot.id)?.[1] ?? -1));
  return Math.max(slots.length - 1, ...used) + 1;
}

export function emptySlot(id: string): SlotDraft {
  return { id, date: '', start: '', end: '', assumedEnd: false, source: '' };
}

/** The mayor's office of a municipality: the address every municipality has (src/data). */
export const MAYORS_OFFICE_NAME = 'Kabinet van de burgemeester';

export function mayorsOfficeAddress(domain: string): string {
  return `burgemeester@${domain}`;
}

/**
 * The draft as the mail suggests it. The invitation goes to the mayor's office of the
 * municipality the mail is from, not to the sender (usually the griffie, issue 18, item 7): the
 * sender is kept in the remarks as who signed the municipality up. Without a known municipality
 * the sender is the contact.
 */
export function draftFromExtraction(
  extraction: TExtractSlotsResponse,
  mail: MailFields,
  municipalities: readonly { readonly cbsCode: string; readonly domain: string }[] = [],
): MailDraft {
  const cbsCode = extraction.municipality?.cbsCode ?? '';
  const domain = municipalities.find((m) => m.cbsCode === cbsCode)?.domain;
  const sender = mail.from ? formatSender(mail.from) : '';
  const office = domain ? mayorsOfficeAddress(domain) : undefined;
  const senderIsOffice = office !== undefined && mail.from?.address.toLowerCase() === office;
  return {
    cbsCode,
    ...(office && !senderIsOffice
      ? { contactName: MAYORS_OFFICE_NAME, contactEmail: office }
      : { contactName: mail.from?.name ?? '', contactEmail: mail.from?.address ?? '' }),
    remarks: office && !senderIsOffice && sender ? `Aangemeld door ${sender}.` : '',
    // What the mail says of the scan; else unknown (the account holder can ask: no condition).
    scanStatus: extraction.scanStatus ?? 'onbekend',
    slots: extraction.slots.map((slot, index) => slotFromExtracted(slot, `slot-${index}`)),
  };
}

/** A changed slot; touching the end time means the user chose it, so it is no longer assumed. */
export function editSlot(
  slot: SlotDraft,
  change: Partial<Pick<SlotDraft, 'date' | 'start' | 'end'>>,
) {
  return { ...slot, ...change, assumedEnd: change.end !== undefined ? false : slot.assumedEnd };
}

export function isSlotComplete(slot: SlotDraft): boolean {
  return toSlotInstants(slot) !== undefined;
}

/** A year typed key by key reads 0002, 0020, 0202 on the way: no date to ask the API about. */
const FIRST_YEAR = 2000;

function toSlotInstants(slot: SlotDraft): { start: string; end: string } | undefined {
  if (!(Number(slot.date.slice(0, 4)) >= FIRST_YEAR)) return undefined;
  const start = toAmsterdamIso({ date: slot.date, time: slot.start });
  const end = toAmsterdamIso({ date: slot.date, time: slot.end });
  return start && end ? { start, end } : undefined;
}

export type AvailabilityInput =
  | { readonly ready: true; readonly request: TGetAvailabilityRequest }
  | { readonly ready: false; readonly reason: 'none' | 'incomplete' | 'tooMany' };

/** What getAvailability can be asked, or why not yet. */
export function toAvailabilityInput(draft: MailDraft): AvailabilityInput {
  if (draft.slots.length === 0) return { ready: false, reason: 'none' };
  if (draft.slots.length > MAX_SLOTS) return { ready: false, reason: 'tooMany' };
  const slots = draft.slots.map(toSlotInstants);
  if (slots.some((slot) => slot === undefined)) return { ready: false, reason: 'incomplete' };
  return {
    ready: true,
    request: {
      slots: slots.filter((slot) => slot !== undefined),
      ...(draft.cbsCode ? { cbsCode: draft.cbsCode } : {}),
    },
  };
}

/**
 * The registration as the API takes it. Half-filled slots are left out here (the availability
 * step already refuses them); every rule (count, window, deadline, address) is the API's, which
 * answers per field.
 */
export function toRegisterRequest(draft: MailDraft): TRegisterSignupRequest {
  return {
    cbsCode: draft.cbsCode,
    contact: {
      name: draft.contactName.trim(),
      email: draft.contactEmail.trim(),
      ...(draft.contactFunction?.trim() ? { function: draft.contactFunction.trim() } : {}),
    },
    preferences: draft.slots.flatMap((slot) => {
      const instants = toSlotInstants(slot);
      return instants ? [instants] : [];
    }),
    scanStatus: draft.scanStatus,
    remarks: draft.remarks.trim(),
  };
}

/** The fields of the draft, by the API's field paths ("preferences.1.end"). */
export type MailField =
  | 'cbsCode'
  | 'contact.name'
  | 'contact.email'
  | 'contact.function'
  | 'remarks'
  | 'scanStatus'
  | 'preferences'
  | `preferences.${number}`
  | `preferences.${number}.${'date' | 'start' | 'end'}`
  | 'form';

const OWN_FIELDS = /^(cbsCode|contact\.name|contact\.email|contact\.function|remarks|scanStatus)$/;

/** Where an API message is shown: its own field, the slot as a whole, or the form. */
export function fieldOf(path: string): MailField {
  if (OWN_FIELDS.test(path)) return path as MailField;
  if (path === 'contact') return 'contact.name';
  const slot = /^preferences\.(\d+)(?:\.(date|start|end))?(?:\..*)?$/.exec(path);
  if (slot) {
    const index = Number(slot[1]);
    const part = slot[2] as 'date' | 'start' | 'end' | undefined;
    return part ? `preferences.${index}.${part}` : `preferences.${index}`;
  }
  if (path === 'preferences' || path.startsWith('preferences.')) return 'preferences';
  return 'form';
}

export function messagesAt(messages: readonly TFieldMessage[], field: MailField): string[] {
  return messages
    .filter((message) => fieldOf(formFieldPath(message.field, message.code)) === field)
    .map((m) => m.message);
}

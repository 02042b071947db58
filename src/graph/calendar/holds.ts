// Hold events as Graph wants them (DESIGN.md "Holds"): one event per preferred slot in the
// organizer's calendar, both trainers required attendees, showAs tentative, responses
// requested, no new time proposals, a transactionId per (sign-up, slot), the category.
import type { Contact } from '../../domain/signup.js';
import type { FinalizeDraft, HoldDraft } from '../../domain/ports.js';
import { toAmsterdamGraphDateTime } from './date-time.js';

function toAttendees(contacts: readonly Contact[]) {
  return contacts.map((contact) => ({
    type: 'required',
    emailAddress: { address: contact.email, name: contact.name },
  }));
}

export function toHoldEvent(hold: HoldDraft): Record<string, unknown> {
  return {
    subject: hold.subject,
    body: { contentType: 'html', content: hold.bodyHtml },
    start: toAmsterdamGraphDateTime(hold.slot.start),
    end: toAmsterdamGraphDateTime(hold.slot.end),
    location: { displayName: hold.location },
    attendees: toAttendees(hold.attendees),
    showAs: 'tentative',
    responseRequested: true,
    allowNewTimeProposals: false,
    isReminderOn: true,
    reminderMinutesBeforeStart: 24 * 60,
    categories: [hold.category],
    transactionId: hold.transactionId,
  };
}

/**
 * The confirmed workshop: no "OPTIE", busy, and the attendee list with the mayor's office
 * added — Graph sends an invitation to attendees a PATCH adds.
 */
export function toFinalizedEvent(draft: FinalizeDraft): Record<string, unknown> {
  return {
    subject: draft.subject,
    body: { contentType: 'html', content: draft.bodyHtml },
    showAs: 'busy',
    attendees: toAttendees(draft.attendees),
  };
}

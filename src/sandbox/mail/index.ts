// Mail: POST /users/{id}/sendMail, /users/{id}/messages, /users/{id}/mailFolders/inbox/messages,
// and the external mailbox: everything sent to addresses outside the sandbox's tenants (the
// mayor's offices) lands there, where the inspector shows it. (To be built.)
import type { SandboxContext, SandboxModule } from '../context.js';
import type { TableSchema } from '../store/db.js';

export const mailSchemas: readonly TableSchema[] = [];

export const mailModule: SandboxModule = () => {};

export interface MailAddress {
  readonly name?: string;
  readonly address: string;
}

export type MeetingMessageType =
  | 'meetingRequest'
  | 'meetingCancelled'
  | 'meetingAccepted'
  | 'meetingTenativelyAccepted'
  | 'meetingDeclined';

export interface OutgoingMessage {
  readonly from: MailAddress;
  readonly toRecipients: readonly MailAddress[];
  readonly ccRecipients?: readonly MailAddress[];
  readonly subject: string;
  readonly body: { readonly contentType: 'text' | 'html'; readonly content: string };
  /** Set for invitations, cancellations and answers (Graph's eventMessage). */
  readonly meeting?: {
    readonly type: MeetingMessageType;
    /** The event in the organizer's calendar this message is about. */
    readonly organizerEventId: string;
    /** Per recipient address (lower case): the id of the recipient's own copy, if it has one. */
    readonly recipientEventIds?: Readonly<Record<string, string>>;
    readonly start?: { readonly dateTime: string; readonly timeZone: string };
    readonly end?: { readonly dateTime: string; readonly timeZone: string };
  };
}

/** A message as stored in one mailbox (a user's inbox or the external mailbox of an address). */
export interface StoredMessage {
  readonly id: string;
  /** User id for mailboxes in a tenant; the lower-case address for external mailboxes. */
  readonly mailbox: string;
  readonly isExternal: boolean;
  readonly folder: 'inbox' | 'sentitems';
  readonly receivedDateTime: string;
  readonly isRead: boolean;
  readonly message: OutgoingMessage;
}

/**
 * Delivers a message to every recipient: users of any sandbox tenant get it in their inbox,
 * other addresses in the external mailbox. Returns the stored copies.
 */
export function deliverMessage(_ctx: SandboxContext, _message: OutgoingMessage): StoredMessage[] {
  return [];
}

/** Messages in a user's inbox (by user id) or an external mailbox (by address), newest first. */
export function listMailbox(_ctx: SandboxContext, _mailbox: string): StoredMessage[] {
  return [];
}

/** External addresses that have received mail, for the inspector. */
export function listExternalMailboxes(_ctx: SandboxContext): string[] {
  return [];
}

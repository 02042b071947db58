// The mail module's own vocabulary. These are sandbox types, not Graph payloads: the Graph
// `message` / `eventMessage` JSON is rendered from them in graph-message.ts.

export interface MailAddress {
  readonly name?: string;
  readonly address: string;
}

/** Graph's meetingMessageType (the misspelt "Tenatively" is Graph's own enum member). */
export type MeetingMessageType =
  | 'meetingRequest'
  | 'meetingCancelled'
  | 'meetingAccepted'
  | 'meetingTenativelyAccepted'
  | 'meetingDeclined';

export type MailImportance = 'low' | 'normal' | 'high';

export interface OutgoingMessage {
  readonly from: MailAddress;
  readonly toRecipients: readonly MailAddress[];
  readonly ccRecipients?: readonly MailAddress[];
  /** Delivered like to/cc, but only the sender's Sent Items copy shows them (as in Exchange). */
  readonly bccRecipients?: readonly MailAddress[];
  readonly replyTo?: readonly MailAddress[];
  /** Default normal. */
  readonly importance?: MailImportance;
  readonly subject: string;
  readonly body: { readonly contentType: 'text' | 'html'; readonly content: string };
  /** Chosen by the sender (sendMail's message.internetMessageId); else Exchange makes one. */
  readonly internetMessageId?: string;
  /** Set for invitations, cancellations and answers (Graph's eventMessage). */
  readonly meeting?: {
    readonly type: MeetingMessageType;
    /** The event in the organizer's calendar this message is about. */
    readonly organizerEventId: string;
    /** Per recipient address (lower case): the id of the recipient's own copy, if it has one. */
    readonly recipientEventIds?: Readonly<Record<string, string>>;
    readonly start?: { readonly dateTime: string; readonly timeZone: string };
    readonly end?: { readonly dateTime: string; readonly timeZone: string };
    /** eventMessage.isAllDay; false when not given. */
    readonly isAllDay?: boolean;
    /** eventMessage.location.displayName, when the event has a location. */
    readonly location?: string;
    /** eventMessageRequest.responseRequested / allowNewTimeProposals (requests only). */
    readonly responseRequested?: boolean;
    readonly allowNewTimeProposals?: boolean;
  };
}

export type MailFolderName = 'inbox' | 'sentitems';

/** A message as stored in one mailbox (a user's inbox or the external mailbox of an address). */
export interface StoredMessage {
  readonly id: string;
  /** User id for mailboxes in a tenant; the lower-case address for external mailboxes. */
  readonly mailbox: string;
  readonly isExternal: boolean;
  readonly folder: MailFolderName;
  readonly receivedDateTime: string;
  readonly isRead: boolean;
  readonly message: OutgoingMessage;
}

/** What the store keeps beyond StoredMessage: the Exchange bookkeeping Graph shows. */
export interface MailboxItem extends StoredMessage {
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
  readonly sentDateTime: string;
  readonly changeKey: string;
  /** Shared by every copy of one sent message, as the RFC 5322 Message-ID is. */
  readonly internetMessageId: string;
  readonly conversationId: string;
}

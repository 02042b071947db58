// Mailbox storage: delivery to every recipient (inboxes of sandbox users in any tenant, the
// external mailbox of every other address), the sender's Sent Items copy, and reading back.
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import { newChangeKey, newExchangeId } from '../ids.js';
import type {
  MailAddress,
  MailboxItem,
  MailFolderName,
  OutgoingMessage,
  StoredMessage,
} from './types.js';

interface MessageRow {
  id: string;
  mailbox: string;
  is_external: number;
  folder: MailFolderName;
  created_date_time: string;
  last_modified_date_time: string;
  received_date_time: string;
  sent_date_time: string;
  is_read: number;
  change_key: string;
  internet_message_id: string;
  conversation_id: string;
  message: string;
}

/** Columns a mailbox listing may be ordered by ($orderby), keyed by Graph property name. */
export const ORDERABLE_COLUMNS = {
  receiveddatetime: 'received_date_time',
  sentdatetime: 'sent_date_time',
  createddatetime: 'created_date_time',
  lastmodifieddatetime: 'last_modified_date_time',
  subject: 'subject',
} as const;

export interface MailboxQuery {
  readonly mailbox: string;
  /** All folders when undefined (GET /users/{id}/messages lists the whole mailbox). */
  readonly folder: MailFolderName | undefined;
  readonly orderBy: (typeof ORDERABLE_COLUMNS)[keyof typeof ORDERABLE_COLUMNS];
  readonly descending: boolean;
  readonly skip: number;
  readonly top: number;
  /** Only the copies of one message ($filter=internetMessageId eq '…'). */
  readonly internetMessageId?: string;
}

export interface SendOptions {
  /** Keep a copy in the sender's Sent Items (sendMail's saveToSentItems, default true). */
  readonly saveToSentItems: boolean;
}

export interface SendResult {
  readonly delivered: MailboxItem[];
  readonly sentCopy: MailboxItem | undefined;
}

function toItem(row: MessageRow): MailboxItem {
  return {
    id: row.id,
    mailbox: row.mailbox,
    isExternal: row.is_external === 1,
    folder: row.folder,
    receivedDateTime: row.received_date_time,
    isRead: row.is_read === 1,
    // The column is NOT NULL and only ever written by insertItem from an OutgoingMessage.
    message: JSON.parse(row.message) as OutgoingMessage,
    createdDateTime: row.created_date_time,
    lastModifiedDateTime: row.last_modified_date_time,
    sentDateTime: row.sent_date_time,
    changeKey: row.change_key,
    internetMessageId: row.internet_message_id,
    conversationId: row.conversation_id,
  };
}

/**
 * The mailbox an address belongs to: a sandbox user of any tenant (their id), or the external
 * mailbox of the address (lower case). Exchange routes mail between the two organisations
 * like any SMTP mail, so a Berenschot advisor gets RIEC mail in their own inbox.
 */
export function resolveMailbox(
  ctx: SandboxContext,
  address: string,
): { key: string; isExternal: boolean; displayName: string | undefined } {
  const user = ctx.directory.findUser(address);
  if (user) return { key: user.id, isExternal: false, displayName: user.displayName };
  return { key: address.trim().toLowerCase(), isExternal: true, displayName: undefined };
}

/** Exchange resolves names of directory users; other addresses show the address itself. */
function withDisplayName(ctx: SandboxContext, address: MailAddress): MailAddress {
  if (address.name) return address;
  const { displayName } = resolveMailbox(ctx, address.address);
  return { name: displayName ?? address.address, address: address.address };
}

function normaliseAddresses(ctx: SandboxContext, message: OutgoingMessage): OutgoingMessage {
  const all = (list: readonly MailAddress[] | undefined) =>
    (list ?? []).map((a) => withDisplayName(ctx, a));
  return {
    ...message,
    from: withDisplayName(ctx, message.from),
    toRecipients: all(message.toRecipients),
    ccRecipients: all(message.ccRecipients),
    bccRecipients: all(message.bccRecipients),
    replyTo: all(message.replyTo),
  };
}

function insertItem(ctx: SandboxContext, item: MailboxItem): void {
  ctx.db
    .prepare(
      `INSERT INTO mail_messages (id, mailbox, is_external, folder, subject, created_date_time,
        last_modified_date_time, received_date_time, sent_date_time, is_read, change_key,
        internet_message_id, conversation_id, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      item.id,
      item.mailbox,
      item.isExternal ? 1 : 0,
      item.folder,
      item.message.subject,
      item.createdDateTime,
      item.lastModifiedDateTime,
      item.receivedDateTime,
      item.sentDateTime,
      item.isRead ? 1 : 0,
      item.changeKey,
      item.internetMessageId,
      item.conversationId,
      JSON.stringify(item.message),
    );
}

/**
 * Sends a message: one copy per distinct recipient mailbox (to + cc + bcc; bcc stripped from
 * the received copies) and, when asked, one in the sender's Sent Items. All copies share the
 * internetMessageId and conversationId; each has its own id, as in Exchange.
 */
export function sendMessage(
  ctx: SandboxContext,
  outgoing: OutgoingMessage,
  options: SendOptions,
): SendResult {
  const message = normaliseAddresses(ctx, outgoing);
  const now = ctx.clock.now().toISOString();
  const senderDomain = message.from.address.split('@')[1] ?? 'sandbox.local';
  const shared = {
    createdDateTime: now,
    lastModifiedDateTime: now,
    receivedDateTime: now,
    sentDateTime: now,
    internetMessageId:
      outgoing.internetMessageId ??
      `<${randomBytes(12).toString('hex')}@${senderDomain.toLowerCase()}>`,
    conversationId: 'AAQkAG' + randomBytes(24).toString('base64url'),
  };
  const received: OutgoingMessage = { ...message, bccRecipients: [] };
  const recipients = [
    ...message.toRecipients,
    ...(message.ccRecipients ?? []),
    ...(message.bccRecipients ?? []),
  ];
  const seen = new Set<string>();
  const delivered: MailboxItem[] = [];
  let sentCopy: MailboxItem | undefined;
  ctx.db.transaction(() => {
    for (const recipient of recipients) {
      const mailbox = resolveMailbox(ctx, recipient.address);
      if (seen.has(mailbox.key)) continue;
      seen.add(mailbox.key);
      const item: MailboxItem = {
        ...shared,
        id: newExchangeId(),
        mailbox: mailbox.key,
        isExternal: mailbox.isExternal,
        folder: 'inbox',
        isRead: false,
        changeKey: newChangeKey(),
        message: received,
      };
      insertItem(ctx, item);
      delivered.push(item);
    }
    const sender = ctx.directory.findUser(message.from.address);
    if (options.saveToSentItems && sender) {
      sentCopy = {
        ...shared,
        id: newExchangeId(),
        mailbox: sender.id,
        isExternal: false,
        folder: 'sentitems',
        isRead: true,
        changeKey: newChangeKey(),
        message,
      };
      insertItem(ctx, sentCopy);
    }
  })();
  return { delivered, sentCopy };
}

/**
 * Delivers a message to every recipient: users of any sandbox tenant get it in their inbox,
 * other addresses in the external mailbox. Returns the stored copies. (No Sent Items copy:
 * use sendMessage for that.)
 */
export function deliverMessage(ctx: SandboxContext, message: OutgoingMessage): StoredMessage[] {
  return sendMessage(ctx, message, { saveToSentItems: false }).delivered;
}

/**
 * Messages in a mailbox folder, newest first: `mailbox` is a user id (a UPN or address of a
 * sandbox user works too) or an external address; `folder` defaults to the inbox.
 */
export function listMailbox(
  ctx: SandboxContext,
  mailbox: string,
  folder: MailFolderName = 'inbox',
): StoredMessage[] {
  return queryMailbox(ctx, {
    mailbox: resolveMailbox(ctx, mailbox).key,
    folder,
    orderBy: 'received_date_time',
    descending: true,
    skip: 0,
    top: -1,
  }).items;
}

/** External addresses that have received mail, for the inspector (sorted). */
export function listExternalMailboxes(ctx: SandboxContext): string[] {
  return (
    ctx.db
      .prepare('SELECT DISTINCT mailbox FROM mail_messages WHERE is_external = 1 ORDER BY mailbox')
      .all() as { mailbox: string }[]
  ).map((row) => row.mailbox);
}

/** One page of a mailbox (top = -1: everything); `hasMore` when a next page exists. */
export function queryMailbox(
  ctx: SandboxContext,
  query: MailboxQuery,
): { items: MailboxItem[]; hasMore: boolean } {
  const direction = query.descending ? 'DESC' : 'ASC';
  const limit = query.top < 0 ? -1 : query.top + 1;
  const rows = ctx.db
    .prepare(
      `SELECT * FROM mail_messages
       WHERE mailbox = ? ${query.folder ? 'AND folder = ?' : ''}
         ${query.internetMessageId !== undefined ? 'AND internet_message_id = ?' : ''}
       ORDER BY ${query.orderBy} ${direction}, seq ${direction}
       LIMIT ? OFFSET ?`,
    )
    .all(
      ...(query.folder ? [query.mailbox, query.folder] : [query.mailbox]),
      ...(query.internetMessageId !== undefined ? [query.internetMessageId] : []),
      limit,
      query.skip,
    ) as MessageRow[];
  const hasMore = query.top >= 0 && rows.length > query.top;
  return { items: (hasMore ? rows.slice(0, query.top) : rows).map(toItem), hasMore };
}

export function findMailboxItem(
  ctx: SandboxContext,
  mailbox: string,
  id: string,
): MailboxItem | undefined {
  const row = ctx.db
    .prepare('SELECT * FROM mail_messages WHERE mailbox = ? AND id = ?')
    .get(mailbox, id) as MessageRow | undefined;
  return row ? toItem(row) : undefined;
}

/**
 * eventMessage.isOutOfDate: a meeting request or cancellation is out of date once the same
 * mailbox has received a later request or cancellation for the same meeting.
 */
export function isSupersededMeetingMessage(ctx: SandboxContext, item: MailboxItem): boolean {
  const meeting = item.message.meeting;
  if (!meeting || !['meetingRequest', 'meetingCancelled'].includes(meeting.type)) return false;
  const row = ctx.db
    .prepare(
      `SELECT 1 AS found FROM mail_messages
       WHERE mailbox = ? AND folder = ?
         AND seq > (SELECT seq FROM mail_messages WHERE id = ?)
         AND json_extract(message, '$.meeting.organizerEventId') = ?
         AND json_extract(message, '$.meeting.type') IN ('meetingRequest', 'meetingCancelled')
       LIMIT 1`,
    )
    .get(item.mailbox, item.folder, item.id, meeting.organizerEventId);
  return row !== undefined;
}

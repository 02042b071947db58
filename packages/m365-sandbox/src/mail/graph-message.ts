// Renders a stored copy as Graph renders it: a `message`, or for invitations, cancellations
// and answers the derived `eventMessage` types (resources/message.md, resources/eventmessage.md,
// resources/eventmessagerequest.md, resources/eventmessageresponse.md). Only properties that
// graph-v1.0-metadata.xml declares for the type are emitted.
import { createHash } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { MailAddress, MailboxItem, MailFolderName, MeetingMessageType } from './types.js';

export interface RenderOptions {
  /**
   * False for callers that hold only Mail.ReadBasic(.All): Graph leaves out body and
   * bodyPreview for them (permissions reference, "Mail.ReadBasic").
   */
  readonly includeBody: boolean;
  /** eventMessage.isOutOfDate: a later request or cancellation for the same meeting exists. */
  readonly isOutOfDate: boolean;
}

/** A stable, opaque folder id per mailbox and well-known folder (Graph's ids are opaque too). */
export function folderIdOf(mailbox: string, folder: MailFolderName): string {
  const digest = createHash('sha256')
    .update(`${mailbox.toLowerCase()}/${folder}`)
    .digest('base64url');
  return `AQMkAD${digest}AAAA${folder === 'inbox' ? 'AQw' : 'AQk'}`;
}

const ODATA_TYPE: Record<MeetingMessageType, string> = {
  meetingRequest: '#microsoft.graph.eventMessageRequest',
  meetingCancelled: '#microsoft.graph.eventMessage',
  meetingAccepted: '#microsoft.graph.eventMessageResponse',
  meetingTenativelyAccepted: '#microsoft.graph.eventMessageResponse',
  meetingDeclined: '#microsoft.graph.eventMessageResponse',
};

const RESPONSE_TYPE: Partial<Record<MeetingMessageType, string>> = {
  meetingAccepted: 'accepted',
  meetingTenativelyAccepted: 'tentativelyAccepted',
  meetingDeclined: 'declined',
};

function recipient(address: MailAddress) {
  return { emailAddress: { name: address.name ?? address.address, address: address.address } };
}

/** Graph's bodyPreview: the first 255 characters of the body as plain text. */
export function previewOf(contentType: 'text' | 'html', content: string): string {
  const text =
    contentType === 'html'
      ? content
          .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
          .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, ' ')
          .replace(/<[^>]+>/g, '')
          .replace(/&nbsp;/g, ' ')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
      : content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

function meetingProperties(item: MailboxItem, options: RenderOptions) {
  const meeting = item.message.meeting;
  if (!meeting) return { head: {}, tail: {} };
  const head: Record<string, unknown> = {
    meetingMessageType: meeting.type,
    type: 'singleInstance',
    isOutOfDate: options.isOutOfDate,
    isAllDay: meeting.isAllDay ?? false,
    isDelegated: false,
  };
  if (meeting.type === 'meetingRequest') {
    head.meetingRequestType = 'newMeetingRequest';
    if (meeting.responseRequested !== undefined) head.responseRequested = meeting.responseRequested;
    if (meeting.allowNewTimeProposals !== undefined) {
      head.allowNewTimeProposals = meeting.allowNewTimeProposals;
    }
  }
  const responseType = RESPONSE_TYPE[meeting.type];
  if (responseType) head.responseType = responseType;
  const tail: Record<string, unknown> = {};
  if (meeting.start) tail.startDateTime = { ...meeting.start };
  if (meeting.end) tail.endDateTime = { ...meeting.end };
  if (meeting.location !== undefined) {
    tail.location = {
      displayName: meeting.location,
      locationType: 'default',
      uniqueIdType: 'unknown',
    };
  }
  return { head, tail };
}

export function toGraphMessage(
  ctx: SandboxContext,
  item: MailboxItem,
  options: RenderOptions,
): Record<string, unknown> {
  const { message } = item;
  const meeting = meetingProperties(item, options);
  return {
    ...(message.meeting ? { '@odata.type': ODATA_TYPE[message.meeting.type] } : {}),
    '@odata.etag': `W/"${item.changeKey}"`,
    id: item.id,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    changeKey: item.changeKey,
    categories: [],
    receivedDateTime: item.receivedDateTime,
    sentDateTime: item.sentDateTime,
    hasAttachments: false,
    internetMessageId: item.internetMessageId,
    subject: message.subject,
    ...(options.includeBody
      ? { bodyPreview: previewOf(message.body.contentType, message.body.content) }
      : {}),
    importance: message.importance ?? 'normal',
    parentFolderId: folderIdOf(item.mailbox, item.folder),
    conversationId: item.conversationId,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: item.isRead,
    isDraft: false,
    // Graph links to Outlook on the web; the sandbox has no OWA, so this is a same-shaped link
    // on the sandbox's own origin (an opaque string to clients either way).
    webLink: `${ctx.urls.http}/owa/?ItemID=${encodeURIComponent(item.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    ...meeting.head,
    ...(options.includeBody
      ? { body: { contentType: message.body.contentType, content: message.body.content } }
      : {}),
    sender: recipient(message.from),
    from: recipient(message.from),
    toRecipients: message.toRecipients.map(recipient),
    ccRecipients: (message.ccRecipients ?? []).map(recipient),
    bccRecipients: (message.bccRecipients ?? []).map(recipient),
    replyTo: (message.replyTo ?? []).map(recipient),
    flag: { flagStatus: 'notFlagged' },
    ...meeting.tail,
  };
}

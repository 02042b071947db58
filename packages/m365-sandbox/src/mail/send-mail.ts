// The body of POST /users/{id}/sendMail (api/user-sendmail.md): {message, saveToSentItems?}.
// Strict as Graph's deserializer is: an unknown property fails with RequestBodyRead naming
// the property and the type it is not declared on.
import { z } from 'zod';
import { GraphError, parseGraphBody } from '../http/graph-error.js';
import type { MailAddress, OutgoingMessage } from './types.js';

/** Graph accepts enum values in any case ("HTML", "Text" in its own examples). */
const caseInsensitive = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(values));

const ZEmailAddress = z
  .object({ address: z.string(), name: z.string().nullable().optional() })
  .strict();
const ZRecipient = z.object({ emailAddress: ZEmailAddress }).strict();
const ZRecipients = z.array(ZRecipient).optional();

const ZItemBody = z
  .object({ contentType: caseInsensitive(['text', 'html']).optional(), content: z.string() })
  .strict();

// Graph lets subject and body be left out (an empty message is still sendable).
const ZMessage = z
  .object({
    subject: z.string().nullable().optional(),
    body: ZItemBody.optional(),
    toRecipients: ZRecipients,
    ccRecipients: ZRecipients,
    bccRecipients: ZRecipients,
    replyTo: ZRecipients,
    importance: caseInsensitive(['low', 'normal', 'high']).optional(),
    // Settable on create (resources/message.md): the RFC 5322 Message-ID every copy shares; a
    // sender that chooses it can find the message in its Sent Items after a lost answer.
    internetMessageId: z.string().optional(),
  })
  .strict();

export const ZSendMailRequest = z
  .object({ message: ZMessage, saveToSentItems: z.boolean().optional() })
  .strict();
export type TSendMailRequest = z.infer<typeof ZSendMailRequest>;

/** The Graph type an object at `path` of the request body has, for RequestBodyRead. */
function typeAt(path: readonly PropertyKey[]): string | undefined {
  const last = path[path.length - 1];
  if (last === undefined) return undefined;
  if (typeof last === 'number') return 'recipient';
  if (last === 'body') return 'itemBody';
  if (last === 'emailAddress') return 'emailAddress';
  return 'message';
}

export function parseSendMailRequest(body: unknown): TSendMailRequest {
  const result = ZSendMailRequest.safeParse(body);
  if (result.success) return result.data;
  const unknown = result.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown?.code === 'unrecognized_keys') {
    const key = unknown.keys[0] ?? '';
    const type = typeAt(unknown.path);
    throw new GraphError(
      400,
      'RequestBodyRead',
      type === undefined
        ? `The parameter '${key}' in the request payload is not a valid parameter for the operation 'sendMail'.`
        : `The property '${key}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    );
  }
  // Everything else (wrong types, missing message, empty body) is answered as parseGraphBody does.
  return parseGraphBody(ZSendMailRequest, body, 'message');
}

const MESSAGE_ID = /^<[^\s<>@]+@[^\s<>@]+>$/;

const ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

function toAddresses(list: TSendMailRequest['message']['toRecipients']): MailAddress[] {
  return (list ?? []).map(({ emailAddress: { address, name } }) =>
    name ? { name, address: address.trim() } : { address: address.trim() },
  );
}

/**
 * The message to send, from the sender's mailbox. Exchange refuses a message without any
 * recipient or with an unresolvable one (ErrorInvalidRecipients, as seen from Graph).
 */
export function toOutgoingMessage(request: TSendMailRequest, from: MailAddress): OutgoingMessage {
  const { message } = request;
  const toRecipients = toAddresses(message.toRecipients);
  const ccRecipients = toAddresses(message.ccRecipients);
  const bccRecipients = toAddresses(message.bccRecipients);
  const all = [...toRecipients, ...ccRecipients, ...bccRecipients];
  if (all.length === 0) {
    throw new GraphError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
    );
  }
  const invalid = [...all, ...toAddresses(message.replyTo)].find(
    (recipient) => !ADDRESS.test(recipient.address),
  );
  if (invalid) {
    throw new GraphError(
      400,
      'ErrorInvalidRecipients',
      `At least one recipient isn't valid., Recipient "${invalid.address}" isn't resolved. All recipients must be resolved before a message can be submitted.`,
    );
  }
  const messageId = message.internetMessageId?.trim();
  if (messageId !== undefined && !MESSAGE_ID.test(messageId)) {
    throw new GraphError(
      400,
      'InvalidInternetMessageHeader',
      `The internet message id '${messageId}' is not in the format <local@domain> of RFC 5322.`,
    );
  }
  return {
    ...(messageId ? { internetMessageId: messageId } : {}),
    from,
    toRecipients,
    ccRecipients,
    bccRecipients,
    replyTo: toAddresses(message.replyTo),
    importance: message.importance ?? 'normal',
    subject: message.subject ?? '',
    body: {
      contentType: message.body?.contentType ?? 'text',
      content: message.body?.content ?? '',
    },
  };
}

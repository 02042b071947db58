// Graph mail routes: POST /users/{id}/sendMail, GET /users/{id}/messages[/{id}] and
// GET /users/{id}/mailFolders/{inbox|sentitems|folder id}/messages[/{id}].
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf, type SandboxContext } from '../context.js';
import type { DirectoryUser } from '../directory/store.js';
import { GraphError } from '../http/graph-error.js';
import { applySelect, parseTop } from '../http/odata.js';
import {
  requireGraphPermission,
  requireMailboxAccess,
  type Caller,
} from '../identity/graph-auth.js';
import { folderIdOf, toGraphMessage } from './graph-message.js';
import { parseSendMailRequest, toOutgoingMessage } from './send-mail.js';
import {
  findMailboxItem,
  isSupersededMeetingMessage,
  ORDERABLE_COLUMNS,
  queryMailbox,
  sendMessage,
} from './store.js';
import type { MailboxItem, MailFolderName } from './types.js';

// Permissions reference: sendMail needs Mail.Send; reading needs Mail.ReadBasic (no body),
// Mail.Read or Mail.ReadWrite.
const SEND = { delegated: ['Mail.Send'], application: ['Mail.Send'] };
const READ_FULL = ['Mail.Read', 'Mail.ReadWrite'];
const READ = {
  delegated: ['Mail.ReadBasic', ...READ_FULL],
  application: ['Mail.ReadBasic', 'Mail.ReadBasic.All', ...READ_FULL],
};

/** Well-known folders that exist in every mailbox but that the sandbox never fills. */
const EMPTY_WELL_KNOWN_FOLDERS = new Set([
  'archive',
  'clutter',
  'conversationhistory',
  'deleteditems',
  'drafts',
  'junkemail',
  'outbox',
  'scheduled',
]);

/** Query options Graph supports on messages that the sandbox does not: refused, not ignored. */
const UNSUPPORTED_OPTIONS = ['$search', '$expand', '$count'];

/**
 * The one $filter the sandbox answers on messages: `internetMessageId eq '<…>'` (how a sender
 * finds a message it sent by the id it chose); any other filter is refused, not ignored.
 */
function parseFilter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*internetMessageId\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(value);
  if (!match) {
    throw new GraphError(
      400,
      'BadRequest',
      `The sandbox filters messages only by internetMessageId eq '<…>': '${value}'.`,
    );
  }
  return (match[1] ?? '').replace(/''/g, "'");
}

type MessagesQuery = Record<string, string | undefined>;
type UserParams = { id: string; folderId?: string; messageId?: string };
type MailRequest = FastifyRequest<{ Params: UserParams; Querystring: MessagesQuery }>;

function mailboxOwner(ctx: SandboxContext, caller: Caller, id: string): DirectoryUser {
  // A user of another tenant does not exist as far as this tenant's Exchange is concerned.
  const user = ctx.directory.findUserInTenant(caller.tenantId, id);
  if (!user)
    throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);
  requireMailboxAccess(caller, user.id, user.tenantId);
  return user;
}

const notFound = () =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

/** inbox / sentitems (any case) or their ids; 'empty' for the other well-known folders. */
function resolveFolder(owner: DirectoryUser, folderId: string): MailFolderName | 'empty' {
  const name = folderId.toLowerCase();
  for (const folder of ['inbox', 'sentitems'] as const) {
    if (name === folder || folderId === folderIdOf(owner.id, folder)) return folder;
  }
  if (EMPTY_WELL_KNOWN_FOLDERS.has(name)) return 'empty';
  throw notFound();
}

function parseOrderBy(value: string | undefined) {
  if (value === undefined) return { orderBy: ORDERABLE_COLUMNS.receiveddatetime, descending: true };
  const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(value);
  const column = ORDERABLE_COLUMNS[match?.[1]?.toLowerCase() as keyof typeof ORDERABLE_COLUMNS];
  if (!match || !column) {
    throw new GraphError(
      400,
      'ErrorInvalidProperty',
      `The sandbox can order messages only by ${Object.keys(ORDERABLE_COLUMNS).join(', ')}: '${value}'.`,
    );
  }
  return { orderBy: column, descending: match[2]?.toLowerCase() === 'desc' };
}

function parseSkip(value: string | undefined): number {
  if (value === undefined) return 0;
  const skip = Number(value);
  if (!Number.isInteger(skip) || skip < 0) {
    throw new GraphError(400, 'BadRequest', `Invalid $skip value '${value}'.`);
  }
  return skip;
}

function canReadBody(caller: Caller): boolean {
  return READ_FULL.some((permission) => caller.permissions.includes(permission));
}

function render(ctx: SandboxContext, caller: Caller, item: MailboxItem, select?: string) {
  const message = toGraphMessage(ctx, item, {
    includeBody: canReadBody(caller),
    isOutOfDate: isSupersededMeetingMessage(ctx, item),
  });
  return applySelect(message, select);
}

export async function mailRoutes(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  app.post(
    '/users/:id/sendMail',
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const caller = callerOf(request);
      requireGraphPermission(caller, SEND);
      const sender = mailboxOwner(ctx, caller, request.params.id);
      const body = parseSendMailRequest(request.body);
      const message = toOutgoingMessage(body, { name: sender.displayName, address: sender.mail });
      sendMessage(ctx, message, { saveToSentItems: body.saveToSentItems ?? true });
      // 202 Accepted: delivery happens "later" in Exchange; in the sandbox it is already done.
      return reply.status(202).send();
    },
  );

  const listMessages = async (request: MailRequest) => {
    const caller = callerOf(request);
    requireGraphPermission(caller, READ);
    const owner = mailboxOwner(ctx, caller, request.params.id);
    const folder =
      request.params.folderId === undefined
        ? undefined
        : resolveFolder(owner, request.params.folderId);
    const query = request.query;
    const refused = UNSUPPORTED_OPTIONS.find((option) => query[option] !== undefined);
    if (refused) {
      throw new GraphError(
        400,
        'BadRequest',
        `The query option '${refused}' on messages is not supported by the sandbox.`,
      );
    }
    // Graph's default page size for messages is 10 (api/user-list-messages.md); max 1000.
    const top = parseTop(query.$top, 10, 1000);
    const skip = parseSkip(query.$skip);
    const internetMessageId = parseFilter(query.$filter);
    const page =
      folder === 'empty'
        ? { items: [], hasMore: false }
        : queryMailbox(ctx, {
            mailbox: owner.id,
            folder,
            ...parseOrderBy(query.$orderby),
            skip,
            top,
            ...(internetMessageId !== undefined ? { internetMessageId } : {}),
          });
    const path = request.url.split('?')[0] ?? '';
    // Graph writes the $-options unencoded in nextLink ("…/messages?$top=10&$skip=10").
    const next = Object.entries({ ...query, $top: String(top), $skip: String(skip + top) })
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('&');
    return {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${owner.id}')/messages`,
      value: page.items.map((item) => render(ctx, caller, item, query.$select)),
      ...(page.hasMore ? { '@odata.nextLink': `${ctx.urls.https}${path}?${next}` } : {}),
    };
  };

  const getMessage = async (request: MailRequest) => {
    const caller = callerOf(request);
    requireGraphPermission(caller, READ);
    const owner = mailboxOwner(ctx, caller, request.params.id);
    const folder =
      request.params.folderId === undefined
        ? undefined
        : resolveFolder(owner, request.params.folderId);
    const item = findMailboxItem(ctx, owner.id, request.params.messageId ?? '');
    if (!item || (folder !== undefined && item.folder !== folder)) throw notFound();
    return {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${owner.id}')/messages/$entity`,
      ...render(ctx, caller, item, request.query.$select),
    };
  };

  app.get('/users/:id/messages', listMessages);
  app.get('/users/:id/mailFolders/:folderId/messages', listMessages);
  app.get('/users/:id/messages/:messageId', getMessage);
  app.get('/users/:id/mailFolders/:folderId/messages/:messageId', getMessage);
}

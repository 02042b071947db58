// Mail: POST /users/{id}/sendMail, /users/{id}/messages, /users/{id}/mailFolders/inbox|sentitems
// /messages, and the external mailbox: everything sent to addresses outside the sandbox's
// tenants (the mayor's offices) lands there, where the inspector shows it. Other sandbox
// modules (calendar invitations, answers) deliver through deliverMessage.
import type { SandboxModule } from '../context.js';
import type { TableSchema } from '../store/db.js';
import { mailRoutes } from './routes.js';
import { mailSchema } from './schema.js';

export const mailSchemas: readonly TableSchema[] = [mailSchema];

export const mailModule: SandboxModule = (app, ctx) => mailRoutes(app, ctx);

export type {
  MailAddress,
  MailboxItem,
  MailFolderName,
  MailImportance,
  MeetingMessageType,
  OutgoingMessage,
  StoredMessage,
} from './types.js';

export {
  deliverMessage,
  listExternalMailboxes,
  listMailbox,
  sendMessage,
  type SendOptions,
  type SendResult,
} from './store.js';

export { toGraphMessage } from './graph-message.js';

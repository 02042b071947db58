import type { TableSchema } from '../store/db.js';

/**
 * One row per copy of a message in one mailbox folder: the recipients' inboxes, the external
 * mailboxes and the sender's Sent Items each hold their own copy, as Exchange does.
 * `seq` breaks ties between copies stored in the same millisecond (newest first = highest seq).
 */
export const mailSchema: TableSchema = {
  module: 'mail',
  ddl: `
    CREATE TABLE IF NOT EXISTS mail_messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      mailbox TEXT NOT NULL COLLATE NOCASE,
      is_external INTEGER NOT NULL,
      folder TEXT NOT NULL CHECK (folder IN ('inbox', 'sentitems')),
      subject TEXT NOT NULL,
      created_date_time TEXT NOT NULL,
      last_modified_date_time TEXT NOT NULL,
      received_date_time TEXT NOT NULL,
      sent_date_time TEXT NOT NULL,
      is_read INTEGER NOT NULL DEFAULT 0,
      change_key TEXT NOT NULL,
      internet_message_id TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      message TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS mail_messages_by_mailbox
      ON mail_messages (mailbox, folder, received_date_time);
    CREATE INDEX IF NOT EXISTS mail_messages_external
      ON mail_messages (is_external, mailbox);
  `,
};

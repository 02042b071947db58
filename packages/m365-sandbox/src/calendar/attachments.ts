// File attachments on events (api/event-post-attachments.md, api/event-list-attachments.md,
// api/attachment-get.md, api/attachment-delete.md):
//   POST   /users/{id}/events/{id}/attachments   201, a fileAttachment with contentBytes (base64)
//   GET    /users/{id}/events/{id}/attachments   the attachments, contentBytes included
//   GET    /users/{id}/events/{id}/attachments/{id}
//   DELETE /users/{id}/events/{id}/attachments/{id}   204
// As documented: this call takes attachments under 3 MB only (larger files need an upload
// session, which the sandbox does not offer: 413); only `#microsoft.graph.fileAttachment` is
// supported here. An attachment the organizer adds is not sent to the attendees ("the organizer
// can subsequently update the event to send the attachment"): their copies stay as they are.
// Adding or deleting one changes the event (changeKey, lastModifiedDateTime), as Exchange does.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { GraphError, notFound, parseGraphBody } from '../http/graph-error.js';
import { newExchangeId } from '../ids.js';
import type { Db, TableSchema } from '../store/db.js';
import { resolveMailbox } from './access.js';
import { findOwnEvent, saveEvent } from './store.js';
import { formatInstant } from './time-zones.js';

export const attachmentSchema: TableSchema = {
  module: 'calendar-attachments',
  ddl: `
    CREATE TABLE IF NOT EXISTS calendar_attachments (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL,
      name TEXT NOT NULL,
      content_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      is_inline INTEGER NOT NULL,
      last_modified TEXT NOT NULL,
      content_bytes TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS calendar_attachments_event ON calendar_attachments (event_id);
  `,
};

/** "This operation limits the size of the attachment you can add to under 3 MB." */
export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;

interface AttachmentRow {
  id: string;
  event_id: string;
  name: string;
  content_type: string;
  size: number;
  is_inline: number;
  last_modified: string;
  content_bytes: string;
}

const ZFileAttachment = z
  .object({
    '@odata.type': z.literal('#microsoft.graph.fileAttachment'),
    name: z.string().min(1),
    contentBytes: z.string(),
    contentType: z.string().optional(),
    isInline: z.boolean().optional(),
    contentId: z.string().optional(),
  })
  .strict();

type EventRoute = FastifyRequest<{ Params: { id: string; eventId: string } }>;
type AttachmentRoute = FastifyRequest<{
  Params: { id: string; eventId: string; attachmentId: string };
}>;

function toGraph(ctx: SandboxContext, userId: string, eventId: string, row: AttachmentRow) {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': row.content_type,
    id: row.id,
    lastModifiedDateTime: row.last_modified,
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    isInline: row.is_inline === 1,
    contentId: null,
    contentLocation: null,
    contentBytes: row.content_bytes,
    '@odata.id': `${ctx.urls.https}/v1.0/users('${encodeURIComponent(userId)}')/events('${eventId}')/attachments('${row.id}')`,
  };
}

export function countAttachments(db: Db, eventId: string): number {
  const row = db
    .prepare('SELECT COUNT(*) AS n FROM calendar_attachments WHERE event_id = ?')
    .get(eventId) as { n: number };
  return row.n;
}

/** Every attachment's name and content, for tests that look where data ended up. */
export function listAllAttachments(db: Db): { eventId: string; name: string; content: Buffer }[] {
  return (db.prepare('SELECT * FROM calendar_attachments').all() as AttachmentRow[]).map((r) => ({
    eventId: r.event_id,
    name: r.name,
    content: Buffer.from(r.content_bytes, 'base64'),
  }));
}

function decodedSize(base64: string): number {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw new GraphError(400, 'ErrorInvalidRequest', 'The contentBytes are not valid base64.');
  }
  return Buffer.from(base64, 'base64').byteLength;
}

export function registerAttachmentRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const ownEvent = (request: EventRoute, access: 'read' | 'write') => {
    const user = resolveMailbox(ctx, request, request.params.id, access);
    const event = findOwnEvent(ctx.db, user.id, request.params.eventId);
    if (!event) throw notFound('event');
    return { user, event };
  };

  app.post('/users/:id/events/:eventId/attachments', async (request: EventRoute, reply) => {
    const { user, event } = ownEvent(request, 'write');
    const raw = request.body as Record<string, unknown> | null;
    if (
      raw &&
      typeof raw === 'object' &&
      raw['@odata.type'] !== '#microsoft.graph.fileAttachment'
    ) {
      throw new GraphError(
        400,
        'ErrorInvalidRequest',
        'The sandbox supports only #microsoft.graph.fileAttachment on events.',
      );
    }
    const body = parseGraphBody(ZFileAttachment, request.body, 'fileAttachment');
    const size = decodedSize(body.contentBytes);
    if (size >= MAX_ATTACHMENT_BYTES) {
      throw new GraphError(
        413,
        'ErrorRequestEntityTooLarge',
        'The attachment is too large for this call: attach files of 3 MB or more with an upload session.',
      );
    }
    const row: AttachmentRow = {
      id: `${event.id}${newExchangeId().slice(6, 30)}`,
      event_id: event.id,
      name: body.name,
      content_type: body.contentType ?? 'application/octet-stream',
      size,
      is_inline: body.isInline ? 1 : 0,
      last_modified: formatInstant(ctx.clock.now().getTime()),
      content_bytes: body.contentBytes,
    };
    ctx.db.transaction(() => {
      ctx.db
        .prepare(
          `INSERT INTO calendar_attachments (id, event_id, name, content_type, size, is_inline,
             last_modified, content_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.id,
          row.event_id,
          row.name,
          row.content_type,
          row.size,
          row.is_inline,
          row.last_modified,
          row.content_bytes,
        );
      saveEvent(ctx, event);
    })();
    return reply.status(201).send({
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${encodeURIComponent(user.id)}')/events('${event.id}')/attachments/$entity`,
      ...toGraph(ctx, user.id, event.id, row),
    });
  });

  app.get('/users/:id/events/:eventId/attachments', async (request: EventRoute) => {
    const { user, event } = ownEvent(request, 'read');
    const rows = ctx.db
      .prepare('SELECT * FROM calendar_attachments WHERE event_id = ? ORDER BY last_modified, id')
      .all(event.id) as AttachmentRow[];
    return {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${encodeURIComponent(user.id)}')/events('${event.id}')/attachments`,
      value: rows.map((row) => toGraph(ctx, user.id, event.id, row)),
    };
  });

  const findAttachment = (eventId: string, attachmentId: string) => {
    const row = ctx.db
      .prepare('SELECT * FROM calendar_attachments WHERE event_id = ? AND id = ?')
      .get(eventId, attachmentId) as AttachmentRow | undefined;
    if (!row) {
      throw new GraphError(
        404,
        'ErrorItemNotFound',
        'The specified object was not found in the store.',
      );
    }
    return row;
  };

  app.get(
    '/users/:id/events/:eventId/attachments/:attachmentId',
    async (request: AttachmentRoute) => {
      const { user, event } = ownEvent(request, 'read');
      const row = findAttachment(event.id, request.params.attachmentId);
      return {
        '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${encodeURIComponent(user.id)}')/events('${event.id}')/attachments/$entity`,
        ...toGraph(ctx, user.id, event.id, row),
      };
    },
  );

  app.delete(
    '/users/:id/events/:eventId/attachments/:attachmentId',
    async (request: AttachmentRoute, reply) => {
      const { event } = ownEvent(request, 'write');
      ctx.db.transaction(() => {
        const row = findAttachment(event.id, request.params.attachmentId);
        ctx.db.prepare('DELETE FROM calendar_attachments WHERE id = ?').run(row.id);
        saveEvent(ctx, event);
      })();
      return reply.status(204).send();
    },
  );
}

// File attachments on the organizer's events (api/event-post-attachments.md): the attendee list
// of a confirmed workshop lives here and nowhere else (issue 14, item 5). Always with the
// application's identity; the attendees' copies are not updated (no PATCH follows the add), so
// the list reaches no mailbox.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { EventId } from '../../domain/ids.js';
import type { EventAttachments, EventFile } from '../../domain/ports.js';
import { toGraphFailure } from '../client/errors.js';

const ZAttachment = z.object({
  '@odata.type': z.string().optional(),
  id: z.string(),
  name: z.string(),
  lastModifiedDateTime: z.string(),
  contentBytes: z.string().optional(),
});
const ZAttachmentList = z.object({ value: z.array(ZAttachment) });

const base = (organizer: string, eventId: EventId) =>
  `/users/${encodeURIComponent(organizer)}/events/${encodeURIComponent(eventId)}/attachments`;

function toFile(attachment: z.infer<typeof ZAttachment>): EventFile {
  return {
    id: attachment.id,
    name: attachment.name,
    lastModified: attachment.lastModifiedDateTime,
    content: Buffer.from(attachment.contentBytes ?? '', 'base64'),
  };
}

export function graphEventAttachments(client: Client): EventAttachments {
  return {
    async list(organizer, eventId) {
      try {
        const page = ZAttachmentList.parse(await client.api(base(organizer, eventId)).get());
        return page.value
          .filter(
            (a) => a['@odata.type'] === undefined || a['@odata.type'].endsWith('fileAttachment'),
          )
          .map(toFile);
      } catch (error) {
        const failure = toGraphFailure(error);
        if (failure.status === 404) return null;
        throw failure;
      }
    },
    async add(organizer, eventId, file) {
      try {
        const created = await client.api(base(organizer, eventId)).post({
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: file.name,
          contentType: file.contentType,
          contentBytes: Buffer.from(file.content).toString('base64'),
        });
        return toFile(ZAttachment.parse(created));
      } catch (error) {
        throw toGraphFailure(error);
      }
    },
    async remove(organizer, eventId, attachmentId) {
      try {
        await client
          .api(`${base(organizer, eventId)}/${encodeURIComponent(attachmentId)}`)
          .delete();
      } catch (error) {
        const failure = toGraphFailure(error);
        if (failure.status !== 404) throw failure;
      }
    },
  };
}

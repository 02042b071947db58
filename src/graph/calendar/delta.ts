// Trainers' answers, read from the organizer's calendar with calendarView/delta (DESIGN.md
// "Answers"): the first call pages through the window; later calls with the delta link return
// only what changed — one request per cycle when nothing did.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { EventId } from '../../domain/ids.js';
import type { HoldChange } from '../../domain/ports.js';
import type { Slot, TrainerAnswer } from '../../domain/signup.js';
import { toGraphFailure } from '../client/errors.js';

export const ZDeltaEvent = z.object({
  id: z.string(),
  '@removed': z.object({ reason: z.string().optional() }).optional(),
  transactionId: z.string().nullish(),
  isCancelled: z.boolean().nullish(),
  lastModifiedDateTime: z.string().nullish(),
  attendees: z
    .array(
      z.object({
        emailAddress: z.object({ address: z.string().nullish() }),
        status: z.object({ response: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});
const ZDeltaPage = z.object({
  value: z.array(ZDeltaEvent),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

const ANSWERS: Readonly<Record<string, TrainerAnswer>> = {
  none: 'none',
  accepted: 'accepted',
  tentativelyaccepted: 'tentativelyAccepted',
  declined: 'declined',
  notresponded: 'notResponded',
};

/** The organizer's copy of an event as a HoldChange (delta pages and direct reads alike). */
export function toChange(event: z.infer<typeof ZDeltaEvent>): HoldChange {
  const answers: Record<string, TrainerAnswer> = {};
  for (const attendee of event.attendees ?? []) {
    const address = attendee.emailAddress.address?.toLowerCase();
    const response = ANSWERS[(attendee.status?.response ?? 'none').toLowerCase()];
    if (address && response) answers[address] = response;
  }
  return {
    eventId: event.id as EventId,
    transactionId: event.transactionId ?? undefined,
    removed: event['@removed'] !== undefined || event.isCancelled === true,
    answers,
    ...(event.lastModifiedDateTime ? { lastModified: event.lastModifiedDateTime } : {}),
  };
}

export async function readHoldChanges(
  client: Client,
  organizer: string,
  cursor: string | null,
  window: Slot,
): Promise<{ changes: HoldChange[]; cursor: string }> {
  const changes: HoldChange[] = [];
  let url =
    cursor ??
    `/users/${encodeURIComponent(organizer)}/calendarView/delta?startDateTime=${encodeURIComponent(window.start)}&endDateTime=${encodeURIComponent(window.end)}`;
  for (;;) {
    let page: z.infer<typeof ZDeltaPage>;
    try {
      page = ZDeltaPage.parse(await client.api(url).get());
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      throw toGraphFailure(error);
    }
    changes.push(...page.value.map(toChange));
    if (page['@odata.deltaLink']) return { changes, cursor: page['@odata.deltaLink'] };
    if (!page['@odata.nextLink'])
      throw new Error('calendarView/delta answered without a next or delta link');
    url = page['@odata.nextLink'];
  }
}

// Trainers' answers, read from the organizer's calendar with calendarView/delta (DESIGN.md
// "Answers"): the first call pages through the window; later calls with the delta link return
// only what changed — one request per cycle when nothing did. A cursor Graph no longer knows
// (410 Gone, syncStateNotFound, resyncRequired: concepts/delta-query-overview.md,
// "Synchronization reset" and "Token duration") is dropped and the window synced from scratch,
// so that organizer's answers keep flowing instead of failing on the same dead cursor forever.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { EventId } from '../../domain/ids.js';
import type { HoldChange } from '../../domain/ports.js';
import type { Slot, TrainerAnswer } from '../../domain/signup.js';
import { toGraphFailure, type GraphRequestFailure } from '../client/errors.js';

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

/** Error codes of a delta or skip token the service no longer has (errors.md, delta docs). */
const EXPIRED_CODES = new Set(['syncstatenotfound', 'resyncrequired', 'syncstateinvalid']);

/** Whether the failure says "this delta token is gone: start a full sync again". */
export function isExpiredCursor(failure: GraphRequestFailure): boolean {
  return failure.status === 410 || EXPIRED_CODES.has(failure.code.toLowerCase());
}

export async function readHoldChanges(
  client: Client,
  organizer: string,
  cursor: string | null,
  window: Slot,
): Promise<{ changes: HoldChange[]; cursor: string }> {
  let changes: HoldChange[] = [];
  const initial = `/users/${encodeURIComponent(organizer)}/calendarView/delta?startDateTime=${encodeURIComponent(window.start)}&endDateTime=${encodeURIComponent(window.end)}`;
  let url = cursor ?? initial;
  let hasRestarted = false;
  for (;;) {
    let page: z.infer<typeof ZDeltaPage>;
    try {
      page = ZDeltaPage.parse(await client.api(url).get());
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      const failure = toGraphFailure(error);
      // A delta or skip token (never the initial query) that expired: start over, once. A
      // fresh sync refused as well is a real failure, not a stale cursor.
      if (isExpiredCursor(failure) && url !== initial && !hasRestarted) {
        changes = [];
        url = initial;
        hasRestarted = true;
        continue;
      }
      throw failure;
    }
    changes.push(...page.value.map(toChange));
    if (page['@odata.deltaLink']) return { changes, cursor: page['@odata.deltaLink'] };
    if (!page['@odata.nextLink'])
      throw new Error('calendarView/delta answered without a next or delta link');
    url = page['@odata.nextLink'];
  }
}

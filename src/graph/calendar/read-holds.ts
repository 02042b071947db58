// The organizer's events as they are now, read directly (one $batch of GETs): the calendar is
// the truth about the trainers' answers, and a sync that lost a race re-derives from it instead
// of re-applying what it read earlier (issue: answers were moved back after a 412).
import type { Client } from '@microsoft/microsoft-graph-client';
import type { EventId } from '../../domain/ids.js';
import type { HoldChange } from '../../domain/ports.js';
import { executeBatch, type BatchRequest } from '../client/batch.js';
import { failureFromBody } from '../client/errors.js';
import { toChange, ZDeltaEvent } from './delta.js';

const SELECT = 'id,transactionId,isCancelled,lastModifiedDateTime,attendees';

export async function readHolds(
  client: Client,
  organizer: string,
  eventIds: readonly EventId[],
): Promise<HoldChange[]> {
  if (eventIds.length === 0) return [];
  const requests: BatchRequest[] = eventIds.map((eventId, index) => ({
    id: String(index + 1),
    method: 'GET',
    url: `/users/${encodeURIComponent(organizer)}/events/${encodeURIComponent(eventId)}?$select=${SELECT}`,
  }));
  const answers = await executeBatch(client, requests);
  return eventIds.map((eventId, index): HoldChange => {
    const answer = answers.get(String(index + 1));
    // A cancelled hold goes to Deleted Items: for the organizer's calendar it is gone.
    if (answer?.status === 404) {
      return { eventId, transactionId: undefined, removed: true, answers: {} };
    }
    if (!answer || answer.status >= 300) {
      throw failureFromBody(answer?.status ?? 0, answer?.body, answer?.headers ?? {});
    }
    return toChange(ZDeltaEvent.parse(answer.body));
  });
}

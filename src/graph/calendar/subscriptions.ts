// Change notifications on the organizers' calendars (Graph `POST /subscriptions` on
// `/users/{id}/events`, `PATCH /subscriptions/{id}` to renew), with the app's own identity
// (application Calendars.Read or Calendars.ReadWrite). Graph calls the notification URL with a
// validation token before it answers the POST (the server's /api/notifications echoes it).
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type {
  CalendarSubscription,
  CalendarSubscriptions,
  SubscriptionRequest,
} from '../../domain/ports.js';
import { toGraphFailure } from '../client/errors.js';

const ZSubscription = z.object({ id: z.string().min(1), expirationDateTime: z.string() });

/** The product needs to hear about every change to a hold: new, answered, cancelled. */
const CHANGE_TYPES = 'created,updated,deleted';

function toSubscription(organizer: string, body: unknown): CalendarSubscription {
  const parsed = ZSubscription.parse(body);
  return {
    id: parsed.id,
    organizer: organizer.toLowerCase(),
    expiresAt: new Date(parsed.expirationDateTime).toISOString(),
  };
}

export function graphCalendarSubscriptions(client: Client): CalendarSubscriptions {
  return {
    async create(organizer: string, request: SubscriptionRequest) {
      try {
        const created: unknown = await client.api('/subscriptions').post({
          changeType: CHANGE_TYPES,
          resource: `/users/${encodeURIComponent(organizer)}/events`,
          notificationUrl: request.notificationUrl,
          lifecycleNotificationUrl: request.lifecycleNotificationUrl,
          clientState: request.clientState,
          expirationDateTime: request.expiresAt,
          latestSupportedTlsVersion: 'v1_2',
        });
        return toSubscription(organizer, created);
      } catch (error) {
        if (error instanceof z.ZodError) throw error;
        throw toGraphFailure(error);
      }
    },
    async renew(subscription: CalendarSubscription, expiresAt: string) {
      try {
        const renewed: unknown = await client
          .api(`/subscriptions/${encodeURIComponent(subscription.id)}`)
          .patch({ expirationDateTime: expiresAt });
        return toSubscription(subscription.organizer, renewed);
      } catch (error) {
        if (error instanceof z.ZodError) throw error;
        const failure = toGraphFailure(error);
        // Expired or removed: Graph has forgotten it; the caller subscribes again.
        if (failure.status === 404) return undefined;
        throw failure;
      }
    },
  };
}

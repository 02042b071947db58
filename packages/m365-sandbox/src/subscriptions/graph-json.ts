// The subscription and the notifications as Graph serialises them (resources/subscription.md,
// resources/changenotification.md, concepts/change-notifications-lifecycle-events.md).
import { formatInstant } from '../calendar/time-zones.js';
import type { ChangeType, StoredSubscription } from './store.js';

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export function toGraphSubscription(subscription: StoredSubscription, baseUrl: string) {
  return {
    '@odata.context': `${baseUrl}/v1.0/$metadata#subscriptions/$entity`,
    id: subscription.id,
    resource: subscription.resource,
    applicationId: subscription.appId,
    changeType: subscription.changeTypes.join(','),
    clientState: subscription.clientState,
    notificationUrl: subscription.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: subscription.lifecycleUrl,
    expirationDateTime: formatInstant(subscription.expiresMs),
    creatorId: subscription.creatorId,
    includeResourceData: false,
    latestSupportedTlsVersion: subscription.tlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

/** One changed event as a change notification (basic: no resource data beyond the id). */
export interface EventChange {
  readonly eventId: string;
  readonly changeType: ChangeType;
  readonly changeKey: string;
}

export function changeNotification(subscription: StoredSubscription, change: EventChange) {
  const path = `Users/${subscription.mailboxId}/Events/${change.eventId}`;
  return {
    subscriptionId: subscription.id,
    subscriptionExpirationDateTime: formatInstant(subscription.expiresMs),
    changeType: change.changeType,
    resource: path,
    resourceData: {
      '@odata.type': '#Microsoft.Graph.Event',
      '@odata.id': path,
      '@odata.etag': `W/"${change.changeKey}"`,
      id: change.eventId,
    },
    ...(subscription.clientState !== null ? { clientState: subscription.clientState } : {}),
    tenantId: subscription.tenantId,
  };
}

export function lifecycleNotification(subscription: StoredSubscription, event: LifecycleEvent) {
  return {
    subscriptionId: subscription.id,
    subscriptionExpirationDateTime: formatInstant(subscription.expiresMs),
    tenantId: subscription.tenantId,
    ...(subscription.clientState !== null ? { clientState: subscription.clientState } : {}),
    lifecycleEvent: event,
    resource: subscription.resource,
  };
}

// The Graph gateway: Microsoft 365 as the planning core sees it (the ports of
// src/domain/ports.ts), on one Graph client whose middleware carries token, retry, timeout,
// correlation id and request counting.
import type { Client } from '@microsoft/microsoft-graph-client';
import type {
  CalendarSubscriptions,
  CycleLease,
  Microsoft365,
  SubscriptionRecords,
} from '../domain/ports.js';
import { graphEventAttachments } from './calendar/attachments.js';
import { readHoldChanges } from './calendar/delta.js';
import { readHolds } from './calendar/read-holds.js';
import { getSchedules } from './calendar/schedule.js';
import { graphCalendarSubscriptions } from './calendar/subscriptions.js';
import { GraphWorkPlan } from './plan.js';
import { SharePointCampaignStore } from './sharepoint/campaign-list.js';
import { sharePointCycleLease } from './sharepoint/lease.js';
import { graphReminders } from './sharepoint/reminder-log.js';
import { DEFAULT_TEAMS_APP_ID } from '../domain/activity-feed.js';
import { sharePointStatedAvailability } from './sharepoint/stated-availability.js';
import { SharePointStatusLog } from './sharepoint/status-log.js';
import { sharePointSubscriptionRecords } from './sharepoint/subscription-records.js';
import { SharePointSyncState, sharePointCursorStore } from './sharepoint/sync-state.js';

export interface GatewaySettings {
  /** SharePoint site holding the lists: `root` or a site id. */
  readonly site: string;
  /** The Teams app id its activity feed deep links open (default: the sandbox package's). */
  readonly teamsAppId?: string;
}

export function createMicrosoft365(client: Client, settings: GatewaySettings): Microsoft365 {
  const lists = new SharePointStatusLog(client, settings.site);
  return {
    statusLog: lists,
    cursors: sharePointCursorStore(new SharePointSyncState(client, settings.site)),
    trainers: lists,
    agendas: { read: (trainers) => lists.readAgendas(trainers) },
    statedAvailability: sharePointStatedAvailability(client, settings.site),
    calendar: {
      getSchedules: (organizer, addresses, windows) =>
        getSchedules(client, organizer, addresses, windows),
      readHoldChanges: (organizer, cursor, window) =>
        readHoldChanges(client, organizer, cursor, window),
      readHolds: (organizer, eventIds) => readHolds(client, organizer, eventIds),
    },
    plan: new GraphWorkPlan(client, settings.site),
    attachments: graphEventAttachments(client),
    campaigns: new SharePointCampaignStore(client, settings.site),
    reminders: graphReminders(client, settings.site, settings.teamsAppId ?? DEFAULT_TEAMS_APP_ID),
  };
}

/** The lease of the background cycle, shared by every instance through the state list. */
export function createCycleLease(client: Client, settings: GatewaySettings): CycleLease {
  return sharePointCycleLease(new SharePointSyncState(client, settings.site));
}

/** Change notifications: Graph's subscriptions and the product's record of them (app identity). */
export function createSubscriptionPorts(
  client: Client,
  settings: GatewaySettings,
): { readonly subscriptions: CalendarSubscriptions; readonly records: SubscriptionRecords } {
  return {
    subscriptions: graphCalendarSubscriptions(client),
    records: sharePointSubscriptionRecords(new SharePointSyncState(client, settings.site)),
  };
}

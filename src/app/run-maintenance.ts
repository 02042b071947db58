// The background cycle (client credentials, as "systeem"): finish operations a crashed run
// left behind, let holds lapse, mark past workshops as given, and sync the answers of every
// organizer with open holds.
import { findConfirmedOption, hasLapsed, hasStarted } from '../domain/lifecycle-rules.js';
import type { SignupId } from '../domain/ids.js';
import type { StoredSignup } from '../domain/ports.js';
import { applyCommand, isStale, resumePending } from './apply-command.js';
import {
  manageSubscriptions,
  type NotificationSettings,
  type SubscriptionPorts,
  type SubscriptionReport,
} from './change-notifications.js';
import type { UseCaseContext } from './context.js';
import { removeExpiredAttendeeLists } from './attendees/workshop-attendees.js';
import { runCampaignCycle } from './campaign-cycle.js';
import { sendDueNotices } from './nudges.js';
import { finishStaleReminders } from './reminders.js';
import { syncAnswers, type SyncReport } from './sync-answers.js';

export interface MaintenanceReport {
  readonly resumed: readonly SignupId[];
  readonly expired: readonly SignupId[];
  readonly executed: readonly SignupId[];
  readonly failed: readonly SignupId[];
  readonly syncs: readonly SyncReport[];
  /** With change notifications: what the cycle did to the subscriptions. */
  readonly subscriptions?: SubscriptionReport;
  /** Workshops whose attendee list was removed (ATTENDEES_RETENTION_DAYS after the workshop). */
  readonly attendeeListsRemoved?: readonly SignupId[];
  /** Reminders cut off between sending and logging, finished by this run (their keys). */
  readonly remindersFinished?: readonly string[];
  /** Nudges to trainers and lapse notices to account holders sent by this run (their keys). */
  readonly noticesSent?: readonly string[];
  /** Reminders the cycle sent itself (editions with autoSendReminders on; their keys). */
  readonly remindersSent?: readonly string[];
  /** "Has not signed up" notices to account holders sent by this run (their keys). */
  readonly notSignedUpSent?: readonly string[];
}

type Action = 'resumed' | 'expired' | 'executed' | 'failed' | 'none';

async function maintain(ctx: UseCaseContext, stored: StoredSignup): Promise<Action> {
  const now = ctx.now();
  const { signup } = stored;
  if (stored.pending) {
    if (!isStale(stored.pending, now)) return 'none';
    return (await resumePending(ctx, stored)).ok ? 'resumed' : 'failed';
  }
  if (signup.status === 'opties_geplaatst' && hasLapsed(signup, now)) {
    return (await applyCommand(ctx, stored, { type: 'expire' })).ok ? 'expired' : 'failed';
  }
  const confirmed = findConfirmedOption(signup);
  if (signup.status === 'bevestigd' && confirmed && hasStarted(confirmed.slot.end, now)) {
    return (await applyCommand(ctx, stored, { type: 'markExecuted' })).ok ? 'executed' : 'failed';
  }
  return 'none';
}

/** Organizers whose calendars hold options or workshops that answers can still change. */
export function organizersOf(signups: readonly StoredSignup[]): string[] {
  return [
    ...new Set(
      signups
        .filter((s) => s.signup.status === 'opties_geplaatst' || s.signup.status === 'bevestigd')
        .map((s) => s.signup.accountHolder.email.toLowerCase()),
    ),
  ];
}

export async function runMaintenance(
  ctx: UseCaseContext,
  options: { sync?: boolean; attendeesRetentionDays?: number } = {},
): Promise<MaintenanceReport> {
  const signups = await ctx.m365.statusLog.list({
    statuses: ['aangemeld', 'opties_geplaatst', 'bevestigd', 'nieuwe_data_nodig', 'geannuleerd'],
  });
  const actions = await Promise.all(signups.map((stored) => maintain(ctx, stored)));
  const ids = (action: Action) =>
    signups.filter((_, i) => actions[i] === action).map((s) => s.signup.id);
  const organizers = organizersOf(signups);
  // The cycles in between sync these too: holds proposed on another instance, or before a
  // restart, are known to this one only from the list.
  for (const organizer of organizers) ctx.state.organizers.add(organizer);
  const syncs =
    options.sync === false ? [] : await Promise.all(organizers.map((o) => syncAnswers(ctx, o)));
  const retention = options.attendeesRetentionDays;
  const attendeeListsRemoved =
    retention === undefined ? undefined : await removeAttendeeLists(ctx, retention);
  const remindersFinished = await finishReminders(ctx);
  const noticesSent = await sendNotices(ctx, signups);
  const { remindersSent, notSignedUpSent } = await runCampaign(ctx, signups);
  return {
    ...(noticesSent.length > 0 ? { noticesSent } : {}),
    ...(remindersSent.length > 0 ? { remindersSent } : {}),
    ...(notSignedUpSent.length > 0 ? { notSignedUpSent } : {}),
    ...(attendeeListsRemoved ? { attendeeListsRemoved } : {}),
    ...(remindersFinished.length > 0 ? { remindersFinished } : {}),
    resumed: ids('resumed'),
    expired: ids('expired'),
    executed: ids('executed'),
    failed: ids('failed'),
    syncs,
  };
}

/**
 * The attendee lists of past workshops (issue 14, AVG): given workshops are read from the list
 * (one more query in a full run), their lists removed once the retention has passed. A failure
 * is retried at the next full run and does not stop the rest of the maintenance.
 */
async function removeAttendeeLists(
  ctx: UseCaseContext,
  retentionDays: number,
): Promise<SignupId[]> {
  try {
    const past = await ctx.m365.statusLog.list({ statuses: ['uitgevoerd', 'bevestigd'] });
    return await removeExpiredAttendeeLists(ctx, past, retentionDays);
  } catch {
    return [];
  }
}

/**
 * Reminders claimed and not logged as sent (issue 13, item 7): sent when the sender's Sent Items
 * do not have them, then logged. A failure is retried at the next full run.
 */
async function finishReminders(ctx: UseCaseContext): Promise<string[]> {
  try {
    return await finishStaleReminders(ctx);
  } catch {
    return [];
  }
}

/** Nudges and lapse notices (issue 13, item 4); a failure is retried at the next full run. */
async function sendNotices(
  ctx: UseCaseContext,
  signups: readonly StoredSignup[],
): Promise<string[]> {
  try {
    // The sign-ups as this run left them: the ones it let lapse are no longer open.
    const open = signups.filter((s) => s.signup.status === 'opties_geplaatst' && !s.pending);
    return await sendDueNotices(ctx, open);
  } catch {
    return [];
  }
}

/**
 * Due reminders sent automatically and the "has not signed up" notices (issue 13, items 3, 5
 * and 7); a failure is retried at the next full run.
 */
async function runCampaign(
  ctx: UseCaseContext,
  signups: readonly StoredSignup[],
): Promise<{ remindersSent: readonly string[]; notSignedUpSent: readonly string[] }> {
  try {
    return await runCampaignCycle(ctx, signups);
  } catch {
    return { remindersSent: [], notSignedUpSent: [] };
  }
}

/** Change notifications in the cycle: subscriptions kept up, answers polled only as safety net. */
export interface CycleNotifications {
  readonly ports: SubscriptionPorts;
  readonly settings: NotificationSettings;
  /** How often every organizer's answers are still polled (the safety net). */
  readonly safetyNetMs: number;
}

/**
 * The background cycle: a full maintenance run (one list read, then whatever is due) every
 * `fullEveryMs`, and in between only the answer syncs of the organizers it found — one request
 * each when nothing changed (DESIGN.md's budget for an idle sync). Organizers whose holds were
 * placed in this process meanwhile (proposeHolds adds them) are synced too. `full`: run in full
 * now (an instance that just took the cycle over from another knows nothing of the interval).
 *
 * With `notifications`, the full run also keeps a subscription on every organizer's calendar
 * (manageSubscriptions), and the answers of subscribed organizers are polled only every
 * `safetyNetMs`: their changes arrive as notifications. An organizer not (yet) subscribed is
 * polled every cycle and subscribed at the next one.
 */
export function createMaintenanceCycle(options: {
  readonly fullEveryMs: number;
  readonly notifications?: CycleNotifications;
  /** Days after a workshop its attendee list is removed; undefined: not by this cycle. */
  readonly attendeesRetentionDays?: number;
}) {
  let lastFull = Number.NEGATIVE_INFINITY;
  let lastSafetyNet = Number.NEGATIVE_INFINITY;
  /** Organizers with a live subscription, as the last management round left them. */
  const subscribed = new Set<string>();
  const notifications = options.notifications;

  const manage = async (ctx: UseCaseContext, organizers: readonly string[]) => {
    if (!notifications) return undefined;
    const report = await manageSubscriptions(
      ctx,
      notifications.ports,
      notifications.settings,
      organizers,
    );
    for (const organizer of organizers) {
      if (report.failed.includes(organizer.toLowerCase())) subscribed.delete(organizer);
      else subscribed.add(organizer);
    }
    return report;
  };

  return async (
    ctx: UseCaseContext,
    run: { readonly full?: boolean } = {},
  ): Promise<MaintenanceReport> => {
    const now = ctx.now().getTime();
    const safetyNetDue = !notifications || now - lastSafetyNet >= notifications.safetyNetMs;
    if (run.full === true || now - lastFull >= options.fullEveryMs) {
      lastFull = now;
      if (safetyNetDue) lastSafetyNet = now;
      const report = await runMaintenance(ctx, {
        sync: safetyNetDue,
        ...(options.attendeesRetentionDays !== undefined
          ? { attendeesRetentionDays: options.attendeesRetentionDays }
          : {}),
      });
      if (!notifications) return report;
      const organizers = [...ctx.state.organizers];
      const fresh = organizers.filter((o) => !subscribed.has(o));
      const subscriptions = await manage(ctx, organizers);
      // Organizers not subscribed before this run: what changed before their subscription.
      const syncs = safetyNetDue
        ? report.syncs
        : await Promise.all(fresh.map((organizer) => syncAnswers(ctx, organizer)));
      return { ...report, syncs, ...(subscriptions ? { subscriptions } : {}) };
    }
    const all = [...ctx.state.organizers];
    const fresh = notifications ? all.filter((o) => !subscribed.has(o)) : [];
    if (safetyNetDue) lastSafetyNet = now;
    const toSync = safetyNetDue ? all : fresh;
    const syncs = await Promise.all(toSync.map((organizer) => syncAnswers(ctx, organizer)));
    const subscriptions = fresh.length > 0 ? await manage(ctx, fresh) : undefined;
    return {
      resumed: [],
      expired: [],
      executed: [],
      failed: [],
      syncs,
      ...(subscriptions ? { subscriptions } : {}),
    };
  };
}

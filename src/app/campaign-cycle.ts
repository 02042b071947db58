// The background cycle's part of the campaign (issue 13, items 3, 5 and 7), for every edition
// whose deadline has not passed:
// - with the edition's `autoSendReminders` on, the due reminders (as the dashboard computes
//   dueSince) go to the griffie of each municipality that has not signed up, from the RIEC's
//   account holder's mailbox, with the edition's template; off, they stay actions;
// - on a reminder day, or 3 days before the deadline, the RIEC's account holder(s) get one
//   notice per municipality that has not signed up ("Velsen heeft zich nog niet aangemeld, de
//   deadline is over 3 dagen"): in the Teams activity feed, by mail where the app is missing.
// Both go through the claim / send / log steps of reminders.ts: once each, whatever overlaps or
// restarts.
//
// Who is the account holder of a RIEC: the cycle runs as the app and sees no tokens, so it takes
// the account holders the product stored on that RIEC's sign-ups (the organizer mailboxes of its
// workshops; only a home-tenant user with the RIEC's app role can register one, see
// docs/security.md), the most recent first. A RIEC that has no sign-up yet has no known account
// holder: nothing goes automatically, its reminders stay actions on the dashboard.
import { countDaysToDeadline, type Campaign } from '../domain/campaign.js';
import { toCampaign } from '../domain/campaign-settings.js';
import { MUNICIPALITIES, type RiecName } from '../domain/municipalities.js';
import type { ReminderRecord, StoredSignup } from '../domain/ports.js';
import {
  defaultReminderAddress,
  reminderKey,
  reminderMessageId,
  renderReminder,
} from '../domain/reminders.js';
import type { AccountHolder } from '../domain/signup.js';
import { toAmsterdamDate } from '../domain/time.js';
import { readCampaigns } from './campaigns.js';
import type { UseCaseContext } from './context.js';
import { reminderRowsOf, sendOnce } from './reminders.js';

/** The notice about municipalities that have not signed up also goes this many days before. */
export const NOT_SIGNED_UP_NOTICE_DAYS = 3;

/** Each RIEC's account holders as the sign-ups name them, the most recent registration first. */
export function accountHoldersByRiec(
  signups: readonly StoredSignup[],
): ReadonlyMap<RiecName, readonly AccountHolder[]> {
  const sorted = [...signups].sort((a, b) =>
    b.signup.registeredAt.localeCompare(a.signup.registeredAt),
  );
  const map = new Map<RiecName, AccountHolder[]>();
  for (const { signup } of sorted) {
    const list = map.get(signup.riec) ?? [];
    const email = signup.accountHolder.email.toLowerCase();
    if (email === '' || list.some((holder) => holder.email.toLowerCase() === email)) continue;
    list.push(signup.accountHolder);
    map.set(signup.riec, list);
  }
  return map;
}

/** Whether today is a day to tell the account holders who has not signed up (pure). */
export function isNoticeDay(campaign: Campaign, daysToDeadline: number): boolean {
  return (
    daysToDeadline >= 0 &&
    (campaign.reminderDays.includes(daysToDeadline) || daysToDeadline === NOT_SIGNED_UP_NOTICE_DAYS)
  );
}

export interface CampaignCycleReport {
  /** Reminders to municipalities sent automatically by this run (their keys). */
  readonly remindersSent: readonly string[];
  /** Notices "has not signed up" sent to account holders by this run (their keys). */
  readonly notSignedUpSent: readonly string[];
}

/**
 * Runs the campaign's part of the cycle. `known`: sign-ups the cycle read anyway (every
 * edition), which name the account holders together with the edition's own sign-ups.
 */
export async function runCampaignCycle(
  ctx: UseCaseContext,
  known: readonly StoredSignup[],
): Promise<CampaignCycleReport> {
  const gateway = ctx.m365.reminders;
  const report = { remindersSent: [] as string[], notSignedUpSent: [] as string[] };
  if (!gateway) return report;
  const now = ctx.now();
  const today = toAmsterdamDate(now);
  const editions = (await readCampaigns(ctx))
    .map((stored) => toCampaign(stored.record, now))
    .map((campaign) => ({ campaign, days: countDaysToDeadline(campaign, now) }))
    .filter(
      ({ campaign, days }) =>
        days >= 0 && (campaign.autoSendReminders || isNoticeDay(campaign, days)),
    );
  if (editions.length === 0) return report;
  const lines = await gateway.list();
  for (const { campaign, days } of editions) {
    const signups = await ctx.m365.statusLog.list({ campaignId: campaign.id });
    const holders = accountHoldersByRiec([...signups, ...known]);
    const rows = reminderRowsOf(campaign, MUNICIPALITIES, signups, lines, today);
    for (const row of rows) {
      if (row.signedUp) continue;
      const { municipality } = row;
      const accountHolders = holders.get(municipality.riec) ?? [];
      const first = accountHolders[0];
      if (campaign.autoSendReminders && row.dueSince && first) {
        const key = reminderKey(campaign.id, municipality.cbsCode, today);
        const sender = first.email.toLowerCase();
        const text = renderReminder(campaign.sender.reminderText, {
          municipality,
          deadline: campaign.signupDeadline,
          accountHolder: first,
        });
        const record: ReminderRecord = {
          key,
          state: 'claimed',
          campaignId: campaign.id,
          cbsCode: municipality.cbsCode,
          municipality: municipality.displayName,
          address: defaultReminderAddress(municipality),
          sender,
          messageId: reminderMessageId(key, sender),
          by: 'systeem',
          at: now.toISOString(),
          mail: { subject: text.subject, bodyHtml: text.html },
        };
        if ((await sendOnce(ctx, gateway, record, lines)) === 'sent') {
          report.remindersSent.push(key);
        }
      }
      if (!isNoticeDay(campaign, days)) continue;
      for (const holder of accountHolders) {
        const to = holder.email.toLowerCase();
        const key = `nietAangemeld|${campaign.id}|${municipality.cbsCode}|${today}|${to}`;
        const name = municipality.displayName;
        const dayWord = days === 1 ? 'dag' : 'dagen';
        const record: ReminderRecord = {
          key,
          kind: 'notSignedUp',
          state: 'claimed',
          campaignId: campaign.id,
          cbsCode: municipality.cbsCode,
          municipality: name,
          address: to,
          sender: to,
          messageId: reminderMessageId(key, to),
          by: 'systeem',
          at: now.toISOString(),
          mail: {
            subject: `${name} heeft zich nog niet aangemeld, de deadline is over ${days} ${dayWord}`,
            bodyHtml: `<p>${escapeHtml(name)} heeft zich nog niet aangemeld voor de workshop (${escapeHtml(campaign.title)}). De deadline is over ${days} ${dayWord}.</p><p>Stuur een herinnering of meld de gemeente aan in de Workshopplanner.</p>`,
          },
          feed: {
            activityType: 'notSignedUp',
            parameters: { municipality: name, days: String(days) },
            topic: name,
            previewText: 'Stuur een herinnering of meld de gemeente aan in de Workshopplanner.',
            // No sign-up yet: the tab opens the sign-up form for this municipality.
            signupId: municipality.cbsCode,
          },
        };
        if ((await sendOnce(ctx, gateway, record, lines)) === 'sent') {
          report.notSignedUpSent.push(key);
        }
      }
    }
  }
  return report;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

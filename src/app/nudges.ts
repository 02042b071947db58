// Nudges (campaign issue 13, items 4 and 7), run by the background cycle: a trainer who has not
// answered the holds of a sign-up the edition's nudgeAfterDays (a campaign setting, 3 unless the
// coordinator changed it) after they were placed gets one reminder mail
// from the organizer's mailbox; when the holds lapse within LAPSE_NOTICE_DAYS the account holder
// gets one notice, and when both trainers accepted an option, too: in the Teams activity feed
// where the app is installed for them, else by mail (issue 13, item 5). Each goes once per sign-up, round and trainer (or round), whatever overlaps or
// restarts: the same claim / send / log steps as the reminders to municipalities (reminders.ts).
import type { ActivityNotice } from '../domain/activity-feed.js';
import type { StoredSignup } from '../domain/ports.js';
import type { ReminderRecord } from '../domain/ports.js';
import { reminderMessageId } from '../domain/reminders.js';
import { formatInstant } from '../domain/time.js';
import type { TrainerRole } from '../domain/campaign.js';
import { DEFAULT_NUDGE_AFTER_DAYS } from '../domain/campaign-settings.js';
import { campaignLookup } from './campaigns.js';
import type { UseCaseContext } from './context.js';
import { sendOnce } from './reminders.js';

/** Holds that lapse within this many days are announced to the account holder. */
export const LAPSE_NOTICE_DAYS = 2;

const DAY_MS = 24 * 60 * 60 * 1000;
const ROLES: readonly TrainerRole[] = ['berenschot', 'riec'];

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface DueNotice {
  readonly kind: 'nudge' | 'lapseNotice' | 'optionAccepted';
  readonly key: string;
  readonly to: string;
  readonly subject: string;
  readonly bodyHtml: string;
  /** To the account holder: the Teams activity feed first, the mail where the app is missing. */
  readonly feed?: ActivityNotice;
}

/**
 * What is due for one sign-up with open holds at `now` (pure). `nudgeAfterDays`: the edition's
 * setting (days after the holds were placed that a trainer who did not answer is reminded).
 */
export function dueNotices(
  stored: StoredSignup,
  now: Date,
  nudgeAfterDays: number = DEFAULT_NUDGE_AFTER_DAYS,
): DueNotice[] {
  const { signup } = stored;
  if (signup.status !== 'opties_geplaatst' || !signup.pair || !signup.optionsPlacedAt) return [];
  const open = signup.options.filter((o) => o.hold === 'open');
  if (open.length === 0) return [];
  // Lapsed holds are the cycle's to expire, not to nudge about.
  if (signup.lapsesAt && Date.parse(signup.lapsesAt) <= now.getTime()) return [];
  const name = signup.municipality.name;
  const slots = open
    .map((o) => `<li>${escapeHtml(formatInstant(o.slot.start, 'nl'))}</li>`)
    .join('');
  const notices: DueNotice[] = [];
  const placed = Date.parse(signup.optionsPlacedAt);
  if (now.getTime() - placed >= nudgeAfterDays * DAY_MS) {
    for (const role of ROLES) {
      const answered = open.some((o) =>
        ['accepted', 'declined', 'tentativelyAccepted'].includes(o.answers[role]),
      );
      if (answered) continue;
      const trainer = signup.pair[role];
      notices.push({
        kind: 'nudge',
        key: `aansporing|${signup.id}|${signup.round}|${role}`,
        to: trainer.email,
        subject: `Herinnering: uw antwoord op de opties voor de workshop in ${name}`,
        bodyHtml: `<p>Beste ${escapeHtml(trainer.name)},</p><p>Op de opties voor de workshop weerbaarheid in ${escapeHtml(name)} hebben wij nog geen antwoord van u. Wilt u de uitnodigingen in Outlook accepteren of weigeren?</p><ul>${slots}</ul><p>Met vriendelijke groet,<br>${escapeHtml(signup.accountHolder.name)}</p>`,
      });
    }
  }
  if (signup.lapsesAt) {
    const lapses = Date.parse(signup.lapsesAt);
    if (lapses > now.getTime() && lapses - now.getTime() <= LAPSE_NOTICE_DAYS * DAY_MS) {
      const when = formatInstant(signup.lapsesAt, 'nl');
      notices.push({
        kind: 'lapseNotice',
        key: `vervalt|${signup.id}|${signup.round}`,
        to: signup.accountHolder.email,
        subject: `Opties voor ${name} vervallen ${when}`,
        bodyHtml: `<p>De opties voor de workshop in ${escapeHtml(name)} vervallen ${escapeHtml(when)} als er geen datum is bevestigd.</p><ul>${slots}</ul><p>Bevestig een datum in de Workshopplanner, of vraag de trainers om hun antwoord.</p>`,
        feed: {
          activityType: 'holdsLapsing',
          parameters: { municipality: name, lapseDate: when },
          topic: name,
          previewText:
            'Bevestig een datum in de Workshopplanner, of vraag de trainers om hun antwoord.',
          signupId: signup.id,
        },
      });
    }
  }
  // Both trainers accepted an option: the account holder can confirm it (once per option).
  for (const option of open) {
    if (option.answers.berenschot !== 'accepted' || option.answers.riec !== 'accepted') continue;
    const number = String(option.slotIndex + 1);
    const when = formatInstant(option.slot.start, 'nl');
    notices.push({
      kind: 'optionAccepted',
      key: `geaccepteerd|${signup.id}|${signup.round}|${number}`,
      to: signup.accountHolder.email,
      subject: `Beide trainers hebben optie ${number} van ${name} geaccepteerd`,
      bodyHtml: `<p>Beide trainers hebben optie ${number} (${escapeHtml(when)}) voor de workshop in ${escapeHtml(name)} geaccepteerd.</p><p>Bevestig de datum in de Workshopplanner.</p>`,
      feed: {
        activityType: 'optionAccepted',
        parameters: { optionNumber: number, municipality: name },
        topic: name,
        previewText: `Optie ${number}: ${when}. Bevestig de datum in de Workshopplanner.`,
        signupId: signup.id,
      },
    });
  }
  return notices;
}

/**
 * The cycle's part: every nudge and lapse notice that is due, sent once (a claim in the log
 * first, the mail from the organizer's mailbox, the log line after). Returns the keys sent now.
 */
export async function sendDueNotices(
  ctx: UseCaseContext,
  signups: readonly StoredSignup[],
): Promise<string[]> {
  const gateway = ctx.m365.reminders;
  if (!gateway || signups.length === 0) return [];
  const campaignOf = await campaignLookup(ctx);
  const due = signups.flatMap((stored) =>
    dueNotices(
      stored,
      ctx.now(),
      campaignOf(stored.signup.campaignId)?.nudgeAfterDays ?? DEFAULT_NUDGE_AFTER_DAYS,
    ).map((notice) => ({ stored, notice })),
  );
  if (due.length === 0) return [];
  const lines = await gateway.list();
  const sent: string[] = [];
  for (const { stored, notice } of due) {
    const sender = stored.signup.accountHolder.email;
    const record: ReminderRecord = {
      key: notice.key,
      kind: notice.kind,
      state: 'claimed',
      campaignId: stored.signup.campaignId,
      cbsCode: stored.signup.municipality.cbsCode,
      municipality: stored.signup.municipality.name,
      address: notice.to,
      sender,
      messageId: reminderMessageId(notice.key, sender),
      by: 'systeem',
      at: ctx.now().toISOString(),
      mail: { subject: notice.subject, bodyHtml: notice.bodyHtml },
      ...(notice.feed ? { feed: notice.feed } : {}),
    };
    if ((await sendOnce(ctx, gateway, record, lines)) === 'sent') sent.push(notice.key);
  }
  return sent;
}

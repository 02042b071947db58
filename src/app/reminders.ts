// Reminders to municipalities that have not signed up (campaign issue 13, items 3 and 7): who
// has not signed up and when the last reminder went (for the dashboard), which reminders are due
// by the edition's reminder days, a preview of the text, and sending for a selection from the
// account holder's own mailbox.
//
// Sent exactly once, whatever fails: a reminder has a key per edition, municipality and day and
// a Message-ID derived from it. A "claimed" line goes into the log before the mail, so of two
// runs one sends; the "sent" line after it. A run cut off between the two (a crash, a restart, a
// lost answer) leaves a claim without "sent": whoever finds it stale (the background cycle, or a
// later request) looks in the sender's Sent Items for the Message-ID and sends only when it is
// not there, then logs it.
import type { Campaign } from '../domain/campaign.js';
import { createIssue, type DomainIssue } from '../domain/errors.js';
import {
  findMunicipalityByCbsCode,
  MUNICIPALITIES,
  type Municipality,
} from '../domain/municipalities.js';
import type { ReminderGateway, ReminderRecord, StoredSignup } from '../domain/ports.js';
import {
  defaultReminderAddress,
  dueReminderSince,
  reminderKey,
  reminderMessageId,
  renderReminder,
  validateReminderRequest,
  type ReminderRecipient,
  type ReminderText,
} from '../domain/reminders.js';
import { toAmsterdamDate, type PlainDate } from '../domain/time.js';
import { canPlanFor, canRead } from './access.js';
import { PENDING_STALE_MS } from './apply-command.js';
import { requireCampaignOrCurrent } from './campaigns.js';
import type { UseCaseContext } from './context.js';
import { AppError, domainRuleViolated } from './errors.js';

const NOT_YOUR_MUNICIPALITY = {
  nl: 'U kunt alleen herinneringen sturen aan gemeenten van uw eigen RIEC. Er is niets verstuurd.',
  en: 'You can only send reminders to municipalities of your own RIEC. Nothing was sent.',
};

const NO_REMINDERS = {
  nl: 'Herinneringen versturen is hier niet ingericht.',
  en: 'Sending reminders is not set up here.',
};

function gatewayOf(ctx: UseCaseContext): ReminderGateway {
  const gateway = ctx.m365.reminders;
  if (!gateway) throw new AppError('INTERNAL', { detail: NO_REMINDERS, logMessage: 'no gateway' });
  return gateway;
}

/** Sign-ups that count as "signed up": every one but a cancelled one. */
function signedUpCodes(signups: readonly StoredSignup[]): Set<string> {
  return new Set(
    signups
      .filter((s) => s.signup.status !== 'geannuleerd')
      .map((s) => s.signup.municipality.cbsCode as string),
  );
}

export interface ReminderRow {
  readonly municipality: Municipality;
  readonly signedUp: boolean;
  readonly defaultAddress: string;
  readonly sentCount: number;
  readonly lastSent?: { readonly at: string; readonly address: string; readonly by: string };
  /** The reminder day since when a reminder is due (none went since); undefined: not due. */
  readonly dueSince?: PlainDate;
  /** A reminder was claimed and is not logged as sent yet. */
  readonly isPending: boolean;
}

export interface ReminderOverview {
  readonly campaign: Campaign;
  readonly rows: readonly ReminderRow[];
}

/** The lines of one edition, by municipality. */
function linesByMunicipality(
  lines: readonly ReminderRecord[],
  campaignId: string,
): Map<string, ReminderRecord[]> {
  const map = new Map<string, ReminderRecord[]>();
  for (const line of lines) {
    if (line.campaignId !== campaignId || (line.kind ?? 'reminder') !== 'reminder') continue;
    const list = map.get(line.cbsCode) ?? [];
    list.push(line);
    map.set(line.cbsCode, list);
  }
  return map;
}

/**
 * The reminder rows of `municipalities` from what was read: the edition's sign-ups and every
 * reminder line (pure). The dashboard reads both in the same round trip as its sign-ups.
 */
export function reminderRowsOf(
  campaign: Campaign,
  municipalities: readonly Municipality[],
  signups: readonly StoredSignup[],
  lines: readonly ReminderRecord[],
  today: PlainDate,
): ReminderRow[] {
  const signedUp = signedUpCodes(signups.filter((s) => s.signup.campaignId === campaign.id));
  const byMunicipality = linesByMunicipality(lines, campaign.id);
  return municipalities.map((municipality): ReminderRow => {
    const own = byMunicipality.get(municipality.cbsCode) ?? [];
    const sent = own.filter((l) => l.state === 'sent').sort((a, b) => a.at.localeCompare(b.at));
    const last = sent.at(-1);
    const isSignedUp = signedUp.has(municipality.cbsCode);
    const sentKeys = new Set(sent.map((l) => l.key));
    const dueSince = isSignedUp
      ? undefined
      : dueReminderSince({
          deadline: campaign.signupDeadline,
          reminderDays: campaign.reminderDays,
          today,
          ...(last ? { lastSentDay: toAmsterdamDate(last.at) } : {}),
        });
    return {
      municipality,
      signedUp: isSignedUp,
      defaultAddress: defaultReminderAddress(municipality),
      sentCount: sent.length,
      ...(last ? { lastSent: { at: last.at, address: last.address, by: last.by } } : {}),
      ...(dueSince ? { dueSince } : {}),
      isPending: own.some((l) => l.state !== 'sent' && !sentKeys.has(l.key)),
    };
  });
}

/**
 * The caller's municipalities (an account holder's RIEC; the coordinator: all) with whether
 * each signed up, when the last reminder went and whether one is due: "last reminder sent"
 * for the dashboard and the due reminders as actions.
 */
export async function readReminderOverview(
  ctx: UseCaseContext,
  campaignId: string | undefined,
): Promise<ReminderOverview> {
  const campaign = await requireCampaignOrCurrent(ctx, campaignId);
  const [signups, lines] = await Promise.all([
    ctx.m365.statusLog.list({ campaignId: campaign.id }),
    gatewayOf(ctx).list(),
  ]);
  const rows = reminderRowsOf(
    campaign,
    MUNICIPALITIES.filter((m) => canRead(ctx.access, m.riec)),
    signups,
    lines,
    toAmsterdamDate(ctx.now()),
  );
  return { campaign, rows };
}

export interface ReminderRequest {
  readonly campaignId?: string;
  readonly template: string;
  readonly recipients: readonly ReminderRecipient[];
}

export interface ReminderPreview {
  readonly municipality: Municipality;
  readonly address: string;
  readonly text: ReminderText;
}

/**
 * Checks a selection: bad input (domain issues, 422), a municipality of another RIEC (403), a
 * municipality that signed up (422). Returns the municipalities in the order given.
 */
async function checkRequest(
  ctx: UseCaseContext,
  campaign: Campaign,
  request: ReminderRequest,
): Promise<{ municipality: Municipality; address: string }[]> {
  const issues: DomainIssue[] = validateReminderRequest(
    request.template,
    request.recipients,
    findMunicipalityByCbsCode,
  );
  if (issues.length > 0) throw domainRuleViolated(issues);
  const selection = request.recipients.map((r) => ({
    municipality: findMunicipalityByCbsCode(r.cbsCode)!,
    address: r.address.trim(),
  }));
  if (selection.some(({ municipality }) => !canPlanFor(ctx.access, municipality.riec))) {
    throw new AppError('FORBIDDEN', {
      detail: NOT_YOUR_MUNICIPALITY,
      logMessage: 'reminder to a municipality of another RIEC',
    });
  }
  const signedUp = signedUpCodes(await ctx.m365.statusLog.list({ campaignId: campaign.id }));
  const already = selection.flatMap(({ municipality }, index) =>
    signedUp.has(municipality.cbsCode)
      ? [
          createIssue('REMINDER_ALREADY_SIGNED_UP', `recipients.${index}.cbsCode`, {
            municipality: municipality.displayName,
          }),
        ]
      : [],
  );
  if (already.length > 0) throw domainRuleViolated(already);
  return selection;
}

function render(ctx: UseCaseContext, campaign: Campaign, template: string, m: Municipality) {
  return renderReminder(template, {
    municipality: m,
    deadline: campaign.signupDeadline,
    accountHolder: { name: ctx.access.name, email: ctx.access.email },
  });
}

export async function previewReminders(
  ctx: UseCaseContext,
  request: ReminderRequest,
): Promise<{ campaign: Campaign; previews: ReminderPreview[] }> {
  const campaign = await requireCampaignOrCurrent(ctx, request.campaignId);
  const selection = await checkRequest(ctx, campaign, request);
  return {
    campaign,
    previews: selection.map(({ municipality, address }) => ({
      municipality,
      address,
      text: render(ctx, campaign, request.template, municipality),
    })),
  };
}

/**
 * sent: went now; alreadySent: this reminder (same edition, municipality, day) went before;
 * inProgress: another run is sending it; failed: Graph refused or did not answer — the claim
 * stays and the background cycle finishes it.
 */
export type ReminderResult = 'sent' | 'alreadySent' | 'inProgress' | 'failed';

export interface ReminderOutcome {
  readonly municipality: Municipality;
  readonly address: string;
  readonly result: ReminderResult;
  readonly at?: string;
}

/**
 * The open claim of a reminder (not logged as sent), with the time of the last run that claimed
 * or took it over: stale when that run is older than PENDING_STALE_MS.
 */
function openClaim(
  lines: readonly ReminderRecord[],
  key: string,
): { claim: ReminderRecord; lastAt: number } | undefined {
  const same = lines.filter((line) => line.key === key);
  if (same.some((line) => line.state === 'sent')) return undefined;
  const claim = same.find((line) => line.state === 'claimed');
  if (!claim) return undefined;
  const lastAt = Math.max(
    ...same.filter((l) => l.state !== 'sent').map((l) => Date.parse(l.at) || 0),
  );
  return { claim, lastAt };
}

function isStale(lastAt: number, now: Date): boolean {
  return now.getTime() - lastAt >= PENDING_STALE_MS;
}

/**
 * Finishes a claimed reminder: sends it unless the sender's Sent Items hold its Message-ID, then
 * logs it as sent. Safe to repeat.
 */
async function finishClaim(
  ctx: UseCaseContext,
  gateway: ReminderGateway,
  claim: ReminderRecord,
): Promise<ReminderResult> {
  const { mail: _mail, ...rest } = claim;
  // The takeover: of two runs that find the same stale claim, one writes this line and goes on.
  const takeover = await gateway.write({ ...rest, state: 'resumed', at: ctx.now().toISOString() });
  if (takeover === 'exists') return 'inProgress';
  if (!(await gateway.isSent(claim.sender, claim.messageId))) {
    if (!claim.mail) return 'failed';
    await gateway.send({
      from: claim.sender,
      to: claim.address,
      subject: claim.mail.subject,
      bodyHtml: claim.mail.bodyHtml,
      messageId: claim.messageId,
    });
  }
  await gateway.write({ ...rest, state: 'sent', at: ctx.now().toISOString() });
  return 'sent';
}

export async function sendOnce(
  ctx: UseCaseContext,
  gateway: ReminderGateway,
  record: ReminderRecord,
  lines: readonly ReminderRecord[],
): Promise<ReminderResult> {
  const same = lines.filter((line) => line.key === record.key);
  if (same.some((line) => line.state === 'sent')) return 'alreadySent';
  const open = openClaim(lines, record.key);
  try {
    if (open) {
      if (!isStale(open.lastAt, ctx.now())) return 'inProgress';
      return await finishClaim(ctx, gateway, open.claim);
    }
    if ((await gateway.write(record)) === 'exists') return 'inProgress';
    if (!record.mail) return 'failed';
    // The Teams activity feed first where the app is installed for the recipient; else mail.
    if (record.feed && gateway.notify) {
      if ((await gateway.notify(record.address, record.feed)) === 'sent') {
        const { mail: _mail, feed: _feed, ...rest } = record;
        await gateway.write({ ...rest, state: 'sent', at: ctx.now().toISOString() });
        return 'sent';
      }
    }
    await gateway.send({
      from: record.sender,
      to: record.address,
      subject: record.mail.subject,
      bodyHtml: record.mail.bodyHtml,
      messageId: record.messageId,
    });
    const { mail: _mail, feed: _feed, ...rest } = record;
    await gateway.write({ ...rest, state: 'sent', at: ctx.now().toISOString() });
    return 'sent';
  } catch {
    return 'failed';
  }
}

/**
 * Sends the reminder to each municipality of the selection from the caller's mailbox, each at
 * most once per day; nothing at all when the input is bad. The results say what happened to
 * each one.
 */
export async function sendReminders(
  ctx: UseCaseContext,
  request: ReminderRequest,
): Promise<{ campaign: Campaign; outcomes: ReminderOutcome[] }> {
  const campaign = await requireCampaignOrCurrent(ctx, request.campaignId);
  const selection = await checkRequest(ctx, campaign, request);
  const gateway = gatewayOf(ctx);
  const lines = await gateway.list();
  const today = toAmsterdamDate(ctx.now());
  const sender = ctx.access.email;
  const outcomes: ReminderOutcome[] = [];
  // One after another: Outlook allows 4 concurrent requests per mailbox, and the claims of one
  // selection are few.
  for (const { municipality, address } of selection) {
    const key = reminderKey(campaign.id, municipality.cbsCode, today);
    const text = render(ctx, campaign, request.template, municipality);
    const at = ctx.now().toISOString();
    const record: ReminderRecord = {
      key,
      state: 'claimed',
      campaignId: campaign.id,
      cbsCode: municipality.cbsCode,
      municipality: municipality.displayName,
      address,
      sender,
      messageId: reminderMessageId(key, sender),
      by: ctx.access.email,
      at,
      mail: { subject: text.subject, bodyHtml: text.html },
    };
    const result = await sendOnce(ctx, gateway, record, lines);
    outcomes.push({ municipality, address, result, ...(result === 'sent' ? { at } : {}) });
  }
  return { campaign, outcomes };
}

/**
 * The background cycle's part (item 7): reminders claimed and cut off before they were logged
 * as sent (a crash or restart between send and log, a failed send) are finished — sent only
 * when the sender's Sent Items do not have them. Returns the keys finished.
 */
export async function finishStaleReminders(ctx: UseCaseContext): Promise<string[]> {
  const gateway = ctx.m365.reminders;
  if (!gateway) return [];
  const lines = await gateway.list();
  const keys = [...new Set(lines.map((l) => l.key))];
  const stale = keys.flatMap((key) => {
    const open = openClaim(lines, key);
    return open && isStale(open.lastAt, ctx.now()) ? [open.claim] : [];
  });
  const finished: string[] = [];
  for (const claim of stale) {
    try {
      if ((await finishClaim(ctx, gateway, claim)) === 'sent') finished.push(claim.key);
    } catch {
      // Tried again at the next cycle.
    }
  }
  return finished;
}

// The editions of the campaign as the use cases see them (campaign issue 13, item 1): read
// through the CampaignStore port with a short cache in the process state, so a use case that
// needs "the current campaign" costs no round trip most of the time; created and edited by the
// coordinator, validated in the domain, every change in the audit log.
import type { Campaign } from '../domain/campaign.js';
import {
  isValidCampaignId,
  normaliseCampaignSettings,
  toCampaign,
  validateCampaignSettings,
  type CampaignRecord,
  type CampaignSettings,
} from '../domain/campaign-settings.js';
import { createIssue, type DomainIssue } from '../domain/errors.js';
import type { StoredCampaign } from '../domain/ports.js';
import { toAmsterdamDate } from '../domain/time.js';
import type { Access } from './access.js';
import type { UseCaseContext } from './context.js';
import { AppError } from './errors.js';

type Ctx = Pick<UseCaseContext, 'm365' | 'state' | 'now'>;

/** Every edition, as stored (cached a short while). */
export async function readCampaigns(ctx: Ctx): Promise<readonly StoredCampaign[]> {
  return ctx.state.campaigns.get(ctx.m365.campaigns, ctx.now().getTime());
}

const NO_CURRENT = {
  nl: 'Er is nog geen lopende campagne. De coördinator kiest de huidige editie op de pagina Campagne.',
  en: 'There is no current campaign yet. The coordinator chooses the current edition on the Campaign page.',
};

/** The edition that is current, with its rules at `now`. */
export async function readCurrentCampaign(ctx: Ctx): Promise<Campaign> {
  const campaigns = await readCampaigns(ctx);
  const current = campaigns.find((stored) => stored.record.isCurrent);
  if (!current) {
    throw new AppError('NOT_FOUND', { detail: NO_CURRENT, logMessage: 'no current campaign' });
  }
  return toCampaign(current.record, ctx.now());
}

/** An edition by id (a stored sign-up names its campaign); undefined when there is none. */
export async function findCampaign(ctx: Ctx, id: string): Promise<Campaign | undefined> {
  const stored = (await readCampaigns(ctx)).find((s) => s.record.id === id);
  return stored ? toCampaign(stored.record, ctx.now()) : undefined;
}

/** A synchronous lookup of the editions by id (for loops over sign-ups of several editions). */
export async function campaignLookup(ctx: Ctx): Promise<(id: string) => Campaign | undefined> {
  const campaigns = await readCampaigns(ctx);
  const now = ctx.now();
  return (id) => {
    const stored = campaigns.find((s) => s.record.id === id);
    return stored ? toCampaign(stored.record, now) : undefined;
  };
}

export const CAMPAIGN_NOT_FOUND = {
  nl: 'Deze editie van de campagne bestaat niet (meer). Kies een editie uit de lijst.',
  en: 'This edition of the campaign does not exist (any more). Choose an edition from the list.',
};

/** As readCampaignOrCurrent; an edition that does not exist is a 404 with a Dutch message. */
export async function requireCampaignOrCurrent(
  ctx: Ctx,
  id: string | undefined,
): Promise<Campaign> {
  const campaign = await readCampaignOrCurrent(ctx, id);
  if (!campaign) {
    throw new AppError('NOT_FOUND', { detail: CAMPAIGN_NOT_FOUND, logMessage: 'no such campaign' });
  }
  return campaign;
}

/** The edition the caller asks for, or the current one when they name none. */
export async function readCampaignOrCurrent(
  ctx: Ctx,
  id: string | undefined,
): Promise<Campaign | undefined> {
  return id === undefined || id === '' ? readCurrentCampaign(ctx) : findCampaign(ctx, id);
}

export type CampaignWriteOutcome =
  | { readonly ok: true; readonly stored: StoredCampaign }
  | { readonly ok: false; readonly reason: 'forbidden' | 'notFound' | 'conflict' }
  | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly DomainIssue[] };

export function canEditCampaigns(access: Access): boolean {
  return access.roles.includes('coordinator');
}

function describeChange(settings: CampaignSettings, isCurrent: boolean): string {
  return [
    `titel "${settings.title}"`,
    `deadline ${settings.signupDeadline}`,
    `periode ${settings.window.start} t/m ${settings.window.end}`,
    `max. ${settings.maxDurationMinutes} min`,
    `opties vervallen na ${settings.holdLapseDays} dagen`,
    `herinneringen ${settings.reminderDays.join(', ') || 'geen'} dagen vóór de deadline`,
    `afzender ${settings.sender.name}`,
    `herinneringen automatisch ${settings.autoSendReminders ? 'aan' : 'uit'}`,
    `trainers herinnerd na ${settings.nudgeAfterDays} dagen`,
    ...(isCurrent ? ['huidige editie'] : []),
  ].join('; ');
}

/** Makes `current` the only current edition (the others lose the mark, unguarded). */
async function markOnlyCurrent(
  ctx: UseCaseContext,
  current: string,
  all: readonly StoredCampaign[],
): Promise<void> {
  for (const other of all) {
    if (other.record.id === current || !other.record.isCurrent) continue;
    await ctx.m365.campaigns.update({ ...other.record, isCurrent: false }, '*');
  }
}

async function logChange(
  ctx: UseCaseContext,
  action: 'campaignCreate' | 'campaignUpdate',
  stored: StoredCampaign,
): Promise<void> {
  await ctx.m365.campaigns.log({
    key: `campagne|${stored.record.id}|${ctx.newId()}`,
    campaignId: stored.record.id,
    action,
    by: ctx.access.email,
    at: ctx.now().toISOString(),
    detail: describeChange(stored.record.settings, stored.record.isCurrent),
  });
}

export async function createCampaign(
  ctx: UseCaseContext,
  input: { id: string; settings: CampaignSettings; isCurrent: boolean },
): Promise<CampaignWriteOutcome> {
  if (!canEditCampaigns(ctx.access)) return { ok: false, reason: 'forbidden' };
  const id = input.id.trim().toLowerCase();
  const issues = [
    ...(isValidCampaignId(id) ? [] : [createIssue('CAMPAIGN_ID_INVALID', 'id', { id: input.id })]),
    ...validateCampaignSettings(input.settings, toAmsterdamDate(ctx.now())),
  ];
  if (issues.length > 0) return { ok: false, reason: 'invalid', issues };
  const all = await ctx.m365.campaigns.list();
  if (all.some((stored) => stored.record.id === id)) {
    return {
      ok: false,
      reason: 'invalid',
      issues: [createIssue('CAMPAIGN_ID_TAKEN', 'id', { id })],
    };
  }
  const record: CampaignRecord = {
    id,
    settings: normaliseCampaignSettings(input.settings),
    isCurrent: input.isCurrent,
    rolling: false,
  };
  const created = await ctx.m365.campaigns.create(record);
  if (created === 'duplicate') {
    return {
      ok: false,
      reason: 'invalid',
      issues: [createIssue('CAMPAIGN_ID_TAKEN', 'id', { id })],
    };
  }
  if (record.isCurrent) await markOnlyCurrent(ctx, id, all);
  ctx.state.campaigns.clear();
  await logChange(ctx, 'campaignCreate', created);
  return { ok: true, stored: created };
}

/**
 * Saves the edition's settings, guarded by the version the coordinator edited: someone else's
 * save in between gives 'conflict' and changes nothing. A rolling edition gets fixed dates.
 */
export async function updateCampaign(
  ctx: UseCaseContext,
  input: { id: string; settings: CampaignSettings; isCurrent: boolean; version: string },
): Promise<CampaignWriteOutcome> {
  if (!canEditCampaigns(ctx.access)) return { ok: false, reason: 'forbidden' };
  const all = await ctx.m365.campaigns.list();
  const stored = all.find((s) => s.record.id === input.id);
  if (!stored) return { ok: false, reason: 'notFound' };
  if (stored.version !== input.version) return { ok: false, reason: 'conflict' };
  const previous = toCampaign(stored.record, ctx.now());
  const issues = validateCampaignSettings(input.settings, toAmsterdamDate(ctx.now()), {
    ...stored.record.settings,
    signupDeadline: previous.signupDeadline,
  });
  if (issues.length > 0) return { ok: false, reason: 'invalid', issues };
  // A rolling edition whose dates the coordinator left as shown keeps rolling.
  const settings = normaliseCampaignSettings(input.settings);
  const keepsRolling =
    stored.record.rolling &&
    settings.signupDeadline === previous.signupDeadline &&
    settings.window.start === previous.window.start &&
    settings.window.end === previous.window.end;
  const record: CampaignRecord = {
    id: stored.record.id,
    settings,
    // The current edition stays current until another one is made current.
    isCurrent: input.isCurrent || stored.record.isCurrent,
    rolling: keepsRolling,
  };
  const updated = await ctx.m365.campaigns.update(record, input.version);
  if (updated === 'conflict') return { ok: false, reason: 'conflict' };
  if (record.isCurrent) await markOnlyCurrent(ctx, record.id, all);
  ctx.state.campaigns.clear();
  await logChange(ctx, 'campaignUpdate', updated);
  return { ok: true, stored: updated };
}

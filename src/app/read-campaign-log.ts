// The campaign-wide log (tab "Logboek", issue 18 item 9): the log lines of the current
// campaign's sign-ups that the caller may read — their RIEC's for an account holder, all for the
// coordinator — newest first, a page at a time. Trainers and users of the partner tenant have no
// right to sign-ups and get none (the route refuses them; this refuses them too).
import { readCurrentCampaign } from './campaigns.js';
import type { CbsCode, SignupId } from '../domain/ids.js';
import type { LogEntry } from '../domain/ports.js';
import type { UseCaseContext } from './context.js';
import { failWith, succeed, type Outcome } from './outcome.js';
import { listSignups } from './read-signups.js';

export interface CampaignLogQuery {
  readonly cbsCode?: CbsCode;
  /** From 1. */
  readonly page: number;
  readonly pageSize: number;
}

export interface CampaignLogPage {
  readonly entries: readonly LogEntry[];
  readonly total: number;
}

/** Newest first; lines of one moment in reverse order of their keys, the same every time. */
function newestFirst(a: LogEntry, b: LogEntry): number {
  return Date.parse(b.at) - Date.parse(a.at) || b.key.localeCompare(a.key);
}

export async function listCampaignLog(
  ctx: UseCaseContext,
  query: CampaignLogQuery,
): Promise<Outcome<CampaignLogPage>> {
  const { access } = ctx;
  // Only readers of sign-ups by RIEC: a trainer's own workshops are not the campaign's log.
  if (!access.canReadAll && access.riecs.length === 0) {
    return failWith({ kind: 'forbidden', reason: 'role' });
  }
  const signups = await listSignups(ctx);
  if (!signups.ok) return signups;
  const campaign = await readCurrentCampaign(ctx);
  const visible = new Set<SignupId>(
    signups.value
      .filter((stored) => stored.signup.campaignId === campaign.id)
      .filter((stored) => !query.cbsCode || stored.signup.municipality.cbsCode === query.cbsCode)
      .map((stored) => stored.signup.id),
  );
  if (visible.size === 0) return succeed({ entries: [], total: 0 });
  const lines = await ctx.m365.statusLog.listLog(query.cbsCode ? { cbsCode: query.cbsCode } : {});
  const entries = lines.filter((entry) => visible.has(entry.signupId)).sort(newestFirst);
  const from = (query.page - 1) * query.pageSize;
  return succeed({ entries: entries.slice(from, from + query.pageSize), total: entries.length });
}

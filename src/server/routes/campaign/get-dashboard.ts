// The province dashboard of an edition (campaign issue 13, item 2): the sign-ups the caller may
// read (account holder: own RIEC; coordinator: all) in one query per RIEC and the reminder lines
// (items 3 and 4), all in parallel, and the edition from the cached list; the figures come from
// the pure domain (src/domain/dashboard.ts, src/app/reminders.ts).
import { requireCampaignOrCurrent } from '../../../app/campaigns.js';
import { canRead } from '../../../app/access.js';
import { listMunicipalities } from '../../../app/read-signups.js';
import { reminderRowsOf } from '../../../app/reminders.js';
import { countDaysToDeadline, isSignupOpen } from '../../../domain/campaign.js';
import { computeDashboard, lapsesSoon } from '../../../domain/dashboard.js';
import { toAmsterdamDate } from '../../../domain/time.js';
import { getDashboard, NEEDS_ACTION } from '../../../contract/index.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSignupSummary } from '../municipalities/_signup-summary.js';

export default implement(getDashboard, async (route) => {
  const now = route.clock.now();
  const ctx = useCasesFor(route);
  const campaign = await requireCampaignOrCurrent(ctx, route.query.campaignId);
  const [outcome, lines] = await Promise.all([
    listMunicipalities(ctx, campaign.id),
    ctx.m365.reminders ? ctx.m365.reminders.list() : Promise.resolve([]),
  ]);
  const rows = unwrapOutcome(outcome);
  const dashboard = computeDashboard(
    rows.map((row) => row.municipality),
    rows.flatMap((row) => (row.signup ? [row.signup.signup] : [])),
  );
  const actions = rows
    .flatMap(({ municipality, signup }) => {
      const needsAction = signup ? toSignupSummary(signup, now).needsAction : null;
      return signup && needsAction
        ? [
            {
              signupId: signup.signup.id,
              cbsCode: municipality.cbsCode,
              displayName: municipality.displayName,
              riec: municipality.riec,
              needsAction,
            },
          ]
        : [];
    })
    .sort((a, b) => NEEDS_ACTION.indexOf(a.needsAction) - NEEDS_ACTION.indexOf(b.needsAction));
  const signups = rows.flatMap((row) => (row.signup ? [row.signup] : []));
  const reminders = reminderRowsOf(
    campaign,
    rows.map((row) => row.municipality).filter((m) => canRead(ctx.access, m.riec)),
    signups,
    lines,
    toAmsterdamDate(now),
  )
    .filter((row) => !row.signedUp)
    .map((row) => ({
      cbsCode: row.municipality.cbsCode,
      displayName: row.municipality.displayName,
      riec: row.municipality.riec,
      sentCount: row.sentCount,
      lastSentAt: row.lastSent?.at ?? null,
      dueSince: row.dueSince ?? null,
    }));
  const lapsingHolds = rows
    .flatMap(({ municipality, signup }) => {
      const lapsesAt = signup && lapsesSoon(signup.signup, now);
      if (!signup || !lapsesAt) return [];
      return [
        {
          signupId: signup.signup.id,
          cbsCode: municipality.cbsCode,
          displayName: municipality.displayName,
          riec: municipality.riec,
          lapsesAt,
        },
      ];
    })
    .sort((a, b) => a.lapsesAt.localeCompare(b.lapsesAt));
  return {
    campaignId: campaign.id,
    title: campaign.title,
    signupDeadline: campaign.signupDeadline,
    daysToDeadline: countDaysToDeadline(campaign, now),
    isSignupOpen: isSignupOpen(campaign, now),
    riecs: dashboard.riecs.map((row) => ({ ...row, funnel: { ...row.funnel } })),
    total: { ...dashboard.total },
    weeks: dashboard.weeks.map((week) => ({ ...week })),
    trainers: dashboard.trainers.map((trainer) => ({ ...trainer })),
    scan: { ...dashboard.scan },
    actions,
    reminders,
    lapsingHolds,
  };
});

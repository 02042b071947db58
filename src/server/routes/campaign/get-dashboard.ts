// The province dashboard of an edition (campaign issue 13, item 2): the sign-ups the caller may
// read (account holder: own RIEC; coordinator: all) in one query per RIEC, in parallel, and the
// edition from the cached list; the figures come from the pure domain (src/domain/dashboard.ts).
import { readCampaignOrCurrent } from '../../../app/campaigns.js';
import { AppError } from '../../../app/errors.js';
import { listMunicipalities } from '../../../app/read-signups.js';
import { countDaysToDeadline, isSignupOpen } from '../../../domain/campaign.js';
import { computeDashboard } from '../../../domain/dashboard.js';
import { getDashboard, NEEDS_ACTION } from '../../../contract/index.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSignupSummary } from '../municipalities/_signup-summary.js';
import { CAMPAIGN_NOT_FOUND } from './_edition-view.js';

export default implement(getDashboard, async (route) => {
  const now = route.clock.now();
  const ctx = useCasesFor(route);
  const campaign = await readCampaignOrCurrent(ctx, route.query.campaignId);
  if (!campaign) {
    throw new AppError('NOT_FOUND', { detail: CAMPAIGN_NOT_FOUND, logMessage: 'no such campaign' });
  }
  const rows = unwrapOutcome(await listMunicipalities(ctx, campaign.id));
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
  };
});

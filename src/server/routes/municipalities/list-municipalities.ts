// The dashboard: every municipality the caller plans for (all 44 for the coordinator) with its
// sign-up in the current campaign (or the edition the user picked) and what needs attention,
// plus the days to the deadline.
import { requireCampaignOrCurrent } from '../../../app/campaigns.js';
import { listMunicipalities } from '../../../app/read-signups.js';
import { countDaysToDeadline, isSignupOpen } from '../../../domain/campaign.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { listMunicipalities as listMunicipalitiesOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSignupSummary } from './_signup-summary.js';

export default implement(listMunicipalitiesOperation, async (route) => {
  const now = route.clock.now();
  const ctx = useCasesFor(route);
  const campaign = await requireCampaignOrCurrent(ctx, route.query.campaignId);
  const rows = unwrapOutcome(await listMunicipalities(ctx, campaign.id));
  return {
    campaignId: campaign.id,
    signupDeadline: campaign.signupDeadline,
    daysToDeadline: countDaysToDeadline(campaign, now),
    isSignupOpen: isSignupOpen(campaign, now),
    municipalities: rows.map(({ municipality, signup }) => ({
      cbsCode: municipality.cbsCode,
      name: municipality.name,
      displayName: municipality.displayName,
      domain: municipality.domain,
      riec: municipality.riec,
      signup: signup ? toSignupSummary(signup, now) : null,
    })),
  };
});

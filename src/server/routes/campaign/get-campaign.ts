// The open campaign with its rules and how many days are left to sign up (dashboard, forms).
import { useCasesFor } from '../../http/use-case-context.js';
import { requireCampaignOrCurrent } from '../../../app/campaigns.js';
import {
  countDaysToDeadline,
  isSignupOpen,
  signupDeadlineInstant,
} from '../../../domain/campaign.js';
import { getCampaign } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';

export default implement(getCampaign, async (route) => {
  const now = route.clock.now();
  const campaign = await requireCampaignOrCurrent(useCasesFor(route), route.query.campaignId);
  return {
    id: campaign.id,
    title: campaign.title,
    audience: campaign.audience,
    provider: { name: campaign.provider.name, partners: [...campaign.provider.partners] },
    isFree: campaign.isFree,
    signupDeadline: campaign.signupDeadline,
    signupDeadlineInstant: signupDeadlineInstant(campaign),
    isSignupOpen: isSignupOpen(campaign, now),
    daysToDeadline: countDaysToDeadline(campaign, now),
    window: { ...campaign.window },
    preferenceCount: campaign.preferenceCount,
    maxDurationMinutes: campaign.maxDurationMinutes,
    defaultDurationMinutes: campaign.defaultDurationMinutes,
    trainerRoles: campaign.trainerRoles.map((rule) => ({ ...rule })),
    holdLapseDays: campaign.holdLapseDays,
    meetingHours: { ...campaign.meetingHours },
  };
});

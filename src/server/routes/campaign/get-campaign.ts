// The open campaign with its rules and how many days are left to sign up (dashboard, forms).
import {
  countDaysToDeadline,
  isSignupOpen,
  signupDeadlineInstant,
} from '../../../domain/campaign.js';
import { defineRoute } from '../../http/define-route.js';
import { ZGetCampaignResponse, type TGetCampaignResponse } from './get-campaign.schema.js';

export default defineRoute({
  method: 'GET',
  url: '/campaign',
  operationId: 'getCampaign',
  summary: 'Geeft de lopende campagne, haar regels en de dagen tot de deadline',
  tags: ['Campagne'],
  permission: 'campaign:read',
  schemas: { response: { 200: ZGetCampaignResponse } },
  handler: async ({ services, clock }): Promise<TGetCampaignResponse> => {
    const now = clock.now();
    const campaign = services.findCurrentCampaign(now);
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
  },
});

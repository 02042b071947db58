// One edition of the campaign with its settings and the version to edit it with.
import { readCampaigns } from '../../../app/campaigns.js';
import { AppError } from '../../../app/errors.js';
import { getCampaignEdition } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { CAMPAIGN_NOT_FOUND, toEditionView } from './_edition-view.js';

export default implement(getCampaignEdition, async (route) => {
  const ctx = useCasesFor(route);
  // The version must be the stored one: read past the cache.
  ctx.state.campaigns.clear();
  const stored = (await readCampaigns(ctx)).find((s) => s.record.id === route.params.campaignId);
  if (!stored) {
    throw new AppError('NOT_FOUND', { detail: CAMPAIGN_NOT_FOUND, logMessage: 'no such campaign' });
  }
  return toEditionView(stored, route.clock.now());
});

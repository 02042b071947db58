// Saves an edition of the campaign (coordinator only), guarded by the version the coordinator
// edited: a save by someone else in between answers 409 and changes nothing.
import { updateCampaign } from '../../../app/campaigns.js';
import { updateCampaign as updateCampaignOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toEditionView, unwrapCampaignWrite } from './_edition-view.js';

export default implement(updateCampaignOperation, async (route) => {
  const stored = unwrapCampaignWrite(
    await updateCampaign(useCasesFor(route), {
      id: route.params.campaignId,
      version: route.body.version,
      isCurrent: route.body.isCurrent,
      settings: route.body.settings,
    }),
  );
  return toEditionView(stored, route.clock.now());
});

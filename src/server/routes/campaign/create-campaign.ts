// A new edition of the campaign (coordinator only), validated in the domain, logged.
import { createCampaign } from '../../../app/campaigns.js';
import { createCampaign as createCampaignOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toEditionView, unwrapCampaignWrite } from './_edition-view.js';

export default implement(createCampaignOperation, async (route) => {
  const stored = unwrapCampaignWrite(
    await createCampaign(useCasesFor(route), {
      id: route.body.id,
      isCurrent: route.body.isCurrent,
      settings: route.body.settings,
    }),
  );
  route.reply.header('location', `/api/campaigns/${encodeURIComponent(stored.record.id)}`);
  return toEditionView(stored, route.clock.now());
});

// The editions of the campaign, newest deadline first (the tab's edition picker).
import { readCampaigns } from '../../../app/campaigns.js';
import { listCampaigns } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toEditionView } from './_edition-view.js';

export default implement(listCampaigns, async (route) => {
  const now = route.clock.now();
  const editions = (await readCampaigns(useCasesFor(route))).map((s) => toEditionView(s, now));
  editions.sort((a, b) => b.settings.signupDeadline.localeCompare(a.settings.signupDeadline));
  return { campaigns: editions };
});

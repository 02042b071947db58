// The status of an edition, one row per municipality, as .xlsx or CSV (accounthouder: own RIEC).
import { exportCampaignStatus } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { answerExport } from './_export.js';

export default implement(exportCampaignStatus, async (route) =>
  answerExport(useCasesFor(route), route.params.campaignId, 'status', route.query.format),
);

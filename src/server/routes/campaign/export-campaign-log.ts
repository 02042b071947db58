// The audit log of an edition's sign-ups, as .xlsx or CSV (accounthouder: own RIEC).
import { exportCampaignLog } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { answerExport } from './_export.js';

export default implement(exportCampaignLog, async (route) =>
  answerExport(useCasesFor(route), route.params.campaignId, 'log', route.query.format),
);

// The campaign-wide log (tab "Logboek"): every step of the sign-ups the caller may see, newest
// first, one page at a time, optionally for one municipality.
import { listCampaignLog } from '../../../app/read-campaign-log.js';
import { listLog as listLogOperation, LOG_PAGE_SIZE } from '../../../contract/index.js';
import { normaliseCbsCode } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toCampaignLogEntryView } from '../../views/log-view.js';

export default implement(listLogOperation, async (route) => {
  const { gemeente, pagina } = route.query;
  const cbsCode = gemeente ? normaliseCbsCode(gemeente) : undefined;
  const page = pagina ?? 1;
  const result = unwrapOutcome(
    await listCampaignLog(useCasesFor(route), {
      ...(cbsCode ? { cbsCode } : {}),
      page,
      pageSize: LOG_PAGE_SIZE,
    }),
  );
  return {
    entries: result.entries.map(toCampaignLogEntryView),
    page,
    pageSize: LOG_PAGE_SIZE,
    total: result.total,
  };
});

// The audit trail of one sign-up (SharePoint list "Workshoplogboek"): who did what, when.
import { getSignupLog } from '../../../app/read-signups.js';
import { toSignupId } from '../../../domain/ids.js';
import { getSignupLog as getSignupLogOperation } from '../../../contract/index.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toLogEntryView } from '../../views/log-view.js';

export default implement(getSignupLogOperation, async (route) => {
  const id = toSignupId(route.params.signupId);
  const entries = unwrapOutcome(await getSignupLog(useCasesFor(route), id));
  return { signupId: id, entries: entries.map(toLogEntryView) };
});

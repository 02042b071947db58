// The workshop sheet: date, place, the pair, contact, scan, attendees and groups.
import { readSheet } from '../../../app/attendees/workshop-attendees.js';
import { getWorkshopSheet as operation } from '../../../contract/index.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSheetView, unwrapSheet } from './_sheet-view.js';

export default implement(operation, async (route) => {
  const id = toSignupId(route.params.signupId);
  return toSheetView(unwrapSheet(unwrapOutcome(await readSheet(useCasesFor(route), id))));
});

// Mixes the stored attendees into groups (the domain's mixer) and stores them on the event.
import { makeGroups } from '../../../app/attendees/workshop-attendees.js';
import { makeGroups as operation } from '../../../contract/index.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSheetView, unwrapSheet } from './_sheet-view.js';

export default implement(operation, async (route) => {
  const id = toSignupId(route.params.signupId);
  const result = await makeGroups(useCasesFor(route), id, route.body, route.language);
  return toSheetView(unwrapSheet(unwrapOutcome(result)));
});

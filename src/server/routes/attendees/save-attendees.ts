// Stores the attendee list on the confirmed workshop's event; a list with errors stores nothing.
import { saveAttendees } from '../../../app/attendees/workshop-attendees.js';
import { saveAttendees as operation } from '../../../contract/index.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSheetView, unwrapSheet } from './_sheet-view.js';

export default implement(operation, async (route) => {
  const id = toSignupId(route.params.signupId);
  const result = unwrapOutcome(await saveAttendees(useCasesFor(route), id, route.body.source));
  return toSheetView(unwrapSheet(result));
});

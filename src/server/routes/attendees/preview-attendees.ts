// Reads pasted rows or an uploaded file and shows how it was read; stores nothing (issue 14).
import { previewAttendees } from '../../../app/attendees/workshop-attendees.js';
import { previewAttendees as operation } from '../../../contract/index.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toPreviewView, unwrapSheet } from './_sheet-view.js';

export default implement(operation, async (route) => {
  const id = toSignupId(route.params.signupId);
  const result = unwrapOutcome(await previewAttendees(useCasesFor(route), id, route.body.source));
  return toPreviewView(unwrapSheet(result), route.language);
});

// Edits a sign-up (contact, scan, remarks; the slots while nothing is placed) with the version
// the user saw: a stale edit answers 409 and writes nothing. Every change is logged.
import { editSignup } from '../../../app/edit-signup.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { updateSignup as updateSignupOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { toContact } from './_contact.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toFieldMessages, toSignupView } from '../../views/signup-view.js';

export default implement(updateSignupOperation, async (route) => {
  const ctx = useCasesFor(route);
  const { eTag, contact, scanStatus, scan, remarks, preferences } = route.body;
  const outcome = await editSignup(ctx, toSignupId(route.params.signupId), {
    eTag,
    ...(contact ? { contact: toContact(contact) } : {}),
    ...(scanStatus === undefined ? {} : { scanStatus }),
    ...(scan === undefined ? {} : { scan }),
    ...(remarks === undefined ? {} : { remarks }),
    ...(preferences ? { preferences } : {}),
  });
  const stored = unwrapOutcome(outcome);
  return {
    signup: toSignupView(stored, viewContextOf(route)),
    warnings: toFieldMessages(outcome.ok ? (outcome.warnings ?? []) : [], route.language),
  };
});

// One sign-up with everything the UI shows: status, options, answers, and what can be done now.
// Account holders read their RIEC's sign-ups, the coordinator all, a trainer their own workshops.
// A GET writes nothing: an operation a crashed run left behind is finished by the background
// cycle or the next command on the sign-up (issue 17, item 2).
import { getSignup } from '../../../app/read-signups.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { getSignup as getSignupOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';

export default implement(getSignupOperation, async (route) => {
  const stored = unwrapOutcome(
    await getSignup(useCasesFor(route), toSignupId(route.params.signupId)),
  );
  return toSignupView(stored, viewContextOf(route));
});

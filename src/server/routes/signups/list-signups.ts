// The sign-ups the caller may see — their RIEC's, all of them (coordinator), or the workshops
// they train — optionally for one RIEC and some statuses; each as the view getSignup gives, less
// the invitation texts (those are for one sign-up's confirm page).
import { listSignups } from '../../../app/read-signups.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { listSignups as listSignupsOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';

export default implement(listSignupsOperation, async (route) => {
  const { riec, status } = route.query;
  const statuses = status && status.length > 0 ? [...new Set(status)] : undefined;
  const signups = unwrapOutcome(
    await listSignups(useCasesFor(route), {
      ...(riec ? { riec } : {}),
      ...(statuses ? { statuses } : {}),
    }),
  );
  const view = { ...viewContextOf(route), form: 'list' } as const;
  return { signups: signups.map((stored) => toSignupView(stored, view)) };
});

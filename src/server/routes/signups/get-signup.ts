// One sign-up with everything the UI shows: status, options, answers, and what can be done now.
// Account holders read their RIEC's sign-ups, the coordinator all, a trainer their own workshops.
// Reading also finishes an operation a crashed run left behind (for planners, not trainers).
import { getSignup } from '../../../app/read-signups.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';
import type { TSignupView } from '../../views/signup-view.schema.js';
import { ZGetSignupParams, ZGetSignupResponse } from './get-signup.schema.js';

export default defineRoute({
  method: 'GET',
  url: '/signups/:signupId',
  operationId: 'getSignup',
  summary: 'Geeft één aanmelding met opties, antwoorden en wat er nu kan',
  tags: ['Aanmeldingen'],
  permission: ['signups:read', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  schemas: { params: ZGetSignupParams, response: { 200: ZGetSignupResponse } },
  handler: async (route): Promise<TSignupView> => {
    const stored = unwrapOutcome(
      await getSignup(useCasesFor(route), toSignupId(route.params.signupId)),
    );
    return toSignupView(stored, viewContextOf(route));
  },
});

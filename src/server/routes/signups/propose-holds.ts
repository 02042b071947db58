// Places the three tentative holds with the chosen trainer pair: the invitations go out from the
// account holder's own calendar (on their behalf). Repeating the request after a lost connection
// is safe: a sign-up that already has its options with this pair comes back with 200.
import { proposeHolds } from '../../../app/propose-holds.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';
import type { TSignupView } from '../../views/signup-view.schema.js';
import { answerRepeatedCommand, isSameAddress } from './_retry.js';
import {
  ZProposeHoldsParams,
  ZProposeHoldsRequest,
  ZProposeHoldsResponse,
} from './propose-holds.schema.js';

export default defineRoute({
  method: 'POST',
  url: '/signups/:signupId/propose',
  operationId: 'proposeHolds',
  summary: 'Plaatst de opties (voorlopige afspraken) bij het gekozen trainerspaar',
  description:
    'Maakt per voorkeur een voorlopige afspraak in de agenda van de accounthouder met beide ' +
    'trainers als verplichte deelnemers. Veilig te herhalen: staan de opties er al met dit ' +
    'paar, dan volgt 200 met de aanmelding in plaats van 409.',
  tags: ['Aanmeldingen'],
  permission: 'signups:propose',
  problems: ['NOT_FOUND', 'CONFLICT', 'GRAPH_UNAVAILABLE'],
  schemas: {
    params: ZProposeHoldsParams,
    body: ZProposeHoldsRequest,
    response: { 200: ZProposeHoldsResponse },
  },
  handler: async (route): Promise<TSignupView> => {
    const ctx = useCasesFor(route);
    const id = toSignupId(route.params.signupId);
    const choice = route.body;
    const outcome = await answerRepeatedCommand(
      ctx,
      id,
      await proposeHolds(ctx, id, choice),
      (signup) =>
        signup.status === 'opties_geplaatst' &&
        signup.pair !== undefined &&
        isSameAddress(signup.pair.berenschot.email, choice.berenschot) &&
        isSameAddress(signup.pair.riec.email, choice.riec),
    );
    return toSignupView(unwrapOutcome(outcome), viewContextOf(route));
  },
});

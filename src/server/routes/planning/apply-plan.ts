// Places the holds a plan says, for all its sign-ups at once in shared $batches: per sign-up
// the options of its preferences with the planned pair (the planned slot is the one to confirm,
// the others stay as fallbacks). Safe to repeat: a sign-up already placed is left as it is, and
// one cut off halfway is finished. Answers the progress per sign-up; a page that lost the answer
// asks POST /planning/apply/progress.
import { applyPlan } from '../../../app/planner/apply-plan.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import type { TApplyProgress } from './_plan-views.schema.js';
import { toApplyProgressView, toAssignments } from './_plan-views.js';
import { ZApplyPlanRequest, ZApplyPlanResponse } from './apply-plan.schema.js';

export default defineRoute({
  method: 'POST',
  url: '/planning/apply',
  operationId: 'applyPlan',
  summary: 'Plaatst de opties van een planning bij de geplande trainersparen',
  description:
    'Per aanmelding de opties van haar voorkeuren bij het geplande paar; de geplande voorkeur ' +
    'is de optie om te bevestigen. Veilig te herhalen. Een aanmelding die intussen is gewijzigd ' +
    'of waarvan een trainer op het geplande moment intussen iets anders heeft, krijgt niets: ' +
    'maak dan een nieuwe planning.',
  tags: ['Planning'],
  permission: 'signups:propose',
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  schemas: { body: ZApplyPlanRequest, response: { 200: ZApplyPlanResponse } },
  handler: async (route): Promise<TApplyProgress> => {
    const progress = unwrapOutcome(
      await applyPlan(useCasesFor(route), toAssignments(route.body.assignments)),
    );
    return toApplyProgressView(progress, route.language);
  },
});

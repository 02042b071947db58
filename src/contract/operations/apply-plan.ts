import type * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { ZApplyProgress, ZAssignmentsRequest } from '../schemas/plan.js';

export const ZApplyPlanRequest = ZAssignmentsRequest;
export type TApplyPlanRequest = z.input<typeof ZApplyPlanRequest>;

export const applyPlan = defineOperation({
  operationId: 'applyPlan',
  method: 'POST',
  path: '/planning/apply',
  summary: 'Plaatst de opties van een planning bij de geplande trainersparen',
  description:
    'Per aanmelding de opties van haar voorkeuren bij het geplande paar; de geplande voorkeur ' +
    'is de optie om te bevestigen. Stuur de hele planning, ook de aanmeldingen die al geplaatst ' +
    'zijn. Veilig te herhalen. Een aanmelding die intussen is gewijzigd of waarvan een trainer ' +
    'op het geplande moment intussen iets anders heeft, krijgt niets: maak dan een nieuwe ' +
    'planning.',
  tags: ['Planning'],
  permission: 'signups:propose',
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  body: ZApplyPlanRequest,
  response: { status: 200, schema: ZApplyProgress },
});

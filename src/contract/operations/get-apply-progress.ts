import { defineOperation } from '../operation.js';
import { ZApplyProgress, ZAssignmentsRequest } from '../schemas/plan.js';

export const getApplyProgress = defineOperation({
  operationId: 'getApplyProgress',
  method: 'POST',
  path: '/planning/apply/progress',
  summary: 'Geeft per aanmelding van een planning hoe ver het plaatsen van de opties is',
  description: 'Een POST omdat de planning in de body staat; er wordt niets opgeslagen.',
  tags: ['Planning'],
  permission: ['signups:propose', 'province:read'],
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  body: ZAssignmentsRequest,
  response: { status: 200, schema: ZApplyProgress },
});

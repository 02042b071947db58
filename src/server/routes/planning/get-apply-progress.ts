// How far applying a plan is, read from the sign-ups themselves (any server instance answers,
// also after a restart). POST because the plan's assignments are a body; it writes nothing.
import { readApplyProgress } from '../../../app/planner/apply-plan.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import type { TApplyProgress } from './_plan-views.schema.js';
import { toApplyProgressView, toAssignments } from './_plan-views.js';
import {
  ZGetApplyProgressRequest,
  ZGetApplyProgressResponse,
} from './get-apply-progress.schema.js';

export default defineRoute({
  method: 'POST',
  url: '/planning/apply/progress',
  operationId: 'getApplyProgress',
  summary: 'Geeft per aanmelding van een planning hoe ver het plaatsen van de opties is',
  description: 'Een POST omdat de planning in de body staat; er wordt niets opgeslagen.',
  tags: ['Planning'],
  permission: ['signups:propose', 'province:read'],
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  schemas: { body: ZGetApplyProgressRequest, response: { 200: ZGetApplyProgressResponse } },
  handler: async (route): Promise<TApplyProgress> => {
    const progress = unwrapOutcome(
      await readApplyProgress(useCasesFor(route), toAssignments(route.body.assignments)),
    );
    return toApplyProgressView(progress, route.language);
  },
});

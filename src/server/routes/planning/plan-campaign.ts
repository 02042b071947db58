// One plan for all sign-ups of the caller's RIEC (an account holder) or of the province (the
// coordinator, read-only): free/busy for every candidate trainer and slot in one getSchedule
// $batch, solved by HiGHS in a worker thread. POST because the choices are a body; it writes
// nothing. Planning again after a decline or a lapsed hold is the same call.
import {
  planCampaign,
  type CampaignPlan,
  type PlanCampaignRequest,
} from '../../../app/planner/plan-campaign.js';
import type { Language } from '../../../app/errors.js';
import type { Trainer } from '../../../domain/signup.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSlotView, toTrainerView } from '../../views/signup-view.js';
import { solveInWorker } from './_plan-solver.js';
import {
  ZPlanCampaignRequest,
  ZPlanCampaignResponse,
  type TPlanCampaignRequest,
  type TPlanCampaignResponse,
} from './plan-campaign.schema.js';

function toPlanView(made: CampaignPlan, language: Language): TPlanCampaignResponse {
  const trainer = (id: string) => toTrainerView(made.trainers.get(id) as Trainer);
  return {
    kind: 'plan',
    scope: [...made.scope],
    status: made.plan.status,
    gap: made.plan.gap,
    plannedUpperBound: made.plan.plannedUpperBound,
    summary: made.plan.summary[language],
    metrics: {
      planned: made.plan.metrics.planned,
      unplanned: made.plan.metrics.unplanned,
      rankSum: made.plan.metrics.rankSum,
      unknownCount: made.plan.metrics.unknownCount,
    },
    rows: made.rows.map(({ stored, outcome, next }) => ({
      signupId: String(stored.signup.id),
      municipality: stored.signup.municipality.name,
      riec: stored.signup.riec,
      status: stored.signup.status,
      next,
      planned:
        outcome.outcome === 'planned'
          ? {
              slot: toSlotView(outcome.slot, outcome.slotIndex),
              rank: outcome.rank,
              berenschot: trainer(outcome.pair.berenschotId),
              riec: trainer(outcome.pair.riecId),
              unknown: [...outcome.unknown],
            }
          : null,
      unplanned:
        outcome.outcome === 'unplanned'
          ? { code: outcome.code, message: outcome.message[language] }
          : null,
    })),
    notPlannable: made.notPlannable.map((n) => ({
      signupId: String(n.stored.signup.id),
      municipality: n.stored.signup.municipality.name,
      code: n.code,
      message: n.message[language],
    })),
    assignments: made.assignments.map((a) => ({ ...a, signupId: String(a.signupId) })),
    warnings: made.warnings.map((w) => w[language]),
  };
}

function requestOf(body: TPlanCampaignRequest): PlanCampaignRequest {
  return {
    ...(body.riec ? { riec: body.riec } : {}),
    ...(body.keep ? { keep: body.keep } : {}),
    ...(body.leaveOut ? { leaveOut: body.leaveOut } : {}),
  };
}

export default defineRoute({
  method: 'POST',
  url: '/planning/plan',
  operationId: 'planCampaign',
  summary:
    'Maakt één planning voor alle aanmeldingen van uw RIEC (of, als coördinator, de provincie)',
  description:
    'Leest de aanmeldingen, de agenda’s van de trainers en wat het product zelf al heeft ' +
    'geplaatst, en geeft per aanmelding een moment en een trainerspaar, of de reden waarom het ' +
    'niet kan. Er wordt niets opgeslagen of verstuurd. Bevestigde workshops blijven staan; ' +
    'geplaatste opties houden hun paar. Een RIEC zonder adviseurs of een optie die niet kan ' +
    'worden vastgehouden geeft kind "refused" met de uitleg.',
  tags: ['Planning'],
  permission: ['signups:propose', 'province:read'],
  problems: ['NOT_FOUND', 'RATE_LIMITED', 'GRAPH_UNAVAILABLE'],
  schemas: { body: ZPlanCampaignRequest, response: { 200: ZPlanCampaignResponse } },
  handler: async (route): Promise<TPlanCampaignResponse> => {
    const result = unwrapOutcome(
      await planCampaign(useCasesFor(route), requestOf(route.body), {
        solve: solveInWorker,
        settings: route.services.plannerSettings ?? {},
      }),
    );
    if (result.kind === 'refused') {
      return {
        kind: 'refused',
        code: result.error.code,
        message: result.error.message[route.language],
      };
    }
    return toPlanView(result, route.language);
  },
});

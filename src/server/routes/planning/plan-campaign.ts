// One plan for all sign-ups of the caller's RIEC (an account holder) or of the province (the
// coordinator, read-only): free/busy for every candidate trainer and slot in one getSchedule
// $batch, solved by HiGHS in a worker thread. POST because the choices are a body; it writes
// nothing. Planning again after a decline or a lapsed hold is the same call. Rows carry codes
// and data (why a sign-up is unplanned, per preference); the page words them.
import {
  planCampaign,
  type CampaignPlan,
  type PlanCampaignRequest,
} from '../../../app/planner/plan-campaign.js';
import type { Language } from '../../../app/errors.js';
import {
  planCampaign as planCampaignOperation,
  type OperationBody,
  type OperationOutput,
} from '../../../contract/index.js';
import type { Trainer } from '../../../domain/signup.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSlotView, toTrainerView } from '../../views/signup-view.js';
import { solveInWorker } from './_plan-solver.js';

type PlanView = OperationOutput<typeof planCampaignOperation>;

function toPlanView(made: CampaignPlan, language: Language): PlanView {
  const trainer = (id: string) => toTrainerView(made.trainers.get(id) as Trainer);
  return {
    kind: 'plan',
    scope: [...made.scope],
    status: made.plan.status,
    gap: made.plan.gap,
    plannedUpperBound: made.plan.plannedUpperBound,
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
              fixedBy: outcome.fixedBy,
            }
          : null,
      unplanned:
        outcome.outcome === 'unplanned'
          ? {
              code: outcome.code,
              slots: outcome.slots.map((slot) => ({
                slotIndex: slot.slotIndex,
                verdict: slot.kind,
              })),
              trainers: outcome.trainerIds.flatMap((id) =>
                made.trainers.has(id) ? [trainer(id)] : [],
              ),
            }
          : null,
    })),
    notPlannable: made.notPlannable.map((n) => ({
      signupId: String(n.stored.signup.id),
      municipality: n.stored.signup.municipality.name,
      riec: n.stored.signup.riec,
      code: n.code,
    })),
    assignments: made.assignments.map((a) => ({ ...a, signupId: String(a.signupId) })),
    warnings: made.warnings.map((w) => w[language]),
    fixed: made.fixed.map((item) => ({
      kind: item.kind,
      municipality: item.label,
      start: item.slot.start,
      end: item.slot.end,
      trainers: item.trainerIds.map(trainer),
    })),
  };
}

function requestOf(body: OperationBody<typeof planCampaignOperation>): PlanCampaignRequest {
  return {
    ...(body.riec ? { riec: body.riec } : {}),
    ...(body.keep ? { keep: body.keep } : {}),
    ...(body.leaveOut ? { leaveOut: body.leaveOut } : {}),
  };
}

export default implement(planCampaignOperation, async (route) => {
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
});

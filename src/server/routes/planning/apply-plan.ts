// Places the holds a plan says, for all its sign-ups at once in shared $batches: per sign-up
// the options of its preferences with the planned pair (the planned slot is the one to confirm,
// the others stay as fallbacks). Safe to repeat: a sign-up already placed is left as it is, and
// one cut off halfway is finished. Answers the progress per sign-up; a page that lost the answer
// asks POST /planning/apply/progress.
import { applyPlan } from '../../../app/planner/apply-plan.js';
import { applyPlan as applyPlanOperation } from '../../../contract/index.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toApplyProgressView, toAssignments } from './_plan-views.js';

export default implement(applyPlanOperation, async (route) => {
  const progress = unwrapOutcome(
    await applyPlan(useCasesFor(route), toAssignments(route.body.assignments)),
  );
  return toApplyProgressView(progress, route.language);
});

// How far applying a plan is, read from the sign-ups themselves (any server instance answers,
// also after a restart). POST because the plan's assignments are a body; it writes nothing.
import { readApplyProgress } from '../../../app/planner/apply-plan.js';
import { getApplyProgress } from '../../../contract/index.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toApplyProgressView, toAssignments } from './_plan-views.js';

export default implement(getApplyProgress, async (route) => {
  const progress = unwrapOutcome(
    await readApplyProgress(useCasesFor(route), toAssignments(route.body.assignments)),
  );
  return toApplyProgressView(progress, route.language);
});

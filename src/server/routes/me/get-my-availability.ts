// "Mijn beschikbaarheid": the caller's own statement (trainers), for the campaign window.
import { readMyAvailability } from '../../../app/my-availability.js';
import { getMyAvailability } from '../../../contract/index.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { myAvailabilityView } from './_my-availability-view.js';

export default implement(getMyAvailability, async (route) =>
  myAvailabilityView(unwrapOutcome(await readMyAvailability(useCasesFor(route)))),
);

// "Mijn beschikbaarheid": the caller states the evenings and day parts they can or cannot work.
import { saveMyAvailability } from '../../../app/my-availability.js';
import { saveMyAvailability as saveMyAvailabilityOperation } from '../../../contract/index.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { myAvailabilityView } from './_my-availability-view.js';

export default implement(saveMyAvailabilityOperation, async (route) => {
  const { weekly, dates } = route.body;
  const statement = {
    weekly,
    dates: dates.map(({ date, dayPart, canWork }) => ({
      date,
      canWork,
      ...(dayPart ? { dayPart } : {}),
    })),
  };
  return myAvailabilityView(unwrapOutcome(await saveMyAvailability(useCasesFor(route), statement)));
});

// What the dashboard page shows, in order (pure, tested without a browser).
import type { TFunnel } from '../../../common/api/api-types.js';

export const FUNNEL_ORDER = [
  'notSignedUp',
  'registered',
  'optionsPlaced',
  'waitingForTrainers',
  'confirmed',
  'newDatesNeeded',
  'cancelled',
] as const satisfies readonly (keyof TFunnel)[];

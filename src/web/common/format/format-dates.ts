// Dates and times as people read them, in Amsterdam time: the API contract's one formatter
// (src/contract/format.ts), which the server's messages and mails use too. Dutch follows the
// government's writing conventions ("dinsdag 14 juni 2022, 19.30–22.30 uur").
// The formatter's own module, not the contract's index: the page bundle needs no zod for it.
import { formatDate, formatSlot as formatRange } from '../../../contract/format.js';
import type { Language } from '../../../contract/lists.js';

export type { Language };
export {
  formatMoment,
  formatShortDate,
  formatTime,
  formatTimeUntil,
} from '../../../contract/format.js';

/** "dinsdag 14 juni 2022" / "Tuesday 14 June 2022". */
export const formatLongDate = formatDate;

/** "dinsdag 14 juni 2022, 19.30–22.30 uur" / "Tuesday 14 June 2022, 19:30–22:30". */
export function formatSlot(start: string, end: string, language: Language): string {
  return formatRange({ start, end }, language);
}

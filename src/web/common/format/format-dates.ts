// Dates and times as people read them, in Amsterdam time: the API contract's one formatter
// (src/contract/format.ts), which the server's messages and mails use too. Dutch follows the
// government's writing conventions ("dinsdag 14 juni 2022, 19.30–22.30 uur").
import { formatDate, formatSlot as formatRange, type Language } from '../../../contract/index.js';

export type { Language };
export {
  formatMoment,
  formatShortDate,
  formatTime,
  formatTimeUntil,
} from '../../../contract/index.js';

/** "dinsdag 14 juni 2022" / "Tuesday 14 June 2022". */
export const formatLongDate = formatDate;

/** "dinsdag 14 juni 2022, 19.30–22.30 uur" / "Tuesday 14 June 2022, 19:30–22:30". */
export function formatSlot(start: string, end: string, language: Language): string {
  return formatRange({ start, end }, language);
}

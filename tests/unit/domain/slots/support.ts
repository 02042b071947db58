// Shared helpers for the slot extraction tests: a mail as the account holder receives it, with a
// fixed receipt moment so that "14 juni" always means the same day.
import { extractSlots } from '../../../../src/domain/slots/extract-slots.js';
import type { SignupMail, SlotExtraction } from '../../../../src/domain/slots/types.js';

/** 10 May 2022, 09:00 in Amsterdam: during the 2022 campaign, before its deadline of 15 June. */
export const RECEIVED_2022 = '2022-05-10T09:00:00+02:00';

export function extract(
  text: string,
  mail: Partial<SignupMail> = {},
  defaultDurationMinutes = 180,
): SlotExtraction {
  return extractSlots(
    { from: 'Griffie Haarlem <griffie@haarlem.nl>', receivedAt: RECEIVED_2022, text, ...mail },
    { defaultDurationMinutes },
  );
}

/** Start and end of each slot, the part a user checks first. */
export function times(result: SlotExtraction): [string, string][] {
  return result.slots.map((s) => [s.start, s.end]);
}

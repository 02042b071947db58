// When the plan no longer holds (issue 12, item 3: "when a trainer declines or a hold lapses, the
// page offers a new plan with everything confirmed kept"): the sign-ups whose options a trainer
// declined, whose options lapsed, or that wait for new dates because none could go ahead. Read
// from the overview's rows (the same cached list), so the offer costs no extra request there.
// Pure, so it is tested without a browser.
import type { TMunicipalityView } from '../../../common/api/api-types.js';

export type ReplanReason = 'declined' | 'lapsed' | 'newDates';

export interface ReplanItem {
  readonly signupId: string;
  readonly municipality: string;
  readonly reason: ReplanReason;
}

/** The sign-ups a new plan should take into account, by municipality name. */
export function findReplanItems(rows: readonly TMunicipalityView[], now: Date): ReplanItem[] {
  return rows
    .flatMap((row): ReplanItem[] => {
      const signup = row.signup;
      if (!signup) return [];
      const item = (reason: ReplanReason) => [
        { signupId: signup.id, municipality: row.displayName, reason },
      ];
      if (signup.status === 'nieuwe_data_nodig') return item('newDates');
      if (signup.status !== 'opties_geplaatst') return [];
      if (signup.lapsesAt !== null && Date.parse(signup.lapsesAt) <= now.getTime()) {
        return item('lapsed');
      }
      return signup.answers.declined > 0 ? item('declined') : [];
    })
    .sort((a, b) => a.municipality.localeCompare(b.municipality, 'nl'));
}

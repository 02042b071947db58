// A sign-up in one line of the dashboard: its status, the trainers' answers and what needs the
// account holder's attention first (src/contract/operations/list-municipalities.ts, NEEDS_ACTION).
import type { TSignupSummary } from '../../../contract/index.js';
import {
  findConfirmedOption,
  isAcceptedByBoth,
  isOptionLive,
} from '../../../domain/lifecycle-rules.js';
import type { StoredSignup } from '../../../domain/ports.js';
import type { Signup } from '../../../domain/signup.js';
import { toSlotView } from '../../views/signup-view.js';

/** Options that lapse within this many days show up as `lapses_soon`. */
export const LAPSE_WARNING_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

function countAnswers(signup: Signup): TSignupSummary['answers'] {
  const counts = { accepted: 0, tentativelyAccepted: 0, declined: 0, pending: 0 };
  // `options` holds the current round only (a new round starts empty).
  for (const option of signup.options) {
    for (const answer of [option.answers.berenschot, option.answers.riec]) {
      if (answer === 'accepted' || answer === 'tentativelyAccepted' || answer === 'declined') {
        counts[answer]++;
      } else {
        counts.pending++;
      }
    }
  }
  return counts;
}

function findNeedsAction(signup: Signup, now: Date): TSignupSummary['needsAction'] {
  switch (signup.status) {
    case 'nieuwe_data_nodig':
      return 'new_dates_needed';
    case 'aangemeld':
      return 'options_needed';
    case 'opties_geplaatst': {
      const live = signup.options.filter((option) => isOptionLive(option, signup, now));
      if (live.some(isAcceptedByBoth)) return 'both_accepted';
      const lapsesAt = signup.lapsesAt ? Date.parse(signup.lapsesAt) : Number.NaN;
      if (lapsesAt - now.getTime() < LAPSE_WARNING_DAYS * DAY_MS) return 'lapses_soon';
      const answered = signup.options.some(
        (o) => o.answers.berenschot !== 'none' || o.answers.riec !== 'none',
      );
      return answered ? 'answer_received' : null;
    }
    case 'bevestigd':
      // The mayor's office declined the confirmed workshop: the cabinet cannot come that day.
      return findConfirmedOption(signup)?.municipalityAnswer === 'declined'
        ? 'municipality_declined'
        : null;
    default:
      return null;
  }
}

export function toSignupSummary(stored: StoredSignup, now: Date): TSignupSummary {
  const { signup } = stored;
  const confirmed = findConfirmedOption(signup);
  return {
    id: signup.id,
    status: signup.status,
    confirmedSlot: confirmed ? toSlotView(confirmed.slot, confirmed.slotIndex) : null,
    lapsesAt: signup.lapsesAt ?? null,
    answers: countAnswers(signup),
    needsAction: findNeedsAction(signup, now),
    pendingOperation: stored.pending !== null,
  };
}

// Which Berenschot advisor and RIEC advisor to invite for a sign-up's three slots.
//
// Berenschot advisors usually sit in another tenant, where getSchedule cannot see their calendar
// (DESIGN.md, "Trainers in two organisations"): their free/busy is then `unknown` and their answer
// to the hold decides. So a pair ranks first by slots where both are known to be free, then by slots
// where the RIEC advisor is free and the Berenschot advisor unknown, then by load (the two
// trainers' workshops and holds in the campaign: the least busy pair first, issue 18 item 6),
// and only then by name.
import type { Trainer, TrainerPair } from './signup.js';

/** What getSchedule says for one trainer and slot; a failed or invisible schedule is `unknown`. */
export type { Availability } from '../contract/lists.js';
import type { Availability, PairVerdict } from '../contract/lists.js';

/** What a trainer already does in the campaign: confirmed workshops and open holds. */
export interface TrainerLoad {
  readonly workshops: number;
  readonly holds: number;
}

export interface CandidateTrainer extends Trainer {
  /** Per slot index (0..2); a missing entry counts as `unknown`. */
  readonly availability: readonly Availability[];
  /** Absent: nothing known, counts as none. */
  readonly load?: TrainerLoad;
}

/**
 * - `beide_vrij`: both known to be free;
 * - `berenschot_onbekend`: RIEC advisor free, Berenschot calendar not visible (their answer decides);
 * - `riec_onbekend`: Berenschot advisor free, RIEC calendar unknown (check failed; try again);
 * - `beide_onbekend`: neither calendar known;
 * - `bezet`: at least one is busy, tentative, out of office or working elsewhere.
 */
export type SlotVerdict = PairVerdict;

export interface SlotEvaluation {
  readonly slotIndex: number;
  readonly verdict: SlotVerdict;
  readonly berenschot: Availability;
  readonly riec: Availability;
}

export interface PairEvaluation {
  readonly pair: TrainerPair;
  readonly slots: readonly SlotEvaluation[];
  /** Slots where both are known to be free (rank key 1). */
  readonly bothFreeCount: number;
  /** Slots where the RIEC advisor is free and the Berenschot advisor unknown (rank key 2). */
  readonly berenschotUnknownCount: number;
  /** At least one slot is not known to be blocked for this pair. */
  readonly isViable: boolean;
  /** The two trainers' workshops and holds in the campaign together (rank key 3: fewer first). */
  readonly load: number;
  /** The busier trainer's workshops and holds (rank key 4: fewer first). */
  readonly maxLoad: number;
  /** Dutch explanation for the account holder. */
  readonly reason: string;
}

type Knowledge = 'free' | 'unknown' | 'blocked';

/** Only `free` is free: tentative counts as busy for planning, unknown is not free. */
function classify(availability: Availability): Knowledge {
  if (availability === 'free') return 'free';
  return availability === 'unknown' ? 'unknown' : 'blocked';
}

function judgeSlot(berenschot: Availability, riec: Availability): SlotVerdict {
  const b = classify(berenschot);
  const r = classify(riec);
  if (b === 'blocked' || r === 'blocked') return 'bezet';
  if (b === 'free') return r === 'free' ? 'beide_vrij' : 'riec_onbekend';
  return r === 'free' ? 'berenschot_onbekend' : 'beide_onbekend';
}

const VERDICT_TEXT: Readonly<Record<SlotVerdict, string>> = {
  beide_vrij: 'beide vrij',
  berenschot_onbekend: 'RIEC-adviseur vrij, agenda Berenschot-adviseur niet zichtbaar',
  riec_onbekend: 'Berenschot-adviseur vrij, agenda RIEC-adviseur onbekend',
  beide_onbekend: 'beide agenda’s onbekend',
  bezet: 'bezet',
};

function toTrainer(candidate: CandidateTrainer): Trainer {
  const { id, name, email, role } = candidate;
  return { id, name, email, role };
}

/** Evaluates one pair over `slotCount` slots; also for a pair the account holder chose by hand. */
export function evaluatePair(
  berenschot: CandidateTrainer,
  riec: CandidateTrainer,
  slotCount = 3,
): PairEvaluation {
  const slots = Array.from({ length: slotCount }, (_, slotIndex) => {
    const b = berenschot.availability[slotIndex] ?? 'unknown';
    const r = riec.availability[slotIndex] ?? 'unknown';
    return { slotIndex, verdict: judgeSlot(b, r), berenschot: b, riec: r };
  });
  const bothFreeCount = slots.filter((s) => s.verdict === 'beide_vrij').length;
  const berenschotUnknownCount = slots.filter((s) => s.verdict === 'berenschot_onbekend').length;
  const reason = slots
    .map((s) => `optie ${s.slotIndex + 1}: ${VERDICT_TEXT[s.verdict]}`)
    .join('; ');
  const loadOf = (t: CandidateTrainer) => (t.load ? t.load.workshops + t.load.holds : 0);
  return {
    pair: { berenschot: toTrainer(berenschot), riec: toTrainer(riec) },
    slots,
    bothFreeCount,
    berenschotUnknownCount,
    isViable: slots.some((s) => s.verdict !== 'bezet'),
    load: loadOf(berenschot) + loadOf(riec),
    maxLoad: Math.max(loadOf(berenschot), loadOf(riec)),
    reason,
  };
}

const byName = new Intl.Collator('nl', { sensitivity: 'base' });

/**
 * Best first: most slots both free, then most slots RIEC free and Berenschot unknown, then the
 * least load (together, then the busier one), and only then name (a stable order).
 */
export function comparePairs(a: PairEvaluation, b: PairEvaluation): number {
  return (
    b.bothFreeCount - a.bothFreeCount ||
    b.berenschotUnknownCount - a.berenschotUnknownCount ||
    a.load - b.load ||
    a.maxLoad - b.maxLoad ||
    byName.compare(a.pair.berenschot.name, b.pair.berenschot.name) ||
    byName.compare(a.pair.riec.name, b.pair.riec.name) ||
    compareIds(a.pair.berenschot.id, b.pair.berenschot.id) ||
    compareIds(a.pair.riec.id, b.pair.riec.id)
  );
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Every pair of one Berenschot advisor and one RIEC advisor, ranked best first. Candidates with
 * the wrong role in a list are left out.
 */
export function rankPairs(
  candidates: {
    readonly berenschot: readonly CandidateTrainer[];
    readonly riec: readonly CandidateTrainer[];
  },
  slotCount = 3,
): readonly PairEvaluation[] {
  const berenschot = candidates.berenschot.filter((t) => t.role === 'berenschot');
  const riec = candidates.riec.filter((t) => t.role === 'riec');
  return berenschot
    .flatMap((b) => riec.map((r) => evaluatePair(b, r, slotCount)))
    .sort(comparePairs);
}

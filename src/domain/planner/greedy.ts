// The baseline: first come, first served. Sign-ups in the order they came in each take their
// best preferred slot that still has a pair, the way side-by-side proposals end up today; within a
// slot the pair is chosen as the availability page ranks it (known free before unknown), then the
// least loaded trainer, then by name. It keeps every hard rule; it does not look ahead.
import { TrainerBookings } from './bookings.js';
import { assemblePlan } from './assemble.js';
import { indexOptions, optionKey } from './evaluate.js';
import { buildProblem } from './problem.js';
import type { Candidate, Choice, Problem } from './problem.js';
import type { PlannerInput, PlannerOutcome } from './types.js';

const byName = new Intl.Collator('nl', { sensitivity: 'base' });

export function chooseGreedily(problem: Problem): Choice[] {
  const bookings = new TrainerBookings(problem);
  const options = indexOptions(problem);
  const decided: Choice[] = [];
  const trainerOrder = (a: Candidate, b: Candidate) =>
    Number(a.unknown) - Number(b.unknown) ||
    bookings.loadOf(a.trainer) - bookings.loadOf(b.trainer) ||
    byName.compare(
      problem.trainers[a.trainer]!.trainer.name,
      problem.trainers[b.trainer]!.trainer.name,
    ) ||
    a.trainer - b.trainer;

  for (const s of problem.decide) {
    for (const slot of problem.slots[s]!) {
      const option = options.get(optionKey(s, slot.slotIndex));
      if (!option) continue;
      const pick = (candidates: readonly Candidate[]) =>
        candidates.filter((c) => bookings.blockFor(c.trainer, slot) === null).sort(trainerOrder)[0];
      const berenschot = pick(option.berenschot);
      const riec = pick(option.riec);
      if (!berenschot || !riec) continue;
      const choice: Choice = {
        signup: s,
        slotIndex: slot.slotIndex,
        berenschot: berenschot.trainer,
        riec: riec.trainer,
      };
      bookings.add(choice);
      decided.push(choice);
      break;
    }
  }
  return decided;
}

export function planGreedy(input: PlannerInput): PlannerOutcome {
  const built = buildProblem(input);
  if (!built.ok) return built;
  const { problem } = built;
  return {
    ok: true,
    plan: assemblePlan(problem, chooseGreedily(problem), {
      solver: 'greedy',
      status: 'heuristic',
      gap: null,
      plannedUpperBound: null,
      stages: [],
    }),
  };
}

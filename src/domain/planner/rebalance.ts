// A cheap improvement of trainer load that changes nothing else: hand a workshop to a trainer of
// the same role with a lighter load who may take that slot (free, no clash, under the maxima,
// known or unknown alike so the count of unknown calendars stays). Each move lowers Σ load², so
// it ends. The exact planner runs it before the load stage: a better start, and a better plan
// when the time limit stops that stage.
import { indexOptions, optionKey } from './evaluate.js';
import { isConflict } from './problem.js';
import type { Choice, Problem } from './problem.js';

export function rebalanceLoad(problem: Problem, choices: readonly Choice[]): Choice[] {
  const options = indexOptions(problem);
  const bufferMs = problem.settings.bufferMinutes * 60_000;
  const current = [...choices];
  const byTrainer: number[][] = problem.trainers.map(() => []);
  current.forEach((c, i) => {
    byTrainer[c.berenschot]!.push(i);
    byTrainer[c.riec]!.push(i);
  });
  const slotOf = (i: number) => problem.slots[current[i]!.signup]![current[i]!.slotIndex]!;
  const load = (t: number) => problem.fixedByTrainer[t]!.length + byTrainer[t]!.length;
  const canTake = (t: number, i: number) => {
    const slot = slotOf(i);
    const info = problem.trainers[t]!;
    const fixed = problem.fixedByTrainer[t]!;
    const others = byTrainer[t]!.filter((j) => j !== i).map(slotOf);
    if (others.some((other) => isConflict(other, slot, bufferMs))) return false;
    const sameWeek =
      others.filter((o) => o.week === slot.week).length +
      fixed.filter((f) => f.week === slot.week).length;
    return sameWeek < info.maxPerWeek && fixed.length + others.length < info.maxPerCampaign;
  };

  let isImproved = true;
  while (isImproved) {
    isImproved = false;
    for (let i = 0; i < current.length; i++) {
      for (const role of ['berenschot', 'riec'] as const) {
        const choice = current[i]!;
        const option = options.get(optionKey(choice.signup, choice.slotIndex))!;
        const from = choice[role];
        const mine = option[role].find((c) => c.trainer === from)!;
        const to = option[role]
          .filter(
            (c) =>
              c.trainer !== from &&
              c.unknown === mine.unknown &&
              load(c.trainer) + 1 < load(from) &&
              canTake(c.trainer, i),
          )
          .sort((a, b) => load(a.trainer) - load(b.trainer) || a.trainer - b.trainer)[0];
        if (!to) continue;
        current[i] = { ...choice, [role]: to.trainer };
        byTrainer[from] = byTrainer[from]!.filter((j) => j !== i);
        byTrainer[to.trainer]!.push(i);
        isImproved = true;
      }
    }
  }
  return current;
}

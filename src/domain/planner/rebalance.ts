// A cheap improvement of trainer load that changes nothing else: hand a workshop to a trainer of
// the same role with a lighter load who may take that slot (free, no clash, under the maxima,
// known or unknown alike so the count of unknown calendars stays) — directly, or in a chain of
// two when that trainer is held up by one other workshop, which a third trainer takes over. Each
// move lowers Σ load², so it ends. The exact planner runs it before the load stage: a better
// start (the closer to the optimum, the sooner HiGHS proves it), and a better plan when the time
// limit stops that stage.
import { indexOptions, optionKey } from './evaluate.js';
import { isConflict } from './problem.js';
import type { Candidate, Choice, Problem, SlotOption } from './problem.js';

type Role = 'berenschot' | 'riec';

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
  const optionOf = (i: number): SlotOption =>
    options.get(optionKey(current[i]!.signup, current[i]!.slotIndex))!;
  const load = (t: number) => problem.fixedByTrainer[t]!.length + byTrainer[t]!.length;
  const candidate = (i: number, role: Role, t: number): Candidate | undefined =>
    optionOf(i)[role].find((c) => c.trainer === t);

  /** The workshops that stop `t` from taking `i` when `released` is given up; null if a maximum or a fixed workshop does. */
  const obstacles = (t: number, i: number, released = -1): number[] | null => {
    const slot = slotOf(i);
    const info = problem.trainers[t]!;
    const fixed = problem.fixedByTrainer[t]!;
    const others = byTrainer[t]!.filter((j) => j !== i && j !== released);
    if (fixed.some((f) => isConflict(f, slot, bufferMs))) return null;
    const sameWeek =
      others.filter((j) => slotOf(j).week === slot.week).length +
      fixed.filter((f) => f.week === slot.week).length;
    if (sameWeek >= info.maxPerWeek || fixed.length + others.length >= info.maxPerCampaign) {
      return null;
    }
    return others.filter((j) => isConflict(slotOf(j), slot, bufferMs));
  };
  const move = (i: number, role: Role, to: number) => {
    const from = current[i]![role];
    current[i] = { ...current[i]!, [role]: to };
    byTrainer[from] = byTrainer[from]!.filter((j) => j !== i);
    byTrainer[to]!.push(i);
  };

  /** Lightens `from` by one workshop (`i`) if some trainer or chain of two can take it. */
  const tryMove = (i: number, role: Role): boolean => {
    const from = current[i]![role];
    const unknown = candidate(i, role, from)!.unknown;
    const pool = optionOf(i)[role];
    const others = pool
      .filter((c) => c.trainer !== from && c.unknown === unknown)
      .sort((a, b) => load(a.trainer) - load(b.trainer) || a.trainer - b.trainer);
    for (const { trainer: to } of others) {
      const blocking = obstacles(to, i);
      if (blocking === null) continue;
      if (blocking.length === 0) {
        if (load(to) + 1 >= load(from)) continue;
        move(i, role, to);
        return true;
      }
      // `to` gives workshop k at that time: a third trainer takes k, `to` takes i.
      if (blocking.length !== 1) continue;
      const k = blocking[0]!;
      if (obstacles(to, i, k)?.length !== 0) continue;
      const toUnknownAtK = candidate(k, role, to)!.unknown;
      const poolAtK = optionOf(k)[role];
      const third = poolAtK
        .filter(
          (c) =>
            c.trainer !== to &&
            c.trainer !== from &&
            c.unknown === toUnknownAtK &&
            load(c.trainer) + 1 < load(from) &&
            obstacles(c.trainer, k)?.length === 0,
        )
        .sort((a, b) => load(a.trainer) - load(b.trainer) || a.trainer - b.trainer)[0];
      if (!third) continue;
      move(k, role, third.trainer);
      move(i, role, to);
      return true;
    }
    return false;
  };

  let isImproved = true;
  while (isImproved) {
    isImproved = false;
    for (let i = 0; i < current.length; i++) {
      for (const role of ['berenschot', 'riec'] as const) {
        if (tryMove(i, role)) isImproved = true;
      }
    }
  }
  return current;
}

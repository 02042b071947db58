// The planner as a mixed-integer linear program, written as CPLEX LP text (docs/planner.md has the
// formulation). Pure: the model is built once from the problem; each stage of the lexicographic
// solve is the same rows with its own objective and the optima of the stages before it as rows.
import { maximalCliques } from './cliques.js';
import type { Candidate, Choice, Problem, SlotOption } from './problem.js';
import type { StageName } from './types.js';

interface Term {
  readonly coefficient: number;
  readonly name: string;
}

interface Objective {
  readonly sense: 'Maximize' | 'Minimize';
  readonly terms: readonly Term[];
}

/** One goal of the lexicographic solve: its objective, and whether there is anything to solve. */
interface StageDefinition {
  readonly objective: Objective;
  /** Nothing to decide (no terms, or a value that follows from the stages before): skipped. */
  readonly isTrivial: boolean;
}

/** The optimum of an earlier stage, kept as a row in the later ones. */
export interface StageFix {
  readonly stage: StageName;
  readonly value: number;
}

export const STAGES: readonly StageName[] = ['plannedAndRanks', 'unknown', 'load', 'keptProposals'];

const x = (o: { signup: number; slotIndex: number }) => `x${o.signup}_${o.slotIndex}`;
const a = (o: { signup: number; slotIndex: number }, t: number) =>
  `a${o.signup}_${o.slotIndex}_${t}`;
const z = (t: number, step: number) => `z${t}_${step}`;

/** Writes `terms` in lines of a few terms each: LP readers accept long rows, people read short ones. */
function writeTerms(terms: readonly Term[]): string {
  // An empty row or objective would be a bug in the builder (a trainer without candidates, a
  // trivial stage): say so instead of writing a model that means something else.
  if (terms.length === 0) throw new Error('An LP row or objective without terms');
  const parts = terms.map((term, i) => {
    const sign = term.coefficient < 0 ? '-' : i === 0 ? '' : '+';
    const size = Math.abs(term.coefficient);
    const body = size === 1 ? term.name : `${size} ${term.name}`;
    return i === 0 ? `${sign}${sign ? ' ' : ''}${body}` : `${sign} ${body}`;
  });
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 12) lines.push(parts.slice(i, i + 12).join(' '));
  return lines.join('\n   ');
}

function row(name: string, terms: readonly Term[], sense: '<=' | '>=' | '=', rhs: number): string {
  return ` ${name}: ${writeTerms(terms)} ${sense} ${rhs}`;
}

/**
 * Stage 1 maximises W·planned − Σ rank. With N sign-ups to decide and ranks 1…R, the ranks of P
 * planned sum to between P and R·P; for P₁ > P₂ the difference W(P₁−P₂) − (Q₁−Q₂) is at least
 * (W−1)(P₁−P₂) − (R−1)P₁ ≥ W − 1 − (R−1)N, so W = (R−1)N + 2 makes one more planned sign-up worth
 * more than any change in ranks (docs/planner.md). With three preferences: W = 2N + 2.
 */
export function plannedWeight(decideCount: number, maxRank: number): number {
  return (maxRank - 1) * decideCount + 2;
}

export class PlannerModel {
  /** Weight of a planned sign-up in stage 1; one more planned outweighs any change in ranks. */
  readonly plannedWeight: number;
  /** The most preferences any sign-up to decide has (3 in a campaign). */
  readonly maxRank: number;
  private readonly rows: string[] = [];
  private readonly loadRows: string[] = [];
  private readonly binaries: string[] = [];
  private readonly continuous: string[] = [];
  private readonly stages: ReadonlyMap<StageName, StageDefinition>;
  /** Per trainer: the fixed load and how many workshops the plan may add at most. */
  private readonly loadSteps: readonly { readonly fixed: number; readonly steps: number }[];

  constructor(private readonly problem: Problem) {
    this.maxRank = Math.max(
      1,
      ...problem.decide.map((s) => problem.signups[s]!.preferences.length),
    );
    this.plannedWeight = plannedWeight(problem.decide.length, this.maxRank);
    const { options } = problem;
    const perTrainer = problem.trainers.map(
      () => [] as { option: SlotOption; candidate: Candidate }[],
    );

    const optionsBySignup = new Map<number, SlotOption[]>();
    for (const option of options) {
      optionsBySignup.set(option.signup, [...(optionsBySignup.get(option.signup) ?? []), option]);
      this.binaries.push(x(option));
      for (const candidate of [...option.berenschot, ...option.riec]) {
        this.binaries.push(a(option, candidate.trainer));
        perTrainer[candidate.trainer]!.push({ option, candidate });
      }
      // One trainer of each role exactly when the slot is chosen.
      for (const [tag, list] of [
        ['pb', option.berenschot],
        ['pr', option.riec],
      ] as const) {
        this.rows.push(
          row(
            `${tag}${option.signup}_${option.slotIndex}`,
            [
              ...list.map((c) => ({ coefficient: 1, name: a(option, c.trainer) })),
              { coefficient: -1, name: x(option) },
            ],
            '=',
            0,
          ),
        );
      }
    }
    // At most one slot per sign-up.
    for (const [signup, list] of optionsBySignup) {
      if (list.length < 2) continue;
      this.rows.push(
        row(
          `one${signup}`,
          list.map((o) => ({ coefficient: 1, name: x(o) })),
          '<=',
          1,
        ),
      );
    }

    const bufferMs = problem.settings.bufferMinutes * 60_000;
    const loadSteps: { fixed: number; steps: number }[] = [];
    problem.trainers.forEach((info, t) => {
      const mine = perTrainer[t]!;
      const fixed = problem.fixedByTrainer[t]!;
      // A trainer who may take no slot has no variables and needs no rows (their maximum may
      // even be passed already by fixed workshops).
      if (mine.length === 0) {
        loadSteps.push({ fixed: fixed.length, steps: 0 });
        return;
      }
      const slotOf = (o: SlotOption) => problem.slots[o.signup]![o.slotIndex]!;
      // A trainer gives one workshop at a time, with the buffer after each: one row per maximal
      // set of slots that pairwise overlap once each is stretched by the buffer.
      const cliques = maximalCliques(
        mine.map(({ option }) => ({
          start: slotOf(option).startMs,
          end: slotOf(option).endMs + bufferMs,
          item: option,
        })),
      );
      cliques.forEach((clique, i) => {
        if (new Set(clique.map((o) => o.signup)).size < 2) return;
        this.rows.push(
          row(
            `c${t}_${i}`,
            clique.map((o) => ({ coefficient: 1, name: a(o, t) })),
            '<=',
            1,
          ),
        );
      });
      // Weekly maximum, confirmed workshops included.
      const byWeek = new Map<string, SlotOption[]>();
      for (const { option } of mine) {
        const week = slotOf(option).week;
        byWeek.set(week, [...(byWeek.get(week) ?? []), option]);
      }
      let w = 0;
      for (const [week, list] of byWeek) {
        const room = info.maxPerWeek - fixed.filter((f) => f.week === week).length;
        if (new Set(list.map((o) => o.signup)).size <= room) continue;
        this.rows.push(
          row(
            `w${t}_${w++}`,
            list.map((o) => ({ coefficient: 1, name: a(o, t) })),
            '<=',
            room,
          ),
        );
      }
      // Campaign maximum.
      const signups = new Set(mine.map(({ option }) => option.signup)).size;
      const room = info.maxPerCampaign - fixed.length;
      if (signups > room) {
        this.rows.push(
          row(
            `k${t}`,
            mine.map(({ option }) => ({ coefficient: 1, name: a(option, t) })),
            '<=',
            room,
          ),
        );
      }
      // Load in unit steps for the evenness goal: step j costs (f+j)² − (f+j−1)² = 2(f+j) − 1, so
      // the cheapest filling of `load` steps costs exactly (f+load)² − f².
      const steps = Math.max(0, Math.min(signups, room));
      loadSteps.push({ fixed: fixed.length, steps });
      if (steps === 0) return;
      const stepNames = Array.from({ length: steps }, (_, j) => z(t, j + 1));
      this.continuous.push(...stepNames);
      this.loadRows.push(
        row(
          `l${t}`,
          [
            ...mine.map(({ option }) => ({ coefficient: 1, name: a(option, t) })),
            ...stepNames.map((name) => ({ coefficient: -1, name })),
          ],
          '=',
          0,
        ),
      );
    });
    this.loadSteps = loadSteps;
    this.stages = this.defineStages(perTrainer);
  }

  private defineStages(
    perTrainer: readonly (readonly { option: SlotOption; candidate: Candidate }[])[],
  ): ReadonlyMap<StageName, StageDefinition> {
    const { problem } = this;
    const ranks: Term[] = problem.options.map((o) => ({
      coefficient: this.plannedWeight - (o.slotIndex + 1),
      name: x(o),
    }));
    const unknown: Term[] = perTrainer.flatMap((list, t) =>
      list
        .filter((e) => e.candidate.unknown)
        .map((e) => ({ coefficient: 1, name: a(e.option, t) })),
    );
    // Without free/busy sharing every Berenschot calendar is unknown and every RIEC calendar
    // known: then each planned sign-up brings the same number of unknown calendars, the count
    // follows from stage 1, and a solve would only confirm it.
    const perOption = new Set(
      problem.options.map((o) => {
        const uniform = (list: readonly Candidate[]) =>
          list.every((c) => c.unknown === list[0]!.unknown) ? Number(list[0]!.unknown) : NaN;
        return uniform(o.berenschot) + uniform(o.riec);
      }),
    );
    const isUnknownFixed = perOption.size <= 1 && !perOption.has(NaN);
    const load: Term[] = this.loadSteps.flatMap(({ fixed, steps }, t) =>
      Array.from({ length: steps }, (_, j) => ({
        coefficient: 2 * (fixed + j + 1) - 1,
        name: z(t, j + 1),
      })),
    );
    const kept: Term[] = problem.options.flatMap((o) => {
      const proposal = problem.proposed.get(o.signup);
      if (!proposal) return [];
      return [...o.berenschot, ...o.riec]
        .filter((c) => c.trainer === proposal.berenschot || c.trainer === proposal.riec)
        .map((c) => ({ coefficient: 1, name: a(o, c.trainer) }));
    });
    return new Map<StageName, StageDefinition>([
      [
        'plannedAndRanks',
        { objective: { sense: 'Maximize', terms: ranks }, isTrivial: ranks.length === 0 },
      ],
      [
        'unknown',
        {
          objective: { sense: 'Minimize', terms: unknown },
          isTrivial: unknown.length === 0 || isUnknownFixed,
        },
      ],
      ['load', { objective: { sense: 'Minimize', terms: load }, isTrivial: load.length === 0 }],
      [
        'keptProposals',
        { objective: { sense: 'Maximize', terms: kept }, isTrivial: kept.length === 0 },
      ],
    ]);
  }

  isTrivial(stage: StageName): boolean {
    return this.stages.get(stage)!.isTrivial;
  }

  /** The LP text of one stage, with the optima of the earlier stages kept as rows. */
  lpFor(stage: StageName, fixes: readonly StageFix[]): string {
    const objective = this.stages.get(stage)!.objective;
    const usesLoad = stage === 'load' || fixes.some((f) => f.stage === 'load');
    // Every objective is a whole number on a solution, so keeping an optimum v with a margin of
    // ½ (≥ v − ½ or ≤ v + ½) is exact and leaves no room for rounding to cut off the optimum.
    const fixRows = fixes.map((fix) => {
      const { sense, terms } = this.stages.get(fix.stage)!.objective;
      return sense === 'Maximize'
        ? row(`fix_${fix.stage}`, terms, '>=', fix.value - 0.5)
        : row(`fix_${fix.stage}`, terms, '<=', fix.value + 0.5);
    });
    const lines = [
      `\\ Workshopplanner province plan, stage ${stage} (docs/planner.md)`,
      objective.sense,
      ` obj: ${writeTerms(objective.terms)}`,
      'Subject To',
      ...this.rows,
      ...(usesLoad ? this.loadRows : []),
      ...fixRows,
    ];
    if (usesLoad && this.continuous.length > 0) {
      lines.push('Bounds', ...this.continuous.map((name) => ` 0 <= ${name} <= 1`));
    }
    lines.push('Binaries');
    for (let i = 0; i < this.binaries.length; i += 12) {
      lines.push(` ${this.binaries.slice(i, i + 12).join(' ')}`);
    }
    lines.push('End', '');
    return lines.join('\n');
  }

  /** The value of a stage's objective for a set of choices (what the solver would report). */
  objectiveOf(stage: StageName, choices: readonly Choice[]): number {
    const values = this.valuesOf(choices);
    return this.stages
      .get(stage)!
      .objective.terms.reduce((sum, t) => sum + t.coefficient * (values.get(t.name) ?? 0), 0);
  }

  /** Whether `found` is at least as good as `current` on this stage's objective. */
  isNoWorse(stage: StageName, found: readonly Choice[], current: readonly Choice[]): boolean {
    const difference = this.objectiveOf(stage, found) - this.objectiveOf(stage, current);
    return this.stages.get(stage)!.objective.sense === 'Maximize'
      ? difference >= 0
      : difference <= 0;
  }

  /** Variable values for a set of choices: a start for the solver. */
  valuesOf(choices: readonly Choice[]): Map<string, number> {
    const values = new Map<string, number>();
    const load = this.problem.trainers.map(() => 0);
    for (const choice of choices) {
      values.set(x(choice), 1);
      values.set(a(choice, choice.berenschot), 1);
      values.set(a(choice, choice.riec), 1);
      load[choice.berenschot]!++;
      load[choice.riec]!++;
    }
    this.loadSteps.forEach(({ steps }, t) => {
      for (let j = 1; j <= Math.min(steps, load[t]!); j++) values.set(z(t, j), 1);
    });
    return values;
  }

  /** The choices a solution encodes. */
  decode(values: ReadonlyMap<string, number>): Choice[] {
    const isOn = (name: string) => (values.get(name) ?? 0) > 0.5;
    const choices: Choice[] = [];
    for (const option of this.problem.options) {
      if (!isOn(x(option))) continue;
      const berenschot = option.berenschot.find((c) => isOn(a(option, c.trainer)));
      const riec = option.riec.find((c) => isOn(a(option, c.trainer)));
      if (!berenschot || !riec) {
        throw new Error(`Solution chose slot ${x(option)} without a trainer of each role`);
      }
      choices.push({
        signup: option.signup,
        slotIndex: option.slotIndex,
        berenschot: berenschot.trainer,
        riec: riec.trainer,
      });
    }
    return choices;
  }
}

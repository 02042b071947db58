// An independent judge of plans, written from the rules in docs/planner.md and sharing no code
// with the planner's problem builder: it checks a plan against the raw input and finds the best
// plan of a tiny input by trying every combination.
import { DateTime } from 'luxon';
import type { Availability } from '../../../../src/domain/pairing.js';
import { DEFAULT_PLANNER_SETTINGS } from '../../../../src/domain/planner/types.js';
import type {
  Plan,
  PlannerInput,
  PlannerSettings,
  StatedAvailability,
} from '../../../../src/domain/planner/types.js';

const ZONE = 'Europe/Amsterdam';

interface Item {
  readonly start: number;
  readonly end: number;
  readonly week: string;
  /** Chosen by the planner (not confirmed, not a kept hold). */
  readonly decided: boolean;
}

export interface Pick {
  readonly signup: string;
  readonly slotIndex: number;
  readonly berenschot: string;
  readonly riec: string;
}

function settingsOf(input: PlannerInput): PlannerSettings {
  return { ...DEFAULT_PLANNER_SETTINGS, ...input.settings };
}

function week(ms: number): string {
  const dt = DateTime.fromMillis(ms, { zone: ZONE });
  return `${dt.weekYear}/${dt.weekNumber}`;
}

/** Day parts by the clock in Amsterdam, checked every quarter of an hour. */
function partsOf(start: number, end: number): { date: string; weekday: number; part: string }[] {
  const parts = new Map<string, { date: string; weekday: number; part: string }>();
  for (let t = start; t < end; t += 15 * 60_000) {
    const dt = DateTime.fromMillis(t, { zone: ZONE });
    const part = dt.hour < 12 ? 'ochtend' : dt.hour < 18 ? 'middag' : 'avond';
    const date = dt.toISODate()!;
    parts.set(`${date}/${part}`, { date, weekday: dt.weekday, part });
  }
  return [...parts.values()];
}

function stated(statement: StatedAvailability | undefined, start: number, end: number) {
  const answers = partsOf(start, end).map(({ date, weekday, part }) => {
    const line =
      statement?.dates?.find((d) => d.date === date && d.dayPart === part) ??
      statement?.dates?.find((d) => d.date === date && d.dayPart === undefined) ??
      statement?.weekly?.find((w) => w.weekday === weekday && w.dayPart === part);
    return line?.canWork;
  });
  if (answers.includes(false)) return 'cannot';
  return answers.every((a) => a === true) ? 'can' : 'unsaid';
}

export class Judge {
  readonly settings: PlannerSettings;
  private readonly bufferMs: number;

  constructor(readonly input: PlannerInput) {
    this.settings = settingsOf(input);
    this.bufferMs = this.settings.bufferMinutes * 60_000;
  }

  private signup(id: string) {
    return this.input.signups.find((s) => s.id === id)!;
  }

  private trainer(id: string) {
    return this.input.trainers.find((t) => t.id === id);
  }

  interval(signupId: string, slotIndex: number): { start: number; end: number } {
    const slot = this.signup(signupId).preferences[slotIndex]!;
    return { start: Date.parse(slot.start), end: Date.parse(slot.end) };
  }

  isLeftOut(signupId: string): boolean {
    return (this.input.leftOut ?? []).includes(signupId);
  }

  keptHold(signupId: string) {
    return [...(this.input.keptHolds ?? [])].reverse().find((k) => k.signupId === signupId);
  }

  /** Sign-ups the planner decides on. */
  toDecide(): string[] {
    return this.input.signups
      .map((s) => s.id)
      .filter((id) => !this.isLeftOut(id) && !this.keptHold(id));
  }

  /** The trainer's statement; with several, the last one. */
  statementOf(trainerId: string): StatedAvailability | undefined {
    return [...(this.input.stated ?? [])].reverse().find((s) => s.trainerId === trainerId);
  }

  availability(trainerId: string, signupId: string, slotIndex: number): Availability {
    return this.input.freeBusy[trainerId]?.[signupId]?.[slotIndex] ?? 'unknown';
  }

  /** May this trainer take this slot on their own (calendar, statement)? */
  isAvailable(trainerId: string, signupId: string, slotIndex: number): boolean {
    const availability = this.availability(trainerId, signupId, slotIndex);
    if (availability !== 'free' && availability !== 'unknown') return false;
    const { start, end } = this.interval(signupId, slotIndex);
    return stated(this.statementOf(trainerId), start, end) !== 'cannot';
  }

  isKnown(trainerId: string, signupId: string, slotIndex: number): boolean {
    if (this.availability(trainerId, signupId, slotIndex) === 'free') return true;
    const { start, end } = this.interval(signupId, slotIndex);
    return stated(this.statementOf(trainerId), start, end) === 'can';
  }

  /** Why this pick breaks a rule on its own, or undefined. */
  pickProblem(pick: Pick): string | undefined {
    const signup = this.signup(pick.signup);
    const slot = signup.preferences[pick.slotIndex];
    if (!slot) return 'no such slot';
    const { start, end } = this.interval(pick.signup, pick.slotIndex);
    if (!(end > start)) return 'invalid slot';
    if (start < Date.parse(this.input.now)) return 'slot in the past';
    if (this.input.window) {
      const first = DateTime.fromISO(this.input.window.start, { zone: ZONE }).toMillis();
      const last = DateTime.fromISO(this.input.window.end, { zone: ZONE }).endOf('day').toMillis();
      if (start < first || end - 1 > last) return 'slot outside the window';
    }
    if (this.trainer(pick.berenschot)?.role !== 'berenschot') return 'not a Berenschot advisor';
    const riec = this.trainer(pick.riec);
    if (riec?.role !== 'riec' || riec.riec !== signup.riec) return 'not an own-RIEC advisor';
    if (!this.isAvailable(pick.berenschot, pick.signup, pick.slotIndex)) return 'Berenschot busy';
    if (!this.isAvailable(pick.riec, pick.signup, pick.slotIndex)) return 'RIEC advisor busy';
    const locked = [...(this.input.lockedPairs ?? [])]
      .reverse()
      .find((l) => l.signupId === pick.signup);
    if (locked && (locked.berenschotId !== pick.berenschot || locked.riecId !== pick.riec)) {
      return 'not the locked pair';
    }
    return undefined;
  }

  /** Every trainer's fixed items: confirmed workshops and kept holds (left out or not). */
  fixedItems(): Map<string, Item[]> {
    const items = new Map<string, Item[]>(this.input.trainers.map((t) => [t.id, []]));
    for (const w of this.input.confirmed ?? []) {
      const start = Date.parse(w.slot.start);
      const end = Date.parse(w.slot.end);
      for (const id of w.trainerIds) {
        items.get(id)?.push({ start, end, week: week(start), decided: false });
      }
    }
    for (const signup of this.input.signups) {
      const hold = this.keptHold(signup.id);
      if (!hold) continue;
      const { start, end } = this.interval(signup.id, hold.slotIndex);
      for (const id of [hold.berenschotId, hold.riecId]) {
        items.get(id)?.push({ start, end, week: week(start), decided: false });
      }
    }
    return items;
  }

  /** Adds a pick to the trainers' items if no trainer is double-booked or over a maximum. */
  tryAdd(items: Map<string, Item[]>, pick: Pick): boolean {
    const { start, end } = this.interval(pick.signup, pick.slotIndex);
    const item: Item = { start, end, week: week(start), decided: true };
    for (const id of [pick.berenschot, pick.riec]) {
      const mine = items.get(id)!;
      const trainer = this.trainer(id)!;
      if (mine.some((o) => start < o.end + this.bufferMs && o.start < end + this.bufferMs)) {
        return false;
      }
      const maxWeek = trainer.maxPerWeek ?? this.settings.maxPerWeek;
      const maxCampaign = trainer.maxPerCampaign ?? this.settings.maxPerCampaign;
      if (mine.filter((o) => o.week === item.week).length + 1 > maxWeek) return false;
      if (mine.length + 1 > maxCampaign) return false;
    }
    for (const id of [pick.berenschot, pick.riec]) items.get(id)!.push(item);
    return true;
  }

  /** The goals as one key, smaller is better: −planned, ranks, unknown, Σ load², −kept. */
  keyOf(picks: readonly Pick[]): number[] {
    const kept = this.input.signups.filter((s) => !this.isLeftOut(s.id) && this.keptHold(s.id));
    const loads = new Map<string, number>();
    for (const [id, items] of this.fixedItems()) loads.set(id, items.length);
    let unknown = 0;
    let keptProposals = 0;
    for (const pick of picks) {
      for (const id of [pick.berenschot, pick.riec]) {
        loads.set(id, loads.get(id)! + 1);
        if (!this.isKnown(id, pick.signup, pick.slotIndex)) unknown++;
      }
      const proposal = [...(this.input.proposedPairs ?? [])]
        .reverse()
        .find((p) => p.signupId === pick.signup);
      if (proposal?.berenschotId === pick.berenschot) keptProposals++;
      if (proposal?.riecId === pick.riec) keptProposals++;
    }
    const ranks =
      picks.reduce((sum, p) => sum + p.slotIndex + 1, 0) +
      kept.reduce((sum, s) => sum + this.keptHold(s.id)!.slotIndex + 1, 0);
    const squares = [...loads.values()].reduce((sum, l) => sum + l * l, 0);
    return [-(picks.length + kept.length), ranks, unknown, squares, -keptProposals];
  }

  /** The planner's own choices in a plan. */
  picksOf(plan: Plan): Pick[] {
    return plan.outcomes.flatMap((o) =>
      o.outcome === 'planned' && o.fixedBy !== 'keptHold'
        ? [
            {
              signup: o.signupId,
              slotIndex: o.slotIndex,
              berenschot: o.pair.berenschotId,
              riec: o.pair.riecId,
            },
          ]
        : [],
    );
  }

  /** Every rule the plan breaks; empty when it keeps them all. */
  violations(plan: Plan): string[] {
    const problems: string[] = [];
    const expected = this.input.signups.filter((s) => !this.isLeftOut(s.id)).map((s) => s.id);
    const ids = plan.outcomes.map((o) => o.signupId);
    if (JSON.stringify(ids) !== JSON.stringify(expected)) problems.push(`outcomes ${ids}`);
    const items = this.fixedItems();
    for (const o of plan.outcomes) {
      const hold = this.keptHold(o.signupId);
      if (hold) {
        const keptAsIs =
          o.outcome === 'planned' &&
          o.fixedBy === 'keptHold' &&
          o.slotIndex === hold.slotIndex &&
          o.pair.berenschotId === hold.berenschotId &&
          o.pair.riecId === hold.riecId;
        if (!keptAsIs) problems.push(`${o.signupId}: kept hold not kept`);
        continue;
      }
      if (o.outcome === 'unplanned') {
        if (!o.message.nl || !o.message.en) problems.push(`${o.signupId}: no reason`);
        continue;
      }
      const pick = {
        signup: o.signupId,
        slotIndex: o.slotIndex,
        berenschot: o.pair.berenschotId,
        riec: o.pair.riecId,
      };
      const problem = this.pickProblem(pick);
      if (problem) problems.push(`${o.signupId}: ${problem}`);
      if (o.rank !== o.slotIndex + 1) problems.push(`${o.signupId}: rank`);
      const unknown = (['berenschot', 'riec'] as const).filter(
        (role) => !this.isKnown(o.pair[`${role}Id`], o.signupId, o.slotIndex),
      );
      if (JSON.stringify(unknown) !== JSON.stringify(o.unknown)) {
        problems.push(`${o.signupId}: unknown ${o.unknown} should be ${unknown}`);
      }
      if (!this.tryAdd(items, pick))
        problems.push(`${o.signupId}: double-booked or over a maximum`);
    }
    return problems;
  }

  /** The best key over every combination of picks (tiny inputs only). */
  bestKey(): number[] {
    const decide = this.toDecide();
    const berenschot = this.input.trainers.filter((t) => t.role === 'berenschot');
    const riec = this.input.trainers.filter((t) => t.role === 'riec');
    const choices = decide.map((id) =>
      this.signup(id).preferences.flatMap((_, slotIndex) =>
        berenschot.flatMap((b) =>
          riec
            .map((r) => ({ signup: id, slotIndex, berenschot: b.id, riec: r.id }))
            .filter((pick) => this.pickProblem(pick) === undefined),
        ),
      ),
    );
    let best: number[] | undefined;
    const visit = (i: number, items: Map<string, Item[]>, picks: Pick[]) => {
      if (i === decide.length) {
        const key = this.keyOf(picks);
        if (!best || compareKeys(key, best) < 0) best = key;
        return;
      }
      visit(i + 1, items, picks);
      for (const pick of choices[i]!) {
        const copy = new Map([...items].map(([id, list]) => [id, [...list]]));
        if (this.tryAdd(copy, pick)) visit(i + 1, copy, [...picks, pick]);
      }
    };
    visit(0, this.fixedItems(), []);
    return best!;
  }
}

export function compareKeys(a: readonly number[], b: readonly number[], goals = 5): number {
  for (let i = 0; i < goals; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return 0;
}

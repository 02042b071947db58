// The province planner side by side: the greedy first-come baseline against HiGHS, on
// (a) the seeded province — 44 sign-ups with three evenings each the way bench/province.ts picks
//     them, free/busy from the sandbox's seeded calendars, Berenschot's calendars invisible (no
//     free/busy sharing) and visible (sharing on);
// (b) a generated country-sized campaign — 342 municipalities, 10 RIECs of 6 advisors, 15
//     Berenschot advisors, calendars 60% busy — deterministic from a seed.
// `npm run bench -- planner`; figures in bench/RESULTS.md.
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { createHighsSolver } from '../src/app/planner/highs.js';
import { availabilityInSlot } from '../src/domain/free-busy.js';
import { MUNICIPALITIES } from '../src/domain/municipalities.js';
import type { Availability } from '../src/domain/pairing.js';
import type { TrainerSchedule } from '../src/domain/ports.js';
import { planGreedy } from '../src/domain/planner/greedy.js';
import { planWithSolver } from '../src/domain/planner/milp.js';
import type {
  FreeBusyTable,
  Plan,
  PlannerInput,
  PlannerSignup,
  PlannerTrainer,
} from '../src/domain/planner/types.js';
import type { Slot } from '../src/domain/time.js';
import { startSandbox, listEventsInRange } from '@workshopplanner/m365-sandbox';
import { readSandboxConfig } from '@workshopplanner/m365-sandbox/config';
import { PEOPLE } from '@workshopplanner/m365-sandbox/people';
import { eveningsFor } from './province.js';

const SEED_DATE = '2026-11-30';
const NOW = DateTime.fromISO(`${SEED_DATE}T09:00`, { zone: 'Europe/Amsterdam' });

export interface PlannerRun {
  readonly instance: string;
  readonly planner: 'greedy' | 'HiGHS';
  readonly plan: Plan;
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** CPU milliseconds of this process (user + system): less sensitive to a busy machine. */
  readonly cpuMs: number;
}

async function measure<T>(
  run: () => Promise<T> | T,
): Promise<{ result: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

function ok(outcome: Awaited<ReturnType<typeof planWithSolver>>): Plan {
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  return outcome.plan;
}

const solver = createHighsSolver();

async function runBoth(instance: string, input: PlannerInput): Promise<PlannerRun[]> {
  const greedy = await measure(() => ok(planGreedy(input)));
  const highs = await measure(async () => ok(await planWithSolver(input, solver)));
  return [
    { instance, planner: 'greedy', plan: greedy.result, ms: greedy.ms, cpuMs: greedy.cpuMs },
    { instance, planner: 'HiGHS', plan: highs.result, ms: highs.ms, cpuMs: highs.cpuMs },
  ];
}

// (a) The seeded province.

/** The sandbox's trainers in the planner's shape. */
function seededTrainers(): PlannerTrainer[] {
  return PEOPLE.filter((p) => p.roles.includes('Workshop.Trainer')).map((p) => ({
    id: p.upn,
    name: `${p.givenName} ${p.surname}`,
    role: p.tenant === 'berenschot' ? 'berenschot' : 'riec',
    ...(p.tenant === 'riec' ? { riec: p.department } : {}),
  }));
}

/** Free/busy of every trainer for every slot, straight from the seeded calendars. */
export async function seededProvinceInput(sharing: boolean): Promise<PlannerInput> {
  const base = readSandboxConfig({});
  const sandbox = await startSandbox({
    ...base,
    httpsPort: 0,
    dataDir: ':memory:',
    caDir: resolve(base.dataDir, 'ca'),
    seedDate: SEED_DATE,
  });
  try {
    const signups: PlannerSignup[] = MUNICIPALITIES.map((m, i) => ({
      id: m.cbsCode,
      name: m.displayName,
      riec: m.riec,
      preferences: eveningsFor(i, NOW.toJSDate()),
    }));
    const freeBusy: Record<string, Record<string, Availability[]>> = {};
    for (const person of PEOPLE.filter((p) => p.roles.includes('Workshop.Trainer'))) {
      const schedule: TrainerSchedule = {
        address: person.upn,
        // Berenschot's calendars live in its own tenant: invisible without free/busy sharing.
        visible: person.tenant === 'riec' || sharing,
        items: listEventsInRange(
          sandbox.ctx.db,
          person.id,
          NOW.toMillis(),
          NOW.plus({ months: 6 }).toMillis(),
        )
          .filter((e) => !e.data.isCancelled)
          .map((e) => ({
            start: new Date(e.startMs).toISOString(),
            end: new Date(e.endMs).toISOString(),
            status: e.data.showAs,
          })),
      };
      freeBusy[person.upn] = Object.fromEntries(
        signups.map((s) => [s.id, s.preferences.map((slot) => availabilityInSlot(schedule, slot))]),
      );
    }
    return { now: NOW.toISO()!, signups, trainers: seededTrainers(), freeBusy };
  } finally {
    await sandbox.close();
  }
}

// (b) A generated country.

/** mulberry32: small, seeded, the same figures on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The ten RIECs with roughly their share of the country's 342 municipalities.
const COUNTRY_RIECS: readonly [string, number][] = [
  ['RIEC Noord-Nederland', 43],
  ['RIEC Oost-Nederland', 72],
  ['RIEC Midden-Nederland', 32],
  ['RIEC Noord-Holland', 32],
  ['RIEC Amsterdam-Amstelland', 6],
  ['RIEC Den Haag', 21],
  ['RIEC Rotterdam', 36],
  ['RIEC Zeeland-West-Brabant', 39],
  ['RIEC Oost-Brabant', 30],
  ['RIEC Limburg', 31],
];
export const COUNTRY = {
  weeks: 20,
  riecAdvisorsPerRiec: 6,
  berenschotAdvisors: 15,
  busyShare: 0.6,
  settings: { maxPerWeek: 3, maxPerCampaign: 30 },
};

export function generatedCountryInput(seed: number, berenschotVisible: boolean): PlannerInput {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const firstMonday = NOW.startOf('week').plus({ weeks: 2 });
  // Council evenings Monday to Thursday; the municipality's own three within about a month.
  const evening = (week: number, weekday: number, startMinutes: number): Slot => {
    const start = firstMonday.plus({ weeks: week, days: weekday - 1, minutes: startMinutes });
    return { start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()! };
  };
  const signups: PlannerSignup[] = [];
  for (const [riec, count] of COUNTRY_RIECS) {
    for (let i = 0; i < count; i++) {
      const around = Math.floor(random() * COUNTRY.weeks);
      const startMinutes = pick([19 * 60, 19 * 60 + 30, 19 * 60 + 30, 20 * 60]);
      const chosen = new Set<string>();
      const preferences: Slot[] = [];
      while (preferences.length < 3) {
        const week = Math.min(COUNTRY.weeks - 1, Math.max(0, around + pick([-2, -1, 0, 0, 1, 2])));
        const weekday = pick([1, 2, 2, 3, 4, 4]);
        if (chosen.has(`${week}/${weekday}`)) continue;
        chosen.add(`${week}/${weekday}`);
        preferences.push(evening(week, weekday, startMinutes));
      }
      signups.push({
        id: `g${signups.length}`,
        name: `${riec.slice(5)} ${i + 1}`,
        riec,
        preferences,
      });
    }
  }
  const trainers: PlannerTrainer[] = [
    ...Array.from({ length: COUNTRY.berenschotAdvisors }, (_, i): PlannerTrainer => ({
      id: `b${i}`,
      name: `Berenschot-adviseur ${i + 1}`,
      role: 'berenschot',
    })),
    ...COUNTRY_RIECS.flatMap(([riec], r) =>
      Array.from({ length: COUNTRY.riecAdvisorsPerRiec }, (_, i): PlannerTrainer => ({
        id: `r${r}_${i}`,
        name: `Adviseur ${i + 1} ${riec}`,
        role: 'riec',
        riec,
      })),
    ),
  ];
  // Each trainer's evenings: 60% taken (mostly busy, some tentative, some out of office).
  const freeBusy: Record<string, Record<string, Availability[]>> = {};
  for (const trainer of trainers) {
    const evenings = new Map<string, Availability>();
    const statusOf = (slot: Slot): Availability => {
      const day = slot.start.slice(0, 10);
      if (!evenings.has(day)) {
        const r = random();
        evenings.set(
          day,
          r >= COUNTRY.busyShare
            ? 'free'
            : r < COUNTRY.busyShare * 0.8
              ? 'busy'
              : r < COUNTRY.busyShare * 0.9
                ? 'tentative'
                : 'oof',
        );
      }
      return evenings.get(day)!;
    };
    const visible = trainer.role === 'riec' || berenschotVisible;
    freeBusy[trainer.id] = Object.fromEntries(
      signups
        .filter((s) => trainer.role === 'berenschot' || s.riec === trainer.riec)
        .map((s) => [s.id, s.preferences.map((slot) => (visible ? statusOf(slot) : 'unknown'))]),
    );
  }
  return {
    now: NOW.toISO()!,
    signups,
    trainers,
    freeBusy: freeBusy as FreeBusyTable,
    settings: COUNTRY.settings,
  };
}

export interface PlannerBench {
  readonly runs: readonly PlannerRun[];
  /** The first plan in a fresh process: V8 still compiles the solver's hot code. */
  readonly cold: { readonly ms: number; readonly cpuMs: number };
}

export async function runPlannerBench(): Promise<PlannerBench> {
  const provinceUnknown = await seededProvinceInput(false);
  const provinceShared = await seededProvinceInput(true);
  const cold = await measure(async () => ok(await planWithSolver(provinceShared, solver)));
  // A server plans more than once: measure warm, after one plan of each size.
  await planWithSolver(generatedCountryInput(1, true), solver);
  const runs = [
    ...(await runBoth('province, Berenschot unknown', provinceUnknown)),
    ...(await runBoth('province, free/busy shared', provinceShared)),
    ...(await runBoth('country (342), calendars known', generatedCountryInput(342, true))),
    ...(await runBoth('country (342), Berenschot unknown', generatedCountryInput(342, false))),
  ];
  return { runs, cold: { ms: cold.ms, cpuMs: cold.cpuMs } };
}

const seconds = (ms: number) =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

export function formatPlannerBench({ runs, cold }: PlannerBench): string[] {
  const lines = [
    '| instance | planner | planned | rank sum | unknown | load Σ² | max load B / R | spread B / R | time (CPU) | status | gap |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const { instance, planner, plan, ms, cpuMs } of runs) {
    const m = plan.metrics;
    const total = m.planned + m.unplanned;
    const gap = plan.gap === null ? '–' : `${(plan.gap * 100).toFixed(2)}%`;
    lines.push(
      `| ${instance} | ${planner} | ${m.planned}/${total} | ${m.rankSum} | ${m.unknownCount} | ${m.loadSquares} | ${m.maxLoad.berenschot} / ${m.maxLoad.riec} | ${m.spread.berenschot} / ${m.spread.riec} | ${seconds(ms)} (${seconds(cpuMs)}) | ${plan.status} | ${gap} |`,
    );
  }
  lines.push(
    '',
    `The first plan in a fresh process (province, shared) took ${seconds(cold.ms)} (CPU ${seconds(cold.cpuMs)}): V8 compiles the solver's WebAssembly hot paths on first use; the table is measured after one plan of each size.`,
  );
  return lines;
}

// Run on its own: `npx tsx bench/planner.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const bench = await runPlannerBench();
  console.log(formatPlannerBench(bench).join('\n'));
  for (const run of bench.runs.filter((r) => r.planner === 'HiGHS')) {
    console.log(
      run.instance,
      run.plan.stages.map((s) => `${s.stage} ${s.status} ${s.seconds.toFixed(2)} s`).join('; '),
    );
  }
}

// `npm run bench -- concurrency`: the concurrency driver of issue 11 ("Concurrency without loss").
// Each race the integration tests drive once, here many times in one go, each scenario on a fresh
// in-process sandbox seeded on the same day, its clock at the same "today", with a fixed seed:
//
// 1. 20 municipalities registered twice at the same moment by two instances (two app states);
// 2. 20 evenings on which two RIECs confirm the same Berenschot advisor at the same moment;
// 3. six answer-sync loops (six instances) while the trainers answer at least 30 times;
// 4. five cut-off cancels resumed at once by two instances' background cycles and the user.
//
// It counts what must hold — one sign-up per municipality, one winner per evening and no trainer
// in two workshops at once, every answer stored, one mail per notice — and fails (exit code 1 from
// bench/run.ts) when a count is not what it must be. Which of two racers wins varies between
// runs; the counts do not.
import { SYSTEM_ACCESS, type Access } from '../src/app/access.js';
import { createAppState } from '../src/app/app-state.js';
import { cancelSignup } from '../src/app/cancel-signup.js';
import { confirmSlot } from '../src/app/confirm-slot.js';
import type { UseCaseContext } from '../src/app/context.js';
import type { Outcome } from '../src/app/outcome.js';
import { proposeHolds } from '../src/app/propose-holds.js';
import { registerSignup } from '../src/app/register-signup.js';
import { runMaintenance } from '../src/app/run-maintenance.js';
import { syncAnswers } from '../src/app/sync-answers.js';
import { availabilityInSlot } from '../src/domain/free-busy.js';
import { municipalitiesOfRiec, type RIECS } from '../src/domain/municipalities.js';
import type { StoredSignup } from '../src/domain/ports.js';
import { listMailbox } from '@workshopplanner/m365-sandbox';
import { eveningSlots, FIXED_TODAY } from '../tests/support/planning.js';
import { answer, expectOk, proposed, registered } from '../tests/support/planning-scenarios.js';
import {
  answerMoves,
  KillingPlan,
  overlappingBookings,
  pause,
  ProcessKilled,
  pseudoRandom,
  respondMove,
  storedAndCalendar,
} from '../tests/support/races.js';
import { accountHolderOf, startStack, timed, trainerSeeds, type BenchStack } from './support.js';

/** The sandbox's "today" (a Tuesday; the evenings 3 to 9 weeks ahead hold no holiday). */
export const CONCURRENCY_TODAY = FIXED_TODAY;
const SEED_DATE = '2026-09-01';
/** The seed of every pseudo-random choice (answers, pauses). */
export const CONCURRENCY_SEED = 20261202;

export interface ConcurrencyRow {
  readonly scenario: string;
  readonly runs: number;
  readonly expected: string;
  readonly observed: string;
  readonly ok: boolean;
  readonly ms: number;
  /** What went wrong, per run, when `ok` is false. */
  readonly problems: readonly string[];
}

type Log = (line: string) => void;
type Riec = (typeof RIECS)[number];

const NOORD_HOLLAND: Riec = 'RIEC Noord-Holland';
const AMSTELLAND: Riec = 'RIEC Amsterdam-Amstelland';
const MIDDEN: Riec = 'RIEC Midden-Nederland';

/** A fresh stack on the fixed day, closed whatever happens. */
async function onFreshStack<T>(run: (stack: BenchStack) => Promise<T>): Promise<T> {
  const stack = await startStack(SEED_DATE, CONCURRENCY_TODAY);
  try {
    return await run(stack);
  } finally {
    await stack.close();
  }
}

/** A second (third…) server instance: its own caches and cursors, the same tenant. */
const instance = (stack: BenchStack, access: Access, now?: () => Date): UseCaseContext =>
  stack.context(access, { state: createAppState(), ...(now ? { now } : {}) });

const minutesLater = (stack: BenchStack, minutes: number) => () =>
  new Date(stack.sandbox.ctx.clock.now().getTime() + minutes * 60_000);

const issueCode = (outcome: Outcome<unknown>): string =>
  outcome.ok
    ? 'ok'
    : outcome.failure.kind === 'rejected'
      ? outcome.failure.issue.code
      : `${outcome.failure.kind}`;

// 1. Double registrations -------------------------------------------------------------------

export const DOUBLE_REGISTRATIONS = 20;

async function doubleRegistrations(log: Log): Promise<Omit<ConcurrencyRow, 'ms'>> {
  return onFreshStack(async (stack) => {
    const sanne = accountHolderOf(NOORD_HOLLAND);
    const first = instance(stack, sanne);
    const second = instance(stack, sanne);
    const municipalities = municipalitiesOfRiec(NOORD_HOLLAND).slice(0, DOUBLE_REGISTRATIONS);
    const outcomes = await Promise.all(
      municipalities.flatMap((m, i) => {
        const request = {
          cbsCode: m.cbsCode,
          contact: { name: 'Kabinet van de burgemeester', email: `burgemeester@${m.domain}` },
          preferences: eveningSlots(CONCURRENCY_TODAY, 3 + (i % 6)),
          scanStatus: 'onbekend' as const,
          remarks: '',
        };
        return [registerSignup(first, request), registerSignup(second, request)];
      }),
    );
    const stored = await stack.m365.statusLog.list({ riec: NOORD_HOLLAND });
    const problems: string[] = [];
    let single = 0;
    for (const m of municipalities) {
      const items = stored.filter((s) => s.signup.municipality.cbsCode === m.cbsCode);
      if (items.length === 1) single++;
      else problems.push(`${m.displayName}: ${items.length} sign-ups`);
    }
    const logs = await Promise.all(stored.map((s) => stack.m365.statusLog.readLog(s.signup.id)));
    const oneLogLine = logs.filter((l) => l.length === 1).length;
    if (oneLogLine !== stored.length)
      problems.push(`${stored.length - oneLogLine} sign-ups with other than one log line`);
    const codes = outcomes.map(issueCode);
    const accepted = codes.filter((c) => c === 'ok').length;
    const refused = codes.filter((c) => c === 'ALREADY_SIGNED_UP').length;
    const other = codes.filter((c) => c !== 'ok' && c !== 'ALREADY_SIGNED_UP');
    if (accepted !== DOUBLE_REGISTRATIONS) problems.push(`${accepted} registrations accepted`);
    if (refused !== DOUBLE_REGISTRATIONS) problems.push(`${refused} duplicates refused`);
    if (other.length > 0) problems.push(`other answers: ${other.join(', ')}`);
    log(`double registrations: ${accepted} accepted, ${refused} refused, ${other.length} other`);
    return {
      scenario: 'Double registrations: two instances register a municipality at once',
      runs: DOUBLE_REGISTRATIONS,
      expected: '1 sign-up per municipality (1 log line), 20 registered, 20 refused',
      observed: `${single}/${municipalities.length} with 1 sign-up (${oneLogLine} with 1 log line), ${accepted} registered, ${refused} refused (ALREADY_SIGNED_UP)${other.length ? `, ${other.length} other` : ''}`,
      ok: problems.length === 0,
      problems,
    };
  });
}

// 2. Two RIECs confirm the same Berenschot advisor -----------------------------------------

export const TRAINER_RACES = 20;
/** Races per sandbox: Noord-Holland against Amsterdam-Amstelland (5) and Midden-Nederland (5). */
const RACES_PER_STACK = 10;

const trainersOf = (organisation: 'Berenschot' | 'RIEC', riec?: Riec) =>
  trainerSeeds()
    .filter((t) => t.organisation === organisation && (!riec || t.riec === riec))
    .map((t) => t.email);

interface Race {
  readonly index: number;
  readonly berenschot: string;
  readonly sides: readonly {
    readonly access: Access;
    readonly cbsCode: string;
    readonly riecAdvisor: string;
  }[];
  weeksAhead: number;
  slotIndex: number;
}

/** Ten races on one sandbox, each on its own evening where both RIEC advisors are free. */
async function planRaces(stack: BenchStack, offset: number): Promise<Race[]> {
  const berenschot = trainersOf('Berenschot');
  const noordHolland = municipalitiesOfRiec(NOORD_HOLLAND);
  const others: Riec[] = [AMSTELLAND, MIDDEN];
  const races: Race[] = Array.from({ length: RACES_PER_STACK }, (_, i) => {
    const other = others[Math.floor(i / (RACES_PER_STACK / 2))]!;
    const otherAdvisors = trainersOf('RIEC', other);
    const nhAdvisors = trainersOf('RIEC', NOORD_HOLLAND);
    return {
      index: offset + i,
      berenschot: berenschot[(offset + i) % berenschot.length]!,
      sides: [
        {
          access: accountHolderOf(NOORD_HOLLAND),
          cbsCode: noordHolland[i]!.cbsCode,
          riecAdvisor: nhAdvisors[i % nhAdvisors.length]!,
        },
        {
          access: accountHolderOf(other),
          cbsCode: municipalitiesOfRiec(other)[i % (RACES_PER_STACK / 2)]!.cbsCode,
          riecAdvisor: otherAdvisors[i % otherAdvisors.length]!,
        },
      ],
      weeksAhead: 0,
      slotIndex: 0,
    };
  });
  // The evenings, chosen on the calendars as seeded (before any hold): one per race.
  const ctx = stack.context(accountHolderOf(NOORD_HOLLAND));
  const advisors = [...new Set(races.flatMap((r) => r.sides.map((s) => s.riecAdvisor)))];
  const free = new Map<string, Set<string>>();
  for (let weeksAhead = 3; weeksAhead <= 9; weeksAhead++) {
    const slots = eveningSlots(CONCURRENCY_TODAY, weeksAhead);
    const schedules = await ctx.m365.calendar.getSchedules(ctx.access.email, advisors, slots);
    for (const [slotIndex, slot] of slots.entries()) {
      const freeThen = advisors.filter(
        (_, a) => availabilityInSlot(schedules[slotIndex]?.[a], slot) === 'free',
      );
      free.set(`${weeksAhead}/${slotIndex}`, new Set(freeThen));
    }
  }
  const used = new Set<string>();
  for (const race of races) {
    const evening = [...free.entries()].find(
      ([key, who]) => !used.has(key) && race.sides.every((s) => who.has(s.riecAdvisor)),
    );
    if (!evening) throw new Error(`no free evening for race ${race.index + 1}`);
    used.add(evening[0]);
    const [weeksAhead, slotIndex] = evening[0].split('/').map(Number);
    race.weeksAhead = weeksAhead!;
    race.slotIndex = slotIndex!;
  }
  return races;
}

async function trainerRacesOn(
  stack: BenchStack,
  offset: number,
  log: Log,
): Promise<{
  winners: number[];
  takenBerenschot: number;
  problems: string[];
  overlaps: number;
  bookings: number;
}> {
  const races = await planRaces(stack, offset);
  // Each account holder on an instance of their own, as two RIECs' users on two replicas.
  const contexts = new Map<string, UseCaseContext>();
  const contextOf = (access: Access) => {
    if (!contexts.has(access.email)) contexts.set(access.email, instance(stack, access));
    return contexts.get(access.email)!;
  };
  const placed: StoredSignup[][] = [];
  for (const race of races) {
    const pairOfRace: StoredSignup[] = [];
    for (const side of race.sides) {
      const ctx = contextOf(side.access);
      const signup = await registered(ctx, side.cbsCode, race.weeksAhead);
      pairOfRace.push(
        expectOk(
          await proposeHolds(ctx, signup.signup.id, {
            berenschot: race.berenschot,
            riec: side.riecAdvisor,
            // Told the advisor has options for the other RIEC's municipality then; places anyway.
            acknowledgeOverlaps: true,
          }),
        ),
      );
    }
    placed.push(pairOfRace);
  }
  for (const [r, race] of races.entries()) {
    for (const stored of placed[r]!) {
      answer(stack.sandbox, stored, race.slotIndex, { berenschot: 'accept', riec: 'accept' });
    }
  }
  for (const ctx of contexts.values()) await syncAnswers(ctx, ctx.access.email);

  const winners: number[] = [];
  let takenBerenschot = 0;
  const problems: string[] = [];
  for (const [r, race] of races.entries()) {
    const results = await Promise.all(
      race.sides.map((side, s) =>
        confirmSlot(contextOf(side.access), placed[r]![s]!.signup.id, race.slotIndex),
      ),
    );
    const won = results.filter((x) => x.ok).length;
    winners.push(won);
    const codes = results.map(issueCode);
    const refused = results.filter(
      (x) =>
        !x.ok &&
        x.failure.kind === 'rejected' &&
        x.failure.issue.code === 'TRAINER_TAKEN' &&
        (x.failure.issue.params as { role?: string }).role === 'berenschot',
    ).length;
    takenBerenschot += refused;
    if (won !== 1 || refused !== 1)
      problems.push(`race ${race.index + 1} (${race.berenschot}): ${codes.join(' / ')}`);
    log(
      `  race ${race.index + 1}: ${race.berenschot}, week +${race.weeksAhead} evening ${race.slotIndex + 1}: ${codes.join(' / ')}`,
    );
  }
  const agendas = await stack.m365.agendas.read(trainerSeeds().map((t) => t.email));
  const overlaps = overlappingBookings(agendas);
  for (const o of overlaps)
    problems.push(
      `${o.trainer} in two workshops: ${o.first.municipality} and ${o.second.municipality}`,
    );
  // Each race's Berenschot advisor has exactly one workshop that evening.
  for (const race of races) {
    const slot = eveningSlots(CONCURRENCY_TODAY, race.weeksAhead)[race.slotIndex]!;
    const agenda = agendas.find((a) => a.trainer === race.berenschot.toLowerCase());
    const that = (agenda?.bookings ?? []).filter(
      (b) => Date.parse(b.start) === Date.parse(slot.start),
    );
    if (that.length !== 1)
      problems.push(`race ${race.index + 1}: ${that.length} bookings of ${race.berenschot}`);
  }
  const bookings = agendas
    .filter((a) => trainersOf('Berenschot').includes(a.trainer))
    .reduce((n, a) => n + a.bookings.length, 0);
  return { winners, takenBerenschot, problems, overlaps: overlaps.length, bookings };
}

async function trainerRaces(log: Log): Promise<Omit<ConcurrencyRow, 'ms'>> {
  const results = [];
  for (let offset = 0; offset < TRAINER_RACES; offset += RACES_PER_STACK) {
    results.push(await onFreshStack((stack) => trainerRacesOn(stack, offset, log)));
  }
  const winners = results.flatMap((r) => r.winners);
  const single = winners.filter((w) => w === 1).length;
  const taken = results.reduce((n, r) => n + r.takenBerenschot, 0);
  const overlaps = results.reduce((n, r) => n + r.overlaps, 0);
  const bookings = results.reduce((n, r) => n + r.bookings, 0);
  const problems = results.flatMap((r) => r.problems);
  if (bookings !== TRAINER_RACES) problems.push(`${bookings} Berenschot bookings`);
  return {
    scenario: 'Two RIECs confirm the same Berenschot advisor for the same evening at once',
    runs: TRAINER_RACES,
    expected: '1 winner per evening, 20 TRAINER_TAKEN, 0 overlapping workshops',
    observed: `${single}/${winners.length} evenings with 1 winner, ${taken} TRAINER_TAKEN (Berenschot), ${overlaps} overlapping workshops, ${bookings} Berenschot bookings`,
    ok: problems.length === 0 && single === TRAINER_RACES && taken === TRAINER_RACES,
    problems,
  };
}

// 3. Six sync loops while trainers answer --------------------------------------------------

export const SYNC_LOOPS = 6;
const ANSWERED_SIGNUPS = 5;
const MIN_ANSWERS = 30;

async function syncLoops(log: Log): Promise<Omit<ConcurrencyRow, 'ms'>> {
  return onFreshStack(async (stack) => {
    const sanne = accountHolderOf(NOORD_HOLLAND);
    const setup = stack.context(sanne);
    const noordHolland = municipalitiesOfRiec(NOORD_HOLLAND);
    const signups: StoredSignup[] = [];
    for (let i = 0; i < ANSWERED_SIGNUPS; i++)
      signups.push(await proposed(setup, noordHolland[i]!.cbsCode, 3 + i));
    const next = pseudoRandom(CONCURRENCY_SEED);
    const moves = answerMoves(signups.length, next);
    if (moves.length < MIN_ANSWERS) throw new Error(`only ${moves.length} answers`);
    const contexts = Array.from({ length: SYNC_LOOPS }, () => instance(stack, sanne));
    let answering = true;
    let syncs = 0;
    // Each answer waits for a sync to end after it landed, so that the loops' syncs really run
    // between (and across) the answers, however slow the machine; the pauses vary the rest.
    let syncEnded: () => void = () => {};
    let nextSyncEnd = new Promise<void>((resolve) => (syncEnded = resolve));
    const failures: string[] = [];
    let leftForNextCycle = 0;
    const loops = contexts.map(async (ctx) => {
      while (answering) {
        try {
          // A sign-up still changed by another loop after the retries is left for the next
          // cycle (the cursor is kept): counted, not an error; losing its answer would be.
          const report = await syncAnswers(ctx, sanne.email);
          leftForNextCycle += report.failed.length;
        } catch (error) {
          failures.push(`sync threw: ${String(error)}`);
        }
        syncs++;
        const ended = syncEnded;
        nextSyncEnd = new Promise<void>((resolve) => (syncEnded = resolve));
        ended();
        await pause(Math.floor(next() * 15));
      }
    });
    for (const move of moves) {
      respondMove(stack.sandbox, signups, move);
      await Promise.all([nextSyncEnd, pause(Math.floor(next() * 25))]);
    }
    answering = false;
    await Promise.all(loops);
    // Quiet now: one final sync from the first instance.
    await syncAnswers(contexts[0]!, sanne.email);
    const rows = await storedAndCalendar(stack, signups);
    const equal = rows.filter((r) => r.stored === r.calendar).length;
    const answered = rows.filter((r) => r.calendar !== 'none').length;
    const problems = [
      ...failures,
      ...rows
        .filter((r) => r.stored !== r.calendar)
        .map((r) => `${r.where}: stored ${r.stored}, calendar ${r.calendar}`),
    ];
    if (answered === 0) problems.push('nobody answered');
    log(`sync loops: ${moves.length} answers, ${syncs} syncs, ${equal}/${rows.length} equal`);
    return {
      scenario: `Six sync loops while trainers answer (${moves.length} answers to ${rows.length / 2} holds of ${signups.length} sign-ups)`,
      runs: moves.length,
      expected: 'after one final sync every stored answer (2 per hold) = the calendar',
      observed: `${equal}/${rows.length} stored answers = calendar; ${syncs} syncs ran meanwhile, ${leftForNextCycle} times a sign-up was left to the next sync (still changing)`,
      ok: problems.length === 0 && equal === rows.length,
      problems,
    };
  });
}

// 4. Two instances resume the same cut-off cancel ------------------------------------------

export const CANCEL_RESUMES = 5;

async function cancelResumes(log: Log): Promise<Omit<ConcurrencyRow, 'ms'>> {
  return onFreshStack(async (stack) => {
    const anouk = accountHolderOf(MIDDEN);
    const midden = municipalitiesOfRiec(MIDDEN);
    const mails: number[] = [];
    const problems: string[] = [];
    for (let run = 0; run < CANCEL_RESUMES; run++) {
      const ctx = stack.context(anouk);
      const signup = await proposed(ctx, midden[run]!.cbsCode, 3 + run);
      const mayor = signup.signup.contact.email;
      // Killed after writing the intent: the holds, the mail and the log line are still to do.
      const crashing = stack.context(anouk, {
        m365: { ...stack.m365, plan: new KillingPlan(stack.m365.plan, 1, 1) },
        state: createAppState(),
      });
      const died = await cancelSignup(crashing, signup.signup.id, 'Dubbel aangemeld').then(
        () => false,
        (error: unknown) => error instanceof ProcessKilled,
      );
      if (!died) problems.push(`run ${run + 1}: the cancel was not cut off`);
      // Minutes later two instances run their background cycle, and the user cancels once more.
      const later = minutesLater(stack, 3);
      const answers = await Promise.allSettled([
        runMaintenance(instance(stack, SYSTEM_ACCESS, later), { sync: false }),
        runMaintenance(instance(stack, SYSTEM_ACCESS, later), { sync: false }),
        cancelSignup(instance(stack, anouk, later), signup.signup.id, 'Dubbel aangemeld'),
      ]);
      for (const a of answers)
        if (a.status === 'rejected') problems.push(`run ${run + 1}: ${String(a.reason)}`);
      // A later cycle finds nothing left to do.
      await runMaintenance(instance(stack, SYSTEM_ACCESS, minutesLater(stack, 9)), { sync: false });
      const count = listMailbox(stack.sandbox.ctx, mayor).length;
      mails.push(count);
      const after = await stack.m365.statusLog.read(signup.signup.id);
      const logLines = await stack.m365.statusLog.readLog(signup.signup.id);
      if (count !== 1) problems.push(`run ${run + 1}: ${count} mails to ${mayor}`);
      if (after?.signup.status !== 'geannuleerd' || after.pending !== null)
        problems.push(
          `run ${run + 1}: ${after?.signup.status}, pending ${after?.pending?.command}`,
        );
      if (logLines.filter((l) => l.to === 'geannuleerd').length !== 1)
        problems.push(`run ${run + 1}: ${logLines.length} log lines`);
      log(`  cancel ${run + 1}: ${count} mail(s) to ${mayor}`);
    }
    const once = mails.filter((m) => m === 1).length;
    return {
      scenario: 'Two instances and the user resume the same cut-off cancel',
      runs: CANCEL_RESUMES,
      expected: '1 mail to the municipality per cancel, cancelled once',
      observed: `${once}/${CANCEL_RESUMES} with 1 mail (mails: ${mails.join(', ')})`,
      ok: problems.length === 0 && once === CANCEL_RESUMES,
      problems,
    };
  });
}

export async function runConcurrencyBench(log: Log): Promise<ConcurrencyRow[]> {
  const rows: ConcurrencyRow[] = [];
  for (const scenario of [doubleRegistrations, trainerRaces, syncLoops, cancelResumes]) {
    const { result, ms } = await timed(() => scenario(log));
    rows.push({ ...result, ms });
  }
  return rows;
}

export function formatConcurrencyBench(rows: readonly ConcurrencyRow[]): string[] {
  const lines = [
    '| scenario | runs | expected | observed | holds | wall time |',
    '|---|---:|---|---|---|---:|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.runs} | ${r.expected} | ${r.observed} | ${r.ok ? 'yes' : '**NO**'} | ${(r.ms / 1000).toFixed(1)} s |`,
    ),
  ];
  const problems = rows.flatMap((r) => r.problems.map((p) => `- ${r.scenario}: ${p}`));
  return problems.length > 0 ? [...lines, '', 'Invariants broken:', '', ...problems] : lines;
}

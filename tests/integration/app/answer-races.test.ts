// No trainer's answer is lost when answer syncs run at the same time as each other, as the
// trainers answer and as confirms (issue 11, item 2). Six processes' worth of app state (each its
// own delta cursor and caches) against one sandbox: whatever the interleaving, once everything
// is quiet one more sync from the first process leaves every stored answer equal to what the
// organizer's calendar says.
//
// Two drivers: six free-running sync loops while trainers answer in a fixed pseudo-random order
// (the reproduction of the issue), and a fast-check scheduler that decides the order in which
// every Microsoft 365 call of the syncs and confirms completes, against trainers answering.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createAppState, type AppState } from '../../../src/app/app-state.js';
import type { Access } from '../../../src/app/access.js';
import { confirmSlot } from '../../../src/app/confirm-slot.js';
import type { UseCaseContext } from '../../../src/app/context.js';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import { MUNICIPALITIES } from '../../../src/domain/municipalities.js';
import type { Microsoft365, StoredSignup } from '../../../src/domain/ports.js';
import { TRAINER_ROLES, type TrainerRole } from '../../../src/domain/campaign.js';
import { respondToEvent, type AttendeeAnswer } from '@workshopplanner/m365-sandbox';
import {
  accountHolder,
  FIXED_TODAY,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import { proposed } from '../../support/planning-scenarios.js';
import {
  answerMoves,
  pause,
  pseudoRandom,
  respondMove,
  storedAndCalendar,
  type AnswerRow,
  type Move,
} from '../../support/races.js';

const PROCESSES = 6;
const ROLES = TRAINER_ROLES;

let h: PlanningHarness;
let sanne: Access;
let signups: StoredSignup[];

/** Noord-Holland's municipalities in a fixed order, so each test takes its own. */
const NOORD_HOLLAND = MUNICIPALITIES.filter((m) => m.riec === 'RIEC Noord-Holland');
let nextMunicipality = 0;

async function proposeSome(count: number, weeksAhead: number): Promise<StoredSignup[]> {
  const ctx = h.context(sanne);
  const placed: StoredSignup[] = [];
  for (let i = 0; i < count; i++) {
    const municipality = NOORD_HOLLAND[nextMunicipality++]!;
    placed.push(await proposed(ctx, municipality.cbsCode, weeksAhead + i));
  }
  return placed;
}

beforeAll(async () => {
  h = await startPlanningHarness({ today: FIXED_TODAY });
  sanne = accountHolder('sanne.devries');
  signups = await proposeSome(3, 3);
});
afterAll(async () => h?.close());

function expectNoAnswerLost(rows: AnswerRow[]): void {
  const lost = rows.filter((row) => row.stored !== row.calendar);
  expect(lost).toEqual([]);
  // Something was answered at all: a test where nobody answers proves nothing.
  expect(rows.some((row) => row.calendar !== 'none')).toBe(true);
}

const respond = (placed: readonly StoredSignup[], move: Move) =>
  respondMove(h.sandbox, placed, move);

describe('six sync loops while the trainers answer', () => {
  it('store every answer: the stored answers equal the calendar once all is quiet', async () => {
    const next = pseudoRandom(20261202);
    const states = Array.from({ length: PROCESSES }, () => createAppState());
    const contexts = states.map((state) => h.context(sanne, { state }));
    // Every trainer answers every hold, a third of them twice (changing their mind): 36 answers.
    const moves = answerMoves(signups.length, next);
    let answering = true;
    let syncs = 0;
    const loops = contexts.map(async (ctx) => {
      while (answering) {
        await syncAnswers(ctx, sanne.email);
        syncs++;
        await pause(Math.floor(next() * 15));
      }
    });
    for (const move of moves) {
      respond(signups, move);
      // A sync ends after each answer before the next one: the loops really run among the
      // answers, also on a fast machine where all answers fit in one round of syncs.
      const seen = syncs;
      while (syncs === seen) await pause(5);
      await pause(Math.floor(next() * 25));
    }
    answering = false;
    await Promise.all(loops);
    await syncAnswers(contexts[0]!, sanne.email);
    expect(syncs).toBeGreaterThan(PROCESSES);
    expectNoAnswerLost(await storedAndCalendar(h, signups));
  });
});

/**
 * The ports of one process with every call's completion handed to the scheduler: fast-check
 * decides in which order the Graph and SharePoint answers reach the use cases.
 */
function scheduled(m365: Microsoft365, s: fc.Scheduler): Microsoft365 {
  const wrap = <T extends object>(port: T, name: string): T =>
    new Proxy(port, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          s.schedule(
            Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)),
            `${name}.${String(key)}`,
          );
      },
    });
  return Object.fromEntries(
    Object.entries(m365).map(([name, port]) => [name, wrap(port as object, name)]),
  ) as unknown as Microsoft365;
}

describe('any interleaving of syncs, answers and confirms', () => {
  it('property: at quiescence the stored answers equal the calendar’s', async () => {
    let run = 0;
    // Each run answers the same holds again (the answers change), so runs build on each other;
    // one run in three also confirms a fresh sign-up in the middle of it.
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(
          fc.record({
            signup: fc.nat({ max: signups.length - 1 }),
            slotIndex: fc.nat({ max: 2 }),
            role: fc.constantFrom<TrainerRole>(...ROLES),
            answer: fc.constantFrom<AttendeeAnswer>('accept', 'tentativelyAccept'),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 2, max: 3 }),
        async (s, moves, processes) => {
          run++;
          const states: AppState[] = Array.from({ length: processes }, () => createAppState());
          const contexts: UseCaseContext[] = states.map((state) =>
            h.context(sanne, { state, m365: scheduled(h.m365, s) }),
          );
          const work: Promise<unknown>[] = [];
          for (const ctx of contexts) work.push(syncAnswers(ctx, sanne.email));
          for (const move of moves) {
            work.push(s.schedule(Promise.resolve(), 'answer').then(() => respond(signups, move)));
          }
          for (const ctx of contexts) {
            work.push(
              s.schedule(Promise.resolve(), 'sync').then(() => syncAnswers(ctx, sanne.email)),
            );
          }
          let confirming: StoredSignup | undefined;
          if (run % 3 === 0) {
            [confirming] = await proposeSome(1, 3 + nextMunicipality);
            const { signup } = confirming!;
            for (const role of ROLES) {
              respondToEvent(
                h.sandbox.ctx,
                signup.pair![role].email,
                signup.options[0]!.eventId!,
                'accept',
              );
            }
            work.push(
              s
                .schedule(Promise.resolve(), 'confirm')
                .then(() => confirmSlot(contexts[0]!, signup.id, 0)),
            );
          }
          await s.waitFor(Promise.allSettled(work));
          const failures = (await Promise.allSettled(work)).filter((r) => r.status === 'rejected');
          expect(failures).toEqual([]);
          // Quiet now: one more sync from the first process, straight to Microsoft 365.
          await syncAnswers(h.context(sanne, { state: states[0]! }), sanne.email);
          const placed = confirming ? [...signups, confirming] : signups;
          const lost = (await storedAndCalendar(h, placed)).filter((r) => r.stored !== r.calendar);
          if (lost.length > 0)
            throw new Error(`${s.report().length} steps; lost: ${JSON.stringify(lost)}`);
        },
      ),
      { numRuns: 12 },
    );
  }, 300_000);
});

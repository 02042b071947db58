// The whole province through the planning core with 100 ms added latency per Graph request:
// 44 sign-ups registered, proposed, answered and confirmed — once as Workshopplanner does it
// ($batch, delta, chained writes) and once the naive way (one request per event, per trainer and
// per status write) — side by side, each on a fresh sandbox seeded the same way. A third run
// plans first (issue 12): each RIEC's account holder in turn makes one plan for all her sign-ups
// (planCampaign: free/busy for every trainer and slot in one getSchedule $batch) and applies it
// (applyPlan: the holds of all her sign-ups in shared batches); then the same answers, syncs and
// confirmations.
import { DateTime } from 'luxon';
import { checkAvailability } from '../src/app/check-availability.js';
import { confirmSlot } from '../src/app/confirm-slot.js';
import type { UseCaseContext } from '../src/app/context.js';
import { applyPlan } from '../src/app/planner/apply-plan.js';
import { planCampaign, type PlanAssignment } from '../src/app/planner/plan-campaign.js';
import { proposeHolds } from '../src/app/propose-holds.js';
import { getSignup } from '../src/app/read-signups.js';
import { registerSignup } from '../src/app/register-signup.js';
import { syncAnswers } from '../src/app/sync-answers.js';
import {
  MUNICIPALITIES,
  RIECS,
  type Municipality,
  type RiecName,
} from '../src/domain/municipalities.js';
import type { StoredSignup } from '../src/domain/ports.js';
import { respondToEvent, countRoundTrips } from '@workshopplanner/m365-sandbox';
import { naiveMicrosoft365 } from './naive.js';
import { accountHolderOf, forEachLimited, startStack, timed, type BenchStack } from './support.js';

export const LATENCY_MS = 100;
const CONCURRENCY = 6;
const SEED_DATE = '2026-11-30';

interface Planned {
  readonly municipality: Municipality;
  stored?: StoredSignup;
  slotIndex?: number;
}

/** Three evenings (Tue–Thu 19:30–22:30) in a week of its own group: 3 municipalities a week. */
export function eveningsFor(index: number, now: Date): { start: string; end: string }[] {
  const monday = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' })
    .startOf('week')
    .plus({ weeks: 2 + Math.floor(index / 3) });
  return [1, 2, 3].map((day) => {
    const start = monday.plus({ days: day }).set({ hour: 19, minute: 30 });
    return { start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()! };
  });
}

function ok<T>(outcome: { ok: true; value: T } | { ok: false; failure: unknown }, what: string): T {
  if (!outcome.ok) throw new Error(`${what} failed: ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

export interface PhaseResult {
  readonly name: string;
  readonly ms: number;
  readonly requests: number;
}

export interface ProvinceResult {
  readonly label: string;
  readonly phases: readonly PhaseResult[];
  readonly totalMs: number;
  readonly totalRequests: number;
  readonly confirmed: number;
}

export interface PlannedProvinceResult extends ProvinceResult {
  /** Per RIEC: the plan's status, planned/total and the reasons for the ones left. */
  readonly plans: readonly {
    readonly riec: RiecName;
    readonly status: string;
    readonly planned: number;
    readonly total: number;
    readonly unplanned: readonly string[];
    readonly solveSeconds: number;
  }[];
  /** Confirmations refused, by code (TRAINER_NOT_FREE, TRAINER_TAKEN, …). */
  readonly refused: readonly string[];
}

/** Plans all 44 municipalities on `stack`; `naive` swaps in the one-request-at-a-time gateway. */
export async function planProvince(
  stack: BenchStack,
  label: string,
  naive: boolean,
): Promise<ProvinceResult> {
  const m365 = naive ? naiveMicrosoft365(stack.app.client, 'root', stack.m365) : stack.m365;
  const contextFor = (m: Municipality): UseCaseContext => ({
    ...stack.context(accountHolderOf(m.riec)),
    m365,
  });
  const planned: Planned[] = MUNICIPALITIES.map((municipality) => ({ municipality }));
  const phases: PhaseResult[] = [];
  stack.setLatency(LATENCY_MS);
  const phase = async (name: string, run: () => Promise<void>) => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const { ms } = await timed(run);
    phases.push({ name, ms, requests: countRoundTrips(stack.sandbox.ctx.requestLog.since(since)) });
  };

  await phase('register 44 sign-ups', () =>
    forEachLimited(planned, CONCURRENCY, async (p, i) => {
      const ctx = contextFor(p.municipality);
      p.stored = ok(
        await registerSignup(ctx, {
          cbsCode: p.municipality.cbsCode,
          contact: {
            name: 'Kabinet van de burgemeester',
            email: `burgemeester@${p.municipality.domain}`,
          },
          preferences: eveningsFor(i, ctx.now()),
          scanStatus: 'onbekend',
          remarks: '',
        }),
        `register ${p.municipality.name}`,
      );
    }),
  );

  // Municipalities that share a week are planned one after another, so each sees the holds of
  // the ones before it; weeks run in parallel.
  const weeks = Array.from({ length: Math.ceil(planned.length / 3) }, (_, w) =>
    planned.slice(w * 3, w * 3 + 3),
  );
  await phase('availability + propose', () =>
    forEachLimited(weeks, CONCURRENCY, async (week) => {
      for (const p of week) {
        const ctx = contextFor(p.municipality);
        const availability = ok(
          await checkAvailability(ctx, p.stored!.signup.preferences),
          'availability',
        );
        const best =
          availability.pairs.find((pair) => pair.slots.some((s) => s.riec === 'free')) ??
          availability.pairs[0]!;
        p.slotIndex = best.slots.find((s) => s.riec === 'free')?.slotIndex ?? 0;
        p.stored = ok(
          await proposeHolds(ctx, p.stored!.signup.id, {
            berenschot: best.pair.berenschot.email,
            riec: best.pair.riec.email,
            // Side by side, another sign-up may hold the trainer already (HOLD_OVERLAPS_*): the
            // account holder reads the warning and places the holds anyway, as today.
            acknowledgeOverlaps: true,
          }),
          `propose ${p.municipality.name}`,
        );
      }
    }),
  );

  // The trainers answer in Outlook (here: the sandbox, no product traffic).
  for (const p of planned) {
    const option = p.stored!.signup.options.find((o) => o.slotIndex === p.slotIndex);
    for (const trainer of [p.stored!.signup.pair!.berenschot, p.stored!.signup.pair!.riec]) {
      respondToEvent(stack.sandbox.ctx, trainer.email, option!.eventId!, 'accept');
    }
  }

  await phase('sync answers (3 organizers)', async () => {
    await Promise.all(
      RIECS.map((riec) =>
        syncAnswers(
          contextFor(planned.find((p) => p.municipality.riec === riec)!.municipality),
          accountHolderOf(riec).email,
        ),
      ),
    );
  });

  let confirmed = 0;
  await phase('confirm 44 workshops', () =>
    forEachLimited(planned, CONCURRENCY, async (p) => {
      const ctx = contextFor(p.municipality);
      await getSignup(ctx, p.stored!.signup.id); // the account holder opens the sign-up first
      const result = await confirmSlot(ctx, p.stored!.signup.id, p.slotIndex!);
      if (result.ok) confirmed++;
    }),
  );

  await phase('sync after the confirmations (3 organizers)', async () => {
    await Promise.all(
      RIECS.map((riec) =>
        syncAnswers(
          contextFor(planned.find((p) => p.municipality.riec === riec)!.municipality),
          accountHolderOf(riec).email,
        ),
      ),
    );
  });
  await phase('idle sync (3 organizers)', async () => {
    await Promise.all(
      RIECS.map((riec) =>
        syncAnswers(
          contextFor(planned.find((p) => p.municipality.riec === riec)!.municipality),
          accountHolderOf(riec).email,
        ),
      ),
    );
  });
  stack.setLatency(0);
  return {
    label,
    phases,
    totalMs: phases.reduce((sum, p) => sum + p.ms, 0),
    totalRequests: phases.reduce((sum, p) => sum + p.requests, 0),
    confirmed,
  };
}

/** Plans all 44 municipalities on `stack` with the province planner, RIEC by RIEC. */
export async function planProvinceWithPlanner(stack: BenchStack): Promise<PlannedProvinceResult> {
  const contextFor = (riec: RiecName): UseCaseContext => stack.context(accountHolderOf(riec));
  const phases: PhaseResult[] = [];
  stack.setLatency(LATENCY_MS);
  const phase = async (name: string, run: () => Promise<void>) => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const { ms } = await timed(run);
    phases.push({ name, ms, requests: countRoundTrips(stack.sandbox.ctx.requestLog.since(since)) });
  };

  await phase('register 44 sign-ups', () =>
    forEachLimited([...MUNICIPALITIES.entries()], CONCURRENCY, async ([i, municipality]) => {
      const ctx = contextFor(municipality.riec);
      ok(
        await registerSignup(ctx, {
          cbsCode: municipality.cbsCode,
          contact: {
            name: 'Kabinet van de burgemeester',
            email: `burgemeester@${municipality.domain}`,
          },
          preferences: eveningsFor(i, ctx.now()),
          scanStatus: 'onbekend',
          remarks: '',
        }),
        `register ${municipality.name}`,
      );
    }),
  );

  // Each account holder plans and applies in turn, so each plan sees the holds of the RIECs
  // before it as fixed (what an account holder does who opens the page after the others).
  const plans: PlannedProvinceResult['plans'][number][] = [];
  const assignments: { riec: RiecName; assignment: PlanAssignment }[] = [];
  const planned = { ms: 0, requests: 0 };
  const applied = { ms: 0, requests: 0 };
  const measure = async (into: { ms: number; requests: number }, run: () => Promise<void>) => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const { ms } = await timed(run);
    into.ms += ms;
    into.requests += countRoundTrips(stack.sandbox.ctx.requestLog.since(since));
  };
  for (const riec of RIECS) {
    const ctx = contextFor(riec);
    let mine: readonly PlanAssignment[] = [];
    await measure(planned, async () => {
      const made = ok(await planCampaign(ctx), `plan ${riec}`);
      if (made.kind === 'refused')
        throw new Error(`plan ${riec} refused: ${made.error.message.en}`);
      mine = made.assignments;
      plans.push({
        riec,
        status: made.plan.status,
        planned: made.plan.metrics.planned,
        total: made.rows.length,
        unplanned: made.rows.flatMap((r) =>
          r.outcome.outcome === 'unplanned'
            ? [`${r.stored.signup.municipality.name}: ${r.outcome.code}`]
            : [],
        ),
        solveSeconds: made.plan.stages.reduce((sum, stage) => sum + stage.seconds, 0),
      });
    });
    await measure(applied, async () => {
      const progress = ok(await applyPlan(ctx, mine), `apply ${riec}`);
      if (progress.done !== progress.total) {
        throw new Error(`apply ${riec}: ${progress.done}/${progress.total} placed`);
      }
    });
    assignments.push(...mine.map((assignment) => ({ riec, assignment })));
  }
  phases.push({ name: 'plan (3 RIECs, one plan each)', ...planned });
  phases.push({ name: 'apply the plans (holds)', ...applied });

  // The trainers accept the planned slot in Outlook (here: the sandbox, no product traffic).
  for (const { assignment } of assignments) {
    const stored = await stack.m365.statusLog.read(assignment.signupId);
    const option = stored?.signup.options.find((o) => o.slotIndex === assignment.slotIndex);
    for (const trainer of [assignment.berenschot, assignment.riec]) {
      respondToEvent(stack.sandbox.ctx, trainer, option!.eventId!, 'accept');
    }
  }
  const syncAll = () =>
    Promise.all(
      RIECS.map((riec) => syncAnswers(contextFor(riec), accountHolderOf(riec).email)),
    ).then(() => undefined);
  await phase('sync answers (3 organizers)', syncAll);

  let confirmed = 0;
  const refused: string[] = [];
  await phase('confirm 44 workshops', () =>
    forEachLimited(assignments, CONCURRENCY, async ({ riec, assignment }) => {
      const ctx = contextFor(riec);
      await getSignup(ctx, assignment.signupId); // the account holder opens the sign-up first
      const result = await confirmSlot(ctx, assignment.signupId, assignment.slotIndex);
      if (result.ok) confirmed++;
      else {
        const failure = result.failure;
        refused.push(failure.kind === 'rejected' ? failure.issue.code : failure.kind);
      }
    }),
  );
  await phase('sync after the confirmations (3 organizers)', syncAll);
  await phase('idle sync (3 organizers)', syncAll);
  stack.setLatency(0);
  return {
    label: 'planner first',
    phases,
    totalMs: phases.reduce((sum, p) => sum + p.ms, 0),
    totalRequests: phases.reduce((sum, p) => sum + p.requests, 0),
    confirmed,
    plans,
    refused,
  };
}

export async function runProvinceBench(): Promise<{
  optimized: ProvinceResult;
  naive: ProvinceResult;
  planner: PlannedProvinceResult;
}> {
  const optimizedStack = await startStack(SEED_DATE);
  const optimized = await planProvince(optimizedStack, 'Workshopplanner', false);
  await optimizedStack.close();
  const naiveStack = await startStack(SEED_DATE);
  const naive = await planProvince(naiveStack, 'naive baseline', true);
  await naiveStack.close();
  const plannerStack = await startStack(SEED_DATE);
  const planner = await planProvinceWithPlanner(plannerStack);
  await plannerStack.close();
  return { optimized, naive, planner };
}

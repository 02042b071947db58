// The whole province through the planning core with 100 ms added latency per Graph request:
// 44 sign-ups registered, proposed, answered and confirmed — once as Workshopplanner does it
// ($batch, delta, chained writes) and once the naive way (one request per event, per trainer and
// per status write) — side by side, each on a fresh sandbox seeded the same way.
import { DateTime } from 'luxon';
import { checkAvailability } from '../src/app/check-availability.js';
import { confirmSlot } from '../src/app/confirm-slot.js';
import type { UseCaseContext } from '../src/app/context.js';
import { proposeHolds } from '../src/app/propose-holds.js';
import { getSignup } from '../src/app/read-signups.js';
import { registerSignup } from '../src/app/register-signup.js';
import { syncAnswers } from '../src/app/sync-answers.js';
import { MUNICIPALITIES, RIECS, type Municipality } from '../src/domain/municipalities.js';
import type { StoredSignup } from '../src/domain/ports.js';
import { respondToEvent } from '../src/sandbox/calendar/index.js';
import { countRoundTrips } from '../src/sandbox/http/request-log.js';
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
            // Proposals run side by side: two may hold one advisor on one evening (see RESULTS).
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

export async function runProvinceBench(): Promise<{
  optimized: ProvinceResult;
  naive: ProvinceResult;
}> {
  const optimizedStack = await startStack(SEED_DATE);
  const optimized = await planProvince(optimizedStack, 'Workshopplanner', false);
  await optimizedStack.close();
  const naiveStack = await startStack(SEED_DATE);
  const naive = await planProvince(naiveStack, 'naive baseline', true);
  await naiveStack.close();
  return { optimized, naive };
}

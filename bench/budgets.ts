// The round-trip budgets of DESIGN.md for one sign-up, measured with the client's request
// counter (requests in flight together count once) and the sandbox's request log.
import { checkAvailability } from '../src/app/check-availability.js';
import { confirmSlot } from '../src/app/confirm-slot.js';
import { proposeHolds } from '../src/app/propose-holds.js';
import { getSignup } from '../src/app/read-signups.js';
import { registerSignup } from '../src/app/register-signup.js';
import { syncAnswers } from '../src/app/sync-answers.js';
import { countRoundTrips, respondToEvent } from '@workshopplanner/m365-sandbox';
import { DateTime } from 'luxon';
import { accountHolderOf, startStack, timed } from './support.js';

export interface BudgetRow {
  readonly operation: string;
  readonly budget: string;
  readonly sequential: number;
  readonly requests: number;
  readonly ms: number;
}

export async function runBudgets(latencyMs: number): Promise<BudgetRow[]> {
  const stack = await startStack('2026-11-30');
  const access = accountHolderOf('RIEC Noord-Holland');
  const ctx = stack.context(access);
  const rows: BudgetRow[] = [];
  const measure = async <T>(
    operation: string,
    budget: string,
    run: () => Promise<T>,
  ): Promise<T> => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const mark = stack.app.counter.mark();
    const { result, ms } = await timed(run);
    rows.push({
      operation,
      budget,
      ms,
      sequential: stack.app.counter.sequentialSince(mark),
      requests: countRoundTrips(stack.sandbox.ctx.requestLog.since(since)),
    });
    return result;
  };
  const monday = DateTime.fromJSDate(ctx.now(), { zone: 'Europe/Amsterdam' })
    .startOf('week')
    .plus({ weeks: 3 });
  const preferences = [1, 2, 3].map((day) => {
    const start = monday.plus({ days: day }).set({ hour: 19, minute: 30 });
    return { start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()! };
  });
  const registered = await registerSignup(ctx, {
    cbsCode: 'GM0392',
    contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
    preferences,
    scanStatus: 'gedaan',
    remarks: '',
  });
  if (!registered.ok) throw new Error('register failed');
  const id = registered.value.signup.id;
  await ctx.state.trainers.get(stack.m365.trainers);
  await syncAnswers(ctx, access.email); // the first sync pages through the calendar once
  stack.setLatency(latencyMs);

  const availability = await measure('availability', '1', () =>
    checkAvailability(ctx, preferences),
  );
  if (!availability.ok) throw new Error('availability failed');
  // The candidates: every Berenschot advisor and the RIEC advisors of the caller's RIEC.
  const asked = availability.value.trainers.length;
  rows[rows.length - 1] = {
    ...rows.at(-1)!,
    operation: `availability (${asked} trainers, 3 slots)`,
  };
  const best = availability.value.pairs.find((p) => p.slots.some((s) => s.riec === 'free'))!;
  const slot = best.slots.find((s) => s.riec === 'free')!.slotIndex;
  const proposed = await measure('propose (3 holds + status + log)', '≤ 3', () =>
    proposeHolds(ctx, id, { berenschot: best.pair.berenschot.email, riec: best.pair.riec.email }),
  );
  if (!proposed.ok) throw new Error('propose failed');
  await measure('sync, the new holds seen', '—', () => syncAnswers(ctx, access.email));
  await measure('sync, nothing changed', '1', () => syncAnswers(ctx, access.email));
  const eventId = proposed.value.signup.options.find((o) => o.slotIndex === slot)!.eventId!;
  for (const trainer of [best.pair.berenschot, best.pair.riec])
    respondToEvent(stack.sandbox.ctx, trainer.email, eventId, 'accept');
  await measure('sync, two answers in', '—', () => syncAnswers(ctx, access.email));
  await getSignup(ctx, id);
  const confirmed = await measure(
    'confirm (free/busy, finalize, cancel 2, status + log)',
    '≤ 2',
    () => confirmSlot(ctx, id, slot),
  );
  if (!confirmed.ok) throw new Error(`confirm failed: ${JSON.stringify(confirmed.failure)}`);
  await stack.close();
  return rows;
}

// Shared steps for the planning integration tests: a signed-up municipality with holds placed,
// trainers answering through the sandbox, and what ended up in the calendar and the log.
import { checkAvailability } from '../../src/app/check-availability.js';
import type { UseCaseContext } from '../../src/app/context.js';
import { proposeHolds } from '../../src/app/propose-holds.js';
import { getSignup, getSignupLog } from '../../src/app/read-signups.js';
import { registerSignup } from '../../src/app/register-signup.js';
import type { SignupId } from '../../src/domain/ids.js';
import { findMunicipalityByCbsCode } from '../../src/domain/municipalities.js';
import type { LogEntry, StoredSignup } from '../../src/domain/ports.js';
import { HOLD_CATEGORY, holdDraft } from '../../src/app/texts.js';
import { availabilityInSlot } from '../../src/domain/free-busy.js';
import { respondToEvent, type AttendeeAnswer, type Sandbox } from '@workshopplanner/m365-sandbox';
import { eveningSlots, type PlanningHarness } from './planning.js';
import { appToken, graph } from './sandbox.js';

export const PAIR = { berenschot: 'marieke.vandijk@berenschot.nl', riec: 'fatima.amrani@riec.nl' };

function expectOk<T>(outcome: { ok: true; value: T } | { ok: false; failure: unknown }): T {
  if (!outcome.ok) throw new Error(`use case failed: ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

export async function registered(
  ctx: UseCaseContext,
  cbsCode: string,
  weeksAhead = 3,
): Promise<StoredSignup> {
  const municipality = findMunicipalityByCbsCode(cbsCode);
  return expectOk(
    await registerSignup(ctx, {
      cbsCode,
      contact: {
        name: 'Bestuurssecretariaat',
        email: `burgemeester@${municipality?.domain ?? 'example.nl'}`,
      },
      preferences: eveningSlots(ctx.now(), weeksAhead),
      scanStatus: 'onbekend',
      remarks: '',
    }),
  );
}

/** Registered and proposed with the best-ranked pair whose RIEC advisor is free in a slot. */
export async function proposed(
  ctx: UseCaseContext,
  cbsCode: string,
  weeksAhead = 3,
): Promise<StoredSignup> {
  const signup = await registered(ctx, cbsCode, weeksAhead);
  const availability = expectOk(await checkAvailability(ctx, signup.signup.preferences));
  const pair = availability.pairs.find((p) => p.slots.some((slot) => slot.riec === 'free'));
  if (!pair) throw new Error('no RIEC advisor is free in any preferred slot');
  return expectOk(
    await proposeHolds(ctx, signup.signup.id, {
      berenschot: pair.pair.berenschot.email,
      riec: pair.pair.riec.email,
      // Scenarios place many sign-ups side by side; the overlap question has its own tests.
      acknowledgeOverlaps: true,
    }),
  );
}

export async function current(ctx: UseCaseContext, id: SignupId): Promise<StoredSignup> {
  return expectOk(await getSignup(ctx, id));
}

export async function logOf(ctx: UseCaseContext, id: SignupId): Promise<LogEntry[]> {
  return expectOk(await getSignupLog(ctx, id));
}

/** The statuses a sign-up went through, from its log: the trainers' answers left out. */
export async function statusStepsOf(ctx: UseCaseContext, id: SignupId): Promise<string[]> {
  return (await logOf(ctx, id)).filter((l) => l.action !== 'recordAnswers').map((l) => l.to);
}

/** The sign-up's trainers answer the hold of `slotIndex` as the sandbox's inspector would. */
export function answer(
  sandbox: Sandbox,
  stored: StoredSignup,
  slotIndex: number,
  answers: { berenschot?: AttendeeAnswer; riec?: AttendeeAnswer },
): void {
  const eventId = stored.signup.options.find((o) => o.slotIndex === slotIndex)?.eventId;
  const pair = stored.signup.pair;
  if (!eventId || !pair) throw new Error(`no hold for slot ${slotIndex}`);
  if (answers.berenschot)
    respondToEvent(sandbox.ctx, pair.berenschot.email, eventId, answers.berenschot);
  if (answers.riec) respondToEvent(sandbox.ctx, pair.riec.email, eventId, answers.riec);
}

/** The organizer's holds and workshops for a municipality, as Graph lists them. */
export async function eventsFor(h: PlanningHarness, organizer: string, municipality: string) {
  const token = await appToken(h.sandbox);
  const events: {
    id: string;
    subject: string;
    showAs: string;
    isCancelled: boolean;
    categories: string[];
  }[] = [];
  let url: string | undefined =
    `/users/${organizer}/events?$top=500&$select=subject,showAs,isCancelled,categories`;
  while (url) {
    let page = await graph(h.sandbox, token, 'GET', url);
    // Tests that inject faults read through them too.
    for (let attempt = 0; page.status === 429 || page.status === 503; attempt++) {
      if (attempt > 20) throw new Error('Graph keeps throttling the test');
      page = await graph(h.sandbox, token, 'GET', url);
    }
    events.push(...page.body.value);
    const next: string | undefined = page.body['@odata.nextLink'];
    url = next ? next.slice(next.indexOf('/v1.0') + '/v1.0'.length) : undefined;
  }
  return events.filter(
    (e) => e.categories.includes(HOLD_CATEGORY) && e.subject.includes(`gemeente ${municipality}`),
  );
}

export { expectOk };

/** A slot where the sign-up's RIEC advisor is free apart from the hold itself. */
export async function confirmableSlot(ctx: UseCaseContext, stored: StoredSignup): Promise<number> {
  const { pair, options } = stored.signup;
  if (!pair) throw new Error('no pair');
  const windows = options.map((o) => o.slot);
  const schedules = await ctx.m365.calendar.getSchedules(
    stored.signup.accountHolder.email,
    [pair.riec.email],
    windows,
  );
  const index = options.findIndex((option, i) => {
    const hold = { subjects: [holdDraft(stored.signup, pair, option).subject] };
    return availabilityInSlot(schedules[i]?.[0], option.slot, { hold }) === 'free';
  });
  if (index < 0) throw new Error(`${pair.riec.email} is not free in any option`);
  return options[index]!.slotIndex;
}

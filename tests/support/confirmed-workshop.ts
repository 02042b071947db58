// A confirmed workshop on `npm start`'s stack, reached through the API as the account holder does
// it in the tab (register, availability, place the options, confirm), with both trainers accepting
// in the sandbox's inspector (its form, over plain HTTP) as they would in Outlook. For browser
// tests of what comes after confirmation (the Voorbereiding page).
import { DateTime } from 'luxon';
import { eveningSlotTexts } from '../e2e/pages/slots.js';
import type { RunningStack } from './stack.js';

export interface ConfirmedWorkshop {
  readonly signupId: string;
  readonly slotIndex: number;
  readonly pair: { readonly berenschot: string; readonly riec: string };
}

interface Trainer {
  readonly name: string;
  readonly email: string;
}

async function call<T>(
  stack: RunningStack,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${stack.appUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Answers `eventId` (the organizer's event) as `attendee`, through the inspector's form. */
async function acceptInInspector(stack: RunningStack, attendee: string, eventId: string) {
  const response = await fetch(`${stack.sandboxHttpUrl}/inspector/respond`, {
    method: 'POST',
    // The inspector takes changes only with this header (packages/m365-sandbox local-only.ts).
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-sandbox-control': '1',
    },
    body: new URLSearchParams({ attendee, event: eventId, answer: 'accept', returnTo: '/' }),
    redirect: 'manual',
  });
  if (response.status !== 303) {
    throw new Error(`inspector: ${attendee} could not accept: ${response.status}`);
  }
}

/**
 * Registers `cbsCode` with three evenings `weeksAhead` weeks from the stack's today, places the
 * options with the best pair on an evening the RIEC trainer has free, lets both trainers accept
 * it, syncs the account holder's calendar and confirms it. `token`: the account holder's.
 */
export async function confirmWorkshop(
  stack: RunningStack,
  token: string,
  municipality: { cbsCode: string; contact: Trainer },
  weeksAhead = 3,
): Promise<ConfirmedWorkshop> {
  const preferences = eveningSlotTexts(stack.now(), weeksAhead).map((slot) => ({
    start: DateTime.fromISO(`${slot.date}T${slot.start}`, { zone: 'Europe/Amsterdam' }).toISO()!,
    end: DateTime.fromISO(`${slot.date}T${slot.end}`, { zone: 'Europe/Amsterdam' }).toISO()!,
  }));
  const { signup } = await call<{ signup: { id: string } }>(stack, token, 'POST', '/api/signups', {
    cbsCode: municipality.cbsCode,
    contact: municipality.contact,
    preferences,
    scanStatus: 'gedaan',
    scan: { themes: ['vastgoed', 'integriteit'], other: 'havens', scanDate: null },
  });
  const availability = await call<{
    pairs: {
      berenschot: Trainer;
      riec: Trainer;
      isViable: boolean;
      slots: { slotIndex: number; riec: string }[];
    }[];
  }>(stack, token, 'POST', '/api/availability', {
    slots: preferences,
    cbsCode: municipality.cbsCode,
  });
  const pair = availability.pairs.find((p) => p.isViable) ?? availability.pairs[0];
  if (!pair) throw new Error('no trainer pair for the workshop');
  const slotIndex = pair.slots.find((s) => s.riec === 'free')?.slotIndex ?? 0;
  const placed = await call<{ options: { slotIndex: number; eventId: string | null }[] }>(
    stack,
    token,
    'POST',
    `/api/signups/${signup.id}/propose`,
    { berenschot: pair.berenschot.email, riec: pair.riec.email, acknowledgeOverlaps: true },
  );
  const eventId = placed.options.find((o) => o.slotIndex === slotIndex)?.eventId;
  if (!eventId) throw new Error(`no option ${slotIndex} placed`);
  for (const trainer of [pair.berenschot, pair.riec]) {
    await acceptInInspector(stack, trainer.email, eventId);
  }
  // The answers reach the sign-up with the sync of the account holder's calendar ("Nu bijwerken").
  const until = Date.now() + 90_000;
  for (;;) {
    await call(stack, token, 'POST', '/api/sync');
    const view = await call<{
      options: { slotIndex: number; answers: { berenschot: string; riec: string } }[];
    }>(stack, token, 'GET', `/api/signups/${signup.id}`);
    const answers = view.options.find((o) => o.slotIndex === slotIndex)?.answers;
    if (answers?.berenschot === 'accepted' && answers.riec === 'accepted') break;
    if (Date.now() > until) throw new Error(`the trainers' answers: ${JSON.stringify(answers)}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  await call(stack, token, 'POST', `/api/signups/${signup.id}/confirm`, { slotIndex });
  return {
    signupId: signup.id,
    slotIndex,
    pair: { berenschot: pair.berenschot.name, riec: pair.riec.name },
  };
}

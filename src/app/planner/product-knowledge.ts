// What the product itself placed in the trainers' calendars, as the planner needs to see it
// (docs/planner.md, "Building it"). Calendars show the product's holds and workshops as
// tentative or busy — or not at all, for Berenschot's calendars in another tenant. So the
// product's own items are taken out of every schedule and put back as what they are:
// - confirmed workshops (the trainers' agendas and the sign-ups in `bevestigd`/`uitgevoerd`) as
//   fixed workshops: the trainer is busy then, with the buffer, and they count as load;
// - open holds of sign-ups in the plan: the planner itself decides their slot (their pair stays);
// - open holds of sign-ups outside the plan (another RIEC, or left out of the plan): one
//   fixed workshop per sign-up, at the option most likely to become the workshop (accepted by
//   both trainers, else its best-ranked live option), and their other live options as
//   tentative — the product's rule for holds everywhere — so the plan never puts a trainer on
//   an evening another RIEC still holds them for, and counts that RIEC's load once;
// - holds that can no longer become the workshop (declined, lapsed: the background cycle
//   releases them) count for nothing.
import { isAcceptedByBoth, isOptionLive } from '../../domain/lifecycle-rules.js';
import type { StoredSignup, TrainerSchedule } from '../../domain/ports.js';
import type { FixedWorkshop } from '../../domain/planner/types.js';
import type { HoldOption, Signup, Slot } from '../../domain/signup.js';
import { instantMillis } from '../../domain/time.js';
import type { TrainerAgenda } from '../../domain/trainer-agenda.js';
import { PENDING_STALE_MS } from '../apply-command.js';
import { confirmationText, holdDraft } from '../texts.js';

/** Trainer ids in the planner's input: the address, lower case. */
export function trainerId(email: string): string {
  return email.toLowerCase();
}

export function pairIds(signup: Signup): string[] {
  return signup.pair
    ? [trainerId(signup.pair.berenschot.email), trainerId(signup.pair.riec.email)]
    : [];
}

export function isConfirmedWorkshop(signup: Signup): boolean {
  return signup.status === 'bevestigd' || signup.status === 'uitgevoerd';
}

function confirmedOption(signup: Signup): HoldOption | undefined {
  return signup.options.find((o) => o.slotIndex === signup.confirmedSlotIndex);
}

export function liveOptions(signup: Signup, now: Date): HoldOption[] {
  return signup.status === 'opties_geplaatst'
    ? signup.options.filter((option) => isOptionLive(option, signup, now))
    : [];
}

/** The option most likely to become the workshop: accepted by both, else the best-ranked. */
export function likelyOption(live: readonly HoldOption[]): HoldOption | undefined {
  return live.find(isAcceptedByBoth) ?? live[0];
}

interface ProductItem {
  readonly startMs: number;
  readonly endMs: number;
  readonly subject: string;
}

/** Per trainer, the events the product placed in their calendar: open holds and workshops. */
export function productItemsByTrainer(
  signups: readonly StoredSignup[],
): Map<string, ProductItem[]> {
  const items = new Map<string, ProductItem[]>();
  const add = (signup: Signup, slot: Slot, subject: string) => {
    const startMs = instantMillis(slot.start);
    const endMs = instantMillis(slot.end);
    if (startMs === undefined || endMs === undefined) return;
    for (const id of pairIds(signup)) {
      const list = items.get(id) ?? [];
      list.push({ startMs, endMs, subject });
      items.set(id, list);
    }
  };
  for (const { signup } of signups) {
    const pair = signup.pair;
    if (!pair) continue;
    if (signup.status === 'opties_geplaatst') {
      for (const option of signup.options.filter((o) => o.hold === 'open')) {
        add(signup, option.slot, holdDraft(signup, pair, option).subject);
      }
    }
    const confirmed = isConfirmedWorkshop(signup) ? confirmedOption(signup) : undefined;
    if (confirmed) {
      add(
        signup,
        confirmed.slot,
        confirmationText(signup, pair, confirmed.slot, signup.contact).subject,
      );
    }
  }
  return items;
}

/**
 * The schedule without the product's own events: an item at exactly the times of one of them,
 * with its subject — or without a subject, which is all another organisation's calendar shows.
 */
export function withoutProductItems(
  schedule: TrainerSchedule | undefined,
  own: readonly ProductItem[] | undefined,
): TrainerSchedule | undefined {
  if (!schedule || !own || own.length === 0) return schedule;
  const items = schedule.items.filter((item) => {
    const startMs = Date.parse(item.start);
    const endMs = Date.parse(item.end);
    return !own.some(
      (mine) =>
        mine.startMs === startMs &&
        mine.endMs === endMs &&
        (item.subject === undefined || item.subject === mine.subject),
    );
  });
  return { ...schedule, items };
}

/**
 * The confirmed workshops: the sign-ups in `bevestigd`/`uitgevoerd` (past ones still count as
 * load) and the trainers' agendas. An agenda booking whose sign-up is known and not confirmed at
 * that time is left over (cancelled, rescheduled, a confirmation that never landed) once it is
 * older than a running operation can be — as the confirmation itself decides (confirm-slot.ts).
 */
export function confirmedWorkshops(
  signups: readonly StoredSignup[],
  agendas: readonly TrainerAgenda[],
  now: Date,
): FixedWorkshop[] {
  const byKey = new Map<string, { id: string; label: string; slot: Slot; trainerIds: string[] }>();
  const known = new Map(signups.map((s) => [String(s.signup.id), s]));
  for (const { signup } of signups) {
    const option = isConfirmedWorkshop(signup) ? confirmedOption(signup) : undefined;
    if (!option || !signup.pair) continue;
    byKey.set(`${signup.id}|${instantMillis(option.slot.start)}`, {
      id: String(signup.id),
      label: signup.municipality.name,
      slot: option.slot,
      trainerIds: pairIds(signup),
    });
  }
  for (const agenda of agendas) {
    for (const booking of agenda.bookings) {
      const key = `${booking.signupId}|${instantMillis(booking.start)}`;
      const existing = byKey.get(key);
      if (existing) {
        if (!existing.trainerIds.includes(agenda.trainer)) existing.trainerIds.push(agenda.trainer);
        continue;
      }
      const owner = known.get(booking.signupId);
      const isRecent = now.getTime() - Date.parse(booking.bookedAt) < PENDING_STALE_MS;
      const isConfirming = owner?.pending?.command === 'confirm';
      if (owner && !isRecent && !isConfirming) continue; // known and not confirmed then: left over
      byKey.set(key, {
        id: `agenda:${key}`,
        label: booking.municipality,
        slot: { start: booking.start, end: booking.end },
        trainerIds: [agenda.trainer],
      });
    }
  }
  return [...byKey.values()];
}

/** Open holds of sign-ups outside the plan: one fixed workshop each, the rest tentative. */
export function outsideHolds(
  signups: readonly StoredSignup[],
  now: Date,
): { readonly fixed: FixedWorkshop[]; readonly tentative: { trainerIds: string[]; slot: Slot }[] } {
  const fixed: FixedWorkshop[] = [];
  const tentative: { trainerIds: string[]; slot: Slot }[] = [];
  for (const { signup } of signups) {
    const live = liveOptions(signup, now);
    const likely = likelyOption(live);
    if (!likely) continue;
    const trainerIds = pairIds(signup);
    fixed.push({
      id: `optie:${signup.id}`,
      label: signup.municipality.name,
      slot: likely.slot,
      trainerIds,
    });
    for (const option of live.filter((o) => o !== likely)) {
      tentative.push({ trainerIds, slot: option.slot });
    }
  }
  return { fixed, tentative };
}

// Which overlaps a plan places knowingly. Proposing holds by hand asks first when a trainer
// already has a workshop or another sign-up's hold at (or too close to) a preference
// (propose-holds.ts, HOLD_OVERLAPS_*): the account holder chose the pair without seeing it. A
// plan chose with everything the product knew, and places every preference as a hold because
// the lifecycle does (one hold per preference), while only the planned slot is meant to become
// the workshop. So applying a plan acknowledges:
// - every overlap of a fallback (a preference that is not the planned slot): a competing
//   option, which the first confirmation settles (confirm-slot.ts books the trainers' agenda);
// - an overlap of the planned slot with a fallback of another sign-up in the same plan.
// It does not acknowledge, and places nothing for that sign-up, when the planned slot meets
// - a confirmed workshop of the trainer: confirmed after the plan was made;
// - the planned slot of another sign-up in the same plan: a planner never does that;
// - a live hold of a sign-up outside the plan: placed after the plan was made (the planner
//   counts other RIECs' holds as busy, so a fresh plan avoids them).
// Those answer needsConfirmation with the same issues propose gives: make a new plan.
import type { TrainerRole } from '../../domain/campaign.js';
import { createIssue, type DomainIssue } from '../../domain/errors.js';
import { isOptionLive } from '../../domain/lifecycle-rules.js';
import type { StoredSignup } from '../../domain/ports.js';
import type { Signup, Slot, TrainerPair } from '../../domain/signup.js';
import { clashingBookings, isTooClose, type TrainerAgenda } from '../../domain/trainer-agenda.js';

/** A sign-up of the plan being applied: its planned slot and pair. */
export interface PlanMember {
  readonly signup: Signup;
  readonly pair: TrainerPair;
  readonly slotIndex: number;
}

const ROLES: readonly TrainerRole[] = ['berenschot', 'riec'];

function has(pair: TrainerPair | undefined, address: string): boolean {
  return (
    pair?.berenschot.email.toLowerCase() === address || pair?.riec.email.toLowerCase() === address
  );
}

/** The overlaps of `member`'s planned slot that the plan did not place knowingly. */
export function unplannedOverlaps(
  member: PlanMember,
  plan: readonly PlanMember[],
  others: readonly StoredSignup[],
  agendas: readonly TrainerAgenda[],
  bufferMinutes: number,
  now: Date,
): DomainIssue[] {
  const index = member.slotIndex;
  const slot: Slot | undefined = member.signup.preferences[index];
  if (!slot) return [];
  const inPlan = new Set(plan.map((m) => String(m.signup.id)));
  const issues: DomainIssue[] = [];
  const overlapsHold = (trainer: string, municipality: string, start: string) =>
    issues.push(
      createIssue('HOLD_OVERLAPS_HOLD', `preferences.${index}`, {
        index,
        trainer,
        municipality,
        start,
      }),
    );
  for (const role of ROLES) {
    const trainer = member.pair[role];
    const address = trainer.email.toLowerCase();
    const agenda = agendas.find((a) => a.trainer === address);
    for (const booking of agenda
      ? clashingBookings(agenda, slot, member.signup.id, bufferMinutes)
      : []) {
      issues.push(
        createIssue('HOLD_OVERLAPS_WORKSHOP', `preferences.${index}`, {
          index,
          trainer: trainer.name,
          municipality: booking.municipality,
          start: booking.start,
        }),
      );
    }
    for (const other of plan) {
      if (other.signup.id === member.signup.id || !has(other.pair, address)) continue;
      const planned = other.signup.preferences[other.slotIndex];
      if (planned && isTooClose(planned, slot, bufferMinutes)) {
        overlapsHold(trainer.name, other.signup.municipality.name, planned.start);
      }
    }
    for (const { signup } of others) {
      if (inPlan.has(String(signup.id)) || !has(signup.pair, address)) continue;
      for (const option of signup.options) {
        if (!isOptionLive(option, signup, now) || !isTooClose(option.slot, slot, bufferMinutes))
          continue;
        overlapsHold(trainer.name, signup.municipality.name, option.slot.start);
      }
    }
  }
  return issues;
}

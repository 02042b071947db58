// What each trainer is booked for while a plan takes shape: the fixed workshops plus the choices
// made so far. The greedy planner asks it before each choice; the reasons ask it afterwards.
import { isConflict } from './problem.js';
import type { Choice, Problem, SlotInfo } from './problem.js';
import type { TrainerBlock } from './types.js';

interface Booking {
  readonly label: string;
  readonly slot: { readonly start: string; readonly end: string };
  readonly startMs: number;
  readonly endMs: number;
  readonly week: string;
}

export class TrainerBookings {
  private readonly byTrainer: Booking[][];
  private readonly bufferMs: number;

  constructor(private readonly problem: Problem) {
    this.byTrainer = problem.fixedByTrainer.map((items) => [...items]);
    this.bufferMs = problem.settings.bufferMinutes * 60_000;
  }

  private assertTrainersKnown(choice: Choice): void {
    if (!this.byTrainer[choice.berenschot] || !this.byTrainer[choice.riec]) {
      throw new Error(`Choice for sign-up ${choice.signup} names a trainer outside the pool`);
    }
  }

  /** Why `t` cannot take `slot` given what is booked, or null when they can. */
  blockFor(t: number, slot: SlotInfo): TrainerBlock | null {
    const bookings = this.byTrainer[t]!;
    const clash = bookings.find((b) => isConflict(b, slot, this.bufferMs));
    if (clash) return { kind: 'workshop', label: clash.label, slot: clash.slot };
    const info = this.problem.trainers[t]!;
    if (bookings.filter((b) => b.week === slot.week).length >= info.maxPerWeek) {
      return { kind: 'weekMaximum', maximum: info.maxPerWeek };
    }
    if (bookings.length >= info.maxPerCampaign) {
      return { kind: 'campaignMaximum', maximum: info.maxPerCampaign };
    }
    return null;
  }

  /** Number of workshops booked for `t` (fixed ones included). */
  loadOf(t: number): number {
    return this.byTrainer[t]!.length;
  }

  add(choice: Choice): void {
    this.assertTrainersKnown(choice);
    const signup = this.problem.signups[choice.signup]!;
    const info = this.problem.slots[choice.signup]![choice.slotIndex]!;
    const booking: Booking = {
      label: signup.name,
      slot: signup.preferences[choice.slotIndex]!,
      startMs: info.startMs,
      endMs: info.endMs,
      week: info.week,
    };
    this.byTrainer[choice.berenschot]!.push(booking);
    this.byTrainer[choice.riec]!.push(booking);
  }
}

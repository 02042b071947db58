// A trainer's agenda ↔ an item in "Workshoptrainersagenda": the trainer's address (unique key)
// and the bookings as JSON. Read defensively: an item that does not parse counts as empty —
// and is then overwritten by the next booking, which is guarded by its version.
import { z } from 'zod';
import type { TrainerAgenda, TrainerBooking } from '../../domain/trainer-agenda.js';

export const ZAgendaFields = z.object({
  Trainer: z.string(),
  Boekingen: z.string().nullish(),
});

const ZBookings = z.array(
  z.object({
    signupId: z.string(),
    municipality: z.string(),
    start: z.string(),
    end: z.string(),
    bookedAt: z.string(),
  }),
);

export function toAgendaFields(
  trainer: string,
  bookings: readonly TrainerBooking[],
): Record<string, unknown> {
  return {
    Title: trainer.toLowerCase(),
    Trainer: trainer.toLowerCase(),
    Boekingen: JSON.stringify(bookings),
  };
}

export function fromAgendaFields(
  fields: z.infer<typeof ZAgendaFields>,
  stored: { readonly id: string; readonly eTag: string },
): TrainerAgenda {
  let bookings: TrainerBooking[] = [];
  try {
    const parsed = ZBookings.safeParse(JSON.parse(fields.Boekingen ?? '[]'));
    if (parsed.success) bookings = parsed.data;
  } catch {
    // Not JSON (edited by hand): empty, see the file comment.
    bookings = [];
  }
  return { trainer: fields.Trainer.toLowerCase(), bookings, stored };
}

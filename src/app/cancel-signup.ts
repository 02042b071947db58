// Cancelling a sign-up: every hold released with a comment, the municipality told, logged. A
// confirmed workshop also gives its trainers back: their bookings in the product's agenda go in
// the same chained batch (guarded, before the intent), so the evening is free for another.
import type { SignupId } from '../domain/ids.js';
import type { PlanStep, StoredSignup } from '../domain/ports.js';
import { canPlanFor } from './access.js';
import { applyCommand } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { failWith, type Outcome } from './outcome.js';

const MAX_ATTEMPTS = 4;

/** The trainers' bookings of a confirmed workshop, freed (guarded writes before the intent). */
export async function releaseBookings(
  ctx: UseCaseContext,
  stored: StoredSignup,
): Promise<PlanStep[]> {
  const { signup } = stored;
  if (signup.status !== 'bevestigd' || !signup.pair) return [];
  const agendas = await ctx.m365.agendas.read([
    signup.pair.berenschot.email,
    signup.pair.riec.email,
  ]);
  return agendas
    .filter((agenda) => agenda.stored && agenda.bookings.some((b) => b.signupId === signup.id))
    .map((agenda) => ({
      kind: 'writeTrainerAgenda',
      agenda,
      bookings: agenda.bookings.filter((b) => b.signupId !== signup.id),
    }));
}

export async function cancelSignup(
  ctx: UseCaseContext,
  id: SignupId,
  reason: string,
): Promise<Outcome<StoredSignup>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await ctx.m365.statusLog.read(id);
    if (!stored) return failWith({ kind: 'notFound', what: 'signup' });
    // Another RIEC's sign-up answers as a missing one: an id says nothing about who has it.
    if (!canPlanFor(ctx.access, stored.signup.riec))
      return failWith({ kind: 'notFound', what: 'signup' });
    const guards = await releaseBookings(ctx, stored);
    const result = await applyCommand(
      ctx,
      stored,
      { type: 'cancel', reason, by: ctx.access.email },
      { guards },
    );
    // A trainer's agenda changed between reading and writing: read it again.
    if (
      !result.ok &&
      result.failure.kind === 'conflict' &&
      result.failure.reason === 'guardChanged'
    )
      continue;
    if (result.ok) ctx.state.signups.remember(result.value);
    return result;
  }
  return failWith({ kind: 'conflict', reason: 'concurrentChange' });
}

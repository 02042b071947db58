// Cancelling a sign-up: every hold released with a comment, the municipality told, logged.
import type { SignupId } from '../domain/ids.js';
import type { StoredSignup } from '../domain/ports.js';
import { canPlanFor } from './access.js';
import { applyCommand } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { failWith, type Outcome } from './outcome.js';

export async function cancelSignup(
  ctx: UseCaseContext,
  id: SignupId,
  reason: string,
): Promise<Outcome<StoredSignup>> {
  const stored = await ctx.m365.statusLog.read(id);
  if (!stored) return failWith({ kind: 'notFound', what: 'signup' });
  // Another RIEC's sign-up answers as a missing one: an id says nothing about who has it.
  if (!canPlanFor(ctx.access, stored.signup.riec))
    return failWith({ kind: 'notFound', what: 'signup' });
  const result = await applyCommand(ctx, stored, { type: 'cancel', reason, by: ctx.access.email });
  if (result.ok) ctx.state.signups.remember(result.value);
  return result;
}

// Placing the three tentative holds with the chosen trainer pair (at most 3 sequential round
// trips: read, intent + holds, log + final state — whatever the number of trainers).
import type { SignupId } from '../domain/ids.js';
import type { StoredSignup } from '../domain/ports.js';
import type { Trainer } from '../domain/signup.js';
import { canPlanFor } from './access.js';
import { applyCommand } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { failWith, type Outcome } from './outcome.js';

export interface PairChoice {
  readonly berenschot: string;
  readonly riec: string;
}

export async function proposeHolds(
  ctx: UseCaseContext,
  id: SignupId,
  choice: PairChoice,
): Promise<Outcome<StoredSignup>> {
  const [stored, trainers] = await Promise.all([
    ctx.m365.statusLog.read(id),
    ctx.state.trainers.get(ctx.m365.trainers),
  ]);
  if (!stored) return failWith({ kind: 'notFound', what: 'signup' });
  // Another RIEC's sign-up answers as a missing one: an id says nothing about who has it.
  if (!canPlanFor(ctx.access, stored.signup.riec))
    return failWith({ kind: 'notFound', what: 'signup' });
  const find = (email: string, role: Trainer['role']) =>
    trainers.find((t) => t.email.toLowerCase() === email.toLowerCase() && t.role === role);
  const berenschot = find(choice.berenschot, 'berenschot');
  const riec = find(choice.riec, 'riec');
  if (!berenschot || !riec) return failWith({ kind: 'notFound', what: 'trainer' });
  const result = await applyCommand(ctx, stored, {
    type: 'propose',
    pair: { berenschot, riec },
    by: ctx.access.email,
  });
  if (result.ok) {
    ctx.state.signups.remember(result.value);
    ctx.state.organizers.add(result.value.signup.accountHolder.email.toLowerCase());
  }
  return result;
}

// A client that lost the connection sends the same command again. The use cases finish a
// cut-off operation when the same command comes back (src/app/apply-command.ts); when the first
// attempt had completed, the lifecycle refuses the repeat (INVALID_TRANSITION) because the
// sign-up has moved on. If it moved exactly where this command would have taken it, the repeat
// is answered like the first attempt — with the sign-up — instead of 409.
import type { UseCaseContext } from '../../../app/context.js';
import type { Outcome } from '../../../app/outcome.js';
import { getSignup } from '../../../app/read-signups.js';
import type { SignupId } from '../../../domain/ids.js';
import type { StoredSignup } from '../../../domain/ports.js';
import type { Signup } from '../../../domain/signup.js';

export async function answerRepeatedCommand(
  ctx: UseCaseContext,
  id: SignupId,
  outcome: Outcome<StoredSignup>,
  isAlreadyDone: (signup: Signup) => boolean,
): Promise<Outcome<StoredSignup>> {
  if (outcome.ok || outcome.failure.kind !== 'rejected') return outcome;
  if (outcome.failure.issue.code !== 'INVALID_TRANSITION') return outcome;
  const current = await getSignup(ctx, id);
  return current.ok && isAlreadyDone(current.value.signup) ? current : outcome;
}

export function isSameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

// Helpers for the lifecycle tests: Haarlem's sign-up moved through its states.
import { transition } from '../../../src/domain/lifecycle.js';
import type {
  Command,
  ConfirmCommand,
  Effect,
  TransitionResult,
} from '../../../src/domain/lifecycle-types.js';
import type { Signup, TrainerAnswer } from '../../../src/domain/signup.js';
import { PAIR, cest, registeredSignup } from './signup-fixtures.js';

export const MAY_2 = cest('2022-05-02T09:00:00');
export const MAY_3 = cest('2022-05-03T10:00:00');
export const FREE = { berenschot: 'free', riec: 'free' } as const;

export function apply(state: Signup, command: Command, now: Date): Signup {
  const result = transition(state, command, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
}

export function errorCode(result: TransitionResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

export function effectsOf(result: TransitionResult): readonly Effect[] {
  return result.ok ? result.effects : [];
}

export function effectOf<T extends Effect['type']>(
  result: TransitionResult,
  type: T,
): Extract<Effect, { type: T }> | undefined {
  return effectsOf(result).find((e): e is Extract<Effect, { type: T }> => e.type === type);
}

export function proposed(now = MAY_2): Signup {
  return apply(
    registeredSignup(now),
    { type: 'propose', pair: PAIR, by: 'k.smit@riec-nh.nl' },
    now,
  );
}

export function answered(answers: readonly [TrainerAnswer, TrainerAnswer][], now = MAY_3): Signup {
  return apply(
    proposed(),
    {
      type: 'recordAnswers',
      answers: answers.map(([berenschot, riec], slotIndex) => ({ slotIndex, berenschot, riec })),
    },
    now,
  );
}

export function confirm(overrides: Partial<ConfirmCommand> = {}): ConfirmCommand {
  return {
    type: 'confirm',
    slotIndex: 1,
    by: 'k.smit@riec-nh.nl',
    freshAvailability: FREE,
    ...overrides,
  };
}

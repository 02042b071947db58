// Which answers changed between two views of a sign-up: what the page announces when an answer
// comes in while the user watches.
import type { TSignupView, TTrainerAnswer } from '../../../common/api/api-types.js';

export interface AnswerChange {
  readonly trainer: string;
  readonly slotIndex: number;
  readonly answer: TTrainerAnswer;
}

export function findAnswerChanges(before: TSignupView, after: TSignupView): AnswerChange[] {
  if (before.id !== after.id || !after.pair) return [];
  const changes: AnswerChange[] = [];
  for (const option of after.options) {
    const earlier = before.options.find((o) => o.slotIndex === option.slotIndex);
    if (!earlier) continue;
    for (const role of ['berenschot', 'riec'] as const) {
      const answer = option.answers[role];
      if (answer !== earlier.answers[role] && answer !== 'none') {
        changes.push({ trainer: after.pair[role].name, slotIndex: option.slotIndex, answer });
      }
    }
  }
  return changes;
}

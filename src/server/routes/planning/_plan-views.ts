// From the planner's use-case results to what its routes answer (src/contract/schemas/plan.ts).
import type { ApplyProgress } from '../../../app/planner/apply-progress.js';
import type { PlanAssignment } from '../../../app/planner/plan-campaign.js';
import type { Language } from '../../../app/errors.js';
import type { TApplyProgress, TAssignment } from '../../../contract/index.js';
import { toSignupId } from '../../../domain/ids.js';

export function toAssignments(list: readonly TAssignment[]): PlanAssignment[] {
  return list.map((a) => ({ ...a, signupId: toSignupId(a.signupId) }));
}

export function toApplyProgressView(progress: ApplyProgress, language: Language): TApplyProgress {
  return {
    total: progress.total,
    done: progress.done,
    isFinished: progress.isFinished,
    rows: progress.rows.map((row) => ({
      signupId: String(row.signupId),
      municipality: row.municipality,
      riec: row.riec,
      slotIndex: row.slotIndex,
      outcome: row.outcome,
      message: row.message?.[language] ?? null,
      issueCodes: (row.issues ?? []).map((issue) => issue.code),
      retryAfterSeconds: row.retryAfterSeconds ?? null,
    })),
  };
}

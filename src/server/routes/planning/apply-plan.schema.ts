import { z } from 'zod';
import { ZApplyProgress, ZAssignments } from './_plan-views.schema.js';

export const ZApplyPlanRequest = z.strictObject({ assignments: ZAssignments });

export type TApplyPlanRequest = z.infer<typeof ZApplyPlanRequest>;

export const ZApplyPlanResponse = ZApplyProgress;

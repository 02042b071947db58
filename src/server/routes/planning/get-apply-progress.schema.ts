import { z } from 'zod';
import { ZApplyProgress, ZAssignments } from './_plan-views.schema.js';

export const ZGetApplyProgressRequest = z.strictObject({ assignments: ZAssignments });

export type TGetApplyProgressRequest = z.infer<typeof ZGetApplyProgressRequest>;

export const ZGetApplyProgressResponse = ZApplyProgress;

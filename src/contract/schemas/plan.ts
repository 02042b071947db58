// Pieces the planner's operations share: an assignment (one sign-up's planned slot and pair,
// what the page sends back to apply a plan) and the progress of applying one.
import * as z from 'zod/mini';
import { APPLY_OUTCOMES, RIECS } from '../lists.js';
import { described } from './common.js';

export const ZPlanSignupId = described(
  z.string().check(z.regex(/^[1-9]\d{0,9}$/)),
  'Id van de aanmelding (item-id in de lijst Workshopaanmeldingen)',
);

export const ZAssignment = z
  .strictObject({
    signupId: ZPlanSignupId,
    slotIndex: described(
      z.int().check(z.minimum(0), z.maximum(2)),
      'De geplande voorkeur, vanaf 0',
    ),
    berenschot: described(
      z.email().check(z.maxLength(320)),
      'E-mailadres van de adviseur van Berenschot',
    ),
    riec: described(z.email().check(z.maxLength(320)), 'E-mailadres van de RIEC-adviseur'),
  })
  .check(z.meta({ id: 'PlanAssignment' }));
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZAssignments = described(
  z.array(ZAssignment).check(
    z.minLength(1),
    z.maxLength(500),
    z.refine((list) => new Set(list.map((a) => a.signupId)).size === list.length, {
      message: 'Elke aanmelding mag maar één keer in de planning staan',
    }),
  ),
  'De geplande aanmeldingen, zoals POST /planning/plan ze gaf (de hele planning)',
);

export const ZAssignmentsRequest = z.strictObject({ assignments: ZAssignments });
export type TAssignmentsRequest = z.input<typeof ZAssignmentsRequest>;

export const ZApplyProgress = z
  .object({
    total: z.int(),
    done: described(z.int(), 'Aanmeldingen met hun opties bij het geplande paar (of bevestigd)'),
    isFinished: described(z.boolean(), 'Er wacht niets meer en er wordt niets meer geplaatst'),
    rows: z.array(
      z.object({
        signupId: z.string(),
        municipality: z.string(),
        riec: z.enum(RIECS),
        slotIndex: z.int(),
        outcome: z.enum(APPLY_OUTCOMES),
        message: described(
          z.nullable(z.string()),
          'Wat er aan de hand is en wat te doen (in de taal van de vraag), bij needsConfirmation, changed, inProgress en failed',
        ),
        issueCodes: z.array(z.string()),
        retryAfterSeconds: z.nullable(z.int()),
      }),
    ),
  })
  .check(z.meta({ id: 'ApplyProgress' }));
export type TApplyProgress = z.infer<typeof ZApplyProgress>;

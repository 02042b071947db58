// Pieces the planner's routes share: an assignment (one sign-up's planned slot and pair, what
// the page sends back to apply a plan) and the progress of applying one.
import { z } from 'zod';
import { RIECS } from '../../../domain/municipalities.js';

export const ZSignupId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .describe('Id van de aanmelding (item-id in de lijst Workshopaanmeldingen)');

export const ZAssignment = z
  .strictObject({
    signupId: ZSignupId,
    slotIndex: z.number().int().min(0).max(2).describe('De geplande voorkeur, vanaf 0'),
    berenschot: z.email().max(320).describe('E-mailadres van de adviseur van Berenschot'),
    riec: z.email().max(320).describe('E-mailadres van de RIEC-adviseur'),
  })
  .meta({ id: 'PlanAssignment' });

export const ZAssignments = z
  .array(ZAssignment)
  .min(1)
  .max(500)
  .refine((list) => new Set(list.map((a) => a.signupId)).size === list.length, {
    message: 'Elke aanmelding mag maar één keer in de planning staan',
  })
  .describe('De geplande aanmeldingen, zoals POST /planning/plan ze gaf');

export const ZApplyProgress = z
  .object({
    total: z.number().int(),
    done: z
      .number()
      .int()
      .describe('Aanmeldingen met hun opties bij het geplande paar (of bevestigd)'),
    isFinished: z.boolean().describe('Er wacht niets meer en er wordt niets meer geplaatst'),
    rows: z.array(
      z.object({
        signupId: z.string(),
        municipality: z.string(),
        riec: z.enum(RIECS),
        slotIndex: z.number().int(),
        outcome: z.enum([
          'waiting',
          'placing',
          'placed',
          'alreadyPlaced',
          'confirmed',
          'needsConfirmation',
          'changed',
          'inProgress',
          'failed',
        ]),
        message: z.string().nullable().describe('Wat er aan de hand is en wat te doen'),
        issueCodes: z.array(z.string()),
        retryAfterSeconds: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'ApplyProgress' });

export type TApplyProgress = z.infer<typeof ZApplyProgress>;

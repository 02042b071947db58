import { z } from 'zod';
import { RIECS } from '../../../domain/municipalities.js';
import { ZSlotView, ZTrainerView } from '../../../contract/schemas/common.js';
import { ZAssignment, ZSignupId } from './_plan-views.schema.js';

export const ZPlanCampaignRequest = z.strictObject({
  riec: z
    .enum(RIECS)
    .optional()
    .describe('Alleen dit RIEC plannen (standaard: uw eigen RIEC; de coördinator: alle RIECs)'),
  keep: z
    .array(z.strictObject({ signupId: ZSignupId, slotIndex: z.number().int().min(0).max(2) }))
    .max(500)
    .optional()
    .describe('Opties die blijven zoals ze zijn: die aanmelding houdt die optie met dat paar'),
  leaveOut: z
    .array(ZSignupId)
    .max(500)
    .optional()
    .describe('Aanmeldingen die niet in deze planning komen'),
});

export type TPlanCampaignRequest = z.infer<typeof ZPlanCampaignRequest>;

const ZPlanRow = z.object({
  signupId: z.string(),
  municipality: z.string(),
  riec: z.enum(RIECS),
  status: z.string().describe('De status van de aanmelding nu'),
  next: z
    .enum(['propose', 'confirm'])
    .nullable()
    .describe('propose: opties plaatsen (POST /planning/apply); confirm: opties staan er al'),
  planned: z
    .object({
      slot: ZSlotView,
      rank: z.number().int().describe('1 is de eerste voorkeur'),
      berenschot: ZTrainerView,
      riec: ZTrainerView,
      unknown: z
        .array(z.enum(['berenschot', 'riec']))
        .describe('Trainers van wie de agenda niet bekend was: hun antwoord op de optie beslist'),
    })
    .nullable(),
  unplanned: z
    .object({
      code: z.string(),
      message: z.string().describe('Waarom niet, per voorkeur'),
    })
    .nullable(),
});

export const ZPlanCampaignResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('plan'),
    scope: z.array(z.enum(RIECS)),
    status: z
      .enum(['optimal', 'timeLimit', 'heuristic', 'empty'])
      .describe('timeLimit: de beste planning die binnen de tijd gevonden is, met gap'),
    gap: z.number().nullable(),
    plannedUpperBound: z.number().int().nullable(),
    summary: z.string(),
    metrics: z.object({
      planned: z.number().int(),
      unplanned: z.number().int(),
      rankSum: z.number().int(),
      unknownCount: z.number().int(),
    }),
    rows: z.array(ZPlanRow),
    notPlannable: z.array(
      z.object({
        signupId: z.string(),
        municipality: z.string(),
        code: z.enum(['NEEDS_NEW_DATES', 'NO_TRAINERS']),
        message: z.string(),
      }),
    ),
    assignments: z
      .array(ZAssignment)
      .describe('Stuur deze naar POST /planning/apply om de opties te plaatsen'),
    warnings: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('refused'),
    code: z.enum(['NO_TRAINERS', 'INVALID_INPUT']),
    message: z.string().describe('Wat er mis is en wat te doen'),
  }),
]);

export type TPlanCampaignResponse = z.infer<typeof ZPlanCampaignResponse>;

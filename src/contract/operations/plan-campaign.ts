import * as z from 'zod/mini';
import {
  NOT_PLANNABLE_CODES,
  PLAN_REFUSAL_CODES,
  PLAN_STATUSES,
  RIECS,
  SIGNUP_STATUSES,
  SLOT_VERDICTS,
  UNPLANNED_CODES,
} from '../lists.js';
import { defineOperation } from '../operation.js';
import { described, ZSlotView, ZTrainerView } from '../schemas/common.js';
import { ZAssignment, ZPlanSignupId } from '../schemas/plan.js';

export const ZPlanCampaignRequest = z.strictObject({
  riec: described(
    z.optional(z.enum(RIECS)),
    'Alleen dit RIEC plannen (standaard: uw eigen RIEC; de coördinator: alle RIECs)',
  ),
  keep: described(
    z.optional(
      z
        .array(
          z.strictObject({
            signupId: ZPlanSignupId,
            slotIndex: z.int().check(z.minimum(0), z.maximum(2)),
          }),
        )
        .check(z.maxLength(500)),
    ),
    'Opties die blijven zoals ze zijn: die aanmelding houdt die optie met dat paar',
  ),
  leaveOut: described(
    z.optional(z.array(ZPlanSignupId).check(z.maxLength(500))),
    'Aanmeldingen die niet in deze planning komen',
  ),
});
export type TPlanCampaignRequest = z.input<typeof ZPlanCampaignRequest>;

export const ZPlanRow = z
  .object({
    signupId: z.string(),
    municipality: z.string(),
    riec: z.enum(RIECS),
    status: described(z.enum(SIGNUP_STATUSES), 'De status van de aanmelding nu'),
    next: described(
      z.nullable(z.enum(['propose', 'confirm'])),
      'propose: opties plaatsen (POST /planning/apply); confirm: opties staan er al',
    ),
    planned: z.nullable(
      z.object({
        slot: ZSlotView,
        rank: described(z.int(), '1 is de eerste voorkeur'),
        berenschot: ZTrainerView,
        riec: ZTrainerView,
        unknown: described(
          z.array(z.enum(['berenschot', 'riec'])),
          'Trainers van wie de agenda niet bekend was: hun antwoord op de optie beslist',
        ),
        fixedBy: described(
          z.nullable(z.enum(['keptHold', 'lockedPair'])),
          'Waarom het hier staat als de planner het niet koos',
        ),
      }),
    ),
    unplanned: z.nullable(
      z.object({
        code: z.enum(UNPLANNED_CODES),
        slots: described(
          z.array(z.object({ slotIndex: z.int(), verdict: z.enum(SLOT_VERDICTS) })),
          'Per voorkeur: voorbij, buiten de periode, ongeldig, geen trainers vrij, of open',
        ),
        trainers: described(z.array(ZTrainerView), 'De trainers om wie het gaat'),
      }),
    ),
  })
  .check(z.meta({ id: 'PlanRow' }));
export type TPlanRow = z.infer<typeof ZPlanRow>;

export const ZPlanCampaignResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('plan'),
    scope: z.array(z.enum(RIECS)),
    status: described(
      z.enum(PLAN_STATUSES),
      'timeLimit: de beste planning die binnen de tijd gevonden is, met gap',
    ),
    gap: described(z.nullable(z.number()), 'Relatieve gap (0,02 is 2%) bij timeLimit'),
    plannedUpperBound: z.nullable(z.int()),
    metrics: z.object({
      planned: z.int(),
      unplanned: z.int(),
      rankSum: z.int(),
      unknownCount: z.int(),
    }),
    rows: z.array(ZPlanRow),
    notPlannable: z.array(
      z.object({
        signupId: z.string(),
        municipality: z.string(),
        riec: z.enum(RIECS),
        code: z.enum(NOT_PLANNABLE_CODES),
      }),
    ),
    assignments: described(
      z.array(ZAssignment),
      'Stuur deze allemaal naar POST /planning/apply om de opties te plaatsen',
    ),
    warnings: described(
      z.array(z.string()),
      'Wat de planner niet kan oplossen (in de taal van de vraag): botsende vaste workshops, een overschreden maximum, een RIEC zonder adviseurs',
    ),
    fixed: described(
      z.array(
        z.object({
          kind: described(
            z.enum(['workshop', 'hold']),
            'workshop: bevestigd; hold: de optie van een aanmelding buiten deze planning',
          ),
          municipality: z.string(),
          start: described(z.string(), 'Begin (UTC, ISO 8601)'),
          end: described(z.string(), 'Einde (UTC, ISO 8601)'),
          trainers: described(
            z.array(ZTrainerView),
            'De trainers ervan die in deze planning meedoen',
          ),
        }),
      ),
      'Wat vaststaat voor de trainers van deze planning en nog niet voorbij is (voor de tijdlijn per trainer)',
    ),
  }),
  z.object({
    kind: z.literal('refused'),
    code: z.enum(PLAN_REFUSAL_CODES),
    message: described(z.string(), 'Wat er mis is en wat te doen (in de taal van de vraag)'),
  }),
]);
export type TPlanCampaignResponse = z.infer<typeof ZPlanCampaignResponse>;

export const planCampaign = defineOperation({
  operationId: 'planCampaign',
  method: 'POST',
  path: '/planning/plan',
  summary:
    'Maakt één planning voor alle aanmeldingen van uw RIEC (of, als coördinator, de provincie)',
  description:
    'Leest de aanmeldingen, de agenda’s van de trainers en wat het product zelf al heeft ' +
    'geplaatst, en geeft per aanmelding een moment en een trainerspaar, of de reden (code) ' +
    'waarom het niet kan. Er wordt niets opgeslagen of verstuurd. Bevestigde workshops blijven ' +
    'staan; geplaatste opties houden hun paar. Een RIEC zonder adviseurs of een optie die niet ' +
    'kan worden vastgehouden geeft kind "refused" met de uitleg.',
  tags: ['Planning'],
  permission: ['signups:propose', 'province:read'],
  problems: ['NOT_FOUND', 'RATE_LIMITED', 'GRAPH_UNAVAILABLE'],
  body: ZPlanCampaignRequest,
  response: { status: 200, schema: ZPlanCampaignResponse },
});

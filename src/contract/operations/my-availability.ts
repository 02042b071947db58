// "Mijn beschikbaarheid" (issue 12): the trainer's own statement of the evenings and day parts
// they can or cannot work in the campaign window. Only for the caller: no trainer is named.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described, ZPlainDate, ZTrainerView } from '../schemas/common.js';

export const DAY_PARTS = ['ochtend', 'middag', 'avond'] as const;
export type DayPartCode = (typeof DAY_PARTS)[number];

export const ZDayPart = described(
  z.enum(DAY_PARTS),
  'Dagdeel in Amsterdamse tijd: ochtend (tot 12:00), middag (12:00–18:00), avond (vanaf 18:00)',
);

export const ZStatedWeekday = z.strictObject({
  weekday: described(
    z.int().check(z.minimum(1), z.maximum(7)),
    'ISO-weekdag: 1 maandag … 7 zondag',
  ),
  dayPart: ZDayPart,
  canWork: described(z.boolean(), 'true: kan; false: kan niet'),
});

export const ZStatedDate = z.strictObject({
  date: ZPlainDate,
  dayPart: described(z.optional(ZDayPart), 'Zonder dagdeel geldt de regel voor de hele dag'),
  canWork: z.boolean(),
});

export const ZSaveMyAvailabilityRequest = z.strictObject({
  weekly: described(
    z.array(ZStatedWeekday).check(z.maxLength(21)),
    'De gewone week: per weekdag en dagdeel of u kunt; wat ontbreekt is niet opgegeven',
  ),
  dates: described(
    z.array(ZStatedDate).check(z.maxLength(400)),
    'Uitzonderingen per datum; een datum gaat voor de gewone week',
  ),
});
export type TSaveMyAvailabilityRequest = z.input<typeof ZSaveMyAvailabilityRequest>;

export const ZMyAvailabilityResponse = z.object({
  trainer: ZTrainerView,
  window: described(
    z.object({ start: ZPlainDate, end: ZPlainDate }),
    'De periode van de campagne waarvoor u beschikbaarheid opgeeft',
  ),
  weekly: z.array(ZStatedWeekday),
  dates: z.array(ZStatedDate),
  updatedAt: described(
    z.nullable(z.string()),
    'Laatst opgeslagen (UTC); null: nog niets opgegeven',
  ),
});
export type TMyAvailabilityResponse = z.infer<typeof ZMyAvailabilityResponse>;

export const getMyAvailability = defineOperation({
  operationId: 'getMyAvailability',
  method: 'GET',
  path: '/me/availability',
  summary: 'Geeft de beschikbaarheid die u als trainer heeft opgegeven voor de campagne',
  tags: ['Trainers'],
  permission: 'availability:write-own',
  problems: ['GRAPH_UNAVAILABLE'],
  response: { status: 200, schema: ZMyAvailabilityResponse },
});

export const saveMyAvailability = defineOperation({
  operationId: 'saveMyAvailability',
  method: 'POST',
  path: '/me/availability',
  summary: 'Slaat op welke avonden en dagdelen u als trainer kunt of niet kunt werken',
  tags: ['Trainers'],
  permission: 'availability:write-own',
  problems: ['CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  body: ZSaveMyAvailabilityRequest,
  response: { status: 200, schema: ZMyAvailabilityResponse },
});

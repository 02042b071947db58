import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { ZAttendeeSource, ZWorkshopSheet } from '../schemas/attendees.js';
import { ZSignupIdParams } from '../schemas/common.js';

export const ZSaveAttendeesRequest = z.strictObject({ source: ZAttendeeSource });
export type TSaveAttendeesRequest = z.input<typeof ZSaveAttendeesRequest>;

export const saveAttendees = defineOperation({
  operationId: 'saveAttendees',
  method: 'PUT',
  path: '/signups/{signupId}/attendees',
  summary:
    'Slaat de deelnemerslijst van een bevestigde workshop op bij de afspraak van de trainers',
  description:
    'Als bijlage bij de afspraak van de workshop in de agenda van de organisator, nergens anders; ' +
    'eerder gemaakte groepen vervallen. Een lijst met fouten slaat niets op (422, de fouten per ' +
    'rij).',
  tags: ['Deelnemers'],
  permission: ['signups:write', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  body: ZSaveAttendeesRequest,
  response: { status: 200, schema: ZWorkshopSheet },
});

import { defineOperation } from '../operation.js';
import { ZWorkshopSheet } from '../schemas/attendees.js';
import { ZSignupIdParams } from '../schemas/common.js';

export const getWorkshopSheet = defineOperation({
  operationId: 'getWorkshopSheet',
  method: 'GET',
  path: '/signups/{signupId}/attendees',
  summary:
    'Geeft het werkblad van een bevestigde workshop: datum, trainers, scan, deelnemers, groepen',
  tags: ['Deelnemers'],
  permission: ['signups:write', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  response: { status: 200, schema: ZWorkshopSheet },
});

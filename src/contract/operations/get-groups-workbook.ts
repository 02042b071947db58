import { defineOperation } from '../operation.js';
import { ZSignupIdParams } from '../schemas/common.js';
import { ZSpreadsheetFile } from './get-attendee-template.js';

export const getGroupsWorkbook = defineOperation({
  operationId: 'getGroupsWorkbook',
  method: 'GET',
  path: '/signups/{signupId}/groups/workbook',
  summary: 'Geeft de groepen van een bevestigde workshop als Excel-bestand',
  tags: ['Deelnemers'],
  permission: ['signups:write', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  response: { status: 200, schema: ZSpreadsheetFile },
});

import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { ZWorkshopSheet } from '../schemas/attendees.js';
import { ZSignupIdParams } from '../schemas/common.js';

const ZPersonId = z.string().check(z.maxLength(20));

export const ZSaveGroupsRequest = z.strictObject({
  groups: z
    .array(z.array(ZPersonId).check(z.maxLength(200)))
    .check(z.minLength(1), z.maxLength(40)),
  outside: z.array(ZPersonId).check(z.maxLength(200)),
});
export type TSaveGroupsRequest = z.input<typeof ZSaveGroupsRequest>;

export const saveGroups = defineOperation({
  operationId: 'saveGroups',
  method: 'PUT',
  path: '/signups/{signupId}/groups',
  summary: 'Slaat groepen op zoals de trainers ze hebben aangepast (iemand verplaatst)',
  tags: ['Deelnemers'],
  permission: ['signups:write', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  body: ZSaveGroupsRequest,
  response: { status: 200, schema: ZWorkshopSheet },
});

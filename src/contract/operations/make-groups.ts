import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { ZWorkshopSheet } from '../schemas/attendees.js';
import { described, ZSignupIdParams } from '../schemas/common.js';

const ZPersonId = z.string().check(z.maxLength(20));

export const ZMakeGroupsRequest = z.strictObject({
  groups: z.union([
    z.strictObject({ count: z.int().check(z.minimum(1), z.maximum(40)) }),
    z.strictObject({
      sizeMin: z.int().check(z.minimum(2), z.maximum(40)),
      sizeMax: z.int().check(z.minimum(2), z.maximum(40)),
    }),
  ]),
  seed: described(
    z.int().check(z.minimum(0), z.maximum(2_147_483_647)),
    'Schud opnieuw: een ander getal',
  ),
  outside: described(
    z.array(ZPersonId).check(z.maxLength(200)),
    'Buiten de groepen (burgemeester, griffier)',
  ),
  apart: described(
    z.array(z.tuple([ZPersonId, ZPersonId])).check(z.maxLength(100)),
    'Paren die niet in dezelfde groep mogen',
  ),
});
export type TMakeGroupsRequest = z.input<typeof ZMakeGroupsRequest>;

export const makeGroups = defineOperation({
  operationId: 'makeGroups',
  method: 'POST',
  path: '/signups/{signupId}/groups',
  summary: 'Maakt gemengde groepen van de opgeslagen deelnemers en slaat ze op bij de afspraak',
  tags: ['Deelnemers'],
  permission: ['signups:write', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  body: ZMakeGroupsRequest,
  response: { status: 200, schema: ZWorkshopSheet },
});

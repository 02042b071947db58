import * as z from 'zod/mini';
import { SIGNUP_STATUSES } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';
import { ZRiec, ZSignupView } from '../schemas/signup-view.js';

/** `status=a&status=b` or `status=a,b` (or both): one list of statuses. */
const ZStatusList = z.pipe(
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((value: string | string[]) =>
      [value]
        .flat()
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ),
  z.array(z.enum(SIGNUP_STATUSES)).check(z.maxLength(SIGNUP_STATUSES.length * 4)),
);

export const ZListSignupsQuery = z.object({
  riec: described(z.optional(ZRiec), 'Alleen dit RIEC (binnen uw rechten)'),
  status: described(
    z.optional(ZStatusList),
    'Alleen deze standen: herhaal de parameter of geef een lijst met komma’s',
  ),
});

export const ZListSignupsResponse = z.object({
  signups: described(z.array(ZSignupView), 'Op naam van de gemeente'),
});
export type TListSignupsResponse = z.infer<typeof ZListSignupsResponse>;

export const listSignups = defineOperation({
  operationId: 'listSignups',
  method: 'GET',
  path: '/signups',
  summary: 'Geeft de aanmeldingen die u mag zien, eventueel per RIEC en stand',
  tags: ['Aanmeldingen'],
  permission: ['signups:read', 'workshops:read-own'],
  problems: ['GRAPH_UNAVAILABLE'],
  query: ZListSignupsQuery,
  response: { status: 200, schema: ZListSignupsResponse },
});

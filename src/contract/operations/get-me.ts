import * as z from 'zod/mini';
import { PERMISSIONS, RIECS, ROLES } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';

export const ZGetMeResponse = z.object({
  userId: described(z.string(), 'Object-id van de gebruiker in Entra ID'),
  name: z.string(),
  email: described(z.string(), 'UPN / e-mailadres'),
  roles: z.array(z.enum(ROLES)),
  riecs: described(z.array(z.enum(RIECS)), 'De RIECs waarvoor de gebruiker plant (accounthouder)'),
  canReadAll: described(z.boolean(), 'Ziet alle RIECs (coördinator)'),
  permissions: described(
    z.array(z.enum(PERMISSIONS)),
    'Wat de gebruiker mag; de UI toont daarnaar',
  ),
});
export type TGetMeResponse = z.infer<typeof ZGetMeResponse>;

export const getMe = defineOperation({
  operationId: 'getMe',
  method: 'GET',
  path: '/me',
  summary: 'Geeft de aangemelde gebruiker, zijn rollen en wat hij mag',
  tags: ['Gebruiker'],
  permission: 'me:read',
  response: { status: 200, schema: ZGetMeResponse },
});

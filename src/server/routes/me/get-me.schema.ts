import { z } from 'zod';
import { RIECS } from '../../../domain/municipalities.js';
import { PERMISSIONS } from '../../auth/authorize.js';

export const ZRole = z.enum(['accountHolder', 'trainer', 'coordinator', 'admin']);

export const ZGetMeResponse = z.object({
  userId: z.string().describe('Object-id van de gebruiker in Entra ID'),
  name: z.string(),
  email: z.string().describe('UPN / e-mailadres'),
  roles: z.array(ZRole),
  riecs: z.array(z.enum(RIECS)).describe('De RIECs waarvoor de gebruiker plant (accounthouder)'),
  canReadAll: z.boolean().describe('Ziet alle RIECs (coördinator)'),
  permissions: z.array(z.enum(PERMISSIONS)).describe('Wat de gebruiker mag; de UI toont daarnaar'),
});

export type TGetMeResponse = z.infer<typeof ZGetMeResponse>;

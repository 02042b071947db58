import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';

export const ZGetWebConfigResponse = z.object({
  clientId: described(z.string(), 'Client-id van de app-registratie'),
  tenantId: described(z.string(), 'De tenant waarin de accounthouders zich aanmelden'),
  authority: z.object({
    issuer: described(
      z.string(),
      'Uitgever van de tokens (iss); met {tenantid} als gebruikers van meer tenants zich aanmelden',
    ),
    authorizationEndpoint: described(z.string(), 'Aanmelden in de browser (code + PKCE)'),
    tokenEndpoint: z.string(),
    endSessionEndpoint: z.string(),
    msalAuthority: described(
      z.string(),
      'Authority voor msal-browser (NAA in Teams): de tenant, of organizations',
    ),
  }),
  apiScope: described(z.string(), 'De scope van deze API: <Application ID URI>/access_as_user'),
  signInScopes: described(z.array(z.string()), 'Scopes van een aanmelding in de browser'),
});
export type TGetWebConfigResponse = z.infer<typeof ZGetWebConfigResponse>;

export const getWebConfig = defineOperation({
  operationId: 'getWebConfig',
  method: 'GET',
  path: '/web-config',
  summary: 'Geeft de openbare instellingen die de Teams-tab nodig heeft om aan te melden',
  tags: ['Systeem'],
  permission: 'public',
  response: { status: 200, schema: ZGetWebConfigResponse },
});

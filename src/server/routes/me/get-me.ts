// Who the caller is and what they may do: the UI shows and hides actions by `permissions`.
import { permissionsOf } from '../../auth/authorize.js';
import { defineRoute } from '../../http/define-route.js';
import { ZGetMeResponse, type TGetMeResponse } from './get-me.schema.js';

export default defineRoute({
  method: 'GET',
  url: '/me',
  operationId: 'getMe',
  summary: 'Geeft de aangemelde gebruiker, zijn rollen en wat hij mag',
  tags: ['Gebruiker'],
  permission: 'me:read',
  schemas: { response: { 200: ZGetMeResponse } },
  handler: async ({ access }): Promise<TGetMeResponse> => ({
    userId: access.userId,
    name: access.name,
    email: access.email,
    roles: [...access.roles],
    riecs: [...access.riecs],
    canReadAll: access.canReadAll,
    permissions: permissionsOf(access),
  }),
});

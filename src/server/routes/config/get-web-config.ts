// GET /api/web-config: the public settings the tab needs to sign in (src/server/web-config.ts).
import { definePublicRoute } from '../../http/define-route.js';
import { ZGetWebConfigResponse } from '../../web-config.js';

export type { TGetWebConfigResponse } from '../../web-config.js';

export default definePublicRoute({
  method: 'GET',
  url: '/web-config',
  operationId: 'getWebConfig',
  summary: 'Geeft de openbare instellingen die de Teams-tab nodig heeft om aan te melden',
  tags: ['Systeem'],
  schemas: { response: { 200: ZGetWebConfigResponse } },
  handler: async ({ services }) => services.webConfig,
});

// Liveness for the load balancer and `npm start`: no token, no rate limit, no dependencies.
import { z } from 'zod';
import { definePublicRoute } from '../http/define-route.js';

const ZHealthResponse = z.object({ status: z.literal('ok') });

export default definePublicRoute({
  method: 'GET',
  url: '/health',
  operationId: 'getHealth',
  summary: 'Controleert of de server draait',
  tags: ['Systeem'],
  rateLimit: false,
  schemas: { response: { 200: ZHealthResponse } },
  handler: async () => ({ status: 'ok' as const }),
});

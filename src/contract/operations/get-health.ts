import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';

export const getHealth = defineOperation({
  operationId: 'getHealth',
  method: 'GET',
  path: '/health',
  summary: 'Controleert of de server draait',
  tags: ['Systeem'],
  permission: 'public',
  rateLimit: false,
  response: { status: 200, schema: z.object({ status: z.literal('ok') }) },
});

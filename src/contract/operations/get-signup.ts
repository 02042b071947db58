import { defineOperation } from '../operation.js';
import { ZSignupIdParams } from '../schemas/common.js';
import { ZSignupView } from '../schemas/signup-view.js';

export const getSignup = defineOperation({
  operationId: 'getSignup',
  method: 'GET',
  path: '/signups/{signupId}',
  summary: 'Geeft één aanmelding met opties, antwoorden en wat er nu kan',
  tags: ['Aanmeldingen'],
  permission: ['signups:read', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  params: ZSignupIdParams,
  response: { status: 200, schema: ZSignupView },
});

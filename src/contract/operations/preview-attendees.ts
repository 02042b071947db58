import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { ZAttendeePreview, ZAttendeeSource } from '../schemas/attendees.js';
import { ZSignupIdParams } from '../schemas/common.js';

export const ZPreviewAttendeesRequest = z.strictObject({ source: ZAttendeeSource });
export type TPreviewAttendeesRequest = z.input<typeof ZPreviewAttendeesRequest>;

export const previewAttendees = defineOperation({
  operationId: 'previewAttendees',
  method: 'POST',
  path: '/signups/{signupId}/attendees/preview',
  summary: 'Leest geplakte rijen of een bestand met deelnemers en toont hoe het is gelezen',
  description:
    'Per rij wat er is gelezen en de fouten in het Nederlands; slaat niets op. Alleen de ' +
    'accounthouder van het RIEC en de twee trainers van de bevestigde workshop.',
  tags: ['Deelnemers'],
  permission: ['signups:write', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED'],
  params: ZSignupIdParams,
  body: ZPreviewAttendeesRequest,
  response: { status: 200, schema: ZAttendeePreview },
});

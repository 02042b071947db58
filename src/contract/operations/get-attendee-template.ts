import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';

export const ZAttendeeTemplateQuery = z.strictObject({
  lang: z.optional(z.enum(['nl', 'en'])),
});

export const ZSpreadsheetFile = z.object({
  fileName: z.string(),
  contentType: z.string(),
  contentBase64: described(z.string(), 'Het .xlsx-bestand, base64'),
});
export type TSpreadsheetFile = z.infer<typeof ZSpreadsheetFile>;

export const getAttendeeTemplate = defineOperation({
  operationId: 'getAttendeeTemplate',
  method: 'GET',
  path: '/attendees/template',
  summary: 'Geeft het Excel-sjabloon voor de deelnemerslijst, om naar de griffie te sturen',
  tags: ['Deelnemers'],
  permission: ['signups:write', 'workshops:read-own'],
  query: ZAttendeeTemplateQuery,
  response: { status: 200, schema: ZSpreadsheetFile },
});

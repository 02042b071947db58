import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';
import { ZLogEntryView } from './get-signup-log.js';

/** Lines per page of the campaign-wide log. */
export const LOG_PAGE_SIZE = 50;

export const ZListLogQuery = z.object({
  gemeente: described(
    z.optional(z.string().check(z.regex(/^GM\d{4}$/))),
    'Alleen de regels van deze gemeente (CBS-code, bijvoorbeeld GM0392)',
  ),
  pagina: described(
    z.optional(
      z.pipe(
        z.string().check(z.regex(/^[1-9]\d{0,5}$/)),
        z.transform((value: string) => Number(value)),
      ),
    ),
    'Paginanummer, vanaf 1 (50 regels per pagina)',
  ),
});

export const ZCampaignLogEntryView = z.extend(ZLogEntryView, {
  signupId: z.string(),
  cbsCode: z.string(),
  municipality: described(z.string(), 'Naam van de gemeente'),
});
export type TCampaignLogEntryView = z.infer<typeof ZCampaignLogEntryView>;

export const ZListLogResponse = z.object({
  entries: described(z.array(ZCampaignLogEntryView), 'Nieuwste eerst'),
  page: z.int(),
  pageSize: z.int(),
  total: described(z.int(), 'Aantal regels in totaal (met het filter op gemeente)'),
});
export type TListLogResponse = z.infer<typeof ZListLogResponse>;

export const listLog = defineOperation({
  operationId: 'listLog',
  method: 'GET',
  path: '/log',
  summary:
    'Geeft het logboek van de campagne: elke stap van de aanmeldingen die u mag zien, nieuwste eerst',
  tags: ['Aanmeldingen'],
  permission: ['signups:read'],
  problems: ['GRAPH_UNAVAILABLE'],
  query: ZListLogQuery,
  response: { status: 200, schema: ZListLogResponse },
});

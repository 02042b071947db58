import * as z from 'zod/mini';
import { SIGNUP_STATUSES } from '../lists.js';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';
import { ZSlotView } from '../schemas/common.js';
import { ZRiec, ZSignupStatus, ZSignupView } from '../schemas/signup-view.js';
import { ZSignupSummary } from './list-municipalities.js';

/** Sign-ups per page when a page is asked for (`cursor` or `limit`), and the most per page. */
export const SIGNUP_PAGE_SIZE = 50;
export const SIGNUP_PAGE_MAX = 200;

const ZCursor = described(
  z.optional(z.string().check(z.maxLength(200))),
  'Waar de volgende pagina begint: nextCursor van de vorige pagina (ondoorzichtig)',
);
const ZLimit = described(
  z.optional(
    z.pipe(
      z.string().check(z.regex(/^[1-9]\d{0,2}$/)),
      z.transform((value: string) => Number(value)),
    ),
  ),
  `Aantal per pagina (standaard ${SIGNUP_PAGE_SIZE}, hoogstens ${SIGNUP_PAGE_MAX})`,
);
const ZNextCursor = described(
  z.nullable(z.string()),
  'Voor de volgende pagina (parameter cursor); null op de laatste pagina en zonder paginering',
);

/** `status=a&status=b` or `status=a,b` (or both): one list of statuses. */
const ZStatusList = z.pipe(
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((value: string | string[]) =>
      [value]
        .flat()
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ),
  z.array(z.enum(SIGNUP_STATUSES)).check(z.maxLength(SIGNUP_STATUSES.length * 4)),
);

export const ZListSignupsQuery = z.object({
  riec: described(z.optional(ZRiec), 'Alleen dit RIEC (binnen uw rechten)'),
  status: described(
    z.optional(ZStatusList),
    'Alleen deze standen: herhaal de parameter of geef een lijst met komma’s',
  ),
  cursor: ZCursor,
  limit: ZLimit,
});

export const ZListSignupsResponse = z.object({
  signups: described(
    z.array(ZSignupView),
    'Op naam van de gemeente; met cursor of limit een pagina, op volgorde van aanmelding',
  ),
  nextCursor: z.optional(ZNextCursor),
});
export type TListSignupsResponse = z.infer<typeof ZListSignupsResponse>;

export const listSignups = defineOperation({
  operationId: 'listSignups',
  method: 'GET',
  path: '/signups',
  summary: 'Geeft de aanmeldingen die u mag zien, eventueel per RIEC en stand',
  description:
    'Zonder cursor of limit: de hele lijst, zoals altijd. Met cursor of limit: een pagina (standaard 50) op volgorde van aanmelding; de volgende met nextCursor. Antwoordt met een ETag; If-None-Match met dezelfde ETag geeft 304.',
  tags: ['Aanmeldingen'],
  permission: ['signups:read', 'workshops:read-own'],
  problems: ['GRAPH_UNAVAILABLE'],
  query: ZListSignupsQuery,
  response: { status: 200, schema: ZListSignupsResponse },
});

/** One row of the overview or the dashboard: what a table row shows, nothing more. */
export const ZSignupRow = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    municipality: z.object({ cbsCode: z.string(), name: z.string() }),
    riec: ZRiec,
    status: ZSignupStatus,
    registeredAt: z.string(),
    accountHolder: described(z.string(), 'Naam van de accounthouder'),
    pair: described(
      z.nullable(z.object({ berenschot: z.string(), riec: z.string() })),
      'Namen van het trainerspaar',
    ),
    lapsesAt: z.nullable(z.string()),
    confirmedSlot: z.nullable(ZSlotView),
    pendingOperation: z.boolean(),
    // What the overview's row shows besides (issue 16, item 4): as in listMunicipalities.
    answers: ZSignupSummary.shape.answers,
    needsAction: ZSignupSummary.shape.needsAction,
  })
  .check(z.meta({ id: 'SignupRow' }));
export type TSignupRow = z.infer<typeof ZSignupRow>;

export const ZListSignupSummariesQuery = z.object({
  campaignId: described(
    z.optional(z.string().check(z.maxLength(50))),
    'Alleen de aanmeldingen in deze editie (zonder: alle edities)',
  ),
  riec: ZListSignupsQuery.shape.riec,
  status: ZListSignupsQuery.shape.status,
  cursor: ZCursor,
  limit: ZLimit,
});

export const ZListSignupSummariesResponse = z.object({
  signups: described(z.array(ZSignupRow), 'Op volgorde van aanmelding'),
  nextCursor: ZNextCursor,
});
export type TListSignupSummariesResponse = z.infer<typeof ZListSignupSummariesResponse>;

export const listSignupSummaries = defineOperation({
  operationId: 'listSignupSummaries',
  method: 'GET',
  path: '/signups/summaries',
  summary: 'Geeft een pagina met de aanmeldingen die u mag zien, in het kort (voor het overzicht)',
  description:
    'Een pagina (standaard 50, hoogstens 200) op volgorde van aanmelding; de volgende met nextCursor. Antwoordt met een ETag; If-None-Match met dezelfde ETag geeft 304.',
  tags: ['Aanmeldingen'],
  permission: ['signups:read', 'workshops:read-own'],
  problems: ['GRAPH_UNAVAILABLE'],
  query: ZListSignupSummariesQuery,
  response: { status: 200, schema: ZListSignupSummariesResponse },
});

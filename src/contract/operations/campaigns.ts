// The editions of the campaign (campaign issue 13, items 1 and 6): everyone signed in reads them,
// the coordinator creates and edits them (guarded by the version read: a stale edit is 409), and
// the status of an edition and the audit log can be downloaded as .xlsx or CSV.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';

const ZDateText = described(
  z.string().check(z.maxLength(40)),
  'Datum in Amsterdam (JJJJ-MM-DD); de server meldt een ongeldige datum bij het veld',
);

export const ZCampaignSettings = z.object({
  title: z.string().check(z.maxLength(200)),
  signupDeadline: ZDateText,
  window: z.object({ start: ZDateText, end: ZDateText }),
  maxDurationMinutes: described(z.number(), 'Hoe lang een workshop ten hoogste duurt (minuten)'),
  holdLapseDays: described(z.number(), 'Dagen waarna opties zonder bevestiging vervallen'),
  reminderDays: described(
    z.array(z.number()).check(z.maxLength(10)),
    'Herinneringen aan gemeenten die zich nog niet aanmeldden: dagen vóór de deadline',
  ),
  sender: z.object({
    name: described(z.string().check(z.maxLength(200)), 'Namens wie de berichten gaan'),
    reminderText: described(
      z.string().check(z.maxLength(5000)),
      'Tekst van de herinnering (Nederlands)',
    ),
  }),
  autoSendReminders: described(
    z._default(z.boolean(), false),
    'De achtergrondronde verstuurt herinneringen die aan de beurt zijn zelf (standaard uit)',
  ),
  nudgeAfterDays: described(
    z._default(z.number(), 3),
    'Dagen waarna een trainer die niet antwoordde een herinnering krijgt (1 tot en met 14)',
  ),
});
export type TCampaignSettings = z.infer<typeof ZCampaignSettings>;

export const ZCampaignEdition = z.object({
  id: described(z.string(), 'Kenmerk van de editie, bijvoorbeeld weerbaarheid-2022'),
  isCurrent: described(z.boolean(), 'De editie die de tab standaard toont'),
  rolling: described(z.boolean(), 'De data schuiven mee met vandaag (demo-editie)'),
  version: described(z.string(), 'Versie; stuur die mee bij wijzigen (anders 409)'),
  isSignupOpen: z.boolean(),
  settings: ZCampaignSettings,
});
export type TCampaignEdition = z.infer<typeof ZCampaignEdition>;

export const ZCampaignIdParams = z.object({
  campaignId: described(z.string().check(z.maxLength(50)), 'Kenmerk van de editie'),
});

export const ZListCampaignsResponse = z.object({
  campaigns: described(z.array(ZCampaignEdition), 'Nieuwste deadline eerst'),
});
export type TListCampaignsResponse = z.infer<typeof ZListCampaignsResponse>;

export const listCampaigns = defineOperation({
  operationId: 'listCampaigns',
  method: 'GET',
  path: '/campaigns',
  summary: 'Geeft de edities van de campagne, de huidige gemarkeerd',
  tags: ['Campagne'],
  permission: 'campaign:read',
  problems: ['GRAPH_UNAVAILABLE'],
  response: { status: 200, schema: ZListCampaignsResponse },
});

export const getCampaignEdition = defineOperation({
  operationId: 'getCampaignEdition',
  method: 'GET',
  path: '/campaigns/{campaignId}',
  summary: 'Geeft één editie van de campagne met haar instellingen en versie',
  tags: ['Campagne'],
  permission: 'campaign:read',
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  params: ZCampaignIdParams,
  response: { status: 200, schema: ZCampaignEdition },
});

export const ZCreateCampaignRequest = z.object({
  id: described(
    z.string().check(z.maxLength(50)),
    'Kenmerk: kleine letters, cijfers en streepjes (weerbaarheid-2027)',
  ),
  isCurrent: z._default(z.boolean(), false),
  settings: ZCampaignSettings,
});
export type TCreateCampaignRequest = z.input<typeof ZCreateCampaignRequest>;

export const createCampaign = defineOperation({
  operationId: 'createCampaign',
  method: 'POST',
  path: '/campaigns',
  summary: 'Maakt een nieuwe editie van de campagne (coördinator)',
  tags: ['Campagne'],
  permission: 'campaign:write',
  problems: ['DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  body: ZCreateCampaignRequest,
  response: { status: 201, schema: ZCampaignEdition },
});

export const ZUpdateCampaignRequest = z.object({
  version: described(z.string().check(z.maxLength(200)), 'De versie die u bewerkte'),
  isCurrent: z._default(z.boolean(), false),
  settings: ZCampaignSettings,
});
export type TUpdateCampaignRequest = z.input<typeof ZUpdateCampaignRequest>;

export const updateCampaign = defineOperation({
  operationId: 'updateCampaign',
  method: 'PUT',
  path: '/campaigns/{campaignId}',
  summary:
    'Wijzigt een editie van de campagne (coördinator); 409 als iemand anders haar intussen wijzigde',
  tags: ['Campagne'],
  permission: 'campaign:write',
  problems: ['NOT_FOUND', 'CONFLICT', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZCampaignIdParams,
  body: ZUpdateCampaignRequest,
  response: { status: 200, schema: ZCampaignEdition },
});

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ZExportQuery = z.object({
  format: described(z._default(z.enum(EXPORT_FORMATS), 'xlsx'), 'xlsx (Excel) of csv'),
});

export const ZExportFile = z.object({
  fileName: z.string(),
  contentType: z.string(),
  contentBase64: described(z.string(), 'De inhoud van het bestand (base64)'),
  rows: described(z.int(), 'Aantal regels zonder de kopregel'),
});
export type TExportFile = z.infer<typeof ZExportFile>;

export const exportCampaignStatus = defineOperation({
  operationId: 'exportCampaignStatus',
  method: 'GET',
  path: '/campaigns/{campaignId}/export/status',
  summary:
    'Geeft de stand van de editie als bestand: één regel per gemeente (accounthouder: eigen RIEC)',
  tags: ['Campagne'],
  permission: 'signups:read',
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  params: ZCampaignIdParams,
  query: ZExportQuery,
  response: { status: 200, schema: ZExportFile },
});

export const exportCampaignLog = defineOperation({
  operationId: 'exportCampaignLog',
  method: 'GET',
  path: '/campaigns/{campaignId}/export/log',
  summary: 'Geeft het logboek van de editie als bestand (accounthouder: eigen RIEC)',
  tags: ['Campagne'],
  permission: 'signups:read',
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  params: ZCampaignIdParams,
  query: ZExportQuery,
  response: { status: 200, schema: ZExportFile },
});

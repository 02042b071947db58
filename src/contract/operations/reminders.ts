// Reminders to municipalities that have not signed up (campaign issue 13, item 3): the overview
// (who signed up, when the last reminder went, which are due), a preview of the text for a
// selection, and sending it from the account holder's mailbox — once per municipality and day,
// whatever is retried.
import * as z from 'zod/mini';
import { defineOperation } from '../operation.js';
import { described } from '../schemas/common.js';
import { ZCampaignIdParams } from './campaigns.js';

export const ZReminderRow = z.object({
  cbsCode: z.string(),
  municipality: described(z.string(), 'Naam van de gemeente'),
  riec: z.string(),
  signedUp: described(z.boolean(), 'De gemeente heeft zich voor deze editie aangemeld'),
  defaultAddress: described(z.string(), 'Adres van de griffie; wijzig het zo nodig vóór verzenden'),
  sentCount: described(z.int(), 'Aantal verstuurde herinneringen in deze editie'),
  lastSentAt: described(z.nullable(z.string()), 'Wanneer de laatste herinnering ging (UTC)'),
  lastSentTo: described(z.nullable(z.string()), 'Aan welk adres de laatste herinnering ging'),
  dueSince: described(
    z.nullable(z.string()),
    'Herinnering nodig sinds deze dag (herinneringsdagen van de editie); null: niet nodig',
  ),
  isPending: described(z.boolean(), 'Een herinnering wordt nog verstuurd'),
});
export type TReminderRow = z.infer<typeof ZReminderRow>;

export const ZListRemindersResponse = z.object({
  campaignId: z.string(),
  signupDeadline: z.string(),
  reminderDays: z.array(z.int()),
  template: described(z.string(), 'De tekst van de editie, om te bewerken vóór verzenden'),
  municipalities: z.array(ZReminderRow),
});
export type TListRemindersResponse = z.infer<typeof ZListRemindersResponse>;

export const listReminders = defineOperation({
  operationId: 'listReminders',
  method: 'GET',
  path: '/campaigns/{campaignId}/reminders',
  summary:
    'Geeft per gemeente (accounthouder: eigen RIEC) of ze zich aanmeldde, wanneer de laatste herinnering ging en of er een nodig is',
  tags: ['Campagne'],
  permission: 'signups:read',
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  params: ZCampaignIdParams,
  response: { status: 200, schema: ZListRemindersResponse },
});

export const ZReminderRequest = z.strictObject({
  template: described(
    z.string().check(z.maxLength(5000)),
    'Tekst van de herinnering; {deadline}, {gemeente} en {accounthouder} worden ingevuld',
  ),
  recipients: described(
    z
      .array(
        z.strictObject({
          cbsCode: z.string().check(z.maxLength(20)),
          address: z.string().check(z.maxLength(320)),
        }),
      )
      .check(z.maxLength(400)),
    'De gemeenten en het adres waar de herinnering heen gaat',
  ),
});
export type TReminderRequest = z.input<typeof ZReminderRequest>;

export const ZReminderPreview = z.object({
  cbsCode: z.string(),
  municipality: z.string(),
  address: z.string(),
  subject: z.string(),
  text: described(z.string(), 'De tekst zoals de gemeente hem krijgt'),
});

export const ZPreviewRemindersResponse = z.object({ previews: z.array(ZReminderPreview) });
export type TPreviewRemindersResponse = z.infer<typeof ZPreviewRemindersResponse>;

export const previewReminders = defineOperation({
  operationId: 'previewReminders',
  method: 'POST',
  path: '/campaigns/{campaignId}/reminders/preview',
  summary: 'Toont de herinnering zoals elke gekozen gemeente haar krijgt; verstuurt niets',
  tags: ['Campagne'],
  permission: 'signups:write',
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZCampaignIdParams,
  body: ZReminderRequest,
  response: { status: 200, schema: ZPreviewRemindersResponse },
});

export const REMINDER_RESULTS = ['sent', 'alreadySent', 'inProgress', 'failed'] as const;

export const ZSendRemindersResponse = z.object({
  results: z.array(
    z.object({
      cbsCode: z.string(),
      municipality: z.string(),
      address: z.string(),
      result: described(
        z.enum(REMINDER_RESULTS),
        'sent: nu verstuurd; alreadySent: vandaag al verstuurd; inProgress: wordt verstuurd; failed: niet gelukt, de achtergrondtaak maakt het af',
      ),
      sentAt: z.nullable(z.string()),
    }),
  ),
});
export type TSendRemindersResponse = z.infer<typeof ZSendRemindersResponse>;

export const sendReminders = defineOperation({
  operationId: 'sendReminders',
  method: 'POST',
  path: '/campaigns/{campaignId}/reminders',
  summary:
    'Verstuurt de herinnering vanuit uw eigen mailbox aan de gekozen gemeenten van uw RIEC, per gemeente hooguit één keer per dag',
  description:
    'Veilig te herhalen: een herinnering die vandaag al ging, gaat niet opnieuw (alreadySent). Bij foute invoer wordt niets verstuurd.',
  tags: ['Campagne'],
  permission: 'signups:write',
  problems: ['NOT_FOUND', 'DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  params: ZCampaignIdParams,
  body: ZReminderRequest,
  response: { status: 200, schema: ZSendRemindersResponse },
});

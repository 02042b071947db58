// Reminders on Graph (issue 13, item 3): their lines in the audit log (Workshoplogboek, on the
// municipality: AanmeldingId 0, the CBS code set), sendMail from the account holder's mailbox
// with a Message-ID of our own, and the Sent Items lookup by that Message-ID.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { signupDeepLink, type ActivityNotice } from '../../domain/activity-feed.js';
import type { CbsCode } from '../../domain/ids.js';
import type { ReminderGateway, ReminderMail, ReminderRecord } from '../../domain/ports.js';
import { toGraphFailure } from '../client/errors.js';
import { LOG_LIST } from './lists.js';
import { readAllPages } from './read-pages.js';

const ACTIONS = {
  claimed: 'reminderClaim',
  resumed: 'reminderResume',
  sent: 'reminderSent',
} as const;

/** Takeovers of one claim are told apart by the interval they happen in. */
const TAKEOVER_INTERVAL_MS = 2 * 60 * 1000;

const ZLine = z.object({
  id: z.string(),
  fields: z.looseObject({
    Sleutel: z.string().nullish(),
    CbsCode: z.string().nullish(),
    Gemeente: z.string().nullish(),
    Actie: z.string().nullish(),
    Door: z.string().nullish(),
    Tijdstip: z.string().nullish(),
    Gebeurtenis: z.string().nullish(),
  }),
});

const ZParams = z.object({
  code: z.literal('reminder'),
  params: z.object({
    key: z.string(),
    campaignId: z.string(),
    address: z.string(),
    sender: z.string(),
    messageId: z.string(),
    kind: z.enum(['reminder', 'nudge', 'lapseNotice', 'optionAccepted', 'notSignedUp']).optional(),
    subject: z.string().optional(),
    bodyHtml: z.string().optional(),
  }),
});

function lineKey(record: Pick<ReminderRecord, 'key' | 'state' | 'at'>): string {
  if (record.state !== 'resumed') return `${record.key}|${record.state}`;
  // Two runs that take the same claim over in the same interval write the same line: one wins.
  return `${record.key}|resumed|${Math.floor(Date.parse(record.at) / TAKEOVER_INTERVAL_MS)}`;
}

function toFields(record: ReminderRecord): Record<string, unknown> {
  const detail =
    record.state === 'sent'
      ? `Herinnering verstuurd aan ${record.address} (editie ${record.campaignId}) vanuit ${record.sender}`
      : record.state === 'resumed'
        ? `Herinnering aan ${record.address} wordt afgemaakt na een onderbreking (editie ${record.campaignId})`
        : `Herinnering aan ${record.address} wordt verstuurd (editie ${record.campaignId})`;
  return {
    Title: `Herinnering ${record.municipality}`,
    Sleutel: lineKey(record),
    // Not about a sign-up: 0 (the log's reads by sign-up never match it).
    AanmeldingId: 0,
    CbsCode: record.cbsCode,
    Gemeente: record.municipality,
    Actie: ACTIONS[record.state],
    VanStatus: '',
    NaarStatus: '',
    Door: record.by,
    Tijdstip: record.at,
    Details: detail,
    Gebeurtenis: JSON.stringify({
      code: 'reminder',
      params: {
        key: record.key,
        campaignId: record.campaignId,
        address: record.address,
        sender: record.sender,
        messageId: record.messageId,
        ...(record.kind && record.kind !== 'reminder' ? { kind: record.kind } : {}),
        ...(record.mail ? record.mail : {}),
      },
    }),
  };
}

function fromLine(line: z.infer<typeof ZLine>): ReminderRecord | undefined {
  const f = line.fields;
  const state = (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).find(
    (name) => ACTIONS[name] === f.Actie,
  );
  if (!state || !f.Gebeurtenis) return undefined;
  let parsed;
  try {
    parsed = ZParams.safeParse(JSON.parse(f.Gebeurtenis));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const p = parsed.data.params;
  return {
    key: p.key,
    state,
    campaignId: p.campaignId,
    cbsCode: (f.CbsCode ?? '') as CbsCode,
    municipality: f.Gemeente ?? '',
    address: p.address,
    sender: p.sender,
    messageId: p.messageId,
    by: f.Door ?? '',
    at: f.Tijdstip ?? '',
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.subject !== undefined && p.bodyHtml !== undefined
      ? { mail: { subject: p.subject, bodyHtml: p.bodyHtml } }
      : {}),
  };
}

/** SharePoint refuses a second item with the same unique Sleutel. */
function isDuplicateValue(status: number, message: string): boolean {
  return status === 409 || (status === 400 && /duplicate values/i.test(message));
}

function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Graph's answer when the sending Teams app is not installed for the recipient. */
function isNotInstalled(status: number, message: string): boolean {
  return (status === 403 || status === 404) && /not installed|installed for/i.test(message);
}

export function graphReminders(client: Client, site: string, teamsAppId: string): ReminderGateway {
  const items = `/sites/${site}/lists/${LOG_LIST}/items`;
  return {
    async list() {
      const filter = encodeURIComponent('fields/AanmeldingId eq 0');
      const lines = await readAllPages(
        client,
        `${items}?expand=fields&$top=500&$filter=${filter}`,
        ZLine,
      );
      return lines.flatMap((line) => fromLine(line) ?? []);
    },

    async write(record) {
      try {
        await client.api(items).post({ fields: toFields(record) });
        return 'written';
      } catch (error) {
        const failure = toGraphFailure(error);
        if (isDuplicateValue(failure.status, failure.message)) return 'exists';
        throw failure;
      }
    },

    async send(mail: ReminderMail) {
      try {
        await client.api(`/users/${encodeURIComponent(mail.from)}/sendMail`).post({
          message: {
            subject: mail.subject,
            body: { contentType: 'html', content: mail.bodyHtml },
            toRecipients: [{ emailAddress: { address: mail.to } }],
            internetMessageId: mail.messageId,
          },
          saveToSentItems: true,
        });
      } catch (error) {
        throw toGraphFailure(error);
      }
    },

    async notify(recipient: string, notice: ActivityNotice) {
      try {
        await client
          .api(`/users/${encodeURIComponent(recipient)}/teamwork/sendActivityNotification`)
          .post({
            topic: {
              source: 'text',
              value: notice.topic,
              webUrl: signupDeepLink(teamsAppId, notice.signupId),
            },
            activityType: notice.activityType,
            previewText: { content: notice.previewText },
            teamsAppId,
            templateParameters: Object.entries(notice.parameters).map(([name, value]) => ({
              name,
              value,
            })),
          });
        return 'sent';
      } catch (error) {
        const failure = toGraphFailure(error);
        if (isNotInstalled(failure.status, failure.message)) return 'notInstalled';
        throw failure;
      }
    },

    async isSent(sender, messageId) {
      const filter = encodeURIComponent(`internetMessageId eq ${odataString(messageId)}`);
      const found = await readAllPages(
        client,
        `/users/${encodeURIComponent(sender)}/mailFolders/sentitems/messages?$filter=${filter}&$select=id`,
        z.object({ id: z.string() }),
      );
      return found.length > 0;
    },
  };
}

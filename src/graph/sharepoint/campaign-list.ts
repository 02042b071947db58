// The editions of the campaign ↔ items in "Workshopcampagnes" (the CampaignStore port), and
// their changes as lines in "Workshoplogboek". Written with the app's identity after the use
// case decided the caller may (src/app/campaigns.ts); updates guarded by the item's eTag.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  DEFAULT_AUTO_SEND_REMINDERS,
  DEFAULT_NUDGE_AFTER_DAYS,
  type CampaignRecord,
} from '../../domain/campaign-settings.js';
import type { CampaignChange, CampaignStore, StoredCampaign } from '../../domain/ports.js';
import { toGraphFailure } from '../client/errors.js';
import { CAMPAIGN_LIST, LOG_LIST } from './lists.js';
import { readAllPages } from './read-pages.js';

const ZCampaignItem = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  fields: z.looseObject({
    Title: z.string().nullish(),
    CampagneId: z.string(),
    Deadline: z.string(),
    VensterStart: z.string().nullish(),
    VensterEind: z.string().nullish(),
    MaxDuurMinuten: z.number().nullish(),
    OptieTermijnDagen: z.number().nullish(),
    HerinneringDagen: z.string().nullish(),
    AfzenderNaam: z.string().nullish(),
    HerinneringTekst: z.string().nullish(),
    Huidig: z.boolean().nullish(),
    Meebewegend: z.boolean().nullish(),
    HerinneringenAutomatisch: z.boolean().nullish(),
    AansporingNaDagen: z.number().nullish(),
  }),
});
type CampaignItem = z.infer<typeof ZCampaignItem>;

export function toCampaignFields(record: CampaignRecord): Record<string, unknown> {
  const s = record.settings;
  return {
    Title: s.title,
    CampagneId: record.id,
    Deadline: s.signupDeadline,
    VensterStart: s.window.start,
    VensterEind: s.window.end,
    MaxDuurMinuten: s.maxDurationMinutes,
    OptieTermijnDagen: s.holdLapseDays,
    HerinneringDagen: s.reminderDays.join(';'),
    AfzenderNaam: s.sender.name,
    HerinneringTekst: s.sender.reminderText,
    Huidig: record.isCurrent,
    Meebewegend: record.rolling,
    HerinneringenAutomatisch: s.autoSendReminders,
    AansporingNaDagen: s.nudgeAfterDays,
  };
}

function parseDays(value: string | null | undefined): number[] {
  return (value ?? '')
    .split(/[;,\s]+/)
    .filter((part) => part !== '')
    .map(Number)
    .filter((day) => Number.isFinite(day));
}

export function fromCampaignItem(item: CampaignItem): StoredCampaign {
  const f = item.fields;
  return {
    version: item['@odata.etag'] ?? item.eTag ?? '',
    record: {
      id: f.CampagneId,
      isCurrent: f.Huidig === true,
      rolling: f.Meebewegend === true,
      settings: {
        title: f.Title ?? '',
        signupDeadline: f.Deadline,
        window: { start: f.VensterStart ?? '', end: f.VensterEind ?? '' },
        maxDurationMinutes: f.MaxDuurMinuten ?? 0,
        holdLapseDays: f.OptieTermijnDagen ?? 0,
        reminderDays: parseDays(f.HerinneringDagen),
        sender: { name: f.AfzenderNaam ?? '', reminderText: f.HerinneringTekst ?? '' },
        // Items stored before these columns existed: off, and the 3 days of before.
        autoSendReminders: f.HerinneringenAutomatisch ?? DEFAULT_AUTO_SEND_REMINDERS,
        nudgeAfterDays: f.AansporingNaDagen ?? DEFAULT_NUDGE_AFTER_DAYS,
      },
    },
  };
}

function isDuplicateValue(status: number, message: string): boolean {
  return status === 409 || (status === 400 && /duplicate values/i.test(message));
}

export class SharePointCampaignStore implements CampaignStore {
  /** List item ids by campaign id, learnt from the last read (updates address the item). */
  private readonly itemIds = new Map<string, string>();

  constructor(
    private readonly client: Client,
    private readonly site: string,
  ) {}

  private items(list: string): string {
    return `/sites/${this.site}/lists/${list}/items`;
  }

  async list(): Promise<StoredCampaign[]> {
    const items = await readAllPages(
      this.client,
      `${this.items(CAMPAIGN_LIST)}?expand=fields&$top=200`,
      ZCampaignItem,
    );
    for (const item of items) this.itemIds.set(item.fields.CampagneId, item.id);
    return items.map(fromCampaignItem);
  }

  async create(record: CampaignRecord): Promise<StoredCampaign | 'duplicate'> {
    try {
      const created = ZCampaignItem.parse(
        await this.client.api(this.items(CAMPAIGN_LIST)).post({ fields: toCampaignFields(record) }),
      );
      this.itemIds.set(record.id, created.id);
      return fromCampaignItem(created);
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      const failure = toGraphFailure(error);
      if (isDuplicateValue(failure.status, failure.message)) return 'duplicate';
      throw failure;
    }
  }

  async update(record: CampaignRecord, version: string): Promise<StoredCampaign | 'conflict'> {
    if (!this.itemIds.has(record.id)) await this.list();
    const itemId = this.itemIds.get(record.id);
    if (itemId === undefined) return 'conflict';
    try {
      const patched = z.record(z.string(), z.unknown()).parse(
        await this.client
          .api(`${this.items(CAMPAIGN_LIST)}/${encodeURIComponent(itemId)}/fields`)
          .header('If-Match', version)
          .patch(toCampaignFields(record)),
      );
      const eTag = typeof patched['@odata.etag'] === 'string' ? patched['@odata.etag'] : '';
      return { record, version: eTag };
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      const failure = toGraphFailure(error);
      if (failure.status === 412 || failure.status === 404) return 'conflict';
      throw failure;
    }
  }

  async log(change: CampaignChange): Promise<void> {
    try {
      await this.client.api(this.items(LOG_LIST)).post({
        fields: {
          Title: `Campagne ${change.campaignId}`,
          Sleutel: change.key,
          // Not about a sign-up: 0 (the log's reads by sign-up never match it).
          AanmeldingId: 0,
          CbsCode: '',
          Gemeente: '',
          Actie: change.action,
          VanStatus: '',
          NaarStatus: '',
          Door: change.by,
          Tijdstip: change.at,
          Details: change.detail,
        },
      });
    } catch (error) {
      const failure = toGraphFailure(error);
      if (isDuplicateValue(failure.status, failure.message)) return;
      throw failure;
    }
  }
}

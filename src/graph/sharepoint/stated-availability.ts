// The trainers' own availability ↔ items in "Workshopbeschikbaarheid" (lists.ts
// AVAILABILITY_LIST_SPEC): one item per campaign and trainer account, found by its indexed,
// unique Sleutel; the statement as JSON. Read defensively: an item whose JSON does not parse
// (edited by hand) counts as "nothing stated" and is replaced by the trainer's next save.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { StatedAvailabilityStore, StatementWriteOutcome } from '../../domain/ports.js';
import {
  statementKey,
  type AvailabilityStatement,
  type StoredStatement,
} from '../../domain/stated-availability.js';
import { toGraphFailure } from '../client/errors.js';
import { AVAILABILITY_LIST } from './lists.js';
import { odataString } from './status-log.js';

const ZDayPart = z.enum(['ochtend', 'middag', 'avond']);
const ZStatement = z.object({
  weekly: z.array(
    z.object({ weekday: z.number().int().min(1).max(7), dayPart: ZDayPart, canWork: z.boolean() }),
  ),
  dates: z.array(
    z.object({ date: z.string(), dayPart: ZDayPart.optional(), canWork: z.boolean() }),
  ),
});

const ZItem = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  fields: z.object({
    CampagneId: z.string().nullish(),
    Trainer: z.string().nullish(),
    TenantId: z.string().nullish(),
    ObjectId: z.string().nullish(),
    Beschikbaarheid: z.string().nullish(),
    BijgewerktOp: z.string().nullish(),
  }),
});
const ZPage = z.object({ value: z.array(ZItem), '@odata.nextLink': z.string().optional() });

function parseStatement(json: string | null | undefined): AvailabilityStatement {
  try {
    const parsed = ZStatement.safeParse(JSON.parse(json ?? ''));
    if (parsed.success) {
      return {
        weekly: parsed.data.weekly,
        dates: parsed.data.dates.map(({ date, dayPart, canWork }) => ({
          date,
          canWork,
          ...(dayPart ? { dayPart } : {}),
        })),
      };
    }
  } catch {
    // Not JSON: nothing stated (file comment).
  }
  return { weekly: [], dates: [] };
}

function toStatement(item: z.infer<typeof ZItem>): StoredStatement | undefined {
  const { CampagneId, TenantId, ObjectId } = item.fields;
  if (!CampagneId || !TenantId || !ObjectId) return undefined;
  return {
    campaignId: CampagneId,
    account: { tenantId: TenantId.toLowerCase(), objectId: ObjectId.toLowerCase() },
    trainer: (item.fields.Trainer ?? '').toLowerCase(),
    updatedAt: item.fields.BijgewerktOp ?? '',
    ...parseStatement(item.fields.Beschikbaarheid),
    stored: { id: item.id, eTag: item['@odata.etag'] ?? item.eTag ?? '' },
  };
}

/** SharePoint refuses a second item with a unique value as 409 (or 400 "duplicate values"). */
function isDuplicateKey(status: number, message: string): boolean {
  return status === 409 || (status === 400 && /duplicate values/i.test(message));
}

export function sharePointStatedAvailability(
  client: Client,
  site: string,
): StatedAvailabilityStore {
  const items = `/sites/${site}/lists/${AVAILABILITY_LIST}/items`;

  async function query(filter: string): Promise<StoredStatement[]> {
    const found: StoredStatement[] = [];
    try {
      let page = ZPage.parse(
        await client.api(items).expand('fields').filter(filter).top(500).get(),
      );
      found.push(...page.value.flatMap((item) => toStatement(item) ?? []));
      while (page['@odata.nextLink']) {
        page = ZPage.parse(await client.api(page['@odata.nextLink']).get());
        found.push(...page.value.flatMap((item) => toStatement(item) ?? []));
      }
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      throw toGraphFailure(error);
    }
    return found;
  }

  return {
    list: (campaignId) => query(`fields/CampagneId eq ${odataString(campaignId)}`),
    async read(campaignId, account) {
      const key = statementKey(campaignId, account);
      const [first] = await query(`fields/Sleutel eq ${odataString(key)}`);
      return first;
    },
    async write(statement, current): Promise<StatementWriteOutcome> {
      const key = statementKey(statement.campaignId, statement.account);
      const fields = {
        Trainer: statement.trainer.toLowerCase(),
        Beschikbaarheid: JSON.stringify({ weekly: statement.weekly, dates: statement.dates }),
        BijgewerktOp: statement.updatedAt,
      };
      try {
        if (!current) {
          const created = ZItem.parse(
            await client.api(items).post({
              fields: {
                Title: key,
                Sleutel: key,
                CampagneId: statement.campaignId,
                TenantId: statement.account.tenantId.toLowerCase(),
                ObjectId: statement.account.objectId.toLowerCase(),
                ...fields,
              },
            }),
          );
          const stored = { id: created.id, eTag: created['@odata.etag'] ?? created.eTag ?? '' };
          return { ok: true, statement: { ...statement, stored } };
        }
        const patched = z.record(z.string(), z.unknown()).parse(
          await client
            .api(`${items}/${encodeURIComponent(current.id)}/fields`)
            .header('If-Match', current.eTag)
            .patch(fields),
        );
        const eTag = typeof patched['@odata.etag'] === 'string' ? patched['@odata.etag'] : '';
        return { ok: true, statement: { ...statement, stored: { id: current.id, eTag } } };
      } catch (error) {
        if (error instanceof z.ZodError) throw error;
        const failure = toGraphFailure(error);
        if (
          failure.status === 412 ||
          isDuplicateKey(failure.status, failure.message) ||
          (current && failure.status === 404)
        ) {
          return { ok: false, reason: 'conflict' };
        }
        throw failure;
      }
    },
  };
}

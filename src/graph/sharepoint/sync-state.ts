// The server's own bookkeeping in the list "Workshopsynchronisatie" (lists.ts STATE_LIST_SPEC):
// one item per key ("soort|sleutel"), found by its indexed, unique Sleutel column. The delta
// cursors live here (the DeltaCursorStore port); so does the lease of the background cycle
// (lease.ts). Only the application writes this list (Sites.Selected).
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { DeltaCursorStore } from '../../domain/ports.js';
import { toGraphFailure } from '../client/errors.js';
import { STATE_LIST } from './lists.js';
import { odataString } from './status-log.js';

export type StateKind = 'deltaCursor' | 'subscription' | 'lease';

export interface StateItem {
  readonly id: string;
  /** The key after `soort|` (as stored: lower case). */
  readonly key?: string;
  readonly eTag: string;
  readonly value: string | null;
  readonly expiresAt: string | null;
}

const ZStateItem = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  fields: z.object({
    Sleutel: z.string().nullish(),
    Waarde: z.string().nullish(),
    VerlooptOp: z.string().nullish(),
  }),
});
const ZStatePage = z.object({ value: z.array(ZStateItem) });

/** What a write of an item's value may be refused with. */
export type StateWriteOutcome = { readonly ok: true; readonly item: StateItem } | 'conflict';

/**
 * SharePoint refuses a second item with a unique column's value as 400 "duplicate values were
 * found" (409 in some versions): another instance created the item first.
 */
function isDuplicateKey(status: number, message: string): boolean {
  return status === 409 || (status === 400 && /duplicate values/i.test(message));
}

export function stateKey(kind: StateKind, key: string): string {
  return `${kind}|${key.toLowerCase()}`;
}

function toStateItem(item: z.infer<typeof ZStateItem>): StateItem {
  const key = item.fields.Sleutel ?? undefined;
  return {
    id: item.id,
    ...(key !== undefined ? { key: key.slice(key.indexOf('|') + 1) } : {}),
    eTag: item['@odata.etag'] ?? item.eTag ?? '',
    value: item.fields.Waarde ?? null,
    expiresAt: item.fields.VerlooptOp ?? null,
  };
}

export class SharePointSyncState {
  constructor(
    private readonly client: Client,
    private readonly site: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get items(): string {
    return `/sites/${this.site}/lists/${STATE_LIST}/items`;
  }

  /** The item under this key, or undefined (one query on the indexed, unique Sleutel). */
  async read(kind: StateKind, key: string): Promise<StateItem | undefined> {
    try {
      const page = ZStatePage.parse(
        await this.client
          .api(this.items)
          .expand('fields')
          .filter(`fields/Sleutel eq ${odataString(stateKey(kind, key))}`)
          .top(1)
          .get(),
      );
      const first = page.value[0];
      return first ? toStateItem(first) : undefined;
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      throw toGraphFailure(error);
    }
  }

  /** Every item of one kind (the indexed Soort column), all pages. */
  async list(kind: StateKind): Promise<StateItem[]> {
    const items: StateItem[] = [];
    try {
      let page: unknown = await this.client
        .api(this.items)
        .expand('fields')
        .filter(`fields/Soort eq ${odataString(kind)}`)
        .top(500)
        .get();
      for (let pages = 0; pages < 100; pages++) {
        const parsed = ZStatePage.extend({ '@odata.nextLink': z.string().optional() }).parse(page);
        items.push(...parsed.value.map(toStateItem));
        const next = parsed['@odata.nextLink'];
        if (!next) break;
        page = await this.client.api(next).get();
      }
      return items;
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      throw toGraphFailure(error);
    }
  }

  /**
   * Writes the value: a new item when `current` is undefined (refused with 'conflict' when
   * another instance created it first: the key is unique), else the item guarded by its eTag
   * (refused with 'conflict' on 412, when another instance wrote it since it was read, or when
   * the item is gone). An eTag of '*' overwrites any version.
   */
  async write(
    kind: StateKind,
    key: string,
    current: StateItem | undefined,
    value: { readonly value: string; readonly expiresAt?: string },
  ): Promise<StateWriteOutcome> {
    const fields = {
      Waarde: value.value,
      ...(value.expiresAt ? { VerlooptOp: value.expiresAt } : {}),
      BijgewerktOp: this.now().toISOString(),
    };
    try {
      if (!current) {
        const created = ZStateItem.parse(
          await this.client.api(this.items).post({
            fields: {
              Title: stateKey(kind, key),
              Sleutel: stateKey(kind, key),
              Soort: kind,
              ...fields,
            },
          }),
        );
        return { ok: true, item: toStateItem(created) };
      }
      const patched = z.record(z.string(), z.unknown()).parse(
        await this.client
          .api(`${this.items}/${encodeURIComponent(current.id)}/fields`)
          .header('If-Match', current.eTag)
          .patch(fields),
      );
      const eTag = typeof patched['@odata.etag'] === 'string' ? patched['@odata.etag'] : '';
      return {
        ok: true,
        item: {
          id: current.id,
          eTag,
          value: value.value,
          expiresAt: value.expiresAt ?? current.expiresAt,
        },
      };
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      const failure = toGraphFailure(error);
      // 412: written since it was read; 404: deleted since (by hand); duplicate: created by
      // another instance first. In each case the caller reads the item again.
      if (failure.status === 412 || isDuplicateKey(failure.status, failure.message))
        return 'conflict';
      if (current && failure.status === 404) return 'conflict';
      throw failure;
    }
  }
}

/**
 * The delta cursors on the state list. Last writer wins, on purpose: every cursor written had
 * all changes before it stored (DeltaCursorStore), so overwriting one with another never skips
 * a change. The item found by a read is remembered, so writing a cursor is one request.
 */
export function sharePointCursorStore(state: SharePointSyncState): DeltaCursorStore {
  const items = new Map<string, StateItem>();
  return {
    async read(organizer) {
      const item = await state.read('deltaCursor', organizer);
      if (item) items.set(organizer.toLowerCase(), item);
      return item?.value ?? null;
    },
    async write(organizer, cursor) {
      const key = organizer.toLowerCase();
      for (let attempt = 0; attempt < 3; attempt++) {
        const known = items.get(key);
        // Unguarded on purpose (see above): '*' overwrites whatever version is there.
        const current = known ? { ...known, eTag: '*' } : await state.read('deltaCursor', key);
        const outcome = await state.write('deltaCursor', key, current, { value: cursor });
        if (outcome !== 'conflict') {
          items.set(key, outcome.item);
          return;
        }
        items.delete(key);
      }
      // Three instances in a row created it meanwhile: theirs is as good as ours (see above).
    },
  };
}

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
  readonly eTag: string;
  readonly value: string | null;
  readonly expiresAt: string | null;
}

const ZStateItem = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  fields: z.object({
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
  return {
    id: item.id,
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

  /**
   * Writes the value: a new item when `current` is undefined (refused with 'conflict' when
   * another instance created it first: the key is unique), else the item guarded by its eTag
   * (refused with 'conflict' on 412, when another instance wrote it since it was read).
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
      if (failure.status === 412 || isDuplicateKey(failure.status, failure.message))
        return 'conflict';
      throw failure;
    }
  }
}

/**
 * The delta cursors on the state list. Last writer wins, on purpose: every cursor written had
 * all changes before it stored (DeltaCursorStore), so overwriting one with another never skips
 * a change. The item is read again before each write, so a concurrent write is not an error.
 */
export function sharePointCursorStore(state: SharePointSyncState): DeltaCursorStore {
  return {
    async read(organizer) {
      return (await state.read('deltaCursor', organizer))?.value ?? null;
    },
    async write(organizer, cursor) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = await state.read('deltaCursor', organizer);
        const outcome = await state.write('deltaCursor', organizer, current, { value: cursor });
        if (outcome !== 'conflict') return;
      }
      // Three instances in a row wrote it meanwhile: theirs is as good as ours (see above).
    },
  };
}

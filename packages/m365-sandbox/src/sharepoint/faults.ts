// SharePoint's quieter failures, switchable at run time (PUT /_sandbox/sharepoint/faults) so
// that a client can be tested against them:
// - a column created with `indexed: true` whose index did not take, with nothing in the answer
//   to say so (list creation that silently drops column settings is a known report:
//   microsoftgraph/microsoft-graph-docs-contrib#675, #168); the unique-values constraint that
//   rests on the index goes with it. `indexRepairIgnored` makes a later PATCH fail the same way;
// - server-side paging: a page of list items holds at most `maxPageSize` items whatever $top
//   asks, as a service may answer fewer than requested with an @odata.nextLink.
// Stored in the settings table, so a reset clears them.
import { z } from 'zod';
import type { SandboxContext } from '../context.js';

const SETTING = 'sharePointFaults';

export const ZSharePointFaults = z
  .object({
    /** Column names (case-insensitive) whose index is silently not created. */
    unindexedColumns: z.array(z.string().min(1)),
    /** true: PATCH {indexed: true} on those columns answers 200 and changes nothing either. */
    indexRepairIgnored: z.boolean(),
    /** The most list items one page holds; null: $top decides (default 200, at most 5000). */
    maxPageSize: z.number().int().min(1).max(5000).nullable(),
  })
  .strict();

export type SharePointFaults = z.infer<typeof ZSharePointFaults>;

const NONE: SharePointFaults = {
  unindexedColumns: [],
  indexRepairIgnored: false,
  maxPageSize: null,
};

export function readSharePointFaults(ctx: SandboxContext): SharePointFaults {
  const stored = ctx.directory.getSetting(SETTING);
  if (!stored) return NONE;
  const parsed = ZSharePointFaults.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : NONE;
}

export function updateSharePointFaults(
  ctx: SandboxContext,
  patch: Partial<SharePointFaults>,
): SharePointFaults {
  const next = { ...readSharePointFaults(ctx), ...patch };
  ctx.directory.setSetting(SETTING, JSON.stringify(next));
  return next;
}

/** Whether an index on `column` silently fails to take. */
export function isIndexSuppressed(faults: SharePointFaults, column: string): boolean {
  return faults.unindexedColumns.some((name) => name.toLowerCase() === column.toLowerCase());
}

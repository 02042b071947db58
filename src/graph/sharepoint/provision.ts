// `npm run provision`: creates the lists with typed, indexed columns; adds columns a newer
// version defines; changes nothing when everything is there (safe to run twice).
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { toGraphFailure } from '../client/errors.js';
import { ALL_LISTS, TRAINER_LIST, type ColumnSpec, type ListSpec } from './lists.js';
import { toTrainerFields, type TrainerSeed } from './trainer-fields.js';

export interface ProvisionReport {
  readonly created: string[];
  readonly columnsAdded: string[];
  readonly unchanged: string[];
  readonly trainersAdded: number;
}

const ZColumns = z.object({ value: z.array(z.object({ name: z.string() })) });

function toColumnDefinition(column: ColumnSpec): Record<string, unknown> {
  return {
    name: column.name,
    displayName: column.name,
    description: column.description,
    ...column.type,
    ...(column.indexed ? { indexed: true } : {}),
    ...(column.required ? { required: true } : {}),
    ...(column.enforceUniqueValues ? { enforceUniqueValues: true } : {}),
  };
}

async function readColumns(
  client: Client,
  site: string,
  list: string,
): Promise<Set<string> | undefined> {
  try {
    const columns = ZColumns.parse(await client.api(`/sites/${site}/lists/${list}/columns`).get());
    return new Set(columns.value.map((c) => c.name));
  } catch (error) {
    const failure = toGraphFailure(error);
    if (failure.status === 404) return undefined;
    throw failure;
  }
}

async function ensureList(
  client: Client,
  site: string,
  spec: ListSpec,
  report: ProvisionReport,
): Promise<void> {
  const existing = await readColumns(client, site, spec.displayName);
  if (!existing) {
    try {
      await client.api(`/sites/${site}/lists`).post({
        displayName: spec.displayName,
        description: spec.description,
        columns: spec.columns.map(toColumnDefinition),
        list: { template: 'genericList' },
      });
    } catch (error) {
      throw toGraphFailure(error);
    }
    report.created.push(spec.displayName);
    return;
  }
  const missing = spec.columns.filter((column) => !existing.has(column.name));
  for (const column of missing) {
    try {
      await client
        .api(`/sites/${site}/lists/${spec.displayName}/columns`)
        .post(toColumnDefinition(column));
    } catch (error) {
      throw toGraphFailure(error);
    }
    report.columnsAdded.push(`${spec.displayName}.${column.name}`);
  }
  if (missing.length === 0) report.unchanged.push(spec.displayName);
}

/** Adds trainers that are not in the list yet (by e-mail address). */
async function ensureTrainers(
  client: Client,
  site: string,
  trainers: readonly TrainerSeed[],
): Promise<number> {
  const ZItems = z.object({
    value: z.array(z.object({ fields: z.object({ Email: z.string() }) })),
  });
  const existing = new Set(
    ZItems.parse(
      await client
        .api(`/sites/${site}/lists/${TRAINER_LIST}/items`)
        .expand('fields')
        .top(999)
        .get(),
    ).value.map((item) => item.fields.Email.toLowerCase()),
  );
  let added = 0;
  for (const trainer of trainers) {
    if (existing.has(trainer.email.toLowerCase())) continue;
    await client
      .api(`/sites/${site}/lists/${TRAINER_LIST}/items`)
      .post({ fields: toTrainerFields(trainer) });
    added++;
  }
  return added;
}

export async function provisionLists(
  client: Client,
  site: string,
  options: { readonly trainers?: readonly TrainerSeed[] } = {},
): Promise<ProvisionReport> {
  const report: ProvisionReport = {
    created: [],
    columnsAdded: [],
    unchanged: [],
    trainersAdded: 0,
  };
  for (const spec of ALL_LISTS) await ensureList(client, site, spec, report);
  const trainersAdded = options.trainers ? await ensureTrainers(client, site, options.trainers) : 0;
  return { ...report, trainersAdded };
}

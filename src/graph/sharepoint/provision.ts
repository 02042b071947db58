// `npm run provision`, as the administrator's provisioning identity (Sites.FullControl.All):
// 1. creates the lists with typed, indexed columns and adds the columns a newer version defines;
// 2. grants the product app `write` on the site (Sites.Selected), and reads the grant back;
// 3. reads every list's columns back, repairs what a PATCH can (index, unique values, required)
//    and fails loudly, naming list and column, for what it cannot;
// 4. optionally fills the trainer list (reading every page of it first);
// 5. optionally checks, with the product app's own token, that it reads every list and filters
//    on an indexed column: what the server will do.
// Safe to run twice: what is right is left alone.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { toGraphFailure } from '../client/errors.js';
import { checkList, readColumns, repairColumn, type ColumnFinding } from './list-columns-check.js';
import { demoEdition, edition2022 } from '../../domain/campaign-settings.js';
import { toAmsterdamDate } from '../../domain/time.js';
import { toCampaignFields } from './campaign-list.js';
import {
  ALL_LISTS,
  CAMPAIGN_LIST,
  SIGNUP_LIST,
  TRAINER_LIST,
  type ColumnSpec,
  type ListSpec,
} from './lists.js';
import { readAllPages } from './read-pages.js';
import { ensureSiteGrant, type ProductApp, type SiteGrantOutcome } from './site-grant.js';
import { toTrainerAccountFields, toTrainerFields, type TrainerSeed } from './trainer-fields.js';

export interface ProvisionReport {
  readonly created: string[];
  /** "List.Column" */
  readonly columnsAdded: string[];
  /** "List.Column: what was wrong" */
  readonly columnsRepaired: string[];
  /** Lists that needed nothing. */
  readonly unchanged: string[];
  readonly siteGrant: SiteGrantOutcome;
  readonly trainersAdded: number;
  /** Listed trainers whose sign-in account was filled in from the trainer file. */
  readonly trainerAccountsFilled: number;
  /** Editions of the campaign added (by id). */
  readonly campaignsAdded?: string[];
  /** Whether the product app's own token read every list (undefined: not checked). */
  readonly productAccess?: 'ok';
}

export interface ProvisionOptions {
  /** The product app, which gets `write` on the site. */
  readonly productApp: ProductApp;
  readonly trainers?: readonly TrainerSeed[];
  /** A Graph client with the product app's own token, to check what the server will see. */
  readonly productClient?: Client;
  /**
   * Also add the demo edition, current and with dates that follow today (the sandbox, so a demo
   * never meets a passed deadline). The 2022 edition is always added when missing.
   */
  readonly demoCampaign?: boolean;
}

/** Provisioning finished with problems it could not repair; each names list and column. */
export class ProvisioningFailed extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`inrichten onvolledig:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProvisioningFailed';
  }
}

export function toColumnDefinition(column: ColumnSpec): Record<string, unknown> {
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

async function existingColumns(
  client: Client,
  site: string,
  list: string,
): Promise<Set<string> | undefined> {
  try {
    const columns = await readColumns(client, site, list);
    return new Set(columns.map((c) => c.name.toLowerCase()));
  } catch (error) {
    const failure = toGraphFailure(error);
    if (failure.status === 404) return undefined;
    throw failure;
  }
}

async function post(client: Client, path: string, body: unknown): Promise<void> {
  try {
    await client.api(path).post(body);
  } catch (error) {
    throw toGraphFailure(error);
  }
}

async function patch(client: Client, path: string, body: unknown): Promise<void> {
  try {
    await client.api(path).patch(body);
  } catch (error) {
    throw toGraphFailure(error);
  }
}

/** Creates the list, or adds the columns it lacks. */
async function ensureList(
  client: Client,
  site: string,
  spec: ListSpec,
  report: ProvisionReport,
): Promise<void> {
  const existing = await existingColumns(client, site, spec.displayName);
  if (!existing) {
    await post(client, `/sites/${site}/lists`, {
      displayName: spec.displayName,
      description: spec.description,
      columns: spec.columns.map(toColumnDefinition),
      list: { template: 'genericList' },
    });
    report.created.push(spec.displayName);
    return;
  }
  await addMissingColumns(client, site, spec, existing, report);
}

async function addMissingColumns(
  client: Client,
  site: string,
  spec: ListSpec,
  existing: ReadonlySet<string>,
  report: ProvisionReport,
): Promise<void> {
  for (const column of spec.columns.filter((c) => !existing.has(c.name.toLowerCase()))) {
    await post(
      client,
      `/sites/${site}/lists/${encodeURIComponent(spec.displayName)}/columns`,
      toColumnDefinition(column),
    );
    report.columnsAdded.push(`${spec.displayName}.${column.name}`);
  }
}

const findingText = (finding: ColumnFinding) =>
  `${finding.list}.${finding.column}: ${finding.problem}`;

/**
 * Reads the list back; adds columns a list creation silently dropped, repairs settings, reads
 * back again. What is still wrong is returned, for the caller to fail with.
 */
async function verifyList(
  client: Client,
  site: string,
  spec: ListSpec,
  report: ProvisionReport,
): Promise<string[]> {
  const findings = await checkList(client, site, spec);
  if (findings.length === 0) return [];
  const missing = findings.filter((f) => f.problem === 'kolom ontbreekt');
  if (missing.length > 0) {
    const present = new Set(
      spec.columns
        .map((c) => c.name.toLowerCase())
        .filter((name) => !missing.some((m) => m.column.toLowerCase() === name)),
    );
    await addMissingColumns(client, site, spec, present, report);
  }
  const problems: string[] = [];
  for (const finding of findings.filter((f) => f.repair)) {
    try {
      await repairColumn(client, site, finding);
    } catch (error) {
      problems.push(`${findingText(finding)} (herstel mislukt: ${(error as Error).message})`);
    }
  }
  const remaining = await checkList(client, site, spec);
  for (const finding of findings.filter((f) => f.repair)) {
    if (!remaining.some((r) => r.column === finding.column)) {
      report.columnsRepaired.push(findingText(finding));
    }
  }
  return [
    ...problems,
    ...remaining
      .filter((r) => !problems.some((p) => p.startsWith(`${r.list}.${r.column}:`)))
      .map(
        (r) =>
          `${findingText(r)}${r.repair ? ' (hersteld, maar SharePoint nam het niet over)' : ''}`,
      ),
  ];
}

const ZTrainerItem = z.object({
  id: z.string(),
  fields: z.looseObject({ Email: z.string(), ObjectId: z.string().nullish() }),
});

/**
 * Adds trainers that are not in the list yet (by e-mail address), reading every page, and fills
 * in the sign-in account (tenant id, object id) of listed trainers that have none yet. An account
 * already in the list is left as the coordinator set it.
 */
async function ensureTrainers(
  client: Client,
  site: string,
  trainers: readonly TrainerSeed[],
): Promise<{ added: number; accountsFilled: number }> {
  const items = await readAllPages(
    client,
    `/sites/${site}/lists/${TRAINER_LIST}/items?expand=fields(select=Email,ObjectId)&$top=999`,
    ZTrainerItem,
  );
  const existing = new Map(items.map((item) => [item.fields.Email.toLowerCase(), item]));
  let added = 0;
  let accountsFilled = 0;
  for (const trainer of trainers) {
    const item = existing.get(trainer.email.toLowerCase());
    if (item === undefined) {
      await post(client, `/sites/${site}/lists/${TRAINER_LIST}/items`, {
        fields: toTrainerFields(trainer),
      });
      added++;
    } else if (trainer.account && !item.fields.ObjectId?.trim()) {
      await patch(
        client,
        `/sites/${site}/lists/${TRAINER_LIST}/items/${item.id}/fields`,
        toTrainerAccountFields(trainer.account),
      );
      accountsFilled++;
    }
  }
  return { added, accountsFilled };
}

const ZCampaignIdItem = z.object({ fields: z.looseObject({ CampagneId: z.string() }) });

/** Adds the 2022 edition (and the rolling demo edition) when the list does not have them. */
async function ensureCampaigns(client: Client, site: string, demo: boolean): Promise<string[]> {
  const items = await readAllPages(
    client,
    `/sites/${site}/lists/${CAMPAIGN_LIST}/items?expand=fields(select=CampagneId)&$top=999`,
    ZCampaignIdItem,
  );
  const existing = new Set(items.map((item) => item.fields.CampagneId));
  // The dates of a rolling edition follow today when read; those stored are only a snapshot.
  const wanted = [edition2022(), ...(demo ? [demoEdition(toAmsterdamDate(new Date()))] : [])];
  const added: string[] = [];
  for (const record of wanted.filter((r) => !existing.has(r.id))) {
    await post(client, `/sites/${site}/lists/${CAMPAIGN_LIST}/items`, {
      fields: toCampaignFields(record),
    });
    added.push(record.id);
  }
  return added;
}

/** What the server will do with its own token: read every list, filter on an index. */
async function checkProductAccess(productClient: Client, site: string): Promise<string[]> {
  const problems: string[] = [];
  const items = (list: string) => `/sites/${site}/lists/${list}/items`;
  const reads: [string, () => Promise<unknown>][] = [
    ...ALL_LISTS.map((spec): [string, () => Promise<unknown>] => [
      items(spec.displayName),
      () => productClient.api(items(spec.displayName)).top(1).get(),
    ]),
    [
      `${items(SIGNUP_LIST)} ($filter op Status)`,
      () =>
        productClient
          .api(items(SIGNUP_LIST))
          .expand('fields')
          .filter("fields/Status eq 'aangemeld'")
          .top(1)
          .get(),
    ],
  ];
  for (const [path, read] of reads) {
    try {
      await read();
    } catch (error) {
      const failure = toGraphFailure(error);
      problems.push(
        failure.status === 403
          ? `de app zelf krijgt geen toegang tot ${path} (403): geef de app de toepassingsmachtiging Sites.Selected met beheerderstoestemming`
          : `de app zelf kan ${path} niet lezen: ${failure.message}`,
      );
    }
  }
  return problems;
}

export async function provisionSite(
  client: Client,
  site: string,
  options: ProvisionOptions,
): Promise<ProvisionReport> {
  const report: ProvisionReport = {
    created: [],
    columnsAdded: [],
    columnsRepaired: [],
    unchanged: [],
    siteGrant: { kind: 'unchanged' },
    trainersAdded: 0,
    trainerAccountsFilled: 0,
  };
  for (const spec of ALL_LISTS) await ensureList(client, site, spec, report);
  const siteGrant = await ensureSiteGrant(client, site, options.productApp);
  const problems: string[] = [];
  for (const spec of ALL_LISTS) problems.push(...(await verifyList(client, site, spec, report)));
  if (problems.length > 0) throw new ProvisioningFailed(problems);
  const changed = [...report.columnsAdded, ...report.columnsRepaired];
  for (const spec of ALL_LISTS) {
    const name = spec.displayName;
    if (!report.created.includes(name) && !changed.some((c) => c.startsWith(`${name}.`))) {
      report.unchanged.push(name);
    }
  }
  const trainers = options.trainers
    ? await ensureTrainers(client, site, options.trainers)
    : { added: 0, accountsFilled: 0 };
  const campaignsAdded = await ensureCampaigns(client, site, options.demoCampaign === true);
  if (options.productClient) {
    const denied = await checkProductAccess(options.productClient, site);
    if (denied.length > 0) throw new ProvisioningFailed(denied);
  }
  return {
    ...report,
    siteGrant,
    trainersAdded: trainers.added,
    trainerAccountsFilled: trainers.accountsFilled,
    campaignsAdded,
    ...(options.productClient ? { productAccess: 'ok' as const } : {}),
  };
}

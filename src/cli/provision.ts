// `npm run provision [-- --trainers trainers.json]`: creates the SharePoint lists Workshopplanner
// keeps its state in (typed, indexed columns), grants the product app `write` on the site
// (Sites.Selected), reads everything back and repairs or reports what is not as asked, and,
// optionally, fills the trainer list. Safe to run twice. Runs as the administrator's
// provisioning app (PROVISION_CLIENT_ID, Sites.FullControl.All), never as the product app.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { RIECS } from '../domain/municipalities.js';
import { createAppClient } from '../graph/client/app-client.js';
import { GraphRequestFailure } from '../graph/client/errors.js';
import {
  provisionSite,
  ProvisioningFailed,
  type ProvisionReport,
} from '../graph/sharepoint/provision.js';
import { SiteGrantFailed } from '../graph/sharepoint/site-grant.js';
import type { TrainerSeed } from '../graph/sharepoint/trainer-fields.js';
import { readEnv, type Env } from '../server/env.js';
import type { CliIo } from './extract-slots.js';
import { readProvisionSettings } from './provision-settings.js';

/** The product app's name in the site permission (what SharePoint shows an administrator). */
const PRODUCT_APP_NAME = 'Workshopplanner';

const ZTrainers = z.array(
  z.object({
    name: z.string().min(1),
    email: z.email(),
    organisation: z.enum(['Berenschot', 'RIEC']),
    riec: z.enum(RIECS).optional(),
    /** The account the trainer signs in with: Entra tenant id and object id (both GUIDs). */
    tenantId: z.guid().optional(),
    objectId: z.guid().optional(),
  }),
);

export function readTrainerFile(path: string): TrainerSeed[] {
  const parsed = ZTrainers.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.map((t) => ({
    name: t.name,
    email: t.email,
    organisation: t.organisation,
    ...(t.riec ? { riec: t.riec } : {}),
    ...(t.tenantId && t.objectId
      ? { account: { tenantId: t.tenantId, objectId: t.objectId } }
      : {}),
  }));
}

function describeGrant(report: ProvisionReport): string {
  switch (report.siteGrant.kind) {
    case 'created':
      return `Site-recht toegekend: de app ${PRODUCT_APP_NAME} mag de lijsten lezen en schrijven ('write').`;
    case 'changed':
      return `Site-recht aangepast: de app ${PRODUCT_APP_NAME} had [${report.siteGrant.from.join(', ')}] en heeft nu alleen 'write'.`;
    case 'unchanged':
      return `Site-recht was al in orde: de app ${PRODUCT_APP_NAME} heeft 'write'.`;
  }
}

export function describeReport(report: ProvisionReport): string[] {
  return [
    ...report.created.map((list) => `Lijst aangemaakt: ${list}`),
    ...report.columnsAdded.map((column) => `Kolom toegevoegd: ${column}`),
    ...report.columnsRepaired.map((column) => `Kolom hersteld: ${column}`),
    ...report.unchanged.map((list) => `Lijst bestond al en is in orde: ${list}`),
    describeGrant(report),
    ...(report.trainersAdded > 0 ? [`Trainers toegevoegd: ${report.trainersAdded}`] : []),
    ...(report.trainerAccountsFilled > 0
      ? [`Aanmeldaccount ingevuld bij trainers: ${report.trainerAccountsFilled}`]
      : []),
    ...(report.campaignsAdded ?? []).map((id) => `Campagne-editie toegevoegd: ${id}`),
    ...(report.productAccess === 'ok'
      ? [`Controle met het eigen token van de app: alle lijsten leesbaar, filteren werkt.`]
      : []),
  ];
}

/** What an administrator can do about a failure, in Dutch. */
function explain(error: unknown, env: Env, provisioningClientId: string): string[] {
  if (error instanceof ProvisioningFailed) return [...error.problems];
  if (error instanceof SiteGrantFailed) return [error.message];
  if (error instanceof GraphRequestFailure && (error.status === 401 || error.status === 403)) {
    return [
      error.message,
      `De inrichtingsapp (PROVISION_CLIENT_ID ${provisioningClientId}) heeft geen toegang tot site '${env.SHAREPOINT_SITE}'. Geef die app de toepassingsmachtiging Sites.FullControl.All met beheerderstoestemming (README, "Running against a real tenant").`,
    ];
  }
  return [(error as Error).message];
}

/**
 * A Graph client with the product app's own token, to check what the server will see; undefined
 * (with the reason) when this machine has no working product secret, e.g. an administrator's
 * laptop without the server's .env.
 */
async function productClientFor(
  env: Env,
): Promise<{ client?: ReturnType<typeof createAppClient>['client']; skipped?: string }> {
  const product = createAppClient({
    authorityHost: env.AUTHORITY_HOST,
    tenantId: env.TENANT_ID,
    clientId: env.CLIENT_ID,
    clientSecret: env.CLIENT_SECRET,
    graphBaseUrl: env.GRAPH_BASE_URL,
  });
  try {
    await product.msal.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    return { client: product.client };
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0] ?? 'geen token' };
  }
}

export async function runProvision(args: readonly string[], io: CliIo): Promise<number> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const index = args.indexOf('--trainers');
  const trainerFile = index >= 0 ? args[index + 1] : undefined;
  if (index >= 0 && !trainerFile) {
    err('Geef na --trainers het pad van een JSON-bestand met trainers.');
    return 2;
  }
  const env = readEnv();
  const provisioning = readProvisionSettings();
  const { client } = createAppClient({
    authorityHost: env.AUTHORITY_HOST,
    tenantId: env.TENANT_ID,
    clientId: provisioning.clientId,
    clientSecret: provisioning.clientSecret,
    graphBaseUrl: env.GRAPH_BASE_URL,
  });
  try {
    const trainers = trainerFile ? readTrainerFile(trainerFile) : undefined;
    const product = await productClientFor(env);
    const report = await provisionSite(client, env.SHAREPOINT_SITE, {
      productApp: { id: env.CLIENT_ID, displayName: PRODUCT_APP_NAME },
      ...(trainers ? { trainers } : {}),
      ...(args.includes('--demo-campaign') ? { demoCampaign: true } : {}),
      ...(product.client ? { productClient: product.client } : {}),
    });
    for (const line of describeReport(report)) out(line);
    if (product.skipped) {
      out(
        `Controle met het eigen token van de app overgeslagen (CLIENT_SECRET werkt hier niet: ${product.skipped}).`,
      );
    }
    out(`Klaar: de lijsten staan op site '${env.SHAREPOINT_SITE}'.`);
    return 0;
  } catch (error) {
    err('Inrichten mislukt:');
    for (const line of explain(error, env, provisioning.clientId)) err(`  - ${line}`);
    return 1;
  }
}

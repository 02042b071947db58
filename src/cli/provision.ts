// `npm run provision [-- --trainers trainers.json]`: creates the SharePoint lists Workshopplanner
// keeps its state in (typed, indexed columns) and, optionally, fills the trainer list. Safe to
// run twice: what exists is left alone. Runs as the app (client credentials, Sites.Manage.All).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { RIECS } from '../domain/municipalities.js';
import { createAppClient } from '../graph/client/app-client.js';
import { provisionLists, type ProvisionReport } from '../graph/sharepoint/provision.js';
import type { TrainerSeed } from '../graph/sharepoint/trainer-fields.js';
import { readEnv } from '../server/env.js';
import type { CliIo } from './extract-slots.js';

const ZTrainers = z.array(
  z.object({
    name: z.string().min(1),
    email: z.email(),
    organisation: z.enum(['Berenschot', 'RIEC']),
    riec: z.enum(RIECS).optional(),
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
  }));
}

export function describeReport(report: ProvisionReport): string[] {
  return [
    ...report.created.map((list) => `Lijst aangemaakt: ${list}`),
    ...report.columnsAdded.map((column) => `Kolom toegevoegd: ${column}`),
    ...report.unchanged.map((list) => `Lijst bestond al en is ongewijzigd: ${list}`),
    ...(report.trainersAdded > 0 ? [`Trainers toegevoegd: ${report.trainersAdded}`] : []),
  ];
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
  const { client } = createAppClient({
    authorityHost: env.AUTHORITY_HOST,
    tenantId: env.TENANT_ID,
    clientId: env.CLIENT_ID,
    clientSecret: env.CLIENT_SECRET,
    graphBaseUrl: env.GRAPH_BASE_URL,
  });
  try {
    const trainers = trainerFile ? readTrainerFile(trainerFile) : undefined;
    const report = await provisionLists(client, env.SHAREPOINT_SITE, trainers ? { trainers } : {});
    for (const line of describeReport(report)) out(line);
    out(`Klaar: de lijsten staan op site '${env.SHAREPOINT_SITE}'.`);
    return 0;
  } catch (error) {
    err(`Inrichten mislukt: ${(error as Error).message}`);
    return 1;
  }
}

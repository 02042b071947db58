// `npm run provision`: the administrator's provisioning app creates the lists with typed,
// indexed columns, grants the product app `write` on the site (Sites.Selected) and does not trust
// what it asked for: it reads every column back, repairs an index that did not take, fails
// loudly naming list and column for what it cannot repair, and reads every page of the trainer
// list. Running it twice changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import { runProvision } from '../../../src/cli/provision.js';
import { createAppClient } from '../../../src/graph/client/app-client.js';
import {
  ALL_LISTS,
  LOG_LIST,
  LOG_LIST_SPEC,
  SIGNUP_LIST,
  TRAINER_LIST,
  AGENDA_LIST,
  AVAILABILITY_LIST,
  STATE_LIST,
  CAMPAIGN_LIST,
} from '../../../src/graph/sharepoint/lists.js';
import { provisionSite, ProvisioningFailed } from '../../../src/graph/sharepoint/provision.js';
import type { TrainerSeed } from '../../../src/graph/sharepoint/trainer-fields.js';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { createMicrosoft365 } from '../../../src/graph/gateway.js';
import {
  adminClient,
  sandboxTrainers,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import {
  appToken,
  graph,
  PRODUCT_APP,
  PROVISIONING_APP,
  RIEC_TENANT,
  startTestSandbox,
} from '../../support/sandbox.js';

// Each test starts its own seeded sandbox and provisions it: minutes, not seconds, when busy.
jest.setTimeout(120_000);

const PRODUCT = { id: PRODUCT_APP.clientId, displayName: PRODUCT_APP.displayName };

function productClient(sandbox: Sandbox): Client {
  return createAppClient({
    authorityHost: sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PRODUCT_APP.clientId,
    clientSecret: PRODUCT_APP.clientSecret,
    graphBaseUrl: `${sandbox.urls.https}/v1.0`,
  }).client;
}

async function faults(sandbox: Sandbox, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.urls.https}/_sandbox/sharepoint/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function columnsOf(client: Client, list: string) {
  return (
    (await client.api(`/sites/root/lists/${list}/columns`).get()) as {
      value: { name: string; indexed: boolean; enforceUniqueValues: boolean }[];
    }
  ).value;
}

/** A sandbox of its own, closed after the test. */
const fresh: Sandbox[] = [];
async function freshSandbox(): Promise<Sandbox> {
  const sandbox = await startTestSandbox();
  fresh.push(sandbox);
  return sandbox;
}
afterEach(async () => {
  await Promise.all(fresh.splice(0).map((sandbox) => sandbox.close()));
});

describe('provisioning a site', () => {
  let h: PlanningHarness;
  beforeAll(async () => {
    h = await startPlanningHarness(); // provisions once, with the trainers
  });
  afterAll(async () => h.close());

  it('leaves everything as it is when run a second time', async () => {
    const before = h.sandbox.ctx.requestLog.lastSeq;
    const report = await provisionSite(adminClient(h.sandbox), 'root', {
      productApp: PRODUCT,
      trainers: sandboxTrainers(),
    });
    expect(report).toEqual({
      created: [],
      columnsAdded: [],
      columnsRepaired: [],
      unchanged: ALL_LISTS.map((l) => l.displayName),
      siteGrant: { kind: 'unchanged' },
      trainersAdded: 0,
      trainerAccountsFilled: 0,
      campaignsAdded: [],
    });
    const writes = h.sandbox.ctx.requestLog
      .since(before)
      .filter((e) => e.kind === 'graph' && e.method !== 'GET');
    expect(writes).toEqual([]);
  });

  it('created typed columns and indexed the ones the product filters on', async () => {
    const byName = new Map(
      (
        (await h.client.api(`/sites/root/lists/${SIGNUP_LIST}/columns`).get()) as {
          value: {
            name: string;
            indexed: boolean;
            choice?: { choices: string[] };
            dateTime?: object;
          }[];
        }
      ).value.map((c) => [c.name, c]),
    );
    for (const name of [
      'Status',
      'Riec',
      'CbsCode',
      'Accounthouder',
      'VervaltOp',
      'TrainerRiec',
      'TrainerBerenschot',
    ]) {
      expect(byName.get(name)?.indexed).toBe(true);
    }
    expect(byName.get('Status')?.choice?.choices).toContain('opties_geplaatst');
    expect(byName.get('Voorkeur1Start')?.dateTime).toBeDefined();
  });

  it('gave the product app `write` on the site and nothing more', async () => {
    const admin = adminClient(h.sandbox);
    const permissions = (await admin.api('/sites/root/permissions').get()) as {
      value: { roles: string[]; grantedToIdentitiesV2: { application: { id: string } }[] }[];
    };
    expect(permissions.value).toEqual([
      expect.objectContaining({
        roles: ['write'],
        grantedToIdentitiesV2: [
          expect.objectContaining({
            application: expect.objectContaining({ id: PRODUCT_APP.clientId }),
          }),
        ],
      }),
    ]);
    const product = h.client;
    expect(await product.api(`/sites/root/lists/${SIGNUP_LIST}/items`).top(1).get()).toBeDefined();
    await expect(
      product.api('/sites/root/lists').post({ displayName: 'Eigen lijst' }),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('provisioning that checks itself', () => {
  it('adds the columns a newer version defines to a list that exists, without touching the rest', async () => {
    const sandbox = await freshSandbox();
    const admin = adminClient(sandbox);
    // An older version's log list: only the key column.
    await admin.api('/sites/root/lists').post({
      displayName: LOG_LIST,
      columns: [
        { name: 'Sleutel', text: {}, indexed: true, enforceUniqueValues: true, required: true },
      ],
      list: { template: 'genericList' },
    });
    const report = await provisionSite(admin, 'root', { productApp: PRODUCT });
    expect(report.created).toEqual([
      SIGNUP_LIST,
      TRAINER_LIST,
      AGENDA_LIST,
      STATE_LIST,
      AVAILABILITY_LIST,
      CAMPAIGN_LIST,
    ]);
    expect(report.columnsAdded).toEqual(
      LOG_LIST_SPEC.columns.filter((c) => c.name !== 'Sleutel').map((c) => `${LOG_LIST}.${c.name}`),
    );
    expect(report.siteGrant).toEqual({ kind: 'created' });
  });

  it('repairs an index that silently did not take, so the overview’s $filter works', async () => {
    const sandbox = await freshSandbox();
    await faults(sandbox, { unindexedColumns: ['Status', 'Sleutel'] });
    const admin = adminClient(sandbox);
    const report = await provisionSite(admin, 'root', { productApp: PRODUCT });
    expect(report.columnsRepaired).toEqual([
      `${SIGNUP_LIST}.Status: niet geïndexeerd, moet geïndexeerd zijn`,
      `${LOG_LIST}.Sleutel: niet geïndexeerd, moet geïndexeerd zijn, niet uniek, moet uniek zijn`,
      `${STATE_LIST}.Sleutel: niet geïndexeerd, moet geïndexeerd zijn, niet uniek, moet uniek zijn`,
      `${AVAILABILITY_LIST}.Sleutel: niet geïndexeerd, moet geïndexeerd zijn, niet uniek, moet uniek zijn`,
    ]);
    const status = (await columnsOf(admin, SIGNUP_LIST)).find((c) => c.name === 'Status');
    expect(status?.indexed).toBe(true);
    const log = (await columnsOf(admin, LOG_LIST)).find((c) => c.name === 'Sleutel');
    expect(log).toMatchObject({ indexed: true, enforceUniqueValues: true });
    // What every overview does, as the product app: filter on Status.
    const m365 = createMicrosoft365(productClient(sandbox), { site: 'root' });
    await expect(m365.statusLog.list({ statuses: ['aangemeld'] })).resolves.toEqual([]);
  });

  it('fails loudly, naming list and column, when the repair does not take either', async () => {
    const sandbox = await freshSandbox();
    await faults(sandbox, { unindexedColumns: ['Status'], indexRepairIgnored: true });
    const failure = await provisionSite(adminClient(sandbox), 'root', {
      productApp: PRODUCT,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProvisioningFailed);
    expect((failure as ProvisioningFailed).problems).toEqual([
      `${SIGNUP_LIST}.Status: niet geïndexeerd, moet geïndexeerd zijn (hersteld, maar SharePoint nam het niet over)`,
    ]);
  });

  it('fails naming list and column for what a PATCH cannot repair: a column of another type', async () => {
    const sandbox = await freshSandbox();
    const admin = adminClient(sandbox);
    await admin.api('/sites/root/lists').post({
      displayName: SIGNUP_LIST,
      columns: [{ name: 'Status', text: {}, indexed: true }],
      list: { template: 'genericList' },
    });
    const failure = (await provisionSite(admin, 'root', { productApp: PRODUCT }).catch(
      (error: unknown) => error,
    )) as ProvisioningFailed;
    expect(failure.problems).toEqual([
      expect.stringMatching(
        /^Workshopaanmeldingen\.Status: kolom is van het type text, verwacht choice/,
      ),
    ]);
  });

  it('sets an existing grant of the product app to exactly `write`', async () => {
    const sandbox = await freshSandbox();
    const admin = adminClient(sandbox);
    await admin.api('/sites/root/permissions').post({
      roles: ['fullcontrol'],
      grantedToIdentities: [{ application: { id: PRODUCT_APP.clientId } }],
    });
    const report = await provisionSite(admin, 'root', { productApp: PRODUCT });
    expect(report.siteGrant).toEqual({ kind: 'changed', from: ['fullcontrol'] });
  });

  it('reads every page of the trainer list, so a second run adds no trainer twice', async () => {
    const sandbox = await freshSandbox();
    const admin = adminClient(sandbox);
    await faults(sandbox, { maxPageSize: 5 });
    const trainers: TrainerSeed[] = [
      ...sandboxTrainers(),
      ...Array.from({ length: 8 }, (_, i) => ({
        name: `Extra trainer ${i + 1}`,
        email: `extra.trainer${i + 1}@berenschot.nl`,
        organisation: 'Berenschot' as const,
      })),
    ];
    const first = await provisionSite(admin, 'root', { productApp: PRODUCT, trainers });
    expect(first.trainersAdded).toBe(trainers.length);
    const again = await provisionSite(admin, 'root', { productApp: PRODUCT, trainers });
    expect(again.trainersAdded).toBe(0);
    const listed = await createMicrosoft365(productClient(sandbox), {
      site: 'root',
    }).trainers.listTrainers();
    expect(listed).toHaveLength(trainers.length);
  });

  it('fills in the sign-in account of listed trainers that have none, and keeps one that is set', async () => {
    const sandbox = await freshSandbox();
    const admin = adminClient(sandbox);
    const [first, second] = sandboxTrainers();
    const withoutAccount = [first!, second!].map(({ account: _, ...rest }) => rest);
    await provisionSite(admin, 'root', { productApp: PRODUCT, trainers: withoutAccount });
    const listTrainers = () =>
      createMicrosoft365(productClient(sandbox), { site: 'root' }).trainers.listTrainers();
    expect((await listTrainers()).map((t) => t.account)).toEqual([undefined, undefined]);

    const other = { tenantId: first!.account!.tenantId, objectId: randomUUID() };
    const report = await provisionSite(admin, 'root', {
      productApp: PRODUCT,
      trainers: [{ ...first!, account: other }],
    });
    expect(report.trainerAccountsFilled).toBe(1);
    const again = await provisionSite(admin, 'root', {
      productApp: PRODUCT,
      trainers: [first!, second!],
    });
    expect(again.trainerAccountsFilled).toBe(1);
    const byEmail = new Map((await listTrainers()).map((t) => [t.email, t.account]));
    expect(byEmail.get(first!.email)).toEqual(other);
    expect(byEmail.get(second!.email)).toEqual(second!.account);
  });
});

describe('npm run provision', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdin: process.stdin,
      stdout: { write: (text: string) => out.push(text) } as unknown as NodeJS.WriteStream,
      stderr: { write: (text: string) => err.push(text) } as unknown as NodeJS.WriteStream,
    };
    return { io, out, err };
  }

  function pointAt(sandbox: Sandbox) {
    process.env.AUTHORITY_HOST = sandbox.urls.https;
    process.env.GRAPH_BASE_URL = `${sandbox.urls.https}/v1.0`;
  }

  it('provisions as the provisioning app and proves the product app’s own token reads the lists', async () => {
    const sandbox = await freshSandbox();
    pointAt(sandbox);
    const { io, out } = capture();
    expect(await runProvision([], io)).toBe(0);
    const text = out.join('');
    expect(text).toContain(
      "Site-recht toegekend: de app Workshopplanner mag de lijsten lezen en schrijven ('write').",
    );
    expect(text).toContain('Controle met het eigen token van de app: alle lijsten leesbaar');
    const list = await graph(
      sandbox,
      await appToken(sandbox),
      'GET',
      `/sites/root/lists/${SIGNUP_LIST}`,
    );
    expect(list.body.createdBy.application.displayName).toBe(PROVISIONING_APP.displayName);
  });

  it('fails in Dutch when the product app lacks Sites.Selected, naming what to do', async () => {
    const sandbox = await freshSandbox();
    sandbox.ctx.db
      .prepare('UPDATE apps SET graph_application_permissions = ? WHERE client_id = ?')
      .run(JSON.stringify(['Calendars.ReadWrite', 'Mail.Send']), PRODUCT_APP.clientId);
    pointAt(sandbox);
    const { io, err } = capture();
    expect(await runProvision([], io)).toBe(1);
    expect(err.join('')).toContain(
      'geef de app de toepassingsmachtiging Sites.Selected met beheerderstoestemming',
    );
  });

  it('fails in Dutch when the provisioning app may not manage the site', async () => {
    const sandbox = await freshSandbox();
    sandbox.ctx.db
      .prepare("UPDATE apps SET graph_application_permissions = '[]' WHERE client_id = ?")
      .run(PROVISIONING_APP.clientId);
    pointAt(sandbox);
    const { io, err } = capture();
    expect(await runProvision([], io)).toBe(1);
    expect(err.join('')).toContain('toepassingsmachtiging Sites.FullControl.All');
  });
});

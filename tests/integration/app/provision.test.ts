// `npm run provision` creates the lists with typed, indexed columns; running it twice changes
// nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { provisionLists } from '../../../src/graph/sharepoint/provision.js';
import {
  ALL_LISTS,
  LOG_LIST,
  LOG_LIST_SPEC,
  SIGNUP_LIST,
  TRAINER_LIST,
  AGENDA_LIST,
} from '../../../src/graph/sharepoint/lists.js';
import { createAppClient } from '../../../src/graph/client/app-client.js';
import { PRODUCT_APP, RIEC_TENANT, startTestSandbox } from '../../support/sandbox.js';
import {
  sandboxTrainers,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';

let h: PlanningHarness;

beforeAll(async () => {
  h = await startPlanningHarness(); // provisions once, with the trainers
}, 120_000);
afterAll(async () => h?.close());

describe('provisioning', () => {
  it('leaves everything as it is when run a second time', async () => {
    const before = h.sandbox.ctx.requestLog.lastSeq;
    const report = await provisionLists(h.client, 'root', { trainers: sandboxTrainers() });
    expect(report).toEqual({
      created: [],
      columnsAdded: [],
      unchanged: ALL_LISTS.map((l) => l.displayName),
      trainersAdded: 0,
    });
    const writes = h.sandbox.ctx.requestLog
      .since(before)
      .filter((e) => e.kind === 'graph' && e.method !== 'GET');
    expect(writes).toEqual([]);
  });

  it('created typed columns and indexed the ones the product filters on', async () => {
    const columns = (await h.client.api(`/sites/root/lists/${SIGNUP_LIST}/columns`).get()) as {
      value: {
        name: string;
        indexed: boolean;
        choice?: { choices: string[] };
        dateTime?: object;
      }[];
    };
    const byName = new Map(columns.value.map((c) => [c.name, c]));
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

  it('adds the columns a newer version defines to a list that exists, without touching the rest', async () => {
    const sandbox = await startTestSandbox();
    try {
      const { client } = createAppClient({
        authorityHost: sandbox.urls.https,
        tenantId: RIEC_TENANT.id,
        clientId: PRODUCT_APP.clientId,
        clientSecret: PRODUCT_APP.clientSecret,
        graphBaseUrl: `${sandbox.urls.https}/v1.0`,
      });
      // An older version's log list: only the key column.
      await client.api('/sites/root/lists').post({
        displayName: LOG_LIST,
        columns: [{ name: 'Sleutel', text: {}, indexed: true, enforceUniqueValues: true }],
        list: { template: 'genericList' },
      });
      const report = await provisionLists(client, 'root');
      expect(report.created).toEqual([SIGNUP_LIST, TRAINER_LIST, AGENDA_LIST]);
      expect(report.columnsAdded).toEqual(
        LOG_LIST_SPEC.columns
          .filter((c) => c.name !== 'Sleutel')
          .map((c) => `${LOG_LIST}.${c.name}`),
      );
    } finally {
      await sandbox.close();
    }
  }, 120_000);
});

// SharePoint payloads of the sandbox against Microsoft's metadata: site, list,
// columnDefinition, listItem, fieldValueSet and a site's permission, from every route that
// returns them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import { appToken, graph, PRODUCT_APP, startTestSandbox } from '../../src/testing.js';
import {
  expectCollectionContract,
  expectContract,
  expectGraphErrorShape,
} from './contract-support.js';

let sandbox: Sandbox;
let token: string;
let listPath: string;

const LIST = {
  displayName: 'Contractlijst',
  description: 'Alle kolomtypen die het product gebruikt',
  columns: [
    { name: 'Status', choice: { choices: ['aangemeld', 'bevestigd'] }, indexed: true },
    { name: 'CbsCode', text: { maxLength: 6 }, indexed: true, enforceUniqueValues: true },
    { name: 'Aantal', number: { decimalPlaces: 'none', minimum: 0, maximum: 40 } },
    { name: 'Voorkeur1', dateTime: { format: 'dateTime' } },
    { name: 'Deadline', dateTime: { format: 'dateOnly' } },
    { name: 'ScanGedaan', boolean: {} },
    { name: 'Opmerkingen', text: { allowMultipleLines: true }, defaultValue: { value: '-' } },
  ],
  list: { template: 'genericList' },
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await appToken(sandbox);
  const created = await graph(sandbox, token, 'POST', '/sites/root/lists', LIST);
  expect(created.status).toBe(201);
  listPath = `/sites/root/lists/${created.body.id as string}`;
  const item = await graph(sandbox, token, 'POST', `${listPath}/items`, {
    fields: {
      Title: 'Haarlem',
      Status: 'aangemeld',
      CbsCode: 'GM0392',
      Aantal: 12,
      Voorkeur1: '2022-06-14T17:30:00Z',
      Deadline: '2022-06-15',
      ScanGedaan: true,
    },
  });
  expect(item.status).toBe(201);
});

afterAll(async () => {
  await sandbox?.close();
});

describe('site', () => {
  it('GET /sites/root, by id and by hostname:/path keep to microsoft.graph.site', async () => {
    const root = await graph(sandbox, token, 'GET', '/sites/root');
    expect(root.status).toBe(200);
    expectContract('site', root.body);
    const byId = await graph(sandbox, token, 'GET', `/sites/${root.body.id as string}`);
    expectContract('site', byId.body);
    const byPath = await graph(sandbox, token, 'GET', '/sites/riec.sharepoint.com:/');
    expect(byPath.body.id).toBe(root.body.id);
    expectContract('site', byPath.body);
  });
});

describe('list', () => {
  it('POST, GET and the collection keep to microsoft.graph.list', async () => {
    const created = await graph(sandbox, token, 'POST', '/sites/root/lists', {
      displayName: 'Tweede lijst',
      list: { template: 'genericList' },
    });
    expect(created.status).toBe(201);
    expectContract('list', created.body);
    const one = await graph(sandbox, token, 'GET', listPath);
    expectContract('list', one.body);
    const all = await graph(sandbox, token, 'GET', '/sites/root/lists');
    expect(all.body.value).toHaveLength(2);
    expectCollectionContract('list', all.body);
  });

  it('a list with expand=columns keeps to list with its columns navigation property', async () => {
    const expanded = await graph(sandbox, token, 'GET', `${listPath}?expand=columns`);
    expect(expanded.body.columns.length).toBeGreaterThan(LIST.columns.length);
    expectContract('list', expanded.body);
  });
});

describe('columnDefinition', () => {
  it('every column of the list, built-in and custom, keeps to microsoft.graph.columnDefinition', async () => {
    const columns = await graph(sandbox, token, 'GET', `${listPath}/columns`);
    const names = (columns.body.value as { name: string }[]).map((column) => column.name);
    expect(names).toEqual(expect.arrayContaining(['Title', 'Status', 'Deadline', 'Created']));
    expectCollectionContract('columnDefinition', columns.body);
    const one = await graph(sandbox, token, 'GET', `${listPath}/columns/Status`);
    expectContract('columnDefinition', one.body);
  });

  it('POST …/columns answers a columnDefinition', async () => {
    const added = await graph(sandbox, token, 'POST', `${listPath}/columns`, {
      name: 'Trainer',
      displayName: 'Trainer (RIEC)',
      text: {},
    });
    expect(added.status).toBe(201);
    expectContract('columnDefinition', added.body);
  });

  it('PATCH …/columns/{id} answers a columnDefinition', async () => {
    const patched = await graph(sandbox, token, 'PATCH', `${listPath}/columns/Trainer`, {
      indexed: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.indexed).toBe(true);
    expectContract('columnDefinition', patched.body);
  });
});

describe('permission (a site’s application permissions)', () => {
  it('POST, GET, PATCH and the collection keep to microsoft.graph.permission', async () => {
    const created = await graph(sandbox, token, 'POST', '/sites/root/permissions', {
      roles: ['write'],
      grantedToIdentities: [
        { application: { id: PRODUCT_APP.clientId, displayName: 'Workshopplanner' } },
      ],
    });
    expect(created.status).toBe(201);
    expectContract('permission', created.body);
    const path = `/sites/root/permissions/${created.body.id as string}`;
    expectContract('permission', (await graph(sandbox, token, 'GET', path)).body);
    const patched = await graph(sandbox, token, 'PATCH', path, { roles: ['read'] });
    expectContract('permission', patched.body);
    expectCollectionContract(
      'permission',
      (await graph(sandbox, token, 'GET', '/sites/root/permissions')).body,
    );
  });
});

describe('listItem and fieldValueSet', () => {
  it('POST …/items answers a listItem with its fields', async () => {
    const created = await graph(sandbox, token, 'POST', `${listPath}/items`, {
      fields: { Title: 'Zandvoort', Status: 'aangemeld', CbsCode: 'GM0473' },
    });
    expect(created.status).toBe(201);
    expect(created.body.fields.Opmerkingen).toBe('-');
    expectContract('listItem', created.body);
  });

  it('GET …/items?expand=fields and GET …/items/{id}?expand=fields keep to listItem', async () => {
    const page = await graph(sandbox, token, 'GET', `${listPath}/items?expand=fields`);
    expectCollectionContract('listItem', page.body);
    const one = await graph(sandbox, token, 'GET', `${listPath}/items/1?$expand=fields`);
    expect(one.body.fields.CbsCode).toBe('GM0392');
    expectContract('listItem', one.body);
  });

  it('GET …/fields and PATCH …/fields keep to fieldValueSet', async () => {
    const fields = await graph(sandbox, token, 'GET', `${listPath}/items/1/fields`);
    expectContract('fieldValueSet', fields.body);
    const patched = await graph(sandbox, token, 'PATCH', `${listPath}/items/1/fields`, {
      Status: 'bevestigd',
    });
    expect(patched.status).toBe(200);
    expectContract('fieldValueSet', patched.body);
  });

  it('errors of the SharePoint routes have Graph’s error shape', async () => {
    const missing = await graph(sandbox, token, 'GET', `${listPath}/items/999`);
    expect(missing.status).toBe(404);
    expectGraphErrorShape(missing.body, 'itemNotFound');
    const invalid = await graph(sandbox, token, 'PATCH', `${listPath}/items/1/fields`, {
      Aantal: 'veel',
    });
    expect(invalid.status).toBe(400);
    expectGraphErrorShape(invalid.body, 'invalidRequest');
  });
});

// Who reaches a SharePoint site in the sandbox, as in a tenant: an application with
// Sites.Selected only where a site permission grants it a role (read < write < owner <
// fullcontrol), a delegated token never beyond its user's own right on the site, and site
// permissions managed only with Sites.FullControl.All. Plus SharePoint's quiet failures that the
// product's provisioning must survive: an index that did not take, and short pages.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import { RIEC_ROOT_SITE_ID } from '../../src/sharepoint/index.js';
import {
  appToken,
  graph,
  GRAPH_EXPLORER_APP,
  passwordToken,
  personByUpn,
  PRODUCT_APP,
  PROVISIONING_APP,
  startTestSandbox,
} from '../../src/testing.js';

// Each file starts its own seeded sandbox: more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

let sandbox: Sandbox;
let admin: string;
let product: string;

const LIST = {
  displayName: 'Proeflijst',
  columns: [
    { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
    { name: 'Stand', choice: { choices: ['open', 'dicht'] }, indexed: true },
    { name: 'Notitie', text: {} },
  ],
  list: { template: 'genericList' },
};
const ITEMS = '/sites/root/lists/Proeflijst/items';

function grantBody(roles: string[], appId: string = PRODUCT_APP.clientId) {
  return {
    roles,
    grantedToIdentities: [{ application: { id: appId, displayName: 'Workshopplanner' } }],
  };
}

async function faults(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.urls.https}/_sandbox/sharepoint/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = await appToken(sandbox, PROVISIONING_APP);
  product = await appToken(sandbox, PRODUCT_APP);
  expect((await graph(sandbox, admin, 'POST', '/sites/root/lists', LIST)).status).toBe(201);
});
afterAll(async () => sandbox.close());

describe('an application with Sites.Selected', () => {
  it('reaches no site without a permission on it: 403 accessDenied', async () => {
    for (const path of ['/sites/root', '/sites/root/lists', ITEMS, 'riec.sharepoint.com:/']) {
      const denied = await graph(
        sandbox,
        product,
        'GET',
        path.startsWith('/') ? path : `/sites/${path}`,
      );
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('accessDenied');
    }
  });

  it('gets exactly what the granted role allows, and nothing once the permission is gone', async () => {
    const created = await graph(
      sandbox,
      admin,
      'POST',
      '/sites/root/permissions',
      grantBody(['read']),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      roles: ['read'],
      grantedToIdentitiesV2: [
        { application: { id: PRODUCT_APP.clientId, displayName: 'Workshopplanner' } },
      ],
    });
    const id = created.body.id as string;
    expect((await graph(sandbox, product, 'GET', ITEMS)).status).toBe(200);
    expect((await graph(sandbox, product, 'POST', ITEMS, { fields: { Code: 'A1' } })).status).toBe(
      403,
    );

    const write = await graph(sandbox, admin, 'PATCH', `/sites/root/permissions/${id}`, {
      roles: ['write'],
    });
    expect(write.body.roles).toEqual(['write']);
    expect((await graph(sandbox, product, 'POST', ITEMS, { fields: { Code: 'A1' } })).status).toBe(
      201,
    );
    // Writing items is not managing lists: that needs owner or fullcontrol.
    const newList = { displayName: 'Nog een lijst', list: { template: 'genericList' } };
    expect((await graph(sandbox, product, 'POST', '/sites/root/lists', newList)).status).toBe(403);
    await graph(sandbox, admin, 'PATCH', `/sites/root/permissions/${id}`, { roles: ['owner'] });
    expect((await graph(sandbox, product, 'POST', '/sites/root/lists', newList)).status).toBe(201);

    const listed = await graph(sandbox, admin, 'GET', `/sites/${RIEC_ROOT_SITE_ID}/permissions`);
    expect(listed.body.value.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await graph(sandbox, admin, 'DELETE', `/sites/root/permissions/${id}`)).status).toBe(
      204,
    );
    expect((await graph(sandbox, product, 'GET', ITEMS)).status).toBe(403);
    expect((await graph(sandbox, admin, 'GET', `/sites/root/permissions/${id}`)).status).toBe(404);
  });

  it('cannot manage site permissions, not even with a fullcontrol grant', async () => {
    await graph(sandbox, admin, 'POST', '/sites/root/permissions', grantBody(['fullcontrol']));
    expect((await graph(sandbox, product, 'GET', '/sites/root/lists')).status).toBe(200);
    const own = await graph(
      sandbox,
      product,
      'POST',
      '/sites/root/permissions',
      grantBody(['read']),
    );
    expect(own.status).toBe(403);
    expect((await graph(sandbox, product, 'GET', '/sites/root/permissions')).status).toBe(403);
    await graph(sandbox, admin, 'POST', '/sites/root/permissions', grantBody(['write']));
  });

  it('refuses an unknown role, a user and an unknown application with 400', async () => {
    for (const body of [
      grantBody(['manage']),
      grantBody([]),
      { roles: ['read'], grantedToIdentities: [{ user: { id: personByUpn('sanne').id } }] },
      grantBody(['read'], '00000000-0000-0000-0000-00000000abcd'),
    ]) {
      const refused = await graph(sandbox, admin, 'POST', '/sites/root/permissions', body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalidRequest');
    }
  });
});

describe('a delegated token', () => {
  it('never exceeds its user: without a right on the site even Sites.FullControl.All gets 403', async () => {
    const mohamed = personByUpn('mohamed.elidrissi').upn;
    const explorer = await passwordToken(
      sandbox,
      mohamed,
      'Sites.FullControl.All',
      GRAPH_EXPLORER_APP,
    );
    for (const [method, path, body] of [
      ['GET', ITEMS, undefined],
      ['POST', ITEMS, { fields: { Code: 'M1' } }],
      ['GET', '/sites/root/permissions', undefined],
    ] as const) {
      expect((await graph(sandbox, explorer, method, path, body)).status).toBe(403);
    }
    // Through the product app a user's Graph token carries no Sites scope at all.
    const own = await passwordToken(sandbox, mohamed, 'User.Read');
    expect((await graph(sandbox, own, 'GET', ITEMS)).status).toBe(403);
  });

  it('lets the site administrator manage permissions with Sites.FullControl.All', async () => {
    const beheer = await passwordToken(
      sandbox,
      personByUpn('beheer').upn,
      'Sites.FullControl.All',
      GRAPH_EXPLORER_APP,
    );
    const listed = await graph(sandbox, beheer, 'GET', '/sites/root/permissions');
    expect(listed.status).toBe(200);
    expect(listed.body.value).toHaveLength(1);
  });
});

describe('SharePoint’s quiet failures (PUT /_sandbox/sharepoint/faults)', () => {
  it('creates a column whose index did not take, answering as if it had', async () => {
    await faults({ unindexedColumns: ['Sleutel'] });
    try {
      const created = await graph(sandbox, admin, 'POST', '/sites/root/lists', {
        displayName: 'Stillelijst',
        columns: [{ name: 'Sleutel', text: {}, indexed: true, enforceUniqueValues: true }],
        list: { template: 'genericList' },
      });
      expect(created.status).toBe(201);
      const column = await graph(
        sandbox,
        admin,
        'GET',
        '/sites/root/lists/Stillelijst/columns/Sleutel',
      );
      expect(column.body).toMatchObject({ indexed: false, enforceUniqueValues: false });
      const filtered = await graph(
        sandbox,
        admin,
        'GET',
        `/sites/root/lists/Stillelijst/items?$filter=fields/Sleutel eq 'x'`,
      );
      expect(filtered.status).toBe(400);
      expect(filtered.body.error.message).toMatch(/not indexed/);

      // A repair takes, unless the fault says it does not either.
      await faults({ indexRepairIgnored: true });
      const ignored = await graph(
        sandbox,
        admin,
        'PATCH',
        '/sites/root/lists/Stillelijst/columns/Sleutel',
        { indexed: true, enforceUniqueValues: true },
      );
      expect(ignored.status).toBe(200);
      expect(ignored.body.indexed).toBe(true);
      expect(
        (await graph(sandbox, admin, 'GET', '/sites/root/lists/Stillelijst/columns/Sleutel')).body
          .indexed,
      ).toBe(false);
      await faults({ indexRepairIgnored: false });
      await graph(sandbox, admin, 'PATCH', '/sites/root/lists/Stillelijst/columns/Sleutel', {
        indexed: true,
        enforceUniqueValues: true,
      });
      expect(
        (await graph(sandbox, admin, 'GET', '/sites/root/lists/Stillelijst/columns/Sleutel')).body,
      ).toMatchObject({ indexed: true, enforceUniqueValues: true });
    } finally {
      await faults({ unindexedColumns: [], indexRepairIgnored: false });
    }
  });

  it('pages list items by at most maxPageSize whatever $top asks, with @odata.nextLink', async () => {
    for (const code of ['P1', 'P2', 'P3', 'P4', 'P5']) {
      await graph(sandbox, admin, 'POST', ITEMS, { fields: { Code: code } });
    }
    await faults({ maxPageSize: 2 });
    try {
      const page = await graph(sandbox, admin, 'GET', `${ITEMS}?$top=999`);
      expect(page.body.value).toHaveLength(2);
      expect(page.body['@odata.nextLink']).toMatch(/skiptoken=/);
    } finally {
      await faults({ maxPageSize: null });
    }
    expect((await graph(sandbox, admin, 'GET', `${ITEMS}?$top=999`)).body['@odata.nextLink']).toBe(
      undefined,
    );
  });
});

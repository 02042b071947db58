// Issue 10, finding 3: the RIEC separation must not exist in the API alone. Users hold no right
// on the SharePoint site and the product app's delegated permissions carry no Sites scope, so an
// account holder's own Graph token reaches none of the lists (SharePoint answers 403, as a tenant
// does); the server writes the lists with the app's identity, after deciding who may do what,
// and the audit log only ever grows.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { LOG_LIST, SIGNUP_LIST } from '../../../src/graph/sharepoint/lists.js';
import { eveningSlots, FIXED_TODAY } from '../../support/planning.js';
import {
  appToken,
  graph,
  GRAPH_EXPLORER_APP,
  passwordToken,
  personByUpn,
  PRODUCT_APP,
} from '../../support/sandbox.js';
import { expectStatus, startApiStack, type ApiStack } from './api-harness.js';

// A sandbox, a provisioned site and a server: more than jest's 5 s on a busy machine.
jest.setTimeout(120_000);

let stack: ApiStack;
let haarlem: string;
const since = { seq: 0 };
const mohamed = personByUpn('mohamed.elidrissi');

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  since.seq = stack.sandbox.ctx.requestLog.lastSeq;
  haarlem = expectStatus(
    await stack.as('sanne.devries', '/api/signups', {
      method: 'POST',
      body: {
        cbsCode: 'GM0392',
        contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
        preferences: eveningSlots(FIXED_TODAY),
        scanStatus: 'onbekend',
      },
    }),
    201,
  ).body.signup.id;
});
afterAll(async () => stack?.close());

const items = (list: string) => `/sites/root/lists/${list}/items`;

describe('an account holder’s own Graph token (Mohamed, RIEC Amsterdam-Amstelland)', () => {
  it('through the product app carries no Sites scope: SharePoint answers 403 to every read and write', async () => {
    const token = await passwordToken(stack.sandbox, mohamed.upn, 'User.Read');
    for (const [method, path, body] of [
      ['GET', items(SIGNUP_LIST), undefined],
      ['GET', `${items(SIGNUP_LIST)}/${haarlem}`, undefined],
      ['PATCH', `${items(SIGNUP_LIST)}/${haarlem}/fields`, { ContactEmail: 'mohamed@example.nl' }],
      ['GET', items(LOG_LIST), undefined],
      ['POST', items(LOG_LIST), { fields: { Sleutel: 'nep', AanmeldingId: 1 } }],
    ] as const) {
      const answer = await graph(stack.sandbox, token, method, path, body);
      expect([method, path, answer.status]).toEqual([method, path, 403]);
      expect(answer.body.error.code).toBe('accessDenied');
    }
  });

  it('through Graph Explorer with Sites.ReadWrite.All still gets 403: he has no right on the site', async () => {
    const token = await passwordToken(
      stack.sandbox,
      mohamed.upn,
      'Sites.ReadWrite.All',
      GRAPH_EXPLORER_APP,
    );
    expect((await graph(stack.sandbox, token, 'GET', items(SIGNUP_LIST))).status).toBe(403);
    const changed = await graph(
      stack.sandbox,
      token,
      'PATCH',
      `${items(SIGNUP_LIST)}/${haarlem}/fields`,
      { ContactEmail: 'mohamed@example.nl' },
    );
    expect(changed.status).toBe(403);
    const logged = await graph(stack.sandbox, token, 'GET', items(LOG_LIST));
    expect(logged.status).toBe(403);
  });
});

describe('the server', () => {
  it('wrote the sign-up and its log line with the app’s identity; the item names the account holder', async () => {
    const tools = await appToken(stack.sandbox);
    const item = await graph(
      stack.sandbox,
      tools,
      'GET',
      `${items(SIGNUP_LIST)}/${haarlem}?expand=fields`,
    );
    expect(item.body.createdBy).toMatchObject({
      application: { id: PRODUCT_APP.clientId, displayName: PRODUCT_APP.displayName },
    });
    expect(item.body.fields.Accounthouder).toBe('sanne.devries@riec.nl');
    const log = await graph(stack.sandbox, tools, 'GET', `${items(LOG_LIST)}?expand=fields`);
    expect(log.body.value.length).toBeGreaterThan(0);
    for (const line of log.body.value) {
      expect(line.createdBy.application.id).toBe(PRODUCT_APP.clientId);
    }
  });

  it('still plans for Mohamed his own RIEC’s municipality, and refuses him Haarlem', async () => {
    const amstelveen = await stack.as(mohamed.upn.split('@')[0]!, '/api/signups', {
      method: 'POST',
      body: {
        cbsCode: 'GM0362',
        contact: { name: 'Kabinet', email: 'burgemeester@amstelveen.nl' },
        preferences: eveningSlots(FIXED_TODAY),
        scanStatus: 'onbekend',
      },
    });
    expectStatus(amstelveen, 201);
    const refused = await stack.as(mohamed.upn.split('@')[0]!, `/api/signups/${haarlem}`);
    // Another RIEC's sign-up: 404, exactly as an id that does not exist.
    expect(refused.status).toBe(404);
  });

  it('only ever appends to the audit log: no PATCH or DELETE reached it, in a batch or not', async () => {
    const logWrites = stack.sandbox.ctx.requestLog
      .since(since.seq)
      .filter((entry) => entry.kind === 'graph' && entry.path.includes(`/lists/${LOG_LIST}/items`))
      .filter((entry) => entry.method !== 'GET');
    expect(logWrites.length).toBeGreaterThan(0);
    expect([...new Set(logWrites.map((entry) => entry.method))]).toEqual(['POST']);
  });
});

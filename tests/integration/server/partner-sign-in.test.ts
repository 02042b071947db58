// A Berenschot trainer signs in from her own tenant, end to end: the web's browser sign-in
// (src/web/common/auth/browser-sign-in.ts, as the tab and the add-in run it) follows
// /api/web-config to the `organizations` authority, the sandbox signs her in in Berenschot's
// tenant (a tenant-specific authority would refuse her with AADSTS50020, as Entra does), the
// server accepts the token of her home tenant (issuer from its `tid`, checked against
// ALLOWED_TENANT_IDS) and she reads the workshop she trains, through the app's identity.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { decodeJwt } from 'jose';
import { BrowserSignIn } from '../../../src/web/common/auth/browser-sign-in.js';
import type { TGetWebConfigResponse } from '../../../src/web/common/api/api-types.js';
import { ordinaryEveningSlots } from '../../support/planning.js';
import { expectStatus, startApiStack, type ApiStack } from './api-harness.js';
import {
  BERENSCHOT_TENANT,
  RIEC_TENANT,
  call,
  personByUpn,
  startTestServer,
  type TestServer,
} from './server-harness.js';

// A sandbox, a provisioned site, a server and a sign-in: more than jest's 5 s on a busy machine.
jest.setTimeout(120_000);

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

let stack: ApiStack;
let signupId: string;
const marieke = personByUpn('marieke.vandijk');

beforeAll(async () => {
  // The real date, not FIXED_TODAY: the sign-in client checks its id tokens' exp against its own
  // clock, as a browser does, so the sandbox that issues them must run on the same time.
  stack = await startApiStack();
  const registered = expectStatus(
    await stack.as('sanne.devries', '/api/signups', {
      method: 'POST',
      body: {
        cbsCode: 'GM0392',
        contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
        preferences: ordinaryEveningSlots(new Date()),
        scanStatus: 'onbekend',
      },
    }),
    201,
  );
  signupId = registered.body.signup.id;
  expectStatus(
    await stack.as('sanne.devries', `/api/signups/${signupId}/propose`, {
      method: 'POST',
      body: { berenschot: marieke.upn, riec: 'fatima.amrani@riec.nl' },
    }),
    200,
  );
});
afterAll(async () => stack?.close());

async function webConfigOf(server: TestServer): Promise<TGetWebConfigResponse> {
  return expectStatus(await call(server, '/api/web-config'), 200).body as TGetWebConfigResponse;
}

/**
 * The browser sign-in of the web app, with the person picked on the sandbox's sign-in page.
 * Returns the answer to picking her when the identity provider gave no code.
 */
async function signInAs(server: TestServer, userId: string) {
  const config = await webConfigOf(server);
  let visited = '';
  const location = { origin: server.url, assign: (url: string) => void (visited = url) };
  const signIn = new BrowserSignIn(config, new MemoryStorage(), location);
  await signIn.startSignIn('/workshops');
  const authorize = new URL(visited);
  const picked = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), user_id: userId }),
    redirect: 'manual',
  });
  const callback = picked.headers.get('location');
  if (picked.status !== 302 || !callback) {
    return {
      refused: { status: picked.status, html: (await picked.text()).replace(/&#39;/g, "'") },
    };
  }
  const returnTo = await signIn.completeSignIn(new URL(callback));
  return { signIn, returnTo, config };
}

describe('a Berenschot trainer from her own tenant', () => {
  it('is sent to the organizations authority by /api/web-config', async () => {
    const config = await webConfigOf(stack.server);
    expect(config.authority.authorizationEndpoint).toMatch(
      /\/organizations\/oauth2\/v2\.0\/authorize$/,
    );
    expect(config.authority.msalAuthority).toMatch(/\/organizations$/);
    expect(config.authority.issuer).toMatch(/\/\{tenantid\}\/v2\.0$/);
  });

  it('signs in there with a token of her home tenant and reads the workshop she trains', async () => {
    const result = await signInAs(stack.server, marieke.id);
    if (!result.signIn) throw new Error(`sign-in refused: ${result.refused?.html.slice(0, 300)}`);
    expect(result.returnTo).toBe('/workshops');
    expect(result.signIn.account()).toEqual({ name: 'Marieke van Dijk', username: marieke.upn });
    const token = await result.signIn.getToken();
    expect(decodeJwt(token)).toMatchObject({
      iss: `${stack.sandbox.urls.https}/${BERENSCHOT_TENANT.id}/v2.0`,
      tid: BERENSCHOT_TENANT.id,
    });
    const me = expectStatus(await call(stack.server, '/api/me', { token }), 200);
    expect(me.body.roles).toEqual(['trainer']);
    const workshops = expectStatus(await call(stack.server, '/api/signups', { token }), 200);
    expect(workshops.body.signups.map((s: { id: string }) => s.id)).toEqual([signupId]);
    // A refreshed token of her tenant validates in the browser too (issuer from its tid).
    expect(await result.signIn.getToken({ forceRefresh: true })).not.toBe(token);
  });

  it('an account holder of the RIEC tenant signs in through the same authority', async () => {
    const result = await signInAs(stack.server, personByUpn('sanne.devries').id);
    const token = await result.signIn!.getToken();
    expect(decodeJwt(token).tid).toBe(RIEC_TENANT.id);
    expect(expectStatus(await call(stack.server, '/api/me', { token }), 200).body.roles).toEqual([
      'accountHolder',
    ]);
  });
});

describe('a single-tenant setup (ALLOWED_TENANT_IDS = the RIEC tenant only)', () => {
  let riecOnly: TestServer;
  beforeAll(async () => {
    riecOnly = await startTestServer(stack.sandbox, {
      env: { ALLOWED_TENANT_IDS: RIEC_TENANT.id },
    });
  });
  afterAll(async () => riecOnly?.close());

  it('signs in at the tenant’s own authority, which refuses her with AADSTS50020', async () => {
    const config = await webConfigOf(riecOnly);
    expect(config.authority.authorizationEndpoint).toContain(`/${RIEC_TENANT.id}/oauth2/`);
    expect(config.authority.issuer).toBe(`${stack.sandbox.urls.https}/${RIEC_TENANT.id}/v2.0`);
    const result = await signInAs(riecOnly, marieke.id);
    expect(result.refused?.status).toBe(400);
    expect(result.refused?.html).toContain(
      `AADSTS50020: User account '${marieke.upn}' from identity provider`,
    );
  });
});

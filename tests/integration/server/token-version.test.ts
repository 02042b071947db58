// Issue 15, item 5: only v2.0 access tokens validate. An app registration that still asks for
// v1.0 tokens (Entra's default) makes every sign-in fail; the server says why in its log, and a
// check at start-up finds it before the first user does (token version, issuer of TENANT_ID).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConfidentialClient } from '../../../src/graph/client/tokens.js';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { checkIdentitySetup } from '../../../src/server/auth/identity-setup-check.js';
import { startTestSandbox } from '../../support/sandbox.js';
import {
  PRODUCT_APP,
  RIEC_TENANT,
  apiToken,
  call,
  expectProblem,
  startTestServer,
  type TestServer,
} from './server-harness.js';

// A sandbox and a server: more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

const ADVICE = 'set requestedAccessTokenVersion to 2 in the app registration';

let sandbox: Sandbox;
let server: TestServer;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  server = await startTestServer(sandbox);
});
afterAll(async () => {
  await server?.close();
  await sandbox?.close();
});

/** A client-credentials token for the product's own API, as the start-up check asks for it. */
function ownApiToken(): Promise<string> {
  const msal = createConfidentialClient({
    authorityHost: sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PRODUCT_APP.clientId,
    clientSecret: PRODUCT_APP.clientSecret,
  });
  return msal
    .acquireTokenByClientCredential({ scopes: [`${PRODUCT_APP.clientId}/.default`] })
    .then((result) => result?.accessToken ?? '');
}

async function withV1Tokens<T>(run: () => Promise<T>): Promise<T> {
  sandbox.ctx.directory.setAccessTokenVersion(PRODUCT_APP.clientId, 1);
  try {
    return await run();
  } finally {
    sandbox.ctx.directory.setAccessTokenVersion(PRODUCT_APP.clientId, 2);
  }
}

describe('a v1.0 access token', () => {
  it('is refused with 401, and the log says to set requestedAccessTokenVersion to 2', async () => {
    const token = await withV1Tokens(() => apiToken(sandbox, 'sanne.devries'));
    const before = server.logs.length;
    expectProblem(await call(server, '/api/me', { token }), 401, 'UNAUTHENTICATED');
    const logged = server.logs.slice(before).join('');
    expect(logged).toContain(ADVICE);
    expect(logged).toContain(`https://sts.windows.net/${RIEC_TENANT.id}/`);
    // The same person with a v2.0 token is let in.
    const v2 = await apiToken(sandbox, 'sanne.devries');
    expect((await call(server, '/api/me', { token: v2 })).status).toBe(200);
  });
});

describe('the start-up check of the identity setup', () => {
  const options = () => ({
    authorityHost: sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    acquireOwnApiToken: ownApiToken,
  });

  it('finds nothing when the issuer and the token version are as needed', async () => {
    expect(await checkIdentitySetup(options())).toEqual([]);
  });

  it('reports an app registration that issues v1.0 tokens, saying what to change', async () => {
    const findings = await withV1Tokens(() => checkIdentitySetup(options()));
    expect(findings).toEqual([
      { level: 'error', message: expect.stringContaining(ADVICE) as unknown as string },
    ]);
  });

  it('reports an authority whose issuer is not the v2.0 one, and one it cannot reach', async () => {
    const v1Authority = createServer((request, response) => {
      const tenant = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(
        request.url ?? '',
      )?.[1];
      if (!tenant) return void response.writeHead(404).end();
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: `https://sts.windows.net/${tenant}/` }));
    });
    await new Promise<void>((resolve) => v1Authority.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(v1Authority.address() as AddressInfo).port}`;
    try {
      const wrongIssuer = await checkIdentitySetup({ ...options(), authorityHost: url });
      expect(wrongIssuer).toEqual([
        {
          level: 'error',
          message: expect.stringContaining(
            `names the issuer https://sts.windows.net/${RIEC_TENANT.id}/, not the v2.0 issuer`,
          ) as unknown as string,
        },
      ]);
    } finally {
      await new Promise<void>((resolve) => v1Authority.close(() => resolve()));
    }
    const unreachable = await checkIdentitySetup({
      ...options(),
      authorityHost: 'http://127.0.0.1:9',
      acquireOwnApiToken: () => Promise.reject(new Error('AADSTS7000215: Invalid client secret')),
      timeoutMs: 2000,
    });
    expect(unreachable.map((finding) => finding.level)).toEqual(['warn', 'warn']);
  });
});

// The server's credential without a secret, over the wire: msal-node's confidential client takes
// the managed identity's token (from a stand-in of the Container Apps identity endpoint) and sends
// it to the token endpoint as client_assertion (jwt-bearer) instead of a client secret. The
// sandbox's identity provider accepts only secrets and says so for an assertion (AADSTS700027):
// that answer proves the assertion, not a secret, reached it. Entra ID itself, which accepts the
// assertion through the federated credential, cannot be reached from here.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import {
  appTokenProvider,
  createConfidentialClient,
  managedIdentityAssertion,
} from '../../../src/graph/client/tokens.js';
import { readEnv } from '../../../src/server/env.js';
import { PRODUCT_APP, RIEC_TENANT, startTestSandbox } from '../../support/sandbox.js';
import {
  startIdentityEndpoint,
  type IdentityEndpoint,
} from '../../support/managed-identity-endpoint.js';

// A sandbox (seeded) and an identity endpoint per file: more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

const IDENTITY = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const MI_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGk6Ly9BenVyZUFEVG9rZW5FeGNoYW5nZSJ9.c2ln';

let sandbox: Sandbox;
let endpoint: IdentityEndpoint;
let restore: () => void;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  endpoint = await startIdentityEndpoint(() => MI_TOKEN);
  restore = endpoint.exposeToProcess();
});
afterAll(async () => {
  restore?.();
  await endpoint?.close();
  await sandbox?.close();
});

function clientWith(credential: 'secret' | 'managedIdentity') {
  return createConfidentialClient({
    authorityHost: sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PRODUCT_APP.clientId,
    ...(credential === 'secret'
      ? { clientSecret: PRODUCT_APP.clientSecret }
      : { clientAssertion: managedIdentityAssertion({ userAssignedClientId: IDENTITY }) }),
  });
}

describe('the Entra app with a managed identity as credential', () => {
  it('sends the managed identity token as client assertion, not a secret', async () => {
    const tokens = appTokenProvider(clientWith('managedIdentity'));
    await expect(tokens.getAccessToken()).rejects.toThrow(/700027|Client assertions/);
    expect(endpoint.requests.map((r) => r.url.searchParams.get('resource'))).toEqual([
      'api://AzureADTokenExchange',
    ]);
  });

  it('still signs in with the secret where one is configured (the sandbox, CLIENT_CREDENTIAL=secret)', async () => {
    await expect(appTokenProvider(clientWith('secret')).getAccessToken()).resolves.toMatch(/^ey/);
  });

  it('reads CLIENT_CREDENTIAL and MANAGED_IDENTITY_CLIENT_ID, secret by default', () => {
    expect(readEnv({}).CLIENT_CREDENTIAL).toBe('secret');
    expect(
      readEnv({ CLIENT_CREDENTIAL: 'managedIdentity', MANAGED_IDENTITY_CLIENT_ID: IDENTITY }),
    ).toMatchObject({ CLIENT_CREDENTIAL: 'managedIdentity', MANAGED_IDENTITY_CLIENT_ID: IDENTITY });
    expect(() => readEnv({ CLIENT_CREDENTIAL: 'certificate' })).toThrow(/CLIENT_CREDENTIAL/);
  });
});

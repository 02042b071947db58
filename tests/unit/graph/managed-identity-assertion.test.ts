// The managed identity as the Entra app's credential: the assertion provider asks the host's
// identity endpoint (a stand-in of Container Apps' IDENTITY_ENDPOINT, tests/support) for a token
// with the token-exchange audience and the user-assigned identity's client id, keeps it while it
// is valid, and fails loudly when the identity refuses.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  managedIdentityAssertion,
  TOKEN_EXCHANGE_AUDIENCE,
} from '../../../src/graph/client/tokens.js';
import {
  startIdentityEndpoint,
  STUB_IDENTITY_HEADER,
  type IdentityEndpoint,
} from '../../support/managed-identity-endpoint.js';

// A local HTTP server and msal-node's managed identity client: more than jest's 5 s when busy.
jest.setTimeout(30_000);

const IDENTITY = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const UNKNOWN_IDENTITY = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

let endpoint: IdentityEndpoint;
let restore: () => void;

beforeAll(async () => {
  endpoint = await startIdentityEndpoint(
    (request) => `mi-token-for-${request.url.searchParams.get('client_id')}`,
    [UNKNOWN_IDENTITY],
  );
  // Before the first token: msal-node picks the identity source from the environment once.
  restore = endpoint.exposeToProcess();
});
afterAll(async () => {
  restore();
  await endpoint.close();
});

describe('managedIdentityAssertion', () => {
  it("asks the host's identity endpoint for a token-exchange token of the user-assigned identity", async () => {
    const assertion = managedIdentityAssertion({ userAssignedClientId: IDENTITY });
    await expect(assertion()).resolves.toBe(`mi-token-for-${IDENTITY}`);
    expect(endpoint.requests).toHaveLength(1);
    const [request] = endpoint.requests;
    expect(request!.method).toBe('GET');
    expect(request!.url.pathname).toBe('/msi/token');
    expect(request!.headers['x-identity-header']).toBe(STUB_IDENTITY_HEADER);
    expect(Object.fromEntries(request!.url.searchParams)).toMatchObject({
      'api-version': '2019-08-01',
      resource: TOKEN_EXCHANGE_AUDIENCE,
      client_id: IDENTITY,
    });
    expect(TOKEN_EXCHANGE_AUDIENCE).toBe('api://AzureADTokenExchange');
  });

  it('reuses the token while it is valid (one request for many assertions)', async () => {
    const before = endpoint.requests.length;
    const assertion = managedIdentityAssertion({ userAssignedClientId: IDENTITY });
    for (let i = 0; i < 3; i += 1) {
      await expect(assertion()).resolves.toBe(`mi-token-for-${IDENTITY}`);
    }
    expect(endpoint.requests.length - before).toBe(0);
  });

  it('fails when the identity endpoint refuses', async () => {
    const assertion = managedIdentityAssertion({ userAssignedClientId: UNKNOWN_IDENTITY });
    await expect(assertion()).rejects.toThrow();
    expect(endpoint.requests.at(-1)!.url.searchParams.get('client_id')).toBe(UNKNOWN_IDENTITY);
  });
});

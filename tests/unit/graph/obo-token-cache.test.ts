import { describe, expect, it } from '@jest/globals';
import type { AuthenticationResult, OnBehalfOfRequest } from '@azure/msal-node';
import { OnBehalfOfTokens } from '../../../src/graph/client/obo-token-cache.js';

const HOUR = 60 * 60 * 1000;

/** A stand-in for msal's acquireTokenOnBehalfOf that counts the exchanges it performs. */
function fakeMsal(now: () => number, options: { fail?: boolean } = {}) {
  const requests: OnBehalfOfRequest[] = [];
  return {
    requests,
    async acquireTokenOnBehalfOf(request: OnBehalfOfRequest): Promise<AuthenticationResult> {
      requests.push(request);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.fail) throw new Error('invalid_grant');
      // Only the two fields the cache reads; the rest of msal's result does not matter here.
      return {
        accessToken: `graph-token-${requests.length}-for-${request.oboAssertion}`,
        expiresOn: new Date(now() + HOUR),
      } as AuthenticationResult;
    },
  };
}

describe('OnBehalfOfTokens', () => {
  it('exchanges a user token once and reuses the Graph token until shortly before it expires', async () => {
    let now = Date.parse('2026-03-10T10:00:00Z');
    const msal = fakeMsal(() => now);
    const tokens = new OnBehalfOfTokens(msal, { now: () => now });
    const first = await tokens.providerFor('user-a').getAccessToken();
    expect(await tokens.providerFor('user-a').getAccessToken()).toBe(first);
    expect(msal.requests).toHaveLength(1);
    expect(msal.requests[0]).toMatchObject({
      oboAssertion: 'user-a',
      scopes: ['https://graph.microsoft.com/.default'],
    });
    now += HOUR - 4 * 60 * 1000; // within five minutes of the expiry: a fresh one
    expect(await tokens.providerFor('user-a').getAccessToken()).not.toBe(first);
    expect(msal.requests).toHaveLength(2);
  });

  it('keeps users apart and shares one exchange among concurrent requests of one user', async () => {
    const msal = fakeMsal(Date.now);
    const tokens = new OnBehalfOfTokens(msal);
    const [a1, a2, b] = await Promise.all([
      tokens.providerFor('user-a').getAccessToken(),
      tokens.providerFor('user-a').getAccessToken(),
      tokens.providerFor('user-b').getAccessToken(),
    ]);
    expect(a1).toBe(a2);
    expect(b).toContain('for-user-b');
    expect(msal.requests.map((r) => r.oboAssertion).sort()).toEqual(['user-a', 'user-b']);
  });

  it('does not remember a failed exchange, and forgets the oldest users beyond the bound', async () => {
    const failing = fakeMsal(Date.now, { fail: true });
    const tokens = new OnBehalfOfTokens(failing);
    await expect(tokens.providerFor('user-a').getAccessToken()).rejects.toThrow('invalid_grant');
    await expect(tokens.providerFor('user-a').getAccessToken()).rejects.toThrow('invalid_grant');
    expect(failing.requests).toHaveLength(2);

    const msal = fakeMsal(Date.now);
    const bounded = new OnBehalfOfTokens(msal, { maxEntries: 2 });
    for (const user of ['u1', 'u2', 'u3']) await bounded.providerFor(user).getAccessToken();
    await bounded.providerFor('u3').getAccessToken(); // still there
    await bounded.providerFor('u1').getAccessToken(); // evicted: exchanged again
    expect(msal.requests.map((r) => r.oboAssertion)).toEqual(['u1', 'u2', 'u3', 'u1']);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  InteractionRequiredAuthError,
  ServerError,
  type AuthenticationResult,
  type OnBehalfOfRequest,
} from '@azure/msal-node';
import { OnBehalfOfTokens } from '../../../src/graph/client/obo-token-cache.js';
import {
  DelegatedAccessRefused,
  toDelegatedAccessRefusal,
  type DelegatedAccessRefusal,
} from '../../../src/graph/client/tokens.js';

const HOUR = 60 * 60 * 1000;

/** A stand-in for msal's acquireTokenOnBehalfOf that counts the exchanges it performs. */
function fakeMsal(now: () => number, options: { fail?: boolean | Error } = {}) {
  const requests: OnBehalfOfRequest[] = [];
  return {
    requests,
    async acquireTokenOnBehalfOf(request: OnBehalfOfRequest): Promise<AuthenticationResult> {
      requests.push(request);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.fail instanceof Error) throw options.fail;
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

// What msal-node throws for Entra ID's answers (ResponseHandler.validateTokenResponse).
const MFA_CLAIMS = '{"access_token":{"capolids":{"essential":true,"values":["p1"]}}}';
const mfa = () =>
  new InteractionRequiredAuthError(
    'invalid_grant',
    'corr',
    'AADSTS50076: … you must use multi-factor authentication …',
    'basic_action',
    '',
    '',
    MFA_CLAIMS,
    '50076',
  );
const consent = () =>
  new InteractionRequiredAuthError('invalid_grant', 'corr', 'AADSTS65001: …', 'consent_required');
const expired = () =>
  new ServerError('invalid_grant', 'corr', 'AADSTS500133: Assertion is not within …', '', '500133');

describe('toDelegatedAccessRefusal', () => {
  it('tells what the client must do from msal-node’s error', () => {
    expect(toDelegatedAccessRefusal(mfa())).toEqual({
      kind: 'interactionRequired',
      code: 'AADSTS50076 invalid_grant/basic_action',
      claims: MFA_CLAIMS,
    });
    expect(toDelegatedAccessRefusal(consent())).toMatchObject({ kind: 'consentRequired' });
    expect(toDelegatedAccessRefusal(expired())).toMatchObject({ kind: 'assertionExpired' });
    expect(
      toDelegatedAccessRefusal(
        new ServerError('invalid_grant', 'corr', 'AADSTS50013', '', '50013'),
      ),
    ).toMatchObject({ kind: 'assertionRefused' });
  });

  it('leaves the server’s own problems alone (wrong secret, network)', () => {
    expect(toDelegatedAccessRefusal(new ServerError('invalid_client', 'corr'))).toBeUndefined();
    expect(toDelegatedAccessRefusal(new Error('ECONNREFUSED'))).toBeUndefined();
  });
});

describe('OnBehalfOfTokens and a refused exchange', () => {
  it('throws DelegatedAccessRefused and tells the request’s listener', async () => {
    const tokens = new OnBehalfOfTokens(fakeMsal(Date.now, { fail: mfa() }));
    const heard: DelegatedAccessRefusal[] = [];
    const error = await tokens
      .providerFor('user-a', (refusal) => heard.push(refusal))
      .getAccessToken()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DelegatedAccessRefused);
    expect(heard).toEqual([expect.objectContaining({ kind: 'interactionRequired' })]);
  });

  it('tells every concurrent request that shared the exchange; other failures pass unchanged', async () => {
    const tokens = new OnBehalfOfTokens(fakeMsal(Date.now, { fail: consent() }));
    const heard: string[] = [];
    await Promise.allSettled(
      ['r1', 'r2'].map((id) =>
        tokens
          .providerFor('user-a', (refusal) => heard.push(`${id}:${refusal.kind}`))
          .getAccessToken(),
      ),
    );
    expect(heard.sort()).toEqual(['r1:consentRequired', 'r2:consentRequired']);
    const broken = new OnBehalfOfTokens(fakeMsal(Date.now, { fail: new Error('ECONNRESET') }));
    await expect(broken.providerFor('user-a', () => undefined).getAccessToken()).rejects.toThrow(
      'ECONNRESET',
    );
  });
});

// The token sources act on the API's claims challenge: nested app authentication (Teams,
// Outlook) asks msal for a token with the claims — silently while the session satisfies them,
// else in the host's window — or for consent in a window; the browser sign-in carries the
// challenge into its next sign-in at the identity provider.
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { webcrypto } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';
import type { TGetWebConfigResponse } from '../../src/web/common/api/api-types.js';

// oauth4webapi (the browser sign-in) needs what every browser has and jsdom lacks: TextEncoder
// and crypto.subtle.digest (for PKCE). Node's digest answers with an ArrayBuffer of Node's realm,
// which oauth4webapi's `instanceof ArrayBuffer` in jsdom's realm does not recognise: copy it.
Object.assign(globalThis, { TextEncoder, TextDecoder });
const digest = async (algorithm: string, data: BufferSource): Promise<ArrayBuffer> => {
  const bytes = new Uint8Array(await webcrypto.subtle.digest(algorithm, data));
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
};
Object.defineProperty(globalThis, 'crypto', {
  value: { getRandomValues: webcrypto.getRandomValues.bind(webcrypto), subtle: { digest } },
  configurable: true,
});

class InteractionRequiredAuthError extends Error {}

const account = { homeAccountId: 'sanne', username: 'sanne.devries@riec.nl' };
const result = (accessToken: string) => ({ accessToken, account });
const pca = {
  getActiveAccount: jest.fn(() => account),
  getAllAccounts: jest.fn(() => [account]),
  setActiveAccount: jest.fn(),
  acquireTokenSilent: jest.fn(async (_request: Record<string, unknown>) => result('silent')),
  ssoSilent: jest.fn(async (_request: Record<string, unknown>) => result('sso')),
  acquireTokenPopup: jest.fn(async (_request: Record<string, unknown>) => result('popup')),
};

jest.unstable_mockModule('@azure/msal-browser', () => ({
  createNestablePublicClientApplication: async () => pca,
  InteractionRequiredAuthError,
}));

const { createNaaTokens } = await import('../../src/web/common/auth/naa-tokens.js');
const { BrowserSignIn } = await import('../../src/web/common/auth/browser-sign-in.js');
const { SignInRequired } = await import('../../src/web/common/api/api-errors.js');

const CLAIMS = '{"access_token":{"capolids":{"essential":true,"values":["p1"]}}}';
const API_SCOPE = 'api://localhost:3000/2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27/access_as_user';

const config = {
  clientId: '2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27',
  apiScope: API_SCOPE,
  signInScopes: ['openid', 'profile', API_SCOPE],
  authority: {
    msalAuthority: 'https://login.microsoftonline.com/t',
    issuer: 'https://login.microsoftonline.com/t/v2.0',
    authorizationEndpoint: 'https://login.microsoftonline.com/t/oauth2/v2.0/authorize',
    tokenEndpoint: 'https://login.microsoftonline.com/t/oauth2/v2.0/token',
    endSessionEndpoint: 'https://login.microsoftonline.com/t/oauth2/v2.0/logout',
  },
} as unknown as TGetWebConfigResponse;

beforeEach(() => {
  for (const mock of [pca.acquireTokenSilent, pca.ssoSilent, pca.acquireTokenPopup]) {
    mock.mockClear();
  }
});

describe('nested app authentication and a claims challenge', () => {
  it('asks msal for a token with the claims, silently first', async () => {
    const tokens = await createNaaTokens(config, 'sanne.devries@riec.nl');
    await expect(tokens.getToken({ forceRefresh: true, claims: CLAIMS })).resolves.toBe('silent');
    expect(pca.acquireTokenSilent).toHaveBeenCalledWith(
      expect.objectContaining({ scopes: [API_SCOPE], claims: CLAIMS, forceRefresh: true }),
    );
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('opens the host’s window with the claims when the session does not satisfy them', async () => {
    pca.acquireTokenSilent.mockRejectedValueOnce(new InteractionRequiredAuthError('mfa'));
    const tokens = await createNaaTokens(config, 'sanne.devries@riec.nl');
    await expect(tokens.getToken({ forceRefresh: true, claims: CLAIMS })).resolves.toBe('popup');
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith(
      expect.objectContaining({ scopes: [API_SCOPE], claims: CLAIMS }),
    );
  });

  it('asks for consent in a window at once', async () => {
    const tokens = await createNaaTokens(config, undefined);
    await expect(tokens.getToken({ forceRefresh: true, consent: true })).resolves.toBe('popup');
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith(
      expect.objectContaining({ prompt: 'consent' }),
    );
    expect(pca.acquireTokenSilent).not.toHaveBeenCalled();
  });
});

describe('the browser sign-in and a claims challenge', () => {
  it('keeps the claims for the next sign-in, which sends them to the identity provider', async () => {
    const assign = jest.fn<(url: string) => void>();
    const signIn = new BrowserSignIn(config, sessionStorage, {
      origin: 'https://workshops.example.nl',
      assign,
    });
    await expect(signIn.getToken({ forceRefresh: true, claims: CLAIMS })).rejects.toBeInstanceOf(
      SignInRequired,
    );
    await signIn.startSignIn('#/aanmeldingen');
    const url = new URL(assign.mock.calls[0]![0]);
    expect(url.searchParams.get('claims')).toBe(CLAIMS);
    // Once: the sign-in after that is an ordinary one again.
    await signIn.startSignIn('#/aanmeldingen');
    expect(new URL(assign.mock.calls[1]![0]).searchParams.get('claims')).toBeNull();
  });

  it('asks for consent in the next sign-in', async () => {
    const assign = jest.fn<(url: string) => void>();
    const signIn = new BrowserSignIn(config, sessionStorage, {
      origin: 'https://workshops.example.nl',
      assign,
    });
    await signIn.getToken({ consent: true }).catch(() => undefined);
    await signIn.startSignIn('#/');
    expect(new URL(assign.mock.calls[0]![0]).searchParams.get('prompt')).toBe('consent');
  });
});

// The sandbox's identity provider, driven by @azure/msal-node exactly as the product drives it:
// https authority on localhost, knownAuthorities, client credentials, OBO, password, auth code.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import type { Sandbox } from '../../src/app.js';
import {
  PRODUCT_APP,
  RIEC_TENANT,
  graph,
  personByUpn,
  startTestSandbox,
} from '../../src/testing.js';

// Each file starts its own seeded sandbox: more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

let sandbox: Sandbox;
let msal: ConfidentialClientApplication;
const API_SCOPE = `api://localhost:3000/${PRODUCT_APP.clientId}/access_as_user`;

function confidentialClient(secret: string = PRODUCT_APP.clientSecret) {
  const host = new URL(sandbox.urls.https).host;
  return new ConfidentialClientApplication({
    auth: {
      clientId: PRODUCT_APP.clientId,
      clientSecret: secret,
      authority: `${sandbox.urls.https}/${RIEC_TENANT.id}`,
      knownAuthorities: [host],
    },
  });
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  msal = confidentialClient();
}, 60_000);
afterAll(async () => sandbox.close());

describe('OpenID Connect discovery', () => {
  it('publishes an issuer per tenant and a JWKS whose keys carry a kid', async () => {
    const config = (await (
      await fetch(`${sandbox.urls.https}/${RIEC_TENANT.id}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(config.issuer).toBe(`${sandbox.urls.https}/${RIEC_TENANT.id}/v2.0`);
    const jwks = (await (await fetch(config.jwks_uri!)).json()) as {
      keys: { kid: string; kty: string }[];
    };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys.every((key) => key.kid && key.kty === 'RSA')).toBe(true);
  });

  it('accepts the tenant by domain name as well as by id', async () => {
    const response = await fetch(
      `${sandbox.urls.https}/riec.nl/v2.0/.well-known/openid-configuration`,
    );
    expect(((await response.json()) as { issuer: string }).issuer).toContain(RIEC_TENANT.id);
  });
});

describe('tokens through msal-node', () => {
  it('issues an app-only Graph token with the granted application permissions (client credentials)', async () => {
    const result = await msal.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    const claims = decodeJwt(result!.accessToken);
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims.tid).toBe(RIEC_TENANT.id);
    // The product's application permissions: no tenant-wide Sites or directory permission.
    expect([...(claims.roles as string[])].sort()).toEqual([
      'Calendars.ReadWrite',
      'Mail.ReadBasic.All',
      'Mail.Send',
      'Sites.Selected',
      'TeamsActivity.Send',
    ]);
    expect(decodeProtectedHeader(result!.accessToken)).toMatchObject({
      alg: 'RS256',
      kid: expect.any(String),
    });
    const sanne = personByUpn('sanne.devries');
    const events = await graph(sandbox, result!.accessToken, 'GET', `/users/${sanne.id}/events`);
    expect(events.status).toBe(200);
  });

  it('refuses a wrong client secret with an AADSTS error', async () => {
    await expect(
      confidentialClient('wrong').acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      }),
    ).rejects.toThrow(/AADSTS7000215/);
  });

  it('signs in a seeded user with the password grant and puts their app roles in the API token', async () => {
    const sanne = personByUpn('sanne.devries');
    const result = await msal.acquireTokenByUsernamePassword({
      scopes: [API_SCOPE],
      username: sanne.upn,
      password: 'workshop',
    });
    const claims = decodeJwt(result!.accessToken);
    expect(claims).toMatchObject({
      aud: PRODUCT_APP.clientId,
      iss: `${sandbox.urls.https}/${RIEC_TENANT.id}/v2.0`,
      tid: RIEC_TENANT.id,
      oid: sanne.id,
      preferred_username: sanne.upn,
      name: 'Sanne de Vries',
      scp: 'access_as_user',
      roles: ['Workshop.AccountHolder.NoordHolland'],
    });
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000);
  });

  it('refuses a wrong password', async () => {
    await expect(
      msal.acquireTokenByUsernamePassword({
        scopes: [API_SCOPE],
        username: 'sanne.devries@riec.nl',
        password: 'nope',
      }),
    ).rejects.toThrow(/AADSTS50126/);
  });

  it('exchanges an API token for a delegated Graph token on behalf of the user (OBO)', async () => {
    const sanne = personByUpn('sanne.devries');
    const user = await msal.acquireTokenByUsernamePassword({
      scopes: [API_SCOPE],
      username: sanne.upn,
      password: 'workshop',
    });
    const obo = await msal.acquireTokenOnBehalfOf({
      oboAssertion: user!.accessToken,
      scopes: ['https://graph.microsoft.com/Calendars.ReadWrite'],
    });
    const claims = decodeJwt(obo!.accessToken);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      oid: sanne.id,
      azp: PRODUCT_APP.clientId,
    });
    expect(String(claims.scp).split(' ')).toContain('Calendars.ReadWrite');
    const me = await graph(sandbox, obo!.accessToken, 'GET', '/me');
    expect(me.body.userPrincipalName).toBe(sanne.upn);
  });

  it('refuses OBO with an assertion meant for another audience (a Graph token)', async () => {
    const graphToken = await msal.acquireTokenByUsernamePassword({
      scopes: ['https://graph.microsoft.com/User.Read'],
      username: 'sanne.devries@riec.nl',
      password: 'workshop',
    });
    await expect(
      confidentialClient().acquireTokenOnBehalfOf({
        oboAssertion: graphToken!.accessToken,
        scopes: ['https://graph.microsoft.com/.default'],
      }),
    ).rejects.toThrow(/AADSTS50013/);
  });

  it('signs tokens that jose verifies against the published JWKS', async () => {
    const result = await msal.acquireTokenByUsernamePassword({
      scopes: [API_SCOPE],
      username: 'pieter.bakker@riec.nl',
      password: 'workshop',
    });
    const jwks = createRemoteJWKSet(
      new URL(`${sandbox.urls.https}/${RIEC_TENANT.id}/discovery/v2.0/keys`),
    );
    const { payload } = await jwtVerify(result!.accessToken, jwks, {
      issuer: `${sandbox.urls.https}/${RIEC_TENANT.id}/v2.0`,
      audience: PRODUCT_APP.clientId,
    });
    expect(payload.roles).toEqual(['Workshop.Coordinator']);
  });
});

describe('authorization code with PKCE behind the sign-in page', () => {
  it('lets a person pick a seeded user and redeems the code with the verifier', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://localhost:3000/auth/callback';
    const params = new URLSearchParams({
      client_id: PRODUCT_APP.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: `openid profile offline_access ${API_SCOPE}`,
      state: 'state-123',
      nonce: 'nonce-456',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    // The browser-facing page is also served over plain HTTP on the same port.
    const page = await fetch(
      `${sandbox.urls.http}/${RIEC_TENANT.id}/oauth2/v2.0/authorize?${params}`,
    );
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Anouk Jansen');
    const anouk = personByUpn('anouk.jansen');
    const chosen = await fetch(`${sandbox.urls.http}/${RIEC_TENANT.id}/oauth2/v2.0/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(params), user_id: anouk.id }),
    });
    expect(chosen.status).toBe(302);
    const location = new URL(chosen.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('state-123');
    const code = location.searchParams.get('code')!;

    const redeem = (body: Record<string, string>) =>
      fetch(`${sandbox.urls.http}/${RIEC_TENANT.id}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost:3000',
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: PRODUCT_APP.clientId,
          code,
          redirect_uri: redirectUri,
          ...body,
        }),
      });
    const tokens = (await (await redeem({ code_verifier: verifier })).json()) as Record<
      string,
      string
    >;
    expect(decodeJwt(tokens.access_token!)).toMatchObject({
      oid: anouk.id,
      roles: ['Workshop.AccountHolder.MiddenNederland'],
    });
    expect(decodeJwt(tokens.id_token!)).toMatchObject({
      nonce: 'nonce-456',
      aud: PRODUCT_APP.clientId,
    });
    expect(tokens.refresh_token).toBeTruthy();
    // A code is used once.
    const again = await redeem({ code_verifier: verifier });
    expect(again.status).toBe(400);
  });

  it('refuses a code redeemed with the wrong verifier', async () => {
    const challenge = createHash('sha256')
      .update('right-verifier-right-verifier-right-verifier')
      .digest('base64url');
    const redirectUri = 'http://localhost:3000/auth/callback';
    const chosen = await fetch(`${sandbox.urls.http}/${RIEC_TENANT.id}/oauth2/v2.0/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: PRODUCT_APP.clientId,
        redirect_uri: redirectUri,
        scope: API_SCOPE,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        user_id: personByUpn('anouk.jansen').id,
      }),
    });
    const code = new URL(chosen.headers.get('location')!).searchParams.get('code')!;
    const response = await fetch(`${sandbox.urls.https}/${RIEC_TENANT.id}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: PRODUCT_APP.clientId,
        code,
        redirect_uri: redirectUri,
        code_verifier: 'wrong-verifier-wrong-verifier-wrong-verifier',
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });
});

describe('Graph refuses tokens it must refuse', () => {
  it('answers 401 with Graph error bodies for a missing, foreign or product-API token', async () => {
    const none = await fetch(`${sandbox.urls.https}/v1.0/users`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      'InvalidAuthenticationToken',
    );
    const apiToken = await msal.acquireTokenByUsernamePassword({
      scopes: [API_SCOPE],
      username: 'sanne.devries@riec.nl',
      password: 'workshop',
    });
    const wrongAudience = await graph(sandbox, apiToken!.accessToken, 'GET', '/me');
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.body.error.message).toMatch(/audience/i);
  });

  it('keeps tokens signed before a key rotation valid and signs new ones with the new kid', async () => {
    const before = await msal.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
      skipCache: true,
    });
    const rotated = (await (
      await fetch(`${sandbox.urls.https}/_sandbox/keys/rotate`, {
        method: 'POST',
        headers: { 'x-sandbox-control': '1' },
      })
    ).json()) as { kid: string };
    const after = await confidentialClient().acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    expect(decodeProtectedHeader(after!.accessToken).kid).toBe(rotated.kid);
    expect(decodeProtectedHeader(before!.accessToken).kid).not.toBe(rotated.kid);
    const calendar = `/users/${personByUpn('sanne.devries').id}/events?$top=1`;
    expect((await graph(sandbox, before!.accessToken, 'GET', calendar)).status).toBe(200);
  });
});

// Signing in across organisations, as Entra ID does it for a multi-tenant app: the
// `organizations` authority signs in a user of any tenant in their home tenant (Berenschot's
// trainers), a tenant's own authority refuses a user of another tenant with AADSTS50020 (on the
// sign-in page and at the token endpoint), and an API whose registration still asks for v1
// tokens gets v1 tokens.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { decodeJwt } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import type { Sandbox } from '../../src/app.js';
import { BERENSCHOT_TENANT } from '../../src/seed/people.js';
import { personByUpn, PRODUCT_APP, RIEC_TENANT, startTestSandbox } from '../../src/testing.js';

// Each file starts its own seeded sandbox: more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

const REDIRECT = 'http://localhost:3000/auth/callback';
const API_SCOPE = `api://localhost:3000/${PRODUCT_APP.clientId}/access_as_user`;
const SCOPE = `openid profile offline_access ${API_SCOPE}`;

let sandbox: Sandbox;
const marieke = personByUpn('marieke.vandijk');
const sanne = personByUpn('sanne.devries');

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox.close());

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function signInForm(userId: string, challenge: string) {
  return new URLSearchParams({
    client_id: PRODUCT_APP.clientId,
    redirect_uri: REDIRECT,
    scope: SCOPE,
    state: 'toestand',
    nonce: 'nonce',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    user_id: userId,
  });
}

/** Picks `userId` on the sign-in page of `authority`; the raw answer (no redirect followed). */
function pickUser(authority: string, userId: string, challenge: string) {
  return fetch(`${sandbox.urls.https}/${authority}/oauth2/v2.0/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: signInForm(userId, challenge),
    redirect: 'manual',
  });
}

async function redeem(authority: string, code: string, verifier: string) {
  const response = await fetch(`${sandbox.urls.https}/${authority}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: PRODUCT_APP.clientId,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      scope: SCOPE,
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & {
      access_token?: string;
      id_token?: string;
      error_codes?: number[];
      error_description?: string;
    },
  };
}

function passwordGrant(authority: string, upn: string) {
  return fetch(`${sandbox.urls.https}/${authority}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: PRODUCT_APP.clientId,
      client_secret: PRODUCT_APP.clientSecret,
      username: upn,
      password: sandbox.ctx.config.userPassword,
      scope: API_SCOPE,
    }),
  });
}

const ENTRA_50020 = (tenantName: string) =>
  `AADSTS50020: User account '${marieke.upn}' from identity provider 'https://sts.windows.net/${BERENSCHOT_TENANT.id}/' does not exist in tenant '${tenantName}' and cannot access the application '${PRODUCT_APP.clientId}'(${PRODUCT_APP.displayName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`;

describe('the organizations authority', () => {
  it('lists the people of every organisation on its sign-in page', async () => {
    const page = await fetch(
      `${sandbox.urls.https}/organizations/oauth2/v2.0/authorize?${new URLSearchParams({
        client_id: PRODUCT_APP.clientId,
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: SCOPE,
      })}`,
    );
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Sanne de Vries');
    expect(html).toContain('Marieke van Dijk');
  });

  it('signs in a Berenschot trainer in her home tenant (iss and tid are Berenschot’s)', async () => {
    const { verifier, challenge } = pkce();
    const picked = await pickUser('organizations', marieke.id, challenge);
    expect(picked.status).toBe(302);
    const code = new URL(picked.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const tokens = await redeem('organizations', code, verifier);
    expect(tokens.status).toBe(200);
    const issuer = `${sandbox.urls.https}/${BERENSCHOT_TENANT.id}/v2.0`;
    expect(decodeJwt(tokens.body.access_token ?? '')).toMatchObject({
      iss: issuer,
      tid: BERENSCHOT_TENANT.id,
      oid: marieke.id,
      aud: PRODUCT_APP.clientId,
      roles: ['Workshop.Trainer'],
    });
    expect(decodeJwt(tokens.body.id_token ?? '')).toMatchObject({ iss: issuer, nonce: 'nonce' });
  });
});

describe('a tenant’s own authority', () => {
  it('shows AADSTS50020 on the sign-in page for a user of another tenant, and gives no code', async () => {
    const hinted = await fetch(
      `${sandbox.urls.https}/${RIEC_TENANT.id}/oauth2/v2.0/authorize?${new URLSearchParams({
        client_id: PRODUCT_APP.clientId,
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: SCOPE,
        login_hint: marieke.upn,
      })}`,
    );
    expect(hinted.status).toBe(400);
    const hintedHtml = await hinted.text();
    expect(hintedHtml).toContain('AADSTS50020: User account &#39;marieke.vandijk@berenschot.nl');
    expect(hintedHtml).not.toContain('Marieke van Dijk</strong>');

    const picked = await pickUser(RIEC_TENANT.id, marieke.id, pkce().challenge);
    expect(picked.status).toBe(400);
    expect(picked.headers.get('location')).toBeNull();
    const html = (await picked.text()).replace(/&#39;/g, "'");
    expect(html).toContain(ENTRA_50020(RIEC_TENANT.displayName));
  });

  it('refuses her at its token endpoint too: password grant and a code from elsewhere', async () => {
    const password = await passwordGrant(RIEC_TENANT.id, marieke.upn);
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({
      error: 'invalid_grant',
      error_codes: [50020],
      error_description: ENTRA_50020(RIEC_TENANT.displayName),
    });

    const { verifier, challenge } = pkce();
    const picked = await pickUser('organizations', marieke.id, challenge);
    const code = new URL(picked.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const redeemed = await redeem(RIEC_TENANT.id, code, verifier);
    expect(redeemed.status).toBe(400);
    expect(redeemed.body.error_codes).toEqual([50020]);
  });

  it('signs in its own users, by tenant id or domain', async () => {
    for (const authority of [RIEC_TENANT.id, RIEC_TENANT.domain]) {
      expect((await passwordGrant(authority, sanne.upn)).status).toBe(200);
    }
    expect((await passwordGrant(BERENSCHOT_TENANT.domain, marieke.upn)).status).toBe(200);
  });

  it('answers AADSTS90002 for an authority that is no tenant', async () => {
    const response = await passwordGrant('contoso.onmicrosoft.com', sanne.upn);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_codes: [90002] });
  });
});

describe('the access token version of an API', () => {
  it('follows requestedAccessTokenVersion: v1 tokens name sts.windows.net and the App ID URI', async () => {
    sandbox.ctx.directory.setAccessTokenVersion(PRODUCT_APP.clientId, 1);
    try {
      const response = await passwordGrant(RIEC_TENANT.id, sanne.upn);
      const { access_token: token } = (await response.json()) as { access_token: string };
      const claims = decodeJwt(token);
      expect(claims).toMatchObject({
        iss: `https://sts.windows.net/${RIEC_TENANT.id}/`,
        ver: '1.0',
        aud: `api://localhost:3000/${PRODUCT_APP.clientId}`,
        upn: sanne.upn,
        scp: 'access_as_user',
      });
      expect(claims.preferred_username).toBeUndefined();
    } finally {
      sandbox.ctx.directory.setAccessTokenVersion(PRODUCT_APP.clientId, 2);
    }
    const v2 = await passwordGrant(RIEC_TENANT.id, sanne.upn);
    const { access_token: token } = (await v2.json()) as { access_token: string };
    expect(decodeJwt(token)).toMatchObject({ ver: '2.0', aud: PRODUCT_APP.clientId });
  });
});

// Token validation over real HTTP against the sandbox's identity provider: what must be refused
// with 401 (each case changes one thing of an otherwise valid token), what is accepted, key
// rotation, and an issuer that cannot be reached (503, not 500).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, generateKeyPair, decodeProtectedHeader } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { passwordToken, startTestSandbox } from '../../support/sandbox.js';
import {
  BERENSCHOT_TENANT,
  PRODUCT_APP,
  RIEC_TENANT,
  accountHolderClaims,
  apiToken,
  call,
  clockAt,
  expectProblem,
  signWithSandboxKey,
  startTestServer,
  type TestServer,
} from './server-harness.js';

// Each file starts its own sandbox (seeded) and servers: more than jest's 5 s on a busy machine.

const EXPIRED_MESSAGE = 'Uw aanmelding is verlopen of ongeldig. Meld u opnieuw aan.';

let sandbox: Sandbox;
let server: TestServer;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  server = await startTestServer(sandbox);
});
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function expectRefused(token: string | undefined, target: TestServer = server) {
  const result = await call(target, '/api/me', token === undefined ? {} : { token });
  expectProblem(result, 401, 'UNAUTHENTICATED');
  expect(result.body.detail).toBe(EXPIRED_MESSAGE);
  return result;
}

describe('refused with 401 problem+json', () => {
  it('no Authorization header: a Bearer challenge without an error code (RFC 6750 §3.1)', async () => {
    const result = await expectRefused(undefined);
    expect(result.headers.get('www-authenticate')).toBe('Bearer realm="Workshopplanner"');
  });

  it('another scheme or a malformed token, with error="invalid_token"', async () => {
    for (const header of ['Basic c2FubmU6d29ya3Nob3A=', 'Bearer', 'Bearer not a token']) {
      const result = await call(server, '/api/me', { headers: { authorization: header } });
      expectProblem(result, 401, 'UNAUTHENTICATED');
      expect(result.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
    const result = await expectRefused('abc.def.ghi');
    expect(result.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('a token with alg "none"', async () => {
    const claims = { ...accountHolderClaims(sandbox), exp: Math.floor(Date.now() / 1000) + 600 };
    await expectRefused(`${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`);
  });

  it('a token signed with HS256 and the client secret', async () => {
    const token = await new SignJWT(accountHolderClaims(sandbox))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(PRODUCT_APP.clientSecret));
    await expectRefused(token);
  });

  it('a token signed by a key that is not in the JWKS', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(accountHolderClaims(sandbox))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'not-a-sandbox-key' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectRefused(token);
  });

  it('an expired token (beyond the 60 s tolerance), but not one just expired', async () => {
    const token = await apiToken(sandbox, 'sanne.devries');
    const expiresAt = Date.now() + 3600 * 1000;
    const late = await startTestServer(sandbox, { clock: clockAt(new Date(expiresAt + 120_000)) });
    const justAfter = await startTestServer(sandbox, {
      clock: clockAt(new Date(expiresAt + 30_000)),
    });
    try {
      await expectRefused(token, late);
      expect((await call(justAfter, '/api/me', { token })).status).toBe(200);
    } finally {
      await late.close();
      await justAfter.close();
    }
  });

  it('a token that is not yet valid (nbf in the future)', async () => {
    await expectRefused(
      await signWithSandboxKey(sandbox, accountHolderClaims(sandbox), { notBefore: 600 }),
    );
  });

  it('a token without kid, even when signed by the one key the issuer publishes', async () => {
    const key = await sandbox.ctx.keys.active();
    const token = await new SignJWT(accountHolderClaims(sandbox))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key.privateKey);
    const result = await expectRefused(token);
    expect(result.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('a token issued in the future (iat beyond the 60 s tolerance), but not one just ahead', async () => {
    const key = await sandbox.ctx.keys.active();
    const issuedIn = (seconds: number) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(accountHolderClaims(sandbox))
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
        .setIssuedAt(now + seconds)
        .setNotBefore(now)
        .setExpirationTime(now + 3600)
        .sign(key.privateKey);
    };
    await expectRefused(await issuedIn(600));
    expect((await call(server, '/api/me', { token: await issuedIn(20) })).status).toBe(200);
  });

  it('a token for another audience (a Graph token from the same issuer)', async () => {
    const graphToken = await passwordToken(sandbox, 'sanne.devries@riec.nl', 'User.Read');
    await expectRefused(graphToken);
    await expectRefused(
      await signWithSandboxKey(sandbox, {
        ...accountHolderClaims(sandbox),
        aud: `api://evil.example/${PRODUCT_APP.clientId}`,
      }),
    );
  });

  it('a token from another issuer', async () => {
    await expectRefused(
      await signWithSandboxKey(sandbox, {
        ...accountHolderClaims(sandbox),
        iss: `https://login.microsoftonline.com/${RIEC_TENANT.id}/v2.0`,
      }),
    );
  });

  it('a token whose issuer names another tenant than its tid', async () => {
    await expectRefused(
      await signWithSandboxKey(sandbox, {
        ...accountHolderClaims(sandbox),
        iss: `${sandbox.urls.https}/${BERENSCHOT_TENANT.id}/v2.0`,
      }),
    );
  });

  it('a token of a tenant that is not in ALLOWED_TENANT_IDS', async () => {
    const strangerTenant = '0d9c4e1a-7b3f-4c2e-9a81-5f6d2b7e3c10';
    await expectRefused(
      await signWithSandboxKey(sandbox, {
        ...accountHolderClaims(sandbox),
        tid: strangerTenant,
        iss: `${sandbox.urls.https}/${strangerTenant}/v2.0`,
      }),
    );
    const riecOnly = await startTestServer(sandbox, {
      env: { ALLOWED_TENANT_IDS: RIEC_TENANT.id },
    });
    try {
      await expectRefused(await apiToken(sandbox, 'marieke.vandijk'), riecOnly);
      expect(
        (await call(riecOnly, '/api/me', { token: await apiToken(sandbox, 'sanne') })).status,
      ).toBe(200);
    } finally {
      await riecOnly.close();
    }
  });

  it('a token without the access_as_user scope (delegated or app-only)', async () => {
    const { scp: _scp, ...withoutScope } = accountHolderClaims(sandbox);
    await expectRefused(await signWithSandboxKey(sandbox, withoutScope));
    await expectRefused(
      await signWithSandboxKey(sandbox, { ...accountHolderClaims(sandbox), scp: 'User.Read' }),
    );
    const appOnly = await fetch(`${sandbox.urls.https}/${RIEC_TENANT.id}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: PRODUCT_APP.clientId,
        client_secret: PRODUCT_APP.clientSecret,
        scope: `api://localhost:3000/${PRODUCT_APP.clientId}/.default`,
      }),
    });
    const { access_token: appToken } = (await appOnly.json()) as { access_token: string };
    await expectRefused(appToken);
  });
});

describe('accepted tokens', () => {
  it('a token made like the refused ones, with nothing changed, is accepted', async () => {
    const token = await signWithSandboxKey(sandbox, accountHolderClaims(sandbox));
    expect((await call(server, '/api/me', { token })).status).toBe(200);
  });

  it('the v1-style audience api://…/<client id> as well as the client id', async () => {
    const token = await signWithSandboxKey(sandbox, {
      ...accountHolderClaims(sandbox),
      aud: `api://localhost:3000/${PRODUCT_APP.clientId}`,
    });
    expect((await call(server, '/api/me', { token })).status).toBe(200);
  });

  it('an account holder of RIEC Noord-Holland gets getMe with that RIEC', async () => {
    const result = await call(server, '/api/me', {
      token: await apiToken(sandbox, 'sanne.devries'),
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      name: 'Sanne de Vries',
      email: 'sanne.devries@riec.nl',
      roles: ['accountHolder'],
      riecs: ['RIEC Noord-Holland'],
      canReadAll: false,
    });
    expect(result.body.permissions).toEqual(
      expect.arrayContaining(['signups:confirm', 'signups:write']),
    );
    expect(result.body.permissions).not.toContain('province:read');
  });

  it('a RIEC trainer and a Berenschot trainer (from their own tenant) get the trainer role', async () => {
    for (const upn of ['fatima.amrani', 'marieke.vandijk']) {
      const result = await call(server, '/api/me', { token: await apiToken(sandbox, upn) });
      expect(result.status).toBe(200);
      expect(result.body.roles).toEqual(['trainer']);
      expect(result.body.riecs).toEqual([]);
      expect(result.body.permissions).toContain('workshops:read-own');
      expect(result.body.permissions).not.toContain('signups:write');
    }
  });

  it('the coordinator reads all RIECs; the admin may provision', async () => {
    const coordinator = await call(server, '/api/me', {
      token: await apiToken(sandbox, 'pieter.bakker'),
    });
    expect(coordinator.body).toMatchObject({ roles: ['coordinator'], canReadAll: true });
    expect(coordinator.body.permissions).toContain('province:read');
    const admin = await call(server, '/api/me', { token: await apiToken(sandbox, 'beheer') });
    expect(admin.body.roles).toEqual(['admin']);
    expect(admin.body.permissions).toContain('admin:provision');
  });
});

describe('authorisation', () => {
  it('a valid token without a Workshopplanner role gets 403 NO_ROLE, in Dutch', async () => {
    for (const roles of [[], ['Workshop.Unknown', 'Directory.Read']]) {
      const token = await signWithSandboxKey(sandbox, { ...accountHolderClaims(sandbox), roles });
      const result = await call(server, '/api/me', { token });
      expectProblem(result, 403, 'NO_ROLE');
      expect(result.body.detail).toBe(
        'U heeft geen rol in Workshopplanner; vraag uw beheerder om toegang.',
      );
    }
  });

  it('a partner tenant cannot grant planning roles, only the trainer role', async () => {
    const berenschot = {
      ...accountHolderClaims(sandbox),
      tid: BERENSCHOT_TENANT.id,
      iss: `${sandbox.urls.https}/${BERENSCHOT_TENANT.id}/v2.0`,
    };
    const asAccountHolder = await signWithSandboxKey(sandbox, berenschot);
    expectProblem(await call(server, '/api/me', { token: asAccountHolder }), 403, 'NO_ROLE');
    const asBoth = await signWithSandboxKey(sandbox, {
      ...berenschot,
      roles: ['Workshop.AccountHolder.NoordHolland', 'Workshop.Trainer', 'Workshop.Admin'],
    });
    const result = await call(server, '/api/me', { token: asBoth });
    expect(result.body).toMatchObject({ roles: ['trainer'], riecs: [] });
  });
});

/** An authority whose discovery document can be switched off; keys come from the sandbox. */
async function startFlakyAuthority(keysFrom: Sandbox) {
  const state = { up: false, discoveryHits: 0, url: '' };
  const authority = createServer((request, response) => {
    const tenant = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(
      request.url ?? '',
    )?.[1];
    if (!tenant) return void response.writeHead(404).end();
    state.discoveryHits += 1;
    if (!state.up) return void response.writeHead(503).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        issuer: `${state.url}/${tenant}/v2.0`,
        jwks_uri: `${keysFrom.urls.https}/${tenant}/discovery/v2.0/keys`,
      }),
    );
  });
  await new Promise<void>((resolve) => authority.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(authority.address() as AddressInfo).port}`;
  return { state, close: () => new Promise<void>((resolve) => authority.close(() => resolve())) };
}

describe('an issuer that cannot be reached', () => {
  it('tries the discovery again after a failure and then caches it', async () => {
    const authority = await startFlakyAuthority(sandbox);
    const flaky = await startTestServer(sandbox, { env: { AUTHORITY_HOST: authority.state.url } });
    try {
      const token = await signWithSandboxKey(sandbox, {
        ...accountHolderClaims(sandbox),
        iss: `${authority.state.url}/${RIEC_TENANT.id}/v2.0`,
      });
      expectProblem(await call(flaky, '/api/me', { token }), 503, 'AUTH_UNAVAILABLE');
      authority.state.up = true;
      expect((await call(flaky, '/api/me', { token })).status).toBe(200);
      expect((await call(flaky, '/api/me', { token })).status).toBe(200);
      expect(authority.state.discoveryHits).toBe(2);
    } finally {
      await flaky.close();
      await authority.close();
    }
  });

  it('answers 503 problem+json with Retry-After, not 500', async () => {
    const offline = await startTestServer(sandbox, {
      env: { AUTHORITY_HOST: 'https://127.0.0.1:9' },
      auth: { httpTimeoutMs: 2000 },
    });
    try {
      const result = await call(offline, '/api/me', { token: await apiToken(sandbox, 'sanne') });
      expectProblem(result, 503, 'AUTH_UNAVAILABLE');
      expect(Number(result.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(result.text).not.toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1:9/);
    } finally {
      await offline.close();
    }
  });
});

describe('signing key rotation at the issuer', () => {
  // Its own sandbox: rotating keys must not disturb the other tests' server and its key cache.
  let rotatingSandbox: Sandbox;
  beforeAll(async () => {
    rotatingSandbox = await startTestSandbox();
  });
  afterAll(async () => rotatingSandbox.close());

  it('after a key rotation at the issuer, a token with the new kid is accepted (JWKS refetch)', async () => {
    const rotating = await startTestServer(rotatingSandbox, { auth: { jwksCooldownMs: 0 } });
    try {
      const before = await apiToken(rotatingSandbox, 'sanne.devries');
      expect((await call(rotating, '/api/me', { token: before })).status).toBe(200);
      const rotated = (await (
        await fetch(`${rotatingSandbox.urls.https}/_sandbox/keys/rotate`, {
          method: 'POST',
          headers: { 'x-sandbox-control': '1' },
        })
      ).json()) as { kid: string };
      const after = await apiToken(rotatingSandbox, 'sanne.devries');
      expect(decodeProtectedHeader(after).kid).toBe(rotated.kid);
      expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
      expect((await call(rotating, '/api/me', { token: after })).status).toBe(200);
      // Tokens signed before the rotation stay valid: the issuer still publishes the old key.
      expect((await call(rotating, '/api/me', { token: before })).status).toBe(200);
    } finally {
      await rotating.close();
    }
  });

  it('caches the keys: within the cooldown an unknown kid does not make it fetch again', async () => {
    const cached = await startTestServer(rotatingSandbox, { auth: { jwksCooldownMs: 60_000 } });
    try {
      expect(
        (await call(cached, '/api/me', { token: await apiToken(rotatingSandbox, 'sanne') })).status,
      ).toBe(200);
      await fetch(`${rotatingSandbox.urls.https}/_sandbox/keys/rotate`, {
        method: 'POST',
        headers: { 'x-sandbox-control': '1' },
      });
      await expectRefused(await apiToken(rotatingSandbox, 'sanne'), cached);
    } finally {
      await cached.close();
    }
  });
});

// The rate limit by client address, before authentication: refused tokens run out after
// RATE_LIMIT_FAILED_AUTH_MAX (not 800 × 401), all requests of an address after
// RATE_LIMIT_ADDRESS_MAX, and behind a trusted proxy (TRUST_PROXY) every client has its own
// bucket. Bad tokens fail before anything is fetched, so no sandbox is needed here.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { call, expectProblem, startTestServer, type TestServer } from './server-harness.js';

jest.setTimeout(60_000);

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serverWith(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer(undefined, { env });
  servers.push(server);
  return server;
}

/** A token that is not even a JWT: refused at once (401). */
const BAD_TOKEN = 'not-a-token';

function badTokenFrom(server: TestServer, forwardedFor?: string) {
  return call(server, '/api/me', {
    token: BAD_TOKEN,
    ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
  });
}

describe('rate limit by client address, before authentication', () => {
  it('ends a run of bad tokens in 429 problem+json with Retry-After, long before 800', async () => {
    const server = await serverWith({});
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof badTokenFrom>> | undefined;
    for (let i = 0; i < 60; i++) {
      const result = await badTokenFrom(server);
      statuses.push(result.status);
      if (result.status === 429) refused ??= result;
    }
    // The default allows 20 refused tokens per address and window; everything after is 429.
    expect(statuses.filter((status) => status === 401)).toHaveLength(20);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    expectProblem(refused!, 429, 'RATE_LIMITED');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused!.body.detail).toMatch(/te veel verzoeken/);
    // The limited address gets 429 before its token is read, whatever the route; health stays.
    expect((await call(server, '/api/campaign')).status).toBe(429);
    expect((await call(server, '/api/health')).status).toBe(200);
  });

  it('limits all requests of one address, signed in or not (RATE_LIMIT_ADDRESS_MAX)', async () => {
    const server = await serverWith({ RATE_LIMIT_ADDRESS_MAX: '3' });
    for (let i = 0; i < 3; i++) {
      expect((await call(server, '/api/web-config')).status).toBe(200);
    }
    expectProblem(await call(server, '/api/web-config'), 429, 'RATE_LIMITED');
  });

  it('without TRUST_PROXY, clients behind one proxy share the proxy’s bucket', async () => {
    const server = await serverWith({ RATE_LIMIT_FAILED_AUTH_MAX: '3' });
    for (let i = 0; i < 3; i++) {
      expect((await badTokenFrom(server, '203.0.113.7')).status).toBe(401);
    }
    // X-Forwarded-For is not believed: another "client" is the same address.
    expect((await badTokenFrom(server, '198.51.100.9')).status).toBe(429);
  });

  it('with TRUST_PROXY naming the proxy, every client has a bucket of its own', async () => {
    const server = await serverWith({ RATE_LIMIT_FAILED_AUTH_MAX: '3', TRUST_PROXY: '127.0.0.1' });
    for (let i = 0; i < 3; i++) {
      expect((await badTokenFrom(server, '203.0.113.7')).status).toBe(401);
    }
    expect((await badTokenFrom(server, '203.0.113.7')).status).toBe(429);
    expect((await badTokenFrom(server, '198.51.100.9')).status).toBe(401);
  });
});

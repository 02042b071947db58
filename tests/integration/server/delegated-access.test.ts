// When Entra ID refuses the on-behalf-of exchange — the user's token expired on the way,
// consent is missing, or Conditional Access asks for MFA with a claims request — the API answers
// 401 with a challenge the tab and the add-in act on (Microsoft's claims-challenge format), and a
// Dutch explanation, never a 500. The sandbox refuses like Entra when told to
// (PUT /_sandbox/obo-refusal).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DEFAULT_CLAIMS } from '@workshopplanner/m365-sandbox';
import { RIEC_TENANT } from '../../support/sandbox.js';
import { eveningSlots } from '../../support/planning.js';
import { expectStatus, FIXED_TODAY, startApiStack, type ApiStack } from './api-harness.js';
import { apiToken, call, expectProblem } from './server-harness.js';

// A provisioned sandbox and a server: more than jest's 5 s on a busy machine.
jest.setTimeout(90_000);

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
}, 120_000);
afterAll(async () => stack?.close(), 60_000);

async function refuseNextExchange(refusal: string, extra: Record<string, unknown> = {}) {
  const response = await fetch(`${stack.sandbox.urls.https}/_sandbox/obo-refusal`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
    body: JSON.stringify({ refusal, count: 1, ...extra }),
  });
  expect(response.status).toBe(200);
}

// Free/busy is asked on the user's behalf (their mailbox, their rights); the lists are read as
// the app, so a list request makes no on-behalf-of exchange at all.
const AVAILABILITY = {
  method: 'POST',
  body: { slots: eveningSlots(FIXED_TODAY, 4).slice(0, 1) },
} as const;

function askAvailability(token: string, headers: Record<string, string> = {}) {
  return call(stack.server, '/api/availability', { ...AVAILABILITY, token, headers });
}

/** A request with a token of its own: the server's token cache has no Graph token for it yet. */
async function askAvailabilityWithFreshToken() {
  const token = await apiToken(stack.sandbox, 'sanne.devries');
  return { token, result: await askAvailability(token) };
}

/** The parameters of a Bearer challenge (quoted values). */
function challengeOf(header: string | null): Record<string, string> {
  expect(header).toMatch(/^Bearer realm="Workshopplanner"/);
  return Object.fromEntries(
    [...(header ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

describe('an on-behalf-of exchange Entra ID refuses', () => {
  it('MFA or Conditional Access: 401 insufficient_claims with the claims, then works again', async () => {
    await refuseNextExchange('interaction_required');
    const { token, result } = await askAvailabilityWithFreshToken();
    expectProblem(result, 401, 'UNAUTHENTICATED');
    expect(result.body.detail).toMatch(/extra controle van uw aanmelding/);
    const challenge = challengeOf(result.headers.get('www-authenticate'));
    expect(challenge.error).toBe('insufficient_claims');
    expect(Buffer.from(challenge.claims!, 'base64').toString('utf8')).toBe(DEFAULT_CLAIMS);
    expect(challenge.authorization_uri).toBe(
      `${stack.sandbox.urls.https}/${RIEC_TENANT.id}/oauth2/v2.0/authorize`,
    );
    // The refusal was not remembered: the next request exchanges again, and Entra agrees now.
    expect((await askAvailability(token)).status).toBe(200);
  });

  it('passes Conditional Access’s own claims on, in English too', async () => {
    const claims = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';
    await refuseNextExchange('interaction_required', { claims });
    const token = await apiToken(stack.sandbox, 'sanne.devries');
    const result = await askAvailability(token, { 'accept-language': 'en' });
    expectProblem(result, 401, 'UNAUTHENTICATED');
    expect(result.body.detail).toMatch(/extra check of your sign-in/);
    const challenge = challengeOf(result.headers.get('www-authenticate'));
    expect(Buffer.from(challenge.claims!, 'base64').toString('utf8')).toBe(claims);
  });

  it('consent missing: 401 insufficient_claims, consent_required, no claims', async () => {
    await refuseNextExchange('consent_required');
    const { result } = await askAvailabilityWithFreshToken();
    expectProblem(result, 401, 'UNAUTHENTICATED');
    expect(result.body.detail).toMatch(/toestemming/);
    const challenge = challengeOf(result.headers.get('www-authenticate'));
    expect(challenge).toMatchObject({
      error: 'insufficient_claims',
      error_description: 'consent_required',
    });
    expect(challenge.claims).toBeUndefined();
  });

  it('the assertion expired on the way: 401 invalid_token, get a fresh token', async () => {
    await refuseNextExchange('expired');
    const { result } = await askAvailabilityWithFreshToken();
    expectProblem(result, 401, 'UNAUTHENTICATED');
    expect(result.body.detail).toMatch(/verlopen/);
    expect(result.headers.get('www-authenticate')).toBe(
      'Bearer realm="Workshopplanner", error="invalid_token"',
    );
  });

  it('a token that expires between the API’s check and the exchange: 401 invalid_token', async () => {
    // The API allows 60 s of clock skew; Entra (and the sandbox) none for the assertion.
    const token = await apiToken(stack.sandbox, 'sanne.devries');
    // A sync now, so the process knows Sanne's delta cursor and the next one starts with the
    // on-behalf-of call (a process that does not reads the stored cursor as the app first). With
    // another token of hers: the exchange of `token` itself must not be cached yet.
    const warmUp = await apiToken(stack.sandbox, 'sanne.devries');
    expectStatus(await call(stack.server, '/api/sync', { token: warmUp, method: 'POST' }), 200);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      exp: number;
    };
    const setClock = (now: string | null) =>
      fetch(`${stack.sandbox.urls.https}/_sandbox/clock`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
        body: JSON.stringify({ now }),
      });
    const before = (
      (await (await fetch(`${stack.sandbox.urls.https}/_sandbox/clock`)).json()) as {
        now: string;
      }
    ).now;
    expect((await setClock(new Date((exp + 20) * 1000).toISOString())).status).toBe(200);
    try {
      // The sync's first Graph call is on the user's behalf (their own calendar). An hour on, the
      // app's own cached token has run out too, as it would have in Entra ID: avoid needing it.
      const result = await call(stack.server, '/api/sync', { token, method: 'POST' });
      expectProblem(result, 401, 'UNAUTHENTICATED');
      expect(challengeOf(result.headers.get('www-authenticate')).error).toBe('invalid_token');
    } finally {
      await setClock(before);
    }
  });

  it('a command is refused the same way, and nothing was written', async () => {
    await refuseNextExchange('interaction_required');
    const token = await apiToken(stack.sandbox, 'sanne.devries');
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = await call(stack.server, '/api/sync', { token, method: 'POST' });
    expectProblem(result, 401, 'UNAUTHENTICATED');
    expect(challengeOf(result.headers.get('www-authenticate')).error).toBe('insufficient_claims');
    const graphWrites = stack.sandbox.ctx.requestLog
      .since(since)
      .filter((entry) => entry.kind === 'graph' && entry.method !== 'GET');
    expect(graphWrites).toEqual([]);
  });
});

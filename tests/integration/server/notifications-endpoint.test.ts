// POST /api/notifications on the real server: public (Graph sends no token), the validation
// handshake answered as text, and nothing else it can be made to do. A signed-in user of another
// RIEC, a trainer and a user of the partner tenant get exactly what an anonymous caller gets:
// their notifications without the secret are acknowledged and ignored, never a change. Without
// a client state the server polls only and has no such endpoint.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { accountHolder } from '../../support/planning.js';
import { proposed } from '../../support/planning-scenarios.js';
import { expectStatus, FIXED_TODAY, startApiStack, type ApiStack } from './api-harness.js';
import { call, startTestServer } from './server-harness.js';

const SECRET = 'geheim-van-de-endpointtest-456789';
let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack({
    today: FIXED_TODAY,
    server: {
      env: {
        // Never called here: the endpoint's own behaviour is under test, not the subscriptions.
        NOTIFICATION_URL: 'http://127.0.0.1:9/api/notifications',
        NOTIFICATION_CLIENT_STATE: SECRET,
      },
    },
  });
}, 120_000);
afterAll(async () => stack?.close());

const forged = (subscriptionId: string) => ({
  value: [{ subscriptionId, clientState: 'geraden', changeType: 'updated' }],
});

describe('POST /api/notifications', () => {
  it('answers the validation handshake with the token as text/plain, without a token', async () => {
    const token = 'Validation: Testing client application reachability for subscription 1';
    const result = await call(
      stack.server,
      `/api/notifications?validationToken=${encodeURIComponent(token)}`,
      { method: 'POST', body: '', headers: { 'content-type': 'text/plain' } },
    );
    expect(result.status).toBe(200);
    expect(result.text).toBe(token);
    expect(result.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('gives another RIEC, a trainer and a partner-tenant user nothing a stranger has not', async () => {
    const signup = await proposed(stack.planning.context(accountHolder('sanne.devries')), 'GM0392');
    const before = expectStatus(
      await stack.as('sanne.devries', `/api/signups/${signup.signup.id}`),
      200,
    ).body as { eTag?: string };
    const seq = stack.sandbox.ctx.requestLog.lastSeq;
    for (const who of ['mohamed.elidrissi', 'fatima.amrani', 'marieke.vandijk']) {
      const result = await stack.as(who, '/api/notifications', {
        method: 'POST',
        body: forged('abonnement-van-sanne'),
      });
      expect({ who, status: result.status }).toEqual({ who, status: 202 });
      const malformed = await stack.as(who, '/api/notifications', {
        method: 'POST',
        body: { value: 'alles' },
      });
      expect({ who, status: malformed.status }).toEqual({ who, status: 400 });
    }
    // Not one Graph request was made for any of them.
    const graph = stack.sandbox.ctx.requestLog.since(seq).filter((entry) => entry.kind === 'graph');
    expect(graph).toEqual([]);
    const after = expectStatus(
      await stack.as('sanne.devries', `/api/signups/${signup.signup.id}`),
      200,
    ).body as { eTag?: string };
    expect(after).toEqual(before);
  }, 60_000);

  it('is not there when the server polls only (no client state)', async () => {
    const polling = await startTestServer(stack.sandbox, {
      env: { NOTIFICATION_URL: 'http://127.0.0.1:9/api/notifications' },
    });
    try {
      const result = await call(polling, '/api/notifications?validationToken=x', {
        method: 'POST',
        body: '',
        headers: { 'content-type': 'text/plain' },
      });
      expect(result.status).toBe(404);
    } finally {
      await polling.close();
    }
  }, 60_000);
});

// Fault injection and the request log: what tests and benchmarks rely on to be honest.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import { appToken, graph, personByUpn, startTestSandbox } from '../../src/testing.js';

let sandbox: Sandbox;
let token: string;

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.urls.https}/_sandbox${path}`, {
    method,
    headers: {
      'x-sandbox-control': '1',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: response.status,
    body: response.status === 204 ? undefined : await response.json(),
  };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await appToken(sandbox);
}, 60_000);
afterAll(async () => sandbox.close());

describe('fault injection', () => {
  it('answers every Graph request 429 with Retry-After at rate 1, and nothing at rate 0', async () => {
    await control('PUT', '/faults', { rate429: 1, retryAfterSeconds: 7 });
    const throttled = await graph(sandbox, token, 'GET', '/users?$top=1');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.body.error.code).toBe('TooManyRequests');
    await control('PUT', '/faults', { rate429: 0 });
    expect((await graph(sandbox, token, 'GET', '/users?$top=1')).status).toBe(200);
  });

  it('injects 503 at its own rate', async () => {
    await control('PUT', '/faults', { rate503: 1 });
    expect((await graph(sandbox, token, 'GET', '/users?$top=1')).status).toBe(503);
    await control('PUT', '/faults', { rate503: 0 });
  });

  it('refuses settings out of range', async () => {
    expect((await control('PUT', '/faults', { rate429: 2 })).status).toBe(400);
    expect((await control('PUT', '/faults', { unknown: 1 })).status).toBe(400);
  });

  it('limits concurrent requests per app and mailbox as Outlook does (4), with added latency', async () => {
    // Each request holds its slot for 1 s, so all 8 overlap even on a busy machine.
    await control('PUT', '/faults', { latencyMs: 1000, mailboxConcurrency: 4 });
    const mailbox = personByUpn('sanne.devries').id;
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => graph(sandbox, token, 'GET', `/users/${mailbox}/messages`)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    expect(answers.find((answer) => answer.status === 429)?.body.error.code).toBe(
      'ApplicationThrottled',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await control('PUT', '/faults', { latencyMs: 0 });
  });
});

describe('request log', () => {
  it('counts round trips since a sequence number', async () => {
    const { body: before } = await control('GET', '/requests');
    await graph(sandbox, token, 'GET', '/users?$top=1');
    await graph(sandbox, token, 'GET', '/users?$top=2');
    const { body: after } = await control('GET', `/requests?since=${before.lastSeq}`);
    expect(after.roundTrips).toBe(2);
    const graphEntries = after.entries.filter((entry: { kind: string }) => entry.kind === 'graph');
    expect(graphEntries.map((entry: { path: string }) => entry.path)).toEqual([
      '/v1.0/users?$top=1',
      '/v1.0/users?$top=2',
    ]);
  });
});

describe('clock and settings', () => {
  it('moves the sandbox clock and returns to real time', async () => {
    const moved = await control('PUT', '/clock', { now: '2030-01-01T12:00:00+01:00' });
    expect(moved.body.now.startsWith('2030-01-01T11:00')).toBe(true);
    const back = await control('PUT', '/clock', { now: null });
    expect(Math.abs(Date.parse(back.body.now) - Date.now())).toBeLessThan(5_000);
  });

  it('switches free/busy sharing between the organisations at run time', async () => {
    expect((await control('PUT', '/settings', { freeBusySharing: true })).body).toEqual({
      freeBusySharing: true,
      duplicateTransactionId: 'returnExisting',
    });
    expect((await control('GET', '/settings')).body).toMatchObject({ freeBusySharing: true });
    await control('PUT', '/settings', { freeBusySharing: false });
  });

  it('switches what a repeated transactionId gets, and refuses other values', async () => {
    expect(
      (await control('PUT', '/settings', { duplicateTransactionId: 'error' })).body,
    ).toMatchObject({ duplicateTransactionId: 'error', freeBusySharing: false });
    expect((await control('PUT', '/settings', { duplicateTransactionId: 'maybe' })).status).toBe(
      400,
    );
    await control('PUT', '/settings', { duplicateTransactionId: 'returnExisting' });
  });
});

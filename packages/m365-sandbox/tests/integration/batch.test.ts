// JSON batching in the sandbox over real HTTPS (concepts/json-batching.md): parts run through
// the ordinary Graph routes, answer out of order, fail one by one (424 for dependents, 429
// with their own Retry-After) while the batch is 200, and the batch is one round trip.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  BatchRequestContent,
  BatchResponseContent,
  Client,
} from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { listMailbox } from '../../src/mail/index.js';
import { PEOPLE } from '../../src/seed/people.js';
import { appToken, graph, personByUpn, startTestSandbox } from '../../src/testing.js';

const sanne = personByUpn('sanne.devries');
const jeroen = personByUpn('jeroen.visser');
const riecPeople = PEOPLE.filter((p) => p.tenant === 'riec');

let sandbox: Sandbox;
let app: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  app = await appToken(sandbox);
}, 60_000);
afterAll(async () => sandbox.close());

interface Part {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

const getUser = (id: string, userId: string): Part => ({
  id,
  method: 'GET',
  url: `/users/${userId}`,
});

const batch = (requests: unknown, token = app) =>
  graph(sandbox, token, 'POST', '/$batch', requests === undefined ? undefined : { requests });

/** One entry of `responses`; bodies are arbitrary Graph JSON that the tests assert on. */
interface PartResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

function byId(responses: PartResult[]): Record<string, PartResult> {
  return Object.fromEntries(responses.map((r) => [r.id, r]));
}

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.urls.https}/_sandbox${path}`, {
    method,
    headers: {
      'x-sandbox-control': '1',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return response.json();
}

describe('$batch', () => {
  test('runs 20 GET parts and answers every one, in another order than asked', async () => {
    const ids = Array.from({ length: 20 }, (_, n) => String(n + 1));
    const parts = ids.map((id, n) => getUser(id, riecPeople[n % riecPeople.length]!.id));
    const response = await batch(parts);
    expect(response.status).toBe(200);
    const responses = response.body.responses as PartResult[];
    expect(responses.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(responses.map((r) => r.id)).not.toEqual(ids);
    for (const [n, id] of ids.entries()) {
      const part = byId(responses)[id]!;
      expect(part.status).toBe(200);
      expect(part.body.id).toBe(riecPeople[n % riecPeople.length]!.id);
    }
  });

  test('refuses 21 parts for the whole batch', async () => {
    const parts = Array.from({ length: 21 }, (_, n) => getUser(String(n), sanne.id));
    const response = await batch(parts);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
    expect(response.body.error.message).toMatch(/limit of 20/);
  });

  test('is 200 with a status per part when some parts fail', async () => {
    const response = await batch([
      getUser('ok', sanne.upn),
      getUser('missing', 'niemand@riec.nl'),
      {
        id: 'mail',
        method: 'POST',
        url: `users/${sanne.id}/sendMail`,
        headers: { 'Content-Type': 'application/json' },
        body: {
          message: {
            subject: 'Via batch',
            toRecipients: [{ emailAddress: { address: jeroen.upn } }],
          },
        },
      },
      {
        id: 'bad-body',
        method: 'POST',
        url: `/users/${sanne.id}/sendMail`,
        headers: { 'content-type': 'application/json' },
        body: { message: {} },
      },
    ]);
    expect(response.status).toBe(200);
    const parts = byId(response.body.responses);
    expect(parts.ok).toMatchObject({
      status: 200,
      headers: { 'Content-Type': expect.stringContaining('application/json') },
      body: { userPrincipalName: sanne.upn },
    });
    expect(parts.missing).toMatchObject({
      status: 404,
      body: { error: { code: expect.any(String) } },
    });
    expect(parts.mail).toMatchObject({ status: 202, body: null });
    expect(parts['bad-body']).toMatchObject({
      status: 400,
      body: { error: { code: 'ErrorInvalidRecipients' } },
    });
    expect(listMailbox(sandbox.ctx, jeroen.id).map((m) => m.message.subject)).toContain(
      'Via batch',
    );
  });

  test('gives 424 to every part of a chain after a failing first part', async () => {
    const response = await batch([
      { ...getUser('1', 'niemand@riec.nl') },
      { ...getUser('2', sanne.id), dependsOn: ['1'] },
      { ...getUser('3', sanne.id), dependsOn: ['2'] },
    ]);
    expect(response.status).toBe(200);
    const parts = byId(response.body.responses);
    expect(parts['1']!.status).toBe(404);
    expect(parts['2']!.status).toBe(424);
    expect(parts['3']!.status).toBe(424);
  });

  test('runs a chain in dependency order when it succeeds', async () => {
    const before = sandbox.ctx.requestLog.lastSeq;
    const response = await batch([
      { ...getUser('c', PEOPLE[2]!.id), dependsOn: ['b'] },
      { ...getUser('a', PEOPLE[0]!.id) },
      { ...getUser('b', PEOPLE[1]!.id), dependsOn: ['A'] }, // ids ignore case
    ]);
    expect(response.body.responses.map((r: { status: number }) => r.status)).toEqual([
      200, 200, 200,
    ]);
    const paths = sandbox.ctx.requestLog
      .since(before)
      .filter((entry) => entry.batchSeq !== null)
      .map((entry) => entry.path);
    expect(paths).toEqual([0, 1, 2].map((n) => `/v1.0/users/${PEOPLE[n]!.id}`));
  });

  test('is one round trip in the request log, with the parts logged under its batchSeq', async () => {
    const before = (await control('GET', '/requests')).lastSeq as number;
    const response = await batch([getUser('1', sanne.id), getUser('2', jeroen.id)]);
    expect(response.status).toBe(200);
    const log = await control('GET', `/requests?since=${before}`);
    const graphEntries = log.entries.filter((e: { kind: string }) => e.kind === 'graph');
    expect(log.roundTrips).toBe(1);
    const parts = graphEntries.filter((e: { batchSeq: number | null }) => e.batchSeq !== null);
    expect(parts.map((e: { path: string }) => e.path).sort()).toEqual(
      [`/v1.0/users/${sanne.id}`, `/v1.0/users/${jeroen.id}`].sort(),
    );
    expect(new Set(parts.map((e: { batchSeq: number }) => e.batchSeq)).size).toBe(1);
    const envelope = graphEntries.find((e: { path: string }) => e.path === '/v1.0/$batch');
    expect(envelope).toMatchObject({ batchSeq: null, status: 200 });
    expect(parts[0].batchSeq).toBeLessThan(envelope.seq);
  });

  test('a part hit by an injected 429 carries its own Retry-After, while the batch is 200', async () => {
    await control('PUT', '/faults', { rate429: 1, retryAfterSeconds: 7 });
    let response;
    try {
      response = await batch([getUser('1', sanne.id), getUser('2', jeroen.id)]);
    } finally {
      await control('PUT', '/faults', { rate429: 0 });
    }
    expect(response.status).toBe(200);
    for (const part of response.body.responses) {
      expect(part).toMatchObject({
        status: 429,
        headers: { 'Retry-After': '7' },
        body: { error: { code: 'TooManyRequests' } },
      });
    }
  });

  test('answers a part whose url keeps the version segment as Graph does: 400 for that part', async () => {
    const response = await batch([
      getUser('1', sanne.id),
      { id: '2', method: 'GET', url: `/v1.0/users/${sanne.id}` },
    ]);
    expect(response.status).toBe(200);
    const parts = byId(response.body.responses);
    expect(parts['1']!.status).toBe(200);
    expect(parts['2']).toMatchObject({
      status: 400,
      body: { error: { message: "Resource not found for the segment 'v1.0'." } },
    });
  });

  test.each<[string, unknown]>([
    ['a part without id', [{ method: 'GET', url: '/users' }]],
    ['duplicate ids (ignoring case)', [getUser('x', sanne.id), getUser('X', jeroen.id)]],
    [
      'a body without Content-Type',
      [{ id: '1', method: 'POST', url: `/users/${sanne.id}/sendMail`, body: { message: {} } }],
    ],
    [
      'an absolute url',
      [{ id: '1', method: 'GET', url: `https://graph.microsoft.com/v1.0/users/${sanne.id}` }],
    ],
    ['an unknown dependsOn id', [{ ...getUser('1', sanne.id), dependsOn: ['9'] }]],
    [
      'a nested $batch',
      [
        {
          id: '1',
          method: 'POST',
          url: '/$batch',
          headers: { 'Content-Type': 'application/json' },
          body: { requests: [] },
        },
      ],
    ],
    ['a method Graph does not batch', [{ id: '1', method: 'TRACE', url: '/users' }]],
    [
      'a dependency shape Graph refuses',
      [
        getUser('1', sanne.id),
        { ...getUser('2', sanne.id), dependsOn: ['1'] },
        getUser('3', sanne.id),
      ],
    ],
    ['no requests array', undefined],
  ])('refuses the whole batch for %s', async (_case, requests) => {
    const response = await batch(requests);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
  });

  test('refuses a body that is not JSON', async () => {
    const response = await graph(sandbox, app, 'POST', '/$batch', '{"requests": [');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
  });

  test('refuses a batch without a token, and every part runs with the batch’s token', async () => {
    const unauthenticated = await fetch(`${sandbox.urls.https}/v1.0/$batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [getUser('1', sanne.id)] }),
    });
    expect(unauthenticated.status).toBe(401);
    // A part cannot swap in a token of its own.
    const response = await batch([
      { ...getUser('1', sanne.id), headers: { Authorization: 'Bearer not-a-token' } },
    ]);
    expect(response.body.responses[0].status).toBe(200);
  });
});

describe('$batch through the Graph SDK', () => {
  test('BatchRequestContent and BatchResponseContent work against the sandbox', async () => {
    const client = Client.initWithMiddleware({
      authProvider: { getAccessToken: async () => app },
      baseUrl: sandbox.urls.https + '/',
      defaultVersion: 'v1.0',
      customHosts: new Set(['localhost']),
    });
    // SDK 3.0.7 keeps everything after the host, so the version must not be in the URL
    // (msgraph-sdk-javascript#1451); Node's Request needs an absolute URL.
    const content = new BatchRequestContent([
      { id: 'me', request: new Request(`${sandbox.urls.https}/users/${sanne.id}`) },
      {
        id: 'send',
        request: new Request(`${sandbox.urls.https}/users/${sanne.id}/sendMail`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            message: {
              subject: 'Via de SDK',
              toRecipients: [{ emailAddress: { address: 'burgemeester@zandvoort.nl' } }],
            },
          }),
        }),
        dependsOn: ['me'],
      },
    ]);
    const raw = await client.api('/$batch').post(await content.getContent());
    const responses = new BatchResponseContent(raw);
    const me = responses.getResponseById('me');
    expect(me.status).toBe(200);
    expect((await me.json()).displayName).toBe('Sanne de Vries');
    expect(responses.getResponseById('send').status).toBe(202);
    expect(listMailbox(sandbox.ctx, 'burgemeester@zandvoort.nl')).toHaveLength(1);
  });
});

describe('faults of the batch envelope itself (POST /_sandbox/faults/batch)', () => {
  const mail = (id: string, to: string): Part => ({
    id,
    method: 'POST',
    url: `/users/${sanne.upn}/sendMail`,
    headers: { 'Content-Type': 'application/json' },
    body: {
      message: {
        subject: `Bericht ${id}`,
        body: { contentType: 'text', content: 'Hallo' },
        toRecipients: [{ emailAddress: { address: to } }],
      },
    },
  });

  test('answers the whole batch 503 before any part runs', async () => {
    await control('POST', '/faults/batch', { status: 503 });
    const response = await batch([mail('1', 'burgemeester@bergen.nl')]);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).not.toBeNull();
    expect(response.body.error.code).toBe('ServiceNotAvailable');
    expect(listMailbox(sandbox.ctx, 'burgemeester@bergen.nl')).toHaveLength(0);
    // Armed once: the next batch goes through.
    expect((await batch([mail('1', 'burgemeester@bergen.nl')])).status).toBe(200);
    expect(listMailbox(sandbox.ctx, 'burgemeester@bergen.nl')).toHaveLength(1);
  });

  test('can answer 504 after the parts ran, only for batches with a matching part', async () => {
    await control('POST', '/faults/batch', {
      status: 504,
      afterParts: true,
      partUrlContains: 'sendMail',
    });
    expect((await batch([getUser('1', sanne.upn)])).status).toBe(200);
    const response = await batch([mail('1', 'burgemeester@heiloo.nl')]);
    expect(response.status).toBe(504);
    expect(response.body.error.code).toBe('GatewayTimeout');
    // The client cannot tell, but the mail went out.
    expect(listMailbox(sandbox.ctx, 'burgemeester@heiloo.nl')).toHaveLength(1);
  });

  test('refuses a fault Graph does not answer a batch with', async () => {
    const response = await fetch(`${sandbox.urls.https}/_sandbox/faults/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
      body: JSON.stringify({ status: 500 }),
    });
    expect(response.status).toBe(400);
  });
});

describe('parts run at the same time, as Graph runs them', () => {
  // Each part takes 50 ms of "server time" while it holds its mailbox slot, as in Exchange.
  beforeAll(async () => {
    await control('PUT', '/faults', { partLatencyMs: 50 });
  });
  afterAll(async () => {
    await control('PUT', '/faults', { partLatencyMs: 0 });
  });

  test("parts to one mailbox meet Outlook's limit of 4 concurrent requests: 429 per part", async () => {
    const parts = Array.from({ length: 8 }, (_, i): Part => ({
      id: String(i + 1),
      method: 'GET',
      url: `/users/${jeroen.upn}/events?$top=5`,
    }));
    const response = await batch(parts);
    expect(response.status).toBe(200);
    const throttled = (response.body.responses as PartResult[]).filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]!.headers['Retry-After']).toBeDefined();
    expect(throttled[0]!.body.error.code).toBe('ApplicationThrottled');
  });

  test('a chain (dependsOn) runs one part at a time, so it never throttles itself', async () => {
    const parts = Array.from({ length: 8 }, (_, i): Part => ({
      id: String(i + 1),
      method: 'GET',
      url: `/users/${jeroen.upn}/events?$top=5`,
      ...(i > 0 ? { dependsOn: [String(i)] } : {}),
    }));
    const response = await batch(parts);
    expect((response.body.responses as PartResult[]).every((r) => r.status === 200)).toBe(true);
  });
});

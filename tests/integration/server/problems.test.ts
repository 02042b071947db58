// Error answers over real HTTP: every 4xx and 5xx is RFC 9457 problem+json with a stable code,
// the request path and the correlation id, in Dutch unless the caller prefers English. Routes
// that only this test needs are added through the factory (extraRoutes).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { z } from 'zod';
import { AppError, domainRuleViolated } from '../../../src/app/errors.js';
import { createIssue } from '../../../src/domain/errors.js';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { defineRoute } from '../../../src/server/http/define-route.js';
import { startTestSandbox } from '../../support/sandbox.js';
import {
  apiToken,
  call,
  expectProblem,
  startTestServer,
  type TestServer,
} from './server-harness.js';

// Each file starts its own sandbox (seeded) and servers: more than jest's 5 s on a busy machine.

const ZTestSignupRequest = z.object({
  cbsCode: z.string().regex(/^GM\d{4}$/),
  contactName: z.string().min(1),
  preferences: z
    .array(
      z.object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) }),
    )
    .length(3),
});

const testRoutes = [
  defineRoute({
    method: 'POST',
    url: '/test/signups',
    operationId: 'testCreateSignup',
    summary: 'Testroute met een body',
    tags: ['Test'],
    permission: 'signups:write',
    schemas: { body: ZTestSignupRequest, response: { 201: z.object({ received: z.number() }) } },
    handler: async ({ body }) => ({ received: body.preferences.length }),
  }),
  defineRoute({
    method: 'GET',
    url: '/test/crash',
    operationId: 'testCrash',
    summary: 'Testroute die faalt',
    tags: ['Test'],
    permission: 'me:read',
    schemas: { response: { 200: z.object({}) } },
    handler: async () => {
      throw new Error('connection string Server=sql-prod;Password=hunter2 refused');
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/test/rules',
    operationId: 'testRules',
    summary: 'Testroute met een domeinfout',
    tags: ['Test'],
    permission: 'me:read',
    schemas: { response: { 200: z.object({}) } },
    handler: async () => {
      throw domainRuleViolated([createIssue('DEADLINE_PASSED', '', { deadline: '2022-06-15' })]);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/test/stale',
    operationId: 'testStale',
    summary: 'Testroute met een verouderde eTag',
    tags: ['Test'],
    permission: 'me:read',
    schemas: { response: { 200: z.object({}) } },
    handler: async () => {
      throw new AppError('PRECONDITION_FAILED', { logMessage: 'eTag mismatch' });
    },
  }),
];

let sandbox: Sandbox;
let server: TestServer;
let accountHolder: string;
let trainer: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  server = await startTestServer(sandbox, { extraRoutes: testRoutes });
  accountHolder = await apiToken(sandbox, 'sanne.devries');
  trainer = await apiToken(sandbox, 'fatima.amrani');
});
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

const validBody = {
  cbsCode: 'GM0392',
  contactName: 'Griffie Haarlem',
  preferences: [
    { start: '2026-06-02T19:30:00+02:00', end: '2026-06-02T22:30:00+02:00' },
    { start: '2026-06-09T19:30:00+02:00', end: '2026-06-09T22:30:00+02:00' },
    { start: '2026-06-16T19:30:00+02:00', end: '2026-06-16T22:30:00+02:00' },
  ],
};

describe('problem+json shape and language', () => {
  it('an unknown path under /api is 404, in Dutch by default', async () => {
    const result = await call(server, '/api/bestaat-niet?email=iemand@haarlem.nl', {
      token: accountHolder,
    });
    expectProblem(result, 404, 'NOT_FOUND');
    expect(result.body).toMatchObject({
      type: 'https://workshopplanner.nl/problems/not-found',
      title: 'Niet gevonden',
      instance: '/api/bestaat-niet',
    });
    expect(result.headers.get('content-language')).toBe('nl');
  });

  it('in English when Accept-Language prefers English, in Dutch when it prefers Dutch', async () => {
    const english = await call(server, '/api/bestaat-niet', {
      headers: { 'accept-language': 'en-US,en;q=0.9,nl;q=0.8' },
    });
    expectProblem(english, 404, 'NOT_FOUND');
    expect(english.body.title).toBe('Not found');
    expect(english.headers.get('content-language')).toBe('en');
    const dutch = await call(server, '/api/me', {
      headers: { 'accept-language': 'en;q=0.5, nl-NL' },
    });
    expect(dutch.body.detail).toBe('Uw aanmelding is verlopen of ongeldig. Meld u opnieuw aan.');
    const german = await call(server, '/api/me', { headers: { 'accept-language': 'de-DE' } });
    expect(german.body.title).toBe('Niet aangemeld');
  });

  it('a known path with another method is 405 with Allow', async () => {
    const result = await call(server, '/api/me', { method: 'DELETE', token: accountHolder });
    expectProblem(result, 405, 'METHOD_NOT_ALLOWED');
    expect(result.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a route the role does not allow is 403 FORBIDDEN', async () => {
    const result = await call(server, '/api/test/signups', {
      method: 'POST',
      token: trainer,
      body: validBody,
    });
    expectProblem(result, 403, 'FORBIDDEN');
    expect(result.body.detail).toBe('U mag dit niet doen met uw rol in Workshopplanner.');
  });

  it('authentication comes before the body is read: no token and bad JSON is still 401', async () => {
    const result = await call(server, '/api/test/signups', { method: 'POST', body: '{"cbsCode":' });
    expectProblem(result, 401, 'UNAUTHENTICATED');
  });
});

describe('validation', () => {
  it('accepts a valid body', async () => {
    const result = await call(server, '/api/test/signups', {
      method: 'POST',
      token: accountHolder,
      body: validBody,
    });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({ received: 3 });
  });

  it('names each wrong field with a Dutch message', async () => {
    const preferences = validBody.preferences.map((p, i) =>
      i === 1 ? { ...p, end: 'morgen' } : p,
    );
    const { contactName: _omitted, ...withoutName } = validBody;
    const result = await call(server, '/api/test/signups', {
      method: 'POST',
      token: accountHolder,
      body: { ...withoutName, cbsCode: 'Haarlem', preferences },
    });
    expectProblem(result, 400, 'VALIDATION_FAILED');
    expect(result.body.detail).toBe(
      'Niet alle gegevens zijn goed ingevuld. Bekijk de meldingen per veld.',
    );
    const byField = Object.fromEntries(
      (result.body.errors as { field: string; code: string; message: string }[]).map((e) => [
        e.field,
        e,
      ]),
    );
    expect(Object.keys(byField).sort()).toEqual(['cbsCode', 'contactName', 'preferences.1.end']);
    expect(byField['contactName']).toEqual({
      field: 'contactName',
      code: 'invalid_type',
      message: 'Dit veld is verplicht.',
    });
    expect(byField['preferences.1.end']).toMatchObject({ code: 'invalid_format' });
    // Plain words, not zod's ("Ongeldig: ISO datum en tijd", "moet overeenkomen met patroon").
    expect(byField['preferences.1.end']?.message).toBe(
      'Dit is geen datum en tijd. Vul een datum en een tijd in.',
    );
    expect(byField['cbsCode']?.message).toBe(
      'Dit is niet goed ingevuld. Controleer wat u hebt ingevuld of kies het uit de lijst.',
    );
  });

  it('gives the field messages in English when asked', async () => {
    const result = await call(server, '/api/test/signups', {
      method: 'POST',
      token: accountHolder,
      headers: { 'accept-language': 'en' },
      body: { ...validBody, preferences: validBody.preferences.slice(0, 2) },
    });
    expectProblem(result, 400, 'VALIDATION_FAILED');
    expect(result.body.errors).toEqual([
      {
        field: 'preferences',
        code: 'too_small',
        message: 'There are too few. Give at least 3.',
      },
    ]);
  });

  it('malformed JSON is 400 MALFORMED_REQUEST', async () => {
    const result = await call(server, '/api/test/signups', {
      method: 'POST',
      token: accountHolder,
      body: '{"cbsCode": "GM0392",',
    });
    expectProblem(result, 400, 'MALFORMED_REQUEST');
    expect(result.body.detail).toMatch(/^De aanvraag kon niet worden gelezen/);
    expect(result.text).not.toMatch(/Unexpected|position|SyntaxError/);
  });

  it('an empty JSON body and a __proto__ key are 400', async () => {
    const empty = await call(server, '/api/test/signups', {
      method: 'POST',
      token: accountHolder,
      body: '',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(empty, 400, 'MALFORMED_REQUEST');
    const poisoned = await call(server, '/api/test/signups', {
      method: 'POST',
      token: accountHolder,
      body: `{"__proto__": {"isAdmin": true}, "cbsCode": "GM0392"}`,
    });
    expectProblem(poisoned, 400, 'MALFORMED_REQUEST');
  });

  it('a body that is not JSON is 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const result = await call(server, '/api/test/signups', {
        method: 'POST',
        token: accountHolder,
        body: 'cbsCode=GM0392',
        headers: { 'content-type': contentType },
      });
      expectProblem(result, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('a 10 MB body gets the 413 problem too, not a connection closed while sending', async () => {
    // A plain HTTP client that writes the whole body before it reads (as curl and most proxies
    // do): a server that answers early and closes with the body unread resets the connection,
    // and the client never sees the answer.
    const body = Buffer.alloc(10 * 1024 * 1024, 'x');
    const continued: boolean[] = [];
    for (const [chunked, expectContinue] of [
      [false, true],
      [false, false],
      [true, false],
      [false, true],
    ] as const) {
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = httpRequest(`${server.url}/api/test/signups`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${accountHolder}`,
            'content-type': 'application/json',
            // Without a length the server only learns the size while reading.
            ...(chunked ? {} : { 'content-length': String(body.length) }),
            // curl and proxies ask first for large bodies; the answer must be the 413 itself.
            ...(expectContinue ? { expect: '100-continue' } : {}),
          },
        });
        request.on('continue', () => continued.push(true));
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
            request.destroy();
          });
        });
        request.on('error', reject);
        // Asking first: only the headers go out until the server says "100 Continue".
        if (expectContinue) request.flushHeaders();
        else if (!chunked) request.end(body);
        else {
          for (let at = 0; at < body.length; at += 64 * 1024)
            request.write(body.subarray(at, at + 64 * 1024));
          request.end();
        }
      });
      expect(answer.status).toBe(413);
      // Asked first, the server refused without "100 Continue": the body was never sent.
      expect(continued).toEqual([]);
      expect(JSON.parse(answer.text)).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        detail: 'De aanvraag bevat te veel gegevens.',
      });
    }
  });

  it('a body over the limit (64 KB) is 413', async () => {
    const result = await call(server, '/api/test/signups', {
      method: 'POST',
      token: accountHolder,
      body: { ...validBody, contactName: 'x'.repeat(70 * 1024) },
    });
    expectProblem(result, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('errors of the use cases', () => {
  it('a domain refusal is 422 with the domain’s own messages per field', async () => {
    const dutch = await call(server, '/api/test/rules', { token: accountHolder });
    expectProblem(dutch, 422, 'DOMAIN_RULE_VIOLATED');
    expect(dutch.body.errors).toEqual([
      { field: '', code: 'DEADLINE_PASSED', message: expect.stringContaining('15 juni 2022') },
    ]);
    const english = await call(server, '/api/test/rules', {
      token: accountHolder,
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.errors[0].message).toContain('June');
  });

  it('an AppError keeps its code and status (412 for a stale eTag)', async () => {
    expectProblem(
      await call(server, '/api/test/stale', { token: accountHolder }),
      412,
      'PRECONDITION_FAILED',
    );
  });

  it('an unexpected error is a 500 that says nothing internal', async () => {
    const result = await call(server, '/api/test/crash', { token: accountHolder });
    expectProblem(result, 500, 'INTERNAL');
    expect(result.text).not.toMatch(/hunter2|sql-prod|connection string|Error:/);
    expect(result.body.detail).toContain('correlatie-id');
    const logged = server.logs.find(
      (line) => line.includes(result.body.correlationId) && line.includes('"level":50'),
    );
    expect(logged).toBeDefined();
  });
});

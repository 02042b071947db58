// A Graph request that gets no answer within the per-attempt timeout (issue 16, item 4): the
// whole list at 3,420 sign-ups under 10 connections in bench/api.ts. The SDK reports it as a
// GraphError with statusCode -1; the API must answer 503 with Retry-After (Microsoft 365 is
// slow or unreachable), not 500. A real Graph client against a local server that never answers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphError as SdkGraphError } from '@microsoft/microsoft-graph-client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphClient } from '../../../src/graph/client/client.js';
import { GraphRequestFailure, toGraphFailure } from '../../../src/graph/client/errors.js';
import { toAppError } from '../../../src/server/errors/error-handler.js';
import { HTTP_STATUS } from '../../../src/server/errors/http-status.js';

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // Takes the request and never answers (until the test closes the server).
  server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a Graph request that times out', () => {
  it('is a transient network failure (status 0), so the API answers 503 with Retry-After', async () => {
    const client = createGraphClient({
      baseUrl,
      tokens: { getAccessToken: () => Promise.resolve('token') },
      timeoutMs: 1000,
    });
    let thrown: unknown;
    try {
      await client.api('/sites/root/lists/x/items').get();
    } catch (error) {
      thrown = error;
    }
    const failure = toGraphFailure(thrown);
    expect(failure).toBeInstanceOf(GraphRequestFailure);
    expect(failure.status).toBe(0);
    const appError = toAppError(failure);
    expect(appError.code).toBe('GRAPH_UNAVAILABLE');
    expect(HTTP_STATUS[appError.code]).toBe(503);
    expect(appError.retryAfterSeconds).toBe(30);
  }, 30_000);

  it("maps the SDK's GraphError with statusCode -1 (no answer) to status 0, keeping its code", () => {
    // What the SDK throws for our TimeoutMiddleware's abort (checked in Node: GraphError -1,
    // code TimeoutError); before, it stayed -1, which is not transient: a 500.
    const timedOut = new SdkGraphError(-1, 'The operation was aborted due to timeout');
    timedOut.code = 'TimeoutError';
    const failure = toGraphFailure(timedOut);
    expect(failure.status).toBe(0);
    expect(failure.code).toBe('TimeoutError');
    expect(toAppError(failure).code).toBe('GRAPH_UNAVAILABLE');
    expect(toAppError(failure).retryAfterSeconds).toBe(30);
    // The timeout while the body of a 200 was read: the SDK keeps the 200.
    const midBody = new SdkGraphError(200, 'The operation was aborted due to timeout');
    midBody.code = 'TimeoutError';
    expect(toGraphFailure(midBody).status).toBe(0);
    expect(toAppError(toGraphFailure(midBody)).code).toBe('GRAPH_UNAVAILABLE');
  });

  it('keeps a real Graph status as it is', () => {
    const failure = toGraphFailure(new GraphRequestFailure(404, 'itemNotFound', 'gone', 'r-1'));
    expect(failure.status).toBe(404);
    expect(toAppError(failure).code).toBe('INTERNAL');
  });
});

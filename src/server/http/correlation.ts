// One correlation id per request: the caller's (x-correlation-id, or client-request-id as
// Microsoft clients send it) when it is well-formed, else a new one. It is the request id in
// every log line, the `correlationId` of problem+json, and echoed in the response header.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';
const INCOMING_HEADERS = [CORRELATION_HEADER, 'client-request-id'];
// Printable, no spaces or quotes: safe in headers and logs, long enough not to collide by chance.
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function correlationIdOf(request: IncomingMessage): string {
  for (const name of INCOMING_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string' && WELL_FORMED.test(value)) return value;
  }
  return randomUUID();
}

export function echoCorrelationId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(CORRELATION_HEADER, request.id);
  });
}

// A body over the limit gets its 413 problem+json readably, also from clients that send large
// bodies the careful way (curl, proxies: `Expect: 100-continue`). Node answers "100 Continue" on
// its own unless the server listens for it; the client then streams 10 MB, the server answers
// 413 after the first 64 KB and closes, and the client — still sending — sees a broken pipe
// instead of the answer (issue: "10 MB bodies get a closed connection instead of the 413").
// - With Expect: 100-continue and a Content-Length over the limit, the 413 is the final answer
//   instead of the 100: the client never sends the body (RFC 9110 §10.1.1).
// - Otherwise, after a 413 the rest of the body is read and dropped before the connection closes
//   (closing with unread data makes TCP reset it), for a bounded time.
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../app/errors.js';
import { HTTP_STATUS } from '../errors/http-status.js';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../errors/problem.js';
import { CORRELATION_HEADER, correlationIdOf } from './correlation.js';
import { negotiateLanguage } from './locale.js';

/** How long a refused body may keep arriving before the connection is cut. */
const DRAIN_MS = 30_000;

function tooLarge(request: IncomingMessage, response: ServerResponse): void {
  const language = negotiateLanguage(request.headers['accept-language']);
  const correlationId = correlationIdOf(request);
  const url = request.url ?? '/';
  const problem = toProblem(new AppError('PAYLOAD_TOO_LARGE'), {
    instance: url.split('?')[0] ?? '/',
    correlationId,
    language,
  });
  response.writeHead(HTTP_STATUS.PAYLOAD_TOO_LARGE, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-language': language,
    'cache-control': 'no-store',
    [CORRELATION_HEADER]: correlationId,
    connection: 'close',
  });
  response.end(JSON.stringify(problem));
}

export function answerOversizedBodies(app: FastifyInstance, bodyLimit: number): void {
  app.server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    const length = Number(request.headers['content-length']);
    if (Number.isFinite(length) && length > bodyLimit) {
      tooLarge(request, response);
      return;
    }
    response.writeContinue();
    app.server.emit('request', request, response);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== HTTP_STATUS.PAYLOAD_TOO_LARGE || request.raw.complete) return;
    // Read the rest and drop it, so the client that is still sending reads the answer.
    const raw = request.raw;
    const cut = setTimeout(() => raw.destroy(), DRAIN_MS);
    raw.on('end', () => clearTimeout(cut));
    raw.on('close', () => clearTimeout(cut));
    raw.resume();
  });
}

// JSON batching: POST /v1.0/$batch (concepts/json-batching.md). The envelope is one round trip
// (it pays the injected latency once and is never fault-injected itself); every part runs
// through the ordinary Graph routes with the envelope's token, and so gets its own auth check,
// its own dice roll for 429/503 (with its own Retry-After) and its own request-log entry.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxModule } from '../context.js';
import { loopbackDispatcher } from './dispatch.js';
import { parseBatchRequest } from './envelope.js';
import { executeParts } from './execute.js';
import { shuffleResponses } from './shuffle.js';

export { MAX_BATCH_REQUESTS, parseBatchRequest, type BatchPart } from './envelope.js';

export const batchModule: SandboxModule = (app, ctx) => {
  // urls are filled in once the listeners are bound, hence the function.
  const dispatch = loopbackDispatcher(() => ctx.urls.http);
  app.post('/$batch', async (request: FastifyRequest, reply: FastifyReply) => {
    const parts = parseBatchRequest(request.body);
    // An envelope fault armed through the control API: before the parts run, or after.
    const fault = ctx.faults.takeBatchFault(parts.map((part) => part.url));
    if (fault && !fault.afterParts) throw ctx.faults.batchFaultError(fault);
    // A number from the request log's own sequence, used only to correlate the parts with
    // this batch: every part's log entry carries it as `batchSeq`. The envelope's own entry
    // gets a later seq of its own when its response is logged (onResponse), so batchSeq is
    // not the envelope's seq; it is unique and lower than the seqs of the parts and envelope.
    const batchSeq = ctx.requestLog.reserveSeq();
    const responses = await executeParts(dispatch, parts, {
      authorization: request.headers.authorization,
      batchHeaders: ctx.batchPartHeaders(batchSeq),
    });
    if (fault) throw ctx.faults.batchFaultError(fault);
    const position = new Map(parts.map((part) => [part.id, part.index]));
    const inRequestOrder = [...responses].sort(
      (a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
    );
    return reply
      .status(200)
      .type('application/json')
      .send({ responses: shuffleResponses(inRequestOrder) });
  });
};

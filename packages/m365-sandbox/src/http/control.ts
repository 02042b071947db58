// The sandbox's control API (/_sandbox/…), for tests, benchmarks and demos: request log and
// round-trip counts, fault injection (Graph's and SharePoint's), the clock, free/busy sharing between the organisations,
// key rotation, health and reset. Local only and unauthenticated, like Azurite's.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { registerDeltaTokenControl } from '../calendar/delta-tokens.js';
import type { SandboxContext } from '../context.js';
import { oboRefusalRoutes } from '../identity/obo-refusal.js';
import { resetSandbox } from '../seed/index.js';
import {
  readSharePointFaults,
  updateSharePointFaults,
  ZSharePointFaults,
} from '../sharepoint/faults.js';
import { GraphError } from './graph-error.js';
import {
  DUPLICATE_TRANSACTION_SETTING,
  duplicateTransactionIdAnswer,
  FREE_BUSY_SETTING,
  isFreeBusyShared,
} from './settings.js';
import { countRoundTrips, countSequentialRoundTrips } from './request-log.js';

const ZFaults = z
  .object({
    rate429: z.number().min(0).max(1),
    rate503: z.number().min(0).max(1),
    retryAfterSeconds: z.number().int().min(0).max(120),
    latencyMs: z.number().int().min(0).max(60_000),
    partLatencyMs: z.number().int().min(0).max(60_000),
    mailboxConcurrency: z.number().int().min(0).max(100),
    seed: z.number().int(),
  })
  .partial()
  .strict();

const ZBatchFault = z
  .object({
    status: z.union([z.literal(429), z.literal(503), z.literal(504)]),
    afterParts: z.boolean().default(false),
    count: z.number().int().min(1).max(100).default(1),
    partUrlContains: z.string().min(1).optional(),
  })
  .strict();

const ZSettings = z
  .object({
    freeBusySharing: z.boolean(),
    duplicateTransactionId: z.enum(['returnExisting', 'error']),
  })
  .partial()
  .strict();

const currentSettings = (ctx: SandboxContext) => ({
  freeBusySharing: isFreeBusyShared(ctx),
  duplicateTransactionId: duplicateTransactionIdAnswer(ctx),
});
const ZClock = z.object({ now: z.iso.datetime({ offset: true }).nullable() }).strict();

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new GraphError(400, 'BadRequest', z.prettifyError(result.error));
  return result.data;
}

export async function controlModule(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  app.get('/health', async () => ({
    status: 'ok',
    urls: ctx.urls,
    tenants: ctx.directory.tenants(),
    now: ctx.clock.now().toISOString(),
  }));

  app.get('/requests', async (request: FastifyRequest<{ Querystring: { since?: string } }>) => {
    const entries = ctx.requestLog.since(Number(request.query.since ?? 0) || 0);
    return {
      lastSeq: ctx.requestLog.lastSeq,
      roundTrips: countRoundTrips(entries),
      sequentialRoundTrips: countSequentialRoundTrips(entries),
      entries,
    };
  });
  app.delete('/requests', async (_request, reply) => {
    ctx.requestLog.clear();
    return reply.status(204).send();
  });

  app.get('/faults', async () => ({ ...ctx.faults.current, injected: ctx.faults.injected }));
  app.put('/faults', async (request) =>
    ctx.faults.update(stripUndefined(parse(ZFaults, request.body))),
  );

  app.post('/faults/batch', async (request) => {
    const fault = stripUndefined(parse(ZBatchFault, request.body));
    ctx.faults.armBatchFault(fault);
    return fault;
  });

  // SharePoint's quiet failures: an index that did not take, server-side paging.
  app.get('/sharepoint/faults', async () => readSharePointFaults(ctx));
  app.put('/sharepoint/faults', async (request) =>
    updateSharePointFaults(ctx, stripUndefined(parse(ZSharePointFaults.partial(), request.body))),
  );

  app.get('/settings', async () => currentSettings(ctx));
  app.put('/settings', async (request) => {
    const settings = parse(ZSettings, request.body);
    if (settings.freeBusySharing !== undefined) {
      ctx.directory.setSetting(FREE_BUSY_SETTING, String(settings.freeBusySharing));
    }
    if (settings.duplicateTransactionId !== undefined) {
      ctx.directory.setSetting(DUPLICATE_TRANSACTION_SETTING, settings.duplicateTransactionId);
    }
    return currentSettings(ctx);
  });

  app.get('/clock', async () => ({ now: ctx.clock.now().toISOString() }));
  app.put('/clock', async (request) => {
    const { now } = parse(ZClock, request.body);
    ctx.clock.set(now === null ? null : new Date(now));
    return { now: ctx.clock.now().toISOString() };
  });

  registerDeltaTokenControl(app, ctx);
  // On-behalf-of refusals as Entra ID gives them (identity/obo-refusal.ts).
  oboRefusalRoutes(app, ctx);

  app.post('/keys/rotate', async () => {
    const key = await ctx.keys.rotate();
    return { kid: key.kid };
  });

  app.post('/reset', async () => {
    resetSandbox(ctx);
    ctx.requestLog.clear();
    return { status: 'reset' };
  });
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

// The sandbox's control API (/_sandbox/…), for tests, benchmarks and demos: request log and
// round-trip counts, fault injection, the clock, free/busy sharing between the organisations,
// key rotation, health and reset. Local only and unauthenticated, like Azurite's.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { oboRefusalRoutes } from '../identity/obo-refusal.js';
import { resetSandbox } from '../seed/index.js';
import { GraphError } from './graph-error.js';
import { countRoundTrips, countSequentialRoundTrips } from './request-log.js';

const FREE_BUSY_SETTING = 'freeBusySharing';

/** Whether the RIEC tenant sees Berenschot calendars in getSchedule (federation on). */
export function isFreeBusyShared(ctx: SandboxContext): boolean {
  const stored = ctx.directory.getSetting(FREE_BUSY_SETTING);
  return stored === undefined ? ctx.config.freeBusySharing : stored === 'true';
}

const ZFaults = z
  .object({
    rate429: z.number().min(0).max(1),
    rate503: z.number().min(0).max(1),
    retryAfterSeconds: z.number().int().min(0).max(120),
    latencyMs: z.number().int().min(0).max(60_000),
    mailboxConcurrency: z.number().int().min(0).max(100),
    seed: z.number().int(),
  })
  .partial()
  .strict();

const ZSettings = z.object({ freeBusySharing: z.boolean() }).strict();
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

  app.get('/settings', async () => ({ freeBusySharing: isFreeBusyShared(ctx) }));
  app.put('/settings', async (request) => {
    const settings = parse(ZSettings, request.body);
    ctx.directory.setSetting(FREE_BUSY_SETTING, String(settings.freeBusySharing));
    return { freeBusySharing: isFreeBusyShared(ctx) };
  });

  app.get('/clock', async () => ({ now: ctx.clock.now().toISOString() }));
  app.put('/clock', async (request) => {
    const { now } = parse(ZClock, request.body);
    ctx.clock.set(now === null ? null : new Date(now));
    return { now: ctx.clock.now().toISOString() };
  });

  // On-behalf-of refusals as Entra ID gives them (src/sandbox/identity/obo-refusal.ts).
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

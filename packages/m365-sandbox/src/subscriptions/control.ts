// The control API of change notifications (under /_sandbox/subscriptions, local only like the
// rest of /_sandbox):
//   GET  /_sandbox/subscriptions[?since=seq]   subscriptions (with clientState), delivery
//                                              settings, and the delivery log after `since`
//   PUT  /_sandbox/subscriptions/delivery      {"mode": "deliver"|"drop"|"delay", "delayMs",
//                                              "validationTimeoutMs", "notificationTimeoutMs",
//                                              "retryDelaysMs"}; back to "deliver" after
//                                              "drop": each subscription that lost notifications
//                                              gets a `missed` lifecycle notification
//   POST /_sandbox/subscriptions/{id}/lifecycle {"lifecycleEvent": "missed"|
//                                              "reauthorizationRequired"|"subscriptionRemoved"};
//                                              subscriptionRemoved also deletes it
//   POST /_sandbox/subscriptions/settle        waits until queued deliveries are done
//   DELETE /_sandbox/subscriptions/deliveries  empties the delivery log
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatInstant } from '../calendar/time-zones.js';
import type { SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import { subscriptionsOf } from './service.js';
import { sweepSubscriptions } from './watcher.js';

const ZDelivery = z
  .object({
    mode: z.enum(['deliver', 'drop', 'delay']),
    delayMs: z.number().int().min(0).max(600_000),
    validationTimeoutMs: z.number().int().min(0).max(60_000),
    notificationTimeoutMs: z.number().int().min(1).max(60_000),
    retryDelaysMs: z.array(z.number().int().min(0).max(600_000)).max(20),
  })
  .partial()
  .strict();

const ZLifecycle = z
  .object({ lifecycleEvent: z.enum(['missed', 'reauthorizationRequired', 'subscriptionRemoved']) })
  .strict();

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new GraphError(400, 'BadRequest', z.prettifyError(result.error));
  return result.data;
}

export function subscriptionControlModule(app: FastifyInstance, ctx: SandboxContext): void {
  const service = subscriptionsOf(ctx);

  app.get('/', async (request: FastifyRequest<{ Querystring: { since?: string } }>) => ({
    settings: service.settings,
    subscriptions: service.store.all().map((s) => ({
      ...s,
      expirationDateTime: formatInstant(s.expiresMs),
    })),
    lastDeliverySeq: service.log.lastSeq,
    deliveries: service.log.since(Number(request.query.since ?? 0) || 0),
  }));

  app.put('/delivery', async (request) => {
    const update = parse(ZDelivery, request.body);
    const wasDropping = service.settings.mode === 'drop';
    service.settings = {
      ...service.settings,
      ...Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)),
    };
    if (wasDropping && service.settings.mode !== 'drop') service.reportDropped();
    return service.settings;
  });

  app.post('/:id/lifecycle', async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const { lifecycleEvent } = parse(ZLifecycle, request.body);
    const subscription = service.store.find(request.params.id);
    if (!subscription) throw new GraphError(404, 'ResourceNotFound', 'The object was not found.');
    if (lifecycleEvent === 'subscriptionRemoved') service.store.remove(subscription.id);
    const sent = service.notifyLifecycle(subscription, lifecycleEvent);
    return { subscriptionId: subscription.id, lifecycleEvent, sent };
  });

  app.post('/settle', async () => {
    sweepSubscriptions(service);
    await service.settled();
    return { lastDeliverySeq: service.log.lastSeq };
  });

  app.delete('/deliveries', async (_request, reply) => {
    service.log.clear();
    return reply.status(204).send();
  });
}

// POST /api/notifications: where Microsoft Graph delivers change and lifecycle notifications of
// the organizers' calendars (src/app/change-notifications.ts). Public — Graph sends no bearer
// token — so it trusts nothing it is sent:
// - `?validationToken=…` (Graph's handshake when a subscription is created or its URL changes):
//   answered 200 with the token as text/plain at once, nothing else done;
// - a notification collection: every item's clientState is compared in constant time with the
//   secret, unknown subscriptions are ignored, and the answer is 202 before anything is
//   processed (Graph wants it within 3 seconds); a body that is no notification collection is
//   400; one over the body limit 413. Nothing here writes anything: a genuine notification
//   triggers a read of that organizer's calendar, which finds what really changed.
// Registered outside the /api plugin: no token check, no per-user rate limit (Graph's addresses
// are many and shared), its own text/plain parser for the handshake.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NotificationReceiver } from '../../app/change-notifications.js';

export const NOTIFICATIONS_PATH = '/api/notifications';

/** Graph's tokens are a few hundred characters; anything far longer is not Graph. */
const MAX_TOKEN_LENGTH = 2048;

function validationTokenOf(request: FastifyRequest): string | string[] | undefined {
  const query = request.query as Record<string, string | string[] | undefined> | undefined;
  return query?.validationToken;
}

export async function registerNotificationRoute(
  app: FastifyInstance,
  receiver: NotificationReceiver,
): Promise<void> {
  await app.register(async (scope) => {
    // The handshake comes as text/plain (usually empty); its body is never looked at.
    scope.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });
    scope.post(NOTIFICATIONS_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
      void reply.header('cache-control', 'no-store');
      const token = validationTokenOf(request);
      if (token !== undefined) {
        if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
          return reply.status(400).type('text/plain; charset=utf-8').send('Bad request');
        }
        return reply.status(200).type('text/plain; charset=utf-8').send(token);
      }
      const outcome = receiver.receive(request.body);
      if (outcome.status === 400) {
        request.log.warn('notification endpoint: not a notification collection, refused');
        return reply.status(400).type('text/plain; charset=utf-8').send('Bad request');
      }
      if (outcome.ignored > 0) {
        request.log.warn(
          { accepted: outcome.accepted, ignored: outcome.ignored },
          'notification endpoint: notifications with a wrong clientState ignored',
        );
      }
      return reply.status(202).send();
    });
  });
}

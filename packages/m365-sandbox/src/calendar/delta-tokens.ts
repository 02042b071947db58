// Expiring calendarView/delta tokens on request, as Exchange does when its delta token cache
// overflows or a mailbox moves (concepts/delta-query-overview.md, "Synchronization reset" and
// "Token duration"). The sandbox's tokens are stateless, so a token carries the generation it was
// issued in; the control API bumps the generation of one mailbox or of all, and every token
// (deltaLink and nextLink alike) from an older generation is answered 410 from then on.
//
//   POST /_sandbox/calendar/delta-tokens/expire  {"mailbox"?: upn or id, "answer"?: …}
//
// `answer` picks which of Graph's two documented signals the stale tokens get:
// - "syncStateNotFound" (default): the token expired — 410 with error code syncStateNotFound;
// - "resyncRequired": a synchronization reset — 410 with code resyncRequired and a Location
//   header holding the initial query (same range, no token), from which to start over.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';

export type ExpiryAnswer = 'syncStateNotFound' | 'resyncRequired';

const ALL = '*';
const settingOf = (mailbox: string) => `calendarDeltaGeneration:${mailbox}`;

/** A generation as stored in the settings table: `<n>:<answer>`, starting at 0. */
function readCounter(ctx: SandboxContext, key: string): { n: number; answer: ExpiryAnswer } {
  const [n = '0', answer = 'syncStateNotFound'] = (ctx.directory.getSetting(key) ?? '0').split(':');
  return { n: Number(n) || 0, answer: answer === 'resyncRequired' ? answer : 'syncStateNotFound' };
}

/** The generation a token issued now for `userId`'s mailbox carries. */
export function currentGeneration(ctx: SandboxContext, userId: string): string {
  // `<generation of all tokens>.<generation of this mailbox's tokens>`
  return `${readCounter(ctx, settingOf(ALL)).n}.${readCounter(ctx, settingOf(userId)).n}`;
}

/**
 * Throws Graph's answer to a stale token: a token of an older generation than the mailbox's.
 * `initialQuery` is the URL that starts the sync over (for the Location header of a reset).
 */
export function checkGeneration(
  ctx: SandboxContext,
  userId: string,
  tokenGeneration: string | undefined,
  initialQuery: string,
): void {
  const current = currentGeneration(ctx, userId);
  // Tokens written before expiry existed carry no generation: they count as generation 0.0.
  if ((tokenGeneration ?? '0.0') === current) return;
  // Whichever expiry made the token stale decides the answer: "all" first.
  const tokenAll = Number((tokenGeneration ?? '0.0').split('.')[0]);
  const allCounter = readCounter(ctx, settingOf(ALL));
  const answer =
    tokenAll !== allCounter.n ? allCounter.answer : readCounter(ctx, settingOf(userId)).answer;
  if (answer === 'resyncRequired') {
    throw new GraphError(
      410,
      'resyncRequired',
      'The delta token is no longer valid; restart the synchronization with the URL in the Location header.',
      { Location: initialQuery },
    );
  }
  throw new GraphError(
    410,
    'syncStateNotFound',
    'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
  );
}

const ZExpire = z
  .object({
    mailbox: z.string().min(1).optional(),
    answer: z.enum(['syncStateNotFound', 'resyncRequired']).optional(),
  })
  .strict();

/** Registers POST /calendar/delta-tokens/expire on the control API. */
export function registerDeltaTokenControl(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/calendar/delta-tokens/expire', async (request) => {
    const parsed = ZExpire.safeParse(request.body ?? {});
    if (!parsed.success) {
      throw new GraphError(400, 'BadRequest', z.prettifyError(parsed.error));
    }
    const { mailbox, answer = 'syncStateNotFound' } = parsed.data;
    let key = settingOf(ALL);
    if (mailbox !== undefined) {
      const user = ctx.directory.findUser(mailbox);
      if (!user) throw new GraphError(404, 'ErrorItemNotFound', `No mailbox '${mailbox}'.`);
      key = settingOf(user.id);
    }
    const next = readCounter(ctx, key).n + 1;
    ctx.directory.setSetting(key, `${next}:${answer}`);
    return { expired: mailbox ?? 'all', answer };
  });
}

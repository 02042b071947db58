// Paging and revalidation of the sign-up lists (issue 16, item 4): an opaque cursor that names
// the last item id read and the query it belongs to, and a weak ETag over what the page shows,
// so a client that asks again with If-None-Match gets 304 without the body.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SIGNUP_PAGE_MAX, SIGNUP_PAGE_SIZE } from '../../contract/index.js';
import { AppError } from '../../app/errors.js';
import type { ListSignupsQuery } from '../../app/read-signups.js';

const CURSOR_VERSION = 1;

function queryKeyOf(query: ListSignupsQuery, kind: string): string {
  const key = JSON.stringify([
    kind,
    query.riec ?? '',
    [...(query.statuses ?? [])].sort(),
    query.campaignId ?? '',
  ]);
  return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}

export function encodeCursor(afterId: number, query: ListSignupsQuery, kind: string): string {
  const payload = { v: CURSOR_VERSION, a: afterId, q: queryKeyOf(query, kind) };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function badInput(field: 'cursor' | 'limit', nl: string, en: string, logMessage: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    logMessage,
    fieldIssues: [{ field, code: `invalid_${field}`, message: { nl, en } }],
  });
}

/** The item id a cursor continues after; a cursor of another query or a forged one is a 400. */
export function decodeCursor(
  cursor: string | undefined,
  query: ListSignupsQuery,
  kind: string,
): number | undefined {
  if (cursor === undefined) return undefined;
  const refused = badInput(
    'cursor',
    'Deze cursor is ongeldig of hoort bij een andere zoekvraag. Begin opnieuw bij de eerste pagina (zonder cursor).',
    'This cursor is not valid or belongs to another query. Start again at the first page (without a cursor).',
    'listSignups: cursor not valid for this query',
  );
  let payload: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refused;
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    !('v' in payload && 'a' in payload && 'q' in payload) ||
    payload.v !== CURSOR_VERSION ||
    typeof payload.a !== 'number' ||
    !Number.isSafeInteger(payload.a) ||
    payload.a < 0 ||
    payload.q !== queryKeyOf(query, kind)
  ) {
    throw refused;
  }
  return payload.a;
}

/** The page size asked for (default 50); more than the maximum is a 400. */
export function pageSizeOf(limit: number | undefined): number {
  if (limit === undefined) return SIGNUP_PAGE_SIZE;
  if (limit > SIGNUP_PAGE_MAX) {
    throw badInput(
      'limit',
      `Vraag hoogstens ${SIGNUP_PAGE_MAX} aanmeldingen per pagina.`,
      `Ask for at most ${SIGNUP_PAGE_MAX} sign-ups per page.`,
      'listSignups: limit above the maximum',
    );
  }
  return limit;
}

/** A weak ETag over the answer's body: equal bodies, equal tags. */
export function weakETagOf(body: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  return `W/"${digest.slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | undefined, eTag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(eTag));
}

/**
 * Sets the ETag (and lets the browser keep the answer, revalidating every time); when the
 * request's If-None-Match names it, sets 304: the body is then left out. `true` for a 304.
 */
export function answeredNotModified(
  request: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
): boolean {
  const eTag = weakETagOf(body);
  void reply.header('etag', eTag);
  void reply.header('cache-control', 'private, no-cache');
  void reply.header('vary', 'authorization, accept-language');
  if (!matches(request.headers['if-none-match'], eTag)) return false;
  // register-routes.ts sends a 304 without the body.
  void reply.status(304);
  return true;
}

// RFC 9457 problem details: the body of every error response of the API, in the user's language.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ERROR_CODES, ERROR_TEXTS, type AppError, type Language } from '../../app/errors.js';
import { negotiateLanguage } from '../http/locale.js';
import { HTTP_STATUS } from './http-status.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const PROBLEM_BASE = 'https://workshopplanner.nl/problems/';

export const ZProblemFieldError = z.object({
  field: z.string().describe('Pad van het veld, bijvoorbeeld preferences.1.end'),
  code: z.string(),
  message: z.string(),
  signupId: z.string().optional().describe('De aanmelding waar de melding over gaat'),
});

export const ZProblem = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string().describe('Het pad van de aanvraag'),
    code: z.enum(ERROR_CODES),
    correlationId: z.string(),
    errors: z.array(ZProblemFieldError).optional(),
  })
  .describe('Foutmelding volgens RFC 9457 (application/problem+json)');

export type TProblem = z.infer<typeof ZProblem>;

export function problemType(code: AppError['code']): string {
  return `${PROBLEM_BASE}${code.toLowerCase().replaceAll('_', '-')}`;
}

export function toProblem(
  error: AppError,
  context: { readonly instance: string; readonly correlationId: string; language: Language },
): TProblem {
  const { language } = context;
  return {
    type: problemType(error.code),
    title: ERROR_TEXTS[error.code].title[language],
    status: HTTP_STATUS[error.code],
    detail: error.detail[language],
    instance: context.instance,
    code: error.code,
    correlationId: context.correlationId,
    ...(error.fieldIssues.length > 0
      ? {
          errors: error.fieldIssues.map((issue) => ({
            field: issue.field,
            code: issue.code,
            message: issue.message[language],
            ...(issue.signupId !== undefined ? { signupId: issue.signupId } : {}),
          })),
        }
      : {}),
  };
}

/** The request path without the query string, which may carry personal data. */
export function requestPath(request: FastifyRequest): string {
  const url = request.raw.url ?? request.url;
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FastifyReply {
  const language = negotiateLanguage(request.headers['accept-language']);
  const problem = toProblem(error, {
    instance: requestPath(request),
    correlationId: request.id,
    language,
  });
  if (problem.status === 401 && !reply.hasHeader('www-authenticate')) {
    reply.header('www-authenticate', 'Bearer realm="Workshopplanner"');
  }
  if (error.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  }
  return reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', language)
    .header('vary', appendVary(reply.getHeader('vary'), 'Accept-Language'))
    .header('cache-control', 'no-store')
    .send(problem);
}

function appendVary(current: unknown, field: string): string {
  const existing = Array.isArray(current) ? current.join(', ') : String(current ?? '');
  const fields = existing
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return fields.some((part) => part.toLowerCase() === field.toLowerCase())
    ? fields.join(', ')
    : [...fields, field].join(', ');
}

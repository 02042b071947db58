// Every error leaves the server as problem+json: AppErrors as they are, Fastify's and plugins'
// 4xx errors by their status (malformed JSON, wrong content type, too large, …), anything else as
// a 500 that names nothing internal. Unknown routes give 404 and a known path with another method
// 405 with `Allow`, both problem+json.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError, type ErrorCode } from '../../app/errors.js';
import { GraphRequestFailure } from '../../graph/client/errors.js';
import { CODE_BY_STATUS, HTTP_STATUS } from './http-status.js';
import { requestPath, sendProblem } from './problem.js';
import { failureToAppError } from './use-case-failure.js';

const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const status = (error as { statusCode: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Any thrown value as an AppError; a client error keeps its meaning, the rest becomes INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  // A read that Graph refused (reads throw; writes come back as outcomes): throttled or down is
  // 503 with Retry-After, anything else a 500 whose log keeps Graph's status, code, request-id.
  if (error instanceof GraphRequestFailure) {
    const mapped = failureToAppError({
      kind: 'graphFailed',
      status: error.status,
      code: error.code,
      isPending: false,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    });
    return new AppError(mapped.code, {
      cause: error,
      logMessage: mapped.logMessage,
      ...(mapped.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: mapped.retryAfterSeconds }
        : {}),
    });
  }
  const fastifyCode = (error as Partial<FastifyError> | null)?.code;
  const mapped = fastifyCode ? FASTIFY_CODES[fastifyCode] : undefined;
  const status = statusOf(error);
  const code =
    mapped ??
    (status !== undefined && status >= 400 && status < 500
      ? (CODE_BY_STATUS[status] ?? 'MALFORMED_REQUEST')
      : 'INTERNAL');
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(code, {
    cause: error,
    logMessage: code === 'INTERNAL' ? `unexpected error: ${message}` : message,
  });
}

function logError(request: FastifyRequest, error: AppError): void {
  const status = HTTP_STATUS[error.code];
  const fields = { code: error.code, status };
  if (status >= 500) {
    // The cause's stack is for the log only; the response says nothing internal.
    request.log.error({ ...fields, err: error.cause ?? error }, error.logMessage);
  } else {
    request.log.info(fields, error.logMessage);
  }
}

function allowedMethods(app: FastifyInstance, path: string): string[] {
  const allowed = METHODS.filter((method) => {
    const route = app.findRoute({ method, url: path });
    // The static bundle's catch-all GET /* matches every path; it does not make a path an API route.
    return route !== null && !('*' in (route.params ?? {}));
  });
  return allowed.includes('GET') ? ['GET', 'HEAD', ...allowed.filter((m) => m !== 'GET')] : allowed;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    logError(request, appError);
    return sendProblem(request, reply, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = requestPath(request);
    const allowed = path.startsWith('/api/') ? allowedMethods(app, path) : [];
    const error =
      allowed.length > 0
        ? new AppError('METHOD_NOT_ALLOWED', { logMessage: `${request.method} not allowed` })
        : new AppError('NOT_FOUND', { logMessage: 'no such route' });
    if (allowed.length > 0) reply.header('allow', allowed.join(', '));
    logError(request, error);
    return sendProblem(request, reply, error);
  });
}

// Graph's error body and the status codes Graph uses, so clients see what they would see from
// graph.microsoft.com: {"error":{"code","message","innerError":{"date","request-id",…}}}.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export function graphErrorBody(request: FastifyRequest, code: string, message: string) {
  const clientRequestId = request.headers['client-request-id'];
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'request-id': String(request.id),
        'client-request-id':
          typeof clientRequestId === 'string' ? clientRequestId : String(request.id),
      },
    },
  };
}

export function sendGraphError(reply: FastifyReply, error: GraphError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .status(error.status)
    .type('application/json')
    .send(graphErrorBody(reply.request, error.code, error.message));
}

export const notFound = (what: string) =>
  new GraphError(
    404,
    'ErrorItemNotFound',
    `The specified object was not found in the store. (${what})`,
  );

export const badRequest = (message: string, code = 'ErrorInvalidRequest') =>
  new GraphError(400, code, message);

/**
 * Validates a request body against a strict zod schema and answers as Graph does: unknown
 * properties → RequestBodyRead naming the property and the type; other problems → 400 with the
 * path of the offending value.
 */
export function parseGraphBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  typeName: string,
): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new GraphError(
      400,
      'RequestBodyRead',
      `The property '${key}' does not exist on type 'microsoft.graph.${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    );
  }
  const path = issue?.path.join('.') ?? '';
  throw new GraphError(
    400,
    'ErrorInvalidRequest',
    `Invalid value for '${path || typeName}': ${issue?.message ?? 'invalid request'}.`,
  );
}

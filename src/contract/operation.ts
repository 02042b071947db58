// One operation of the API as both sides see it: its id, method and path, the permission it
// needs, its zod schemas and the problems it can answer besides the ones every operation can.
// The server implements it (src/server/http/define-route.ts `implement`), the OpenAPI document
// is generated from the routes, and the web calls it (src/web/common/api/api-client.ts `call`),
// typed by the schemas and checking every answer against them.
import type { $ZodType, input, output } from 'zod/v4/core';
import type { ErrorCode, Permission } from './lists.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202 | 204;

export interface OperationSpec {
  /** Unique, verb-first: `getMe`, `confirmSlot`. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The path under /api, with `{name}` for a path parameter: `/signups/{signupId}/confirm`. */
  readonly path: string;
  /** Dutch, one line, for the OpenAPI document. */
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** The permission needed, any one of several, or `public` (no token: health, settings). */
  readonly permission: Permission | readonly Permission[] | 'public';
  readonly params?: $ZodType;
  readonly query?: $ZodType;
  readonly body?: $ZodType;
  /** Exactly one success answer; errors are problem+json (schemas/problem.ts). */
  readonly response: { readonly status: SuccessStatus; readonly schema: $ZodType };
  /**
   * What the operation can answer besides the problems every operation documents (validation,
   * authentication, rate limit, 500): e.g. NOT_FOUND, CONFLICT, DOMAIN_RULE_VIOLATED.
   */
  readonly problems?: readonly ErrorCode[];
  /** `false`: not rate limited (health probes). */
  readonly rateLimit?: false;
}

/** Keeps the literal types of an operation (method, path, schemas) for both sides. */
export function defineOperation<const O extends OperationSpec>(operation: O): O {
  return operation;
}

type In<S> = S extends $ZodType ? input<S> : never;
type Out<S> = S extends $ZodType ? output<S> : undefined;

/** What a caller sends: the path parameters, the query and the body the operation takes. */
export type OperationInput<O extends OperationSpec> = (O['params'] extends $ZodType
  ? { readonly params: In<O['params']> }
  : { readonly params?: undefined }) &
  (O['query'] extends $ZodType
    ? { readonly query?: In<O['query']> }
    : { readonly query?: undefined }) &
  (O['body'] extends $ZodType ? { readonly body: In<O['body']> } : { readonly body?: undefined });

/** What the operation answers on success. */
export type OperationOutput<O extends OperationSpec> = Out<O['response']['schema']>;

/** The request body as the server sees it after validation (defaults filled in, trimmed). */
export type OperationBody<O extends OperationSpec> = Out<O['body']>;

/** `/signups/{signupId}` with the parameters filled in (encoded). */
export function pathOf(
  operation: Pick<OperationSpec, 'path'>,
  params: Readonly<Record<string, string>> = {},
): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`path parameter ${name} missing`);
    return encodeURIComponent(value);
  });
}

// How a route file implements one operation of the API contract (src/contract/operations):
// `export default implement(confirmSlot, async (route) => …)`. The operation brings the method
// and path, the OpenAPI facts (operationId, Dutch summary, tags), the permission it needs and its
// zod schemas; the handler gets the parsed input and an authorised Access.
// src/server/http/load-routes.ts finds every `routes/<area>/<verb-noun>.ts`. (defineRoute takes
// the same facts written out, for a route that is not part of the contract — tests.)
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { $ZodType, output } from 'zod/v4/core';
import type { OperationSpec } from '../../contract/operation.js';
import type { Access } from '../../app/access.js';
import type { ErrorCode, Language } from '../../app/errors.js';
import type { RequiredPermission } from '../auth/authorize.js';
import type { UserAssertion } from '../auth/user-assertion.js';
import type { Clock } from '../clock.js';
import type { ServerServices } from '../services.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202 | 204;

export interface RouteSchemas {
  readonly params?: $ZodType | undefined;
  readonly querystring?: $ZodType | undefined;
  readonly body?: $ZodType | undefined;
  /** Exactly one success status; errors are problem+json and documented for every route. */
  readonly response: Partial<Record<SuccessStatus, $ZodType>>;
}

type Parsed<T> = T extends $ZodType ? output<T> : undefined;
type ResponseBody<S extends RouteSchemas> = {
  [K in keyof S['response']]: Parsed<S['response'][K]>;
}[keyof S['response']];

export interface PublicRouteContext<S extends RouteSchemas> {
  readonly params: Parsed<S['params']>;
  readonly query: Parsed<S['querystring']>;
  readonly body: Parsed<S['body']>;
  readonly services: ServerServices;
  readonly clock: Clock;
  /** The user's language (Accept-Language): for texts the route itself composes. */
  readonly language: Language;
  /** For headers such as ETag; prefer returning the body. */
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface RouteContext<S extends RouteSchemas> extends PublicRouteContext<S> {
  readonly access: Access;
  /** Opaque: pass it to a use case that calls Graph on the user's behalf. Never log it. */
  readonly userAssertion: UserAssertion;
}

interface RouteMeta<S extends RouteSchemas> {
  readonly method: HttpMethod;
  /** The path under /api, e.g. `/signups/:signupId/confirm`. */
  readonly url: string;
  /** Unique, verb-first: `getMe`, `confirmSignup`. */
  readonly operationId: string;
  /** Dutch, one line, for the OpenAPI document. */
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly schemas: S;
  /** `false` exempts the route from the rate limit (health probes). */
  readonly rateLimit?: false;
  /**
   * What the use case can answer besides the problems every route documents (validation,
   * authentication, rate limit, 500): e.g. NOT_FOUND, CONFLICT, DOMAIN_RULE_VIOLATED.
   */
  readonly problems?: readonly ErrorCode[];
}

export interface ProtectedRouteSpec<S extends RouteSchemas> extends RouteMeta<S> {
  /** A permission, or several of which any one suffices (reading all or reading one's own). */
  readonly permission: RequiredPermission;
  readonly handler: (context: RouteContext<S>) => Promise<ResponseBody<S>>;
}

export interface PublicRouteSpec<S extends RouteSchemas> extends RouteMeta<S> {
  readonly handler: (context: PublicRouteContext<S>) => Promise<ResponseBody<S>>;
}

export const API_ROUTE = Symbol.for('workshopplanner.apiRoute');

/** A route with its types erased, as the loader and the registration handle it. */
export interface ApiRoute extends RouteMeta<RouteSchemas> {
  readonly [API_ROUTE]: true;
  /** `'public'`: no token needed (health, the OpenAPI document). */
  readonly permission: RequiredPermission | 'public';
  readonly successStatus: SuccessStatus;
  /** Calls the handler; a public route gets no `access` or `userAssertion`. */
  readonly invoke: (
    context: RouteContext<RouteSchemas> | PublicRouteContext<RouteSchemas>,
  ) => Promise<unknown>;
}

function successStatusOf(schemas: RouteSchemas, operationId: string): SuccessStatus {
  const statuses = Object.keys(schemas.response).map(Number) as SuccessStatus[];
  const [status, ...others] = statuses;
  if (status === undefined || others.length > 0) {
    throw new Error(`${operationId}: declare exactly one success response (200, 201, 202 or 204)`);
  }
  return status;
}

/** A route that needs a signed-in caller with `permission`. */
export function defineRoute<S extends RouteSchemas>(spec: ProtectedRouteSpec<S>): ApiRoute {
  return {
    ...spec,
    [API_ROUTE]: true,
    successStatus: successStatusOf(spec.schemas, spec.operationId),
    // The registration validated params, query and body against spec.schemas before the call.
    invoke: (context) => spec.handler(context as unknown as RouteContext<S>),
  };
}

/** A route anyone may call, without a token. Keep these few: health and documentation. */
export function definePublicRoute<S extends RouteSchemas>(spec: PublicRouteSpec<S>): ApiRoute {
  return {
    ...spec,
    permission: 'public',
    [API_ROUTE]: true,
    successStatus: successStatusOf(spec.schemas, spec.operationId),
    invoke: (context) => spec.handler(context as unknown as PublicRouteContext<S>),
  };
}

/** The route schemas of a contract operation. */
type SchemasOf<O extends OperationSpec> = {
  readonly params: O['params'];
  readonly querystring: O['query'];
  readonly body: O['body'];
  readonly response: { readonly [K in O['response']['status']]: O['response']['schema'] };
};

type HandlerOf<O extends OperationSpec> = O['permission'] extends 'public'
  ? (context: PublicRouteContext<SchemasOf<O>>) => Promise<ResponseBody<SchemasOf<O>>>
  : (context: RouteContext<SchemasOf<O>>) => Promise<ResponseBody<SchemasOf<O>>>;

/** `/signups/{signupId}` (OpenAPI, the contract) → `/signups/:signupId` (Fastify). */
export function toFastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** The route of a contract operation: its facts from the contract, its work from `handler`. */
export function implement<O extends OperationSpec>(operation: O, handler: HandlerOf<O>): ApiRoute {
  const { params, query, body, response } = operation;
  const schemas: RouteSchemas = {
    ...(params ? { params } : {}),
    ...(query ? { querystring: query } : {}),
    ...(body ? { body } : {}),
    response: { [response.status]: response.schema },
  };
  const meta: RouteMeta<RouteSchemas> = {
    method: operation.method,
    url: toFastifyPath(operation.path),
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: operation.tags,
    schemas,
    ...(operation.rateLimit === false ? { rateLimit: false as const } : {}),
    ...(operation.problems ? { problems: operation.problems } : {}),
  };
  const call = handler as (context: unknown) => Promise<unknown>;
  return {
    ...meta,
    permission: operation.permission,
    [API_ROUTE]: true,
    successStatus: response.status,
    // The registration validated params, query and body against the schemas before the call.
    invoke: (context) => call(context),
  };
}

export function isApiRoute(value: unknown): value is ApiRoute {
  return typeof value === 'object' && value !== null && API_ROUTE in value;
}

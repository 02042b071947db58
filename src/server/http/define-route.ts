// How a route file describes one operation of the API: method and path, the OpenAPI facts
// (operationId, Dutch summary, tags), the permission it needs, its zod schemas and a handler
// that gets parsed input and an authorised Access. The file `routes/<area>/<verb-noun>.ts` exports
// it as default, beside `<verb-noun>.schema.ts`; src/server/http/load-routes.ts finds it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access } from '../../app/access.js';
import type { ErrorCode, Language } from '../../app/errors.js';
import type { RequiredPermission } from '../auth/authorize.js';
import type { UserAssertion } from '../auth/user-assertion.js';
import type { Clock } from '../clock.js';
import type { ServerServices } from '../services.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202 | 204;

export interface RouteSchemas {
  readonly params?: z.ZodType;
  readonly querystring?: z.ZodType;
  readonly body?: z.ZodType;
  /** Exactly one success status; errors are problem+json and documented for every route. */
  readonly response: Partial<Record<SuccessStatus, z.ZodType>>;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
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

export function isApiRoute(value: unknown): value is ApiRoute {
  return typeof value === 'object' && value !== null && API_ROUTE in value;
}

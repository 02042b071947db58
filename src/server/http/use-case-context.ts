// The two things most protected routes need from their RouteContext: the use cases' context for
// this caller (Graph on their behalf) and what a view needs (now, access).
import type { Access } from '../../app/access.js';
import type { UseCaseContext } from '../../app/context.js';
import type { Language } from '../../app/errors.js';
import type { UserAssertion } from '../auth/user-assertion.js';
import type { Clock } from '../clock.js';
import { recordDelegatedAccessRefusal } from '../errors/delegated-access.js';
import type { ServerServices } from '../services.js';
import type { ViewContext } from '../views/signup-view.js';

interface CallerContext {
  readonly access: Access;
  readonly userAssertion: UserAssertion;
  readonly services: ServerServices;
  readonly clock: Clock;
  readonly language: Language;
  readonly request: { readonly id: string };
}

export function useCasesFor(route: CallerContext): UseCaseContext {
  return route.services.contextFor({
    access: route.access,
    userAssertion: route.userAssertion,
    correlationId: route.request.id,
    // register-routes.ts answers such a request with 401 and a challenge, whatever the use case made of it.
    onDelegatedAccessRefused: (refusal) => recordDelegatedAccessRefusal(route.request, refusal),
  });
}

/** `now` is read once per request, so every part of one answer agrees on it. */
export function viewContextOf(route: CallerContext, now: Date = route.clock.now()): ViewContext {
  return { now, access: route.access };
}

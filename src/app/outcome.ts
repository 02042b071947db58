// What a use case returns. Expected outcomes — invalid input, a refused transition, a concurrent
// change — are values (STYLE.md); the server maps them to problem+json.
import type { DomainIssue } from '../domain/errors.js';

export type UseCaseFailure =
  | { readonly kind: 'notFound'; readonly what: 'signup' | 'trainer' | 'municipality' }
  | {
      readonly kind: 'forbidden';
      readonly reason: 'otherRiec' | 'role';
      /** The input that named the other RIEC's municipality (`cbsCode`): shown at that field. */
      readonly field?: string;
    }
  /** The request breaks the rules: validation errors (with warnings to show beside them). */
  | {
      readonly kind: 'invalid';
      readonly issues: readonly DomainIssue[];
      readonly warnings: readonly DomainIssue[];
    }
  /** The request may go ahead, but only once the user has seen these issues and says so. */
  | { readonly kind: 'needsConfirmation'; readonly issues: readonly DomainIssue[] }
  /** The lifecycle refused the command in the sign-up's current state. */
  | { readonly kind: 'rejected'; readonly issue: DomainIssue }
  /** Someone changed the sign-up meanwhile (If-Match failed): nothing was done. */
  | { readonly kind: 'conflict'; readonly reason: 'concurrentChange' }
  /** A guarded write before the command (e.g. a trainer's agenda) met a concurrent change. */
  | { readonly kind: 'conflict'; readonly reason: 'guardChanged' }
  /** An operation on the sign-up is still running; another may finish it after this long. */
  | {
      readonly kind: 'conflict';
      readonly reason: 'operationInProgress';
      readonly retryAfterSeconds: number;
    }
  /** Microsoft 365 failed; a started operation is recorded and will be finished. */
  | {
      readonly kind: 'graphFailed';
      readonly status: number;
      readonly code: string;
      readonly requestId?: string;
      readonly isPending: boolean;
    };

export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly warnings?: readonly DomainIssue[] }
  | { readonly ok: false; readonly failure: UseCaseFailure };

export const succeed = <T>(value: T, warnings?: readonly DomainIssue[]): Outcome<T> =>
  warnings && warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };

export const failWith = <T>(failure: UseCaseFailure): Outcome<T> => ({ ok: false, failure });

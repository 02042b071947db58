// The use cases answer with values (src/app/outcome.ts); this maps a failure to the AppError the
// error handler turns into problem+json. A route does `return unwrapOutcome(await useCase(…))`,
// or reads `outcome.warnings` first when it shows them.
import { AppError, toFieldIssues, type LocalizedText } from '../../app/errors.js';
import type { Outcome, UseCaseFailure } from '../../app/outcome.js';

type Missing = Extract<UseCaseFailure, { kind: 'notFound' }>['what'];

const NOT_FOUND: Readonly<Record<Missing, LocalizedText>> = {
  signup: {
    nl: 'Deze aanmelding bestaat niet (meer).',
    en: 'This sign-up does not exist (any more).',
  },
  trainer: { nl: 'Deze trainer is niet bekend.', en: 'This trainer is not known.' },
  municipality: { nl: 'Deze gemeente is niet bekend.', en: 'This municipality is not known.' },
};

const OTHER_RIEC: LocalizedText = {
  nl: 'Deze gemeente valt onder een ander RIEC dan het uwe. Kies een gemeente van uw eigen RIEC; deze gemeente meldt de accounthouder van haar eigen RIEC aan.',
  en: 'This municipality belongs to another RIEC than yours. Choose a municipality of your own RIEC; this one is signed up by the account holder of its own RIEC.',
};

/** The code of the field issue for a municipality of another RIEC: the web shows it there. */
export const MUNICIPALITY_OTHER_RIEC = 'MUNICIPALITY_OTHER_RIEC';

const CONCURRENT_CHANGE: LocalizedText = {
  nl: 'Iemand anders heeft deze aanmelding intussen gewijzigd; er is niets veranderd. Vernieuw het scherm en probeer het opnieuw.',
  en: 'Someone else changed this sign-up in the meantime; nothing was changed. Refresh and try again.',
};

const IN_PROGRESS: LocalizedText = {
  nl: 'Er loopt nog een bewerking op deze aanmelding. Probeer het over een paar minuten opnieuw.',
  en: 'An operation on this sign-up is still running. Try again in a few minutes.',
};

const PENDING: LocalizedText = {
  nl: 'Microsoft 365 is nu niet bereikbaar. De bewerking is vastgelegd en wordt afgemaakt zodra dat weer kan.',
  en: 'Microsoft 365 cannot be reached right now. The operation has been recorded and will be completed when it can.',
};

const NEEDS_CONFIRMATION: LocalizedText = {
  nl: 'Er is nog niets geplaatst. Bekijk de meldingen hieronder en kies of u de opties toch wilt plaatsen.',
  en: 'Nothing has been placed yet. Read the messages below and choose whether to place the options anyway.',
};

// Microsoft 365 refused the caller's own (delegated) access: e.g. another account holder of the
// same RIEC acting on holds in a colleague's calendar, which Graph allows only its owner.
const GRAPH_DENIED: LocalizedText = {
  nl: 'Microsoft 365 staat deze actie voor uw account niet toe. Alleen de accounthouder in wiens agenda de opties staan, kan ze bevestigen of vrijgeven; vraag die collega of uw beheerder.',
  en: 'Microsoft 365 does not allow this action for your account. Only the account holder whose calendar holds the options can confirm or release them; ask that colleague or your administrator.',
};

// Graph statuses that mean "try again later" (throttled, unavailable, or no answer at all).
const TRANSIENT = (status: number) => status === 0 || status === 429 || status >= 500;

export function failureToAppError(failure: UseCaseFailure): AppError {
  switch (failure.kind) {
    case 'notFound':
      return new AppError('NOT_FOUND', {
        detail: NOT_FOUND[failure.what],
        logMessage: `${failure.what} not found`,
      });
    case 'forbidden':
      return new AppError('FORBIDDEN', {
        ...(failure.reason === 'otherRiec' ? { detail: OTHER_RIEC } : {}),
        ...(failure.reason === 'otherRiec' && failure.field !== undefined
          ? {
              fieldIssues: [
                { field: failure.field, code: MUNICIPALITY_OTHER_RIEC, message: OTHER_RIEC },
              ],
            }
          : {}),
        logMessage: `use case refused: ${failure.reason}`,
      });
    case 'invalid':
      return new AppError('DOMAIN_RULE_VIOLATED', {
        fieldIssues: toFieldIssues(failure.issues),
        logMessage: `invalid: ${failure.issues.map((issue) => issue.code).join(', ')}`,
      });
    case 'needsConfirmation':
      return new AppError('CONFLICT', {
        detail: NEEDS_CONFIRMATION,
        fieldIssues: toFieldIssues(failure.issues),
        logMessage: `needs confirmation: ${failure.issues.map((issue) => issue.code).join(', ')}`,
      });
    case 'rejected': {
      // A refused transition: the lifecycle's own message is the detail and the field issue.
      const issues = toFieldIssues([failure.issue]);
      return new AppError('CONFLICT', {
        ...(issues[0] ? { detail: issues[0].message } : {}),
        fieldIssues: issues,
        logMessage: `transition rejected: ${failure.issue.code}`,
      });
    }
    case 'conflict':
      return new AppError('CONFLICT', {
        detail: failure.reason === 'operationInProgress' ? IN_PROGRESS : CONCURRENT_CHANGE,
        logMessage: `conflict: ${failure.reason}`,
        // The time until the running operation counts as cut off and may be finished by the
        // next request (PENDING_STALE_MS), not a guess.
        ...(failure.reason === 'operationInProgress'
          ? { retryAfterSeconds: failure.retryAfterSeconds }
          : {}),
      });
    case 'graphFailed': {
      // Graph's status, error code and request-id go to the log for support (STYLE.md).
      const logMessage = `graph failed: ${failure.status} ${failure.code} request-id ${failure.requestId ?? '-'}${failure.isPending ? ' (pending, will resume)' : ''}`;
      if (failure.status === 403 && !failure.isPending) {
        return new AppError('FORBIDDEN', { detail: GRAPH_DENIED, logMessage });
      }
      if (!TRANSIENT(failure.status) && !failure.isPending) {
        return new AppError('INTERNAL', { logMessage });
      }
      return new AppError('GRAPH_UNAVAILABLE', {
        logMessage,
        retryAfterSeconds: 30,
        ...(failure.isPending ? { detail: PENDING } : {}),
      });
    }
  }
}

/** The value of a successful outcome; a failure is thrown as the matching AppError. */
export function unwrapOutcome<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw failureToAppError(outcome.failure);
  return outcome.value;
}

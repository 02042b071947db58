// The one error the use cases and the HTTP layer throw for outcomes that end a request: a stable
// code from a closed union, the cause, an English log message (never shown to users) and the
// user's message in Dutch and English. Expected outcomes of the domain ("slot no longer free")
// stay values (STYLE.md, "Types and errors"); a use case turns them into DOMAIN_RULE_VIOLATED
// only when the request as a whole cannot go on. The HTTP status of each code lives in one table
// in src/server/errors; this file knows nothing of HTTP.
import { formatIssue, type DomainIssue } from '../domain/errors.js';

// The codes are the API contract's (src/contract/lists.ts): one list for server and web.
// Adding one means adding its texts and its HTTP status.
export { ERROR_CODES, type ErrorCode, type Language } from '../contract/lists.js';
import type { ErrorCode, Language } from '../contract/lists.js';

export type LocalizedText = Readonly<Record<Language, string>>;

/** A problem with one input field; `field` is a dotted path such as `preferences.1.end`. */
export interface FieldIssue {
  readonly field: string;
  /** A zod issue code (`too_small`) or a domain code (`SLOT_IN_PAST`). */
  readonly code: string;
  readonly message: LocalizedText;
  /** The sign-up the issue is about, for a link (ALREADY_SIGNED_UP: the one that exists). */
  readonly signupId?: string;
}

interface ErrorText {
  readonly title: LocalizedText;
  /** What the user reads, unless the error brings its own detail. */
  readonly detail: LocalizedText;
}

export const ERROR_TEXTS: Readonly<Record<ErrorCode, ErrorText>> = {
  MALFORMED_REQUEST: {
    title: { nl: 'Onleesbare aanvraag', en: 'Malformed request' },
    detail: {
      nl: 'De aanvraag kon niet worden gelezen. Controleer de gegevens en probeer het opnieuw.',
      en: 'The request could not be read. Check the data and try again.',
    },
  },
  VALIDATION_FAILED: {
    title: { nl: 'Gegevens niet in orde', en: 'Invalid data' },
    detail: {
      nl: 'Niet alle gegevens zijn goed ingevuld. Bekijk de meldingen per veld.',
      en: 'Some of the data is not filled in correctly. See the message for each field.',
    },
  },
  UNAUTHENTICATED: {
    title: { nl: 'Niet aangemeld', en: 'Not signed in' },
    detail: {
      nl: 'Uw aanmelding is verlopen of ongeldig. Meld u opnieuw aan.',
      en: 'Your sign-in has expired or is not valid. Please sign in again.',
    },
  },
  NO_ROLE: {
    title: { nl: 'Geen toegang', en: 'No access' },
    detail: {
      nl: 'U heeft geen rol in Workshopplanner; vraag uw beheerder om toegang.',
      en: 'You have no role in Workshopplanner; ask your administrator for access.',
    },
  },
  FORBIDDEN: {
    title: { nl: 'Niet toegestaan', en: 'Not allowed' },
    detail: {
      nl: 'U mag dit niet doen met uw rol in Workshopplanner.',
      en: 'Your role in Workshopplanner does not allow this.',
    },
  },
  NOT_FOUND: {
    title: { nl: 'Niet gevonden', en: 'Not found' },
    detail: {
      nl: 'Wat u zoekt bestaat niet (meer).',
      en: 'What you are looking for does not exist (any more).',
    },
  },
  METHOD_NOT_ALLOWED: {
    title: { nl: 'Methode niet toegestaan', en: 'Method not allowed' },
    detail: {
      nl: 'Deze bewerking kan niet op dit adres.',
      en: 'This operation is not available at this address.',
    },
  },
  CONFLICT: {
    title: { nl: 'Conflict', en: 'Conflict' },
    detail: {
      nl: 'Dit botst met de huidige stand van zaken. Vernieuw het scherm en probeer het opnieuw.',
      en: 'This conflicts with the current state. Refresh and try again.',
    },
  },
  PRECONDITION_FAILED: {
    title: { nl: 'Intussen gewijzigd', en: 'Changed in the meantime' },
    detail: {
      nl: 'Iemand anders heeft dit intussen gewijzigd. Vernieuw het scherm en probeer het opnieuw.',
      en: 'Someone else changed this in the meantime. Refresh and try again.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    title: { nl: 'Aanvraag te groot', en: 'Request too large' },
    detail: {
      nl: 'De aanvraag bevat te veel gegevens.',
      en: 'The request contains too much data.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    title: { nl: 'Onbekend gegevensformaat', en: 'Unsupported media type' },
    detail: {
      nl: 'Stuur de gegevens als JSON (Content-Type: application/json).',
      en: 'Send the data as JSON (Content-Type: application/json).',
    },
  },
  DOMAIN_RULE_VIOLATED: {
    title: { nl: 'Niet volgens de regels', en: 'Against the rules' },
    detail: {
      nl: 'Dit kan niet volgens de regels van de workshop. Bekijk de meldingen.',
      en: 'The workshop rules do not allow this. See the messages.',
    },
  },
  PRECONDITION_REQUIRED: {
    title: { nl: 'Versie ontbreekt', en: 'Version required' },
    detail: {
      nl: 'Vernieuw het scherm en probeer het opnieuw.',
      en: 'Refresh and try again.',
    },
  },
  RATE_LIMITED: {
    title: { nl: 'Te veel verzoeken', en: 'Too many requests' },
    detail: {
      nl: 'U heeft in korte tijd te veel verzoeken gedaan. Wacht even en probeer het opnieuw.',
      en: 'You made too many requests in a short time. Wait a moment and try again.',
    },
  },
  INTERNAL: {
    title: { nl: 'Er ging iets mis', en: 'Something went wrong' },
    detail: {
      nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw; noem het correlatie-id als u contact opneemt.',
      en: 'Something went wrong on our side. Try again later; mention the correlation id if you contact us.',
    },
  },
  GRAPH_UNAVAILABLE: {
    title: { nl: 'Microsoft 365 niet bereikbaar', en: 'Microsoft 365 unavailable' },
    detail: {
      nl: 'Microsoft 365 (agenda’s en SharePoint) is nu niet bereikbaar. Probeer het over enkele minuten opnieuw.',
      en: 'Microsoft 365 (calendars and SharePoint) cannot be reached right now. Try again in a few minutes.',
    },
  },
  AUTH_UNAVAILABLE: {
    title: { nl: 'Aanmelden niet mogelijk', en: 'Sign-in unavailable' },
    detail: {
      nl: 'Uw aanmelding kan nu niet worden gecontroleerd. Probeer het over enkele minuten opnieuw.',
      en: 'Your sign-in cannot be checked right now. Try again in a few minutes.',
    },
  },
};

export interface AppErrorOptions {
  readonly cause?: unknown;
  /** English, for the log: what happened, without personal data. Defaults to the code's title. */
  readonly logMessage?: string;
  /** Replaces the code's default user message. */
  readonly detail?: LocalizedText;
  readonly fieldIssues?: readonly FieldIssue[];
  /** For RATE_LIMITED and the *_UNAVAILABLE codes: when to try again. */
  readonly retryAfterSeconds?: number;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly detail: LocalizedText;
  readonly fieldIssues: readonly FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.logMessage ?? ERROR_TEXTS[code].title.en, { cause: options.cause });
    this.code = code;
    this.detail = options.detail ?? ERROR_TEXTS[code].detail;
    this.fieldIssues = options.fieldIssues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The English log message (same as `message`). */
  get logMessage(): string {
    return this.message;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Domain errors as field issues, with the domain's own Dutch and English texts. */
export function toFieldIssues(issues: readonly DomainIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.field,
    code: issue.code,
    message: { nl: formatIssue(issue, 'nl'), en: formatIssue(issue, 'en') },
    ...(issue.code === 'ALREADY_SIGNED_UP' ? { signupId: issue.params.signupId } : {}),
  }));
}

/** A use case's answer when the domain refuses the request as a whole (HTTP 422). */
export function domainRuleViolated(issues: readonly DomainIssue[], logMessage?: string): AppError {
  return new AppError('DOMAIN_RULE_VIOLATED', {
    fieldIssues: toFieldIssues(issues),
    logMessage:
      logMessage ?? `domain rules refused the request: ${issues.map((i) => i.code).join(', ')}`,
  });
}

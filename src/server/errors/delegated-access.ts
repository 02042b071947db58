// When Entra ID refuses the on-behalf-of exchange (src/graph/client/tokens.ts), the caller's
// token is fine for this API but not enough for Microsoft 365. The answer is 401 with a
// challenge the tab and the add-in act on (src/web/common/api/api-client.ts), not a 500:
// - the assertion expired or is refused: error="invalid_token" — get a fresh token, try again;
// - consent or more authentication (MFA, Conditional Access): Microsoft's claims-challenge format
//   (learn.microsoft.com/entra/identity-platform/claims-challenge), error="insufficient_claims"
//   with the claims Entra sent, base64-encoded — sign in interactively with them, try again.
//   Consent comes without claims: error_description="consent_required" says to ask for it.
import { AppError, type LocalizedText } from '../../app/errors.js';
import type { DelegatedAccessRefusal } from '../../graph/client/tokens.js';

const REALM = 'Bearer realm="Workshopplanner"';

const DETAILS: Readonly<Record<DelegatedAccessRefusal['kind'], LocalizedText>> = {
  assertionExpired: {
    nl: 'Uw aanmelding was verlopen voordat Microsoft 365 haar kon gebruiken. Probeer het opnieuw; meld u zo nodig opnieuw aan.',
    en: 'Your sign-in expired before Microsoft 365 could use it. Try again; sign in again if needed.',
  },
  assertionRefused: {
    nl: 'Microsoft 365 accepteert uw aanmelding niet meer. Meld u opnieuw aan en probeer het nog eens.',
    en: 'Microsoft 365 no longer accepts your sign-in. Sign in again and try once more.',
  },
  consentRequired: {
    nl: 'Workshopplanner heeft uw toestemming nodig om namens u uw agenda en de SharePoint-lijsten te gebruiken. Meld u opnieuw aan en geef toestemming. Kunt u dat niet, vraag dan uw beheerder om toestemming te geven voor de organisatie.',
    en: 'Workshopplanner needs your consent to use your calendar and the SharePoint lists on your behalf. Sign in again and give consent. If you cannot, ask your administrator to consent for the organisation.',
  },
  interactionRequired: {
    nl: 'Microsoft 365 vraagt om een extra controle van uw aanmelding (bijvoorbeeld een code in de Authenticator-app) voordat Workshopplanner namens u verder kan. Meld u opnieuw aan en rond de controle af. Lukt dat niet, neem dan contact op met uw beheerder.',
    en: 'Microsoft 365 asks for an extra check of your sign-in (for example a code in the Authenticator app) before Workshopplanner can go on for you. Sign in again and complete the check. If that does not work, contact your administrator.',
  },
};

/** The WWW-Authenticate value for a refusal; `authorizationUri` is the tenant's authorize endpoint. */
export function challengeHeader(refusal: DelegatedAccessRefusal, authorizationUri: string): string {
  switch (refusal.kind) {
    case 'assertionExpired':
    case 'assertionRefused':
      return `${REALM}, error="invalid_token"`;
    case 'consentRequired':
      return `${REALM}, authorization_uri="${authorizationUri}", error="insufficient_claims", error_description="consent_required"`;
    case 'interactionRequired': {
      const claims = refusal.claims
        ? `, claims="${Buffer.from(refusal.claims, 'utf8').toString('base64')}"`
        : '';
      return `${REALM}, authorization_uri="${authorizationUri}", error="insufficient_claims"${claims}`;
    }
  }
}

export function delegatedAccessError(refusal: DelegatedAccessRefusal, cause?: unknown): AppError {
  return new AppError('UNAUTHENTICATED', {
    detail: DETAILS[refusal.kind],
    logMessage: `Microsoft 365 refused the on-behalf-of exchange: ${refusal.kind} (${refusal.code})`,
    cause,
  });
}

// Per request, the refusal the Graph token provider reported (set through the Caller's
// onDelegatedAccessRefused, read when the route's handler is done).
const refusals = new WeakMap<object, DelegatedAccessRefusal>();

export function recordDelegatedAccessRefusal(
  request: object,
  refusal: DelegatedAccessRefusal,
): void {
  if (!refusals.has(request)) refusals.set(request, refusal);
}

export function delegatedAccessRefusalOf(request: object): DelegatedAccessRefusal | undefined {
  return refusals.get(request);
}

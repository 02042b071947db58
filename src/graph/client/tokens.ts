// Tokens for Graph through @azure/msal-node, the same code for Entra ID and the sandbox: only
// the authority host differs (https://login.microsoftonline.com or https://localhost:5443).
// The app proves who it is with its client secret, or — in Azure, without any secret — with a
// token of the host's managed identity, which the Entra app trusts as a federated identity
// credential (infra/scripts/add-federated-credential.sh) and msal-node sends as client assertion.
import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  ManagedIdentityApplication,
  ServerError,
} from '@azure/msal-node';

/** Graph's resource; tokens carry it as audience whichever host serves Graph. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/**
 * The audience a managed identity's token needs to serve as a federated credential (Microsoft
 * Entra, "Configure an application to trust a managed identity": api://AzureADTokenExchange in
 * the public cloud).
 */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/** A signed JWT that proves the app's identity instead of a secret (client_assertion). */
export type ClientAssertionProvider = () => Promise<string>;

export interface IdentitySettings {
  /** e.g. https://login.microsoftonline.com (Entra ID) or https://localhost:5443 (sandbox). */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  /** The app's client secret; not needed with a clientAssertion. */
  readonly clientSecret?: string;
  /** Used instead of the secret when given (a managed identity as federated credential). */
  readonly clientAssertion?: ClientAssertionProvider;
}

export interface AccessTokenProvider {
  getAccessToken(): Promise<string>;
}

export interface ManagedIdentityAssertionOptions {
  /** A user-assigned identity's client id; without it the system-assigned identity. */
  readonly userAssignedClientId?: string;
}

/**
 * Client assertions from the host's managed identity. msal-node's ManagedIdentityApplication
 * finds the host's identity endpoint itself (Container Apps and App Service: IDENTITY_ENDPOINT
 * with IDENTITY_HEADER; a VM: IMDS), caches the token and fetches a new one before it expires.
 */
export function managedIdentityAssertion(
  options: ManagedIdentityAssertionOptions = {},
): ClientAssertionProvider {
  const identity = new ManagedIdentityApplication(
    options.userAssignedClientId
      ? { managedIdentityIdParams: { userAssignedClientId: options.userAssignedClientId } }
      : {},
  );
  return async () => {
    const result = await identity.acquireToken({ resource: TOKEN_EXCHANGE_AUDIENCE });
    if (!result?.accessToken) throw new Error('The managed identity returned no token');
    return result.accessToken;
  };
}

export function createConfidentialClient(
  settings: IdentitySettings,
): ConfidentialClientApplication {
  const authorityHost = settings.authorityHost.replace(/\/+$/, '');
  const { clientAssertion, clientSecret } = settings;
  const credential = clientAssertion
    ? { clientAssertion: () => clientAssertion() }
    : clientSecret
      ? { clientSecret }
      : undefined;
  if (!credential) throw new Error('The Entra app needs a client secret or a client assertion');
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      ...credential,
      authority: `${authorityHost}/${settings.tenantId}`,
      // Trust the configured host's OIDC metadata instead of Microsoft's instance discovery:
      // required for the sandbox, harmless for login.microsoftonline.com.
      knownAuthorities: [new URL(authorityHost).host],
    },
  });
}

/** App-only tokens (client credentials) for background jobs: sync of answers, expiry. */
export function appTokenProvider(client: ConfidentialClientApplication): AccessTokenProvider {
  return {
    async getAccessToken() {
      const result = await client.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT_SCOPE] });
      if (!result?.accessToken)
        throw new Error('Entra ID returned no token for client credentials');
      return result.accessToken;
    },
  };
}

/**
 * Delegated tokens on behalf of the signed-in user (OBO). The assertion is the user's token for
 * our API, already validated by the server; msal caches the Graph token per assertion.
 */
export function onBehalfOfTokenProvider(
  client: ConfidentialClientApplication,
  userAssertion: string,
): AccessTokenProvider {
  return {
    async getAccessToken() {
      const result = await client.acquireTokenOnBehalfOf({
        oboAssertion: userAssertion,
        scopes: [GRAPH_DEFAULT_SCOPE],
      });
      if (!result?.accessToken) throw new Error('Entra ID returned no token on behalf of the user');
      return result.accessToken;
    },
  };
}

/**
 * Why Entra ID refused to exchange the user's token for a Graph token (on-behalf-of), in the
 * terms the caller can act on: get a fresh token (the assertion expired or is not usable), ask
 * for consent, or sign in again interactively with the `claims` Entra sent (MFA, Conditional
 * Access). `code` (AADSTS number and error) is for the log.
 */
export type DelegatedAccessRefusal =
  | { readonly kind: 'assertionExpired' | 'assertionRefused'; readonly code: string }
  | { readonly kind: 'consentRequired'; readonly code: string }
  | {
      readonly kind: 'interactionRequired';
      readonly code: string;
      /** Entra's claims request (JSON), to be passed to the client's interactive sign-in. */
      readonly claims: string | undefined;
    };

export class DelegatedAccessRefused extends Error {
  constructor(
    readonly refusal: DelegatedAccessRefusal,
    options?: { cause?: unknown },
  ) {
    super(`on-behalf-of exchange refused: ${refusal.kind} (${refusal.code})`, options);
    this.name = 'DelegatedAccessRefused';
  }
}

// Entra ID: AADSTS500133 "Assertion is not within its valid time range"; AADSTS65001 consent.
const ASSERTION_EXPIRED = '500133';
const CONSENT_REQUIRED = '65001';

/** msal-node's error of an on-behalf-of request as a refusal; undefined for anything else. */
export function toDelegatedAccessRefusal(error: unknown): DelegatedAccessRefusal | undefined {
  if (error instanceof InteractionRequiredAuthError) {
    const number = String(error.errorNo ?? '');
    const code = `AADSTS${number || '?'} ${error.errorCode}${error.subError ? `/${error.subError}` : ''}`;
    const isConsent =
      error.errorCode === 'consent_required' ||
      error.subError === 'consent_required' ||
      number === CONSENT_REQUIRED;
    if (isConsent && !error.claims) return { kind: 'consentRequired', code };
    return { kind: 'interactionRequired', code, claims: error.claims || undefined };
  }
  // Other invalid_grant answers refuse the assertion itself (expired, not for this app): the
  // client's fresh token is the way on. invalid_client and the like are the server's problem.
  if (error instanceof ServerError && error.errorCode === 'invalid_grant') {
    const number = String(error.errorNo ?? '');
    const code = `AADSTS${number || '?'} invalid_grant`;
    return { kind: number === ASSERTION_EXPIRED ? 'assertionExpired' : 'assertionRefused', code };
  }
  return undefined;
}

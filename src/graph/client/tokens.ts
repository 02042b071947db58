// Tokens for Graph through @azure/msal-node, the same code for Entra ID and the sandbox: only
// the authority host differs (https://login.microsoftonline.com or https://localhost:5443).
// The app proves who it is with its client secret, or — in Azure, without any secret — with a
// token of the host's managed identity, which the Entra app trusts as a federated identity
// credential (infra/scripts/add-federated-credential.sh) and msal-node sends as client assertion.
import { ConfidentialClientApplication, ManagedIdentityApplication } from '@azure/msal-node';

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

// Tokens for Graph through @azure/msal-node, the same code for Entra ID and the sandbox: only
// the authority host differs (https://login.microsoftonline.com or https://localhost:5443).
import { ConfidentialClientApplication } from '@azure/msal-node';

/** Graph's resource; tokens carry it as audience whichever host serves Graph. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export interface IdentitySettings {
  /** e.g. https://login.microsoftonline.com (Entra ID) or https://localhost:5443 (sandbox). */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface AccessTokenProvider {
  getAccessToken(): Promise<string>;
}

export function createConfidentialClient(
  settings: IdentitySettings,
): ConfidentialClientApplication {
  const authorityHost = settings.authorityHost.replace(/\/+$/, '');
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
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

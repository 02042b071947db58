// Nested app authentication (NAA) in Teams and Outlook: msal-browser's nestable client asks the
// host for a token whose audience is the product's API — no sign-in window of our own. Settings
// from /api/web-config: the app's client id, the authority and the API scope.
import type {
  AccountInfo,
  IPublicClientApplication,
  InteractionRequiredAuthError,
} from '@azure/msal-browser';
import type { TokenSource } from '../api/api-client.js';
import type { TGetWebConfigResponse } from '../api/api-types.js';

export async function createNaaTokens(
  config: TGetWebConfigResponse,
  loginHint: string | undefined,
): Promise<TokenSource> {
  // msal-browser is large: it loads only where the host offers NAA.
  const msal = await import('@azure/msal-browser');
  const pca: IPublicClientApplication = await msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority.msalAuthority },
  });
  const scopes = [config.apiScope];
  const isInteractionRequired = (error: unknown): error is InteractionRequiredAuthError =>
    error instanceof msal.InteractionRequiredAuthError;
  return {
    async getToken(options = {}) {
      const account: AccountInfo | undefined =
        pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? undefined;
      try {
        const result = account
          ? await pca.acquireTokenSilent({
              scopes,
              account,
              forceRefresh: options.forceRefresh ?? false,
            })
          : await pca.ssoSilent({ scopes, ...(loginHint ? { loginHint } : {}) });
        pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (error) {
        if (!isInteractionRequired(error)) throw error;
        // Consent or MFA: the host (Teams, Outlook) shows its own window for it.
        const result = await pca.acquireTokenPopup({
          scopes,
          ...(loginHint ? { loginHint } : {}),
        });
        pca.setActiveAccount(result.account);
        return result.accessToken;
      }
    },
  };
}

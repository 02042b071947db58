// Nested app authentication (NAA) in Teams and Outlook: msal-browser's nestable client asks the
// host for a token whose audience is the product's API — no sign-in window of our own. Settings
// from /api/web-config: the app's client id, the authority and the API scope. When the API sends
// a claims challenge (Microsoft 365 wants MFA, Conditional Access or consent for the on-behalf-of
// exchange), the token is asked for with those claims, in a window if need be.
import type {
  AccountInfo,
  IPublicClientApplication,
  InteractionRequiredAuthError,
} from '@azure/msal-browser';
import type { TokenRequest, TokenSource } from '../api/api-client.js';
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
  const interactively = async (request: TokenRequest) => {
    // Consent or MFA: the host (Teams, Outlook) shows its own window for it.
    const result = await pca.acquireTokenPopup({
      scopes,
      ...(loginHint ? { loginHint } : {}),
      ...(request.claims ? { claims: request.claims } : {}),
      ...(request.consent ? { prompt: 'consent' } : {}),
    });
    pca.setActiveAccount(result.account);
    return result.accessToken;
  };
  return {
    async getToken(options = {}) {
      // Consent is only ever given in a window: no silent attempt first.
      if (options.consent) return interactively(options);
      const account: AccountInfo | undefined =
        pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? undefined;
      // With the API's claims challenge msal skips its cache and asks Entra ID, silently while
      // the session satisfies the claims, else InteractionRequired: then the window.
      const claims = options.claims ? { claims: options.claims } : {};
      try {
        const result = account
          ? await pca.acquireTokenSilent({
              scopes,
              account,
              forceRefresh: options.forceRefresh ?? false,
              ...claims,
            })
          : await pca.ssoSilent({ scopes, ...(loginHint ? { loginHint } : {}), ...claims });
        pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (error) {
        if (!isInteractionRequired(error)) throw error;
        return interactively(options);
      }
    },
  };
}

// The tab inside Teams (loaded only when the page is framed): teams-js initialised with a
// timeout, the context's locale and theme, the theme followed live, and a token for the API —
// through nested app authentication (NAA) where Teams recommends it, else Teams SSO.
import { createNaaTokens } from '../auth/naa-tokens.js';
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import { app, authentication, nestedAppAuth } from '@microsoft/teams-js';
import type { TokenSource } from '../api/api-client.js';
import type { TGetWebConfigResponse } from '../api/api-types.js';
import { toTeamsTheme, type TeamsHost } from './host.types.js';
import { deepLinkHash } from '../../tab/routing/routes.js';

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`Teams did not answer within ${ms} ms`)), ms),
  );
}

/** NAA: msal-browser's nestable client talks to Entra ID through the Teams host. */
/**
 * Teams SSO: Teams caches the token and renews it before it expires. After the API refused one,
 * the second call may show Teams' own prompt (silent: false), e.g. for consent.
 */
function createSsoTokens(): TokenSource {
  return {
    getToken: (options = {}) =>
      authentication.getAuthToken(options.forceRefresh ? { silent: false } : {}),
  };
}

export async function connectTeams(
  configPromise: Promise<TGetWebConfigResponse>,
  timeoutMs: number,
): Promise<TeamsHost | undefined> {
  try {
    await Promise.race([app.initialize(), timeout(timeoutMs)]);
  } catch (error) {
    // Framed by a page that is not a Microsoft 365 host: the browser sign-in takes over.
    console.info('not inside Teams:', error);
    return undefined;
  }
  // getAuthToken before a successful initialize can hang (PLATFORM.md §6): check, not assume.
  if (!app.isInitialized()) return undefined;
  const context = await app.getContext();
  // Opened from an activity feed notification: the deep link's subEntityId names the sign-up.
  // Only when the fragment names no page yet (a reload keeps the page the user went on to).
  const linked = deepLinkHash(context.page.subPageId);
  if (linked && (window.location.hash === '' || window.location.hash === '#')) {
    window.history.replaceState(null, '', linked);
    // replaceState fires no hashchange: tell a route already rendered that the page changed.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
  const config = await configPromise;
  const loginHint = context.user?.loginHint ?? context.user?.userPrincipalName;
  const tokens = nestedAppAuth.isNAAChannelRecommended()
    ? await createNaaTokens(config, loginHint)
    : createSsoTokens();
  return {
    kind: 'teams',
    locale: context.app.locale,
    theme: toTeamsTheme(context.app.theme),
    themes: { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme },
    account: context.user
      ? { name: context.user.displayName ?? '', username: context.user.userPrincipalName ?? '' }
      : undefined,
    tokens,
    onThemeChange: (handler) =>
      app.registerOnThemeChangeHandler((theme) => handler(toTeamsTheme(theme))),
  };
}

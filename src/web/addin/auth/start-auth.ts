// How the add-in gets a token for the API (DESIGN.md "Auth"): NAA where Outlook supports
// NestedAppAuth 1.1; else the fallback sign-in — in an Office dialog where the dialog API exists,
// else by sending the task pane itself to the identity provider and back (addin.html).
import type { TokenSource } from '../../common/api/api-client.js';
import type { TGetWebConfigResponse } from '../../common/api/api-types.js';
import { loadWebConfig } from '../../common/auth/web-config.js';
import type { OfficeInfo } from '../office/office-host.js';
import { signInDialogUrl } from '../shell/addin-urls.js';
import { createMemoryTokens } from './memory-tokens.js';
import type { createNaaTokens } from '../../common/auth/naa-tokens.js';
import { openSignInDialog } from './sign-in-dialog.js';

/** Resolves with tokens, or undefined when the page is on its way to the identity provider. */
export type SignIn = () => Promise<TokenSource | undefined>;

export type AddinAuth =
  | {
      readonly kind: 'ready';
      readonly tokens: TokenSource;
      /** Signing in again once the token runs out; undefined with NAA (Outlook does that). */
      readonly signIn: SignIn | undefined;
    }
  | { readonly kind: 'signed-out'; readonly signIn: SignIn };

export interface AuthDependencies {
  readonly loadConfig: () => Promise<TGetWebConfigResponse>;
  readonly createNaaTokens: typeof createNaaTokens;
  readonly openSignInDialog: (url: string) => Promise<string>;
}

const defaults: AuthDependencies = {
  loadConfig: () => loadWebConfig(),
  // msal-browser and oauth4webapi are large and only one of them is needed: each its own chunk.
  createNaaTokens: async (config, loginHint) =>
    (await import('../../common/auth/naa-tokens.js')).createNaaTokens(config, loginHint),
  openSignInDialog,
};

export async function startAuth(
  office: OfficeInfo,
  dependencies: AuthDependencies = defaults,
): Promise<AddinAuth> {
  const config = await dependencies.loadConfig();
  if (office.isNaaSupported) {
    const tokens = await dependencies.createNaaTokens(config, office.userEmail);
    return { kind: 'ready', tokens, signIn: undefined };
  }
  const { AddinSignIn } = await import('./addin-sign-in.js');
  const browser = new AddinSignIn(config);
  const signIn: SignIn = async () => {
    if (office.hasDialogApi) {
      return createMemoryTokens(await dependencies.openSignInDialog(signInDialogUrl()));
    }
    // No dialog API (very old clients): the pane goes to the identity provider and comes back
    // to this same URL, signed in (tokens in its sessionStorage).
    await browser.startSignIn(`${window.location.pathname}${window.location.search}`);
    return undefined;
  };
  // Back from a sign-in in this pane (no dialog API), or still signed in from before.
  if (browser.isSignedIn()) return { kind: 'ready', tokens: browser, signIn };
  return { kind: 'signed-out', signIn };
}

// Start-up, once per page load: read the public settings, find out whether Teams hosts the page,
// and get a way to tokens — Teams' own, or the browser sign-in (finishing it when the identity
// provider has just sent the user back to /auth/callback).
import type { TokenSource } from '../../common/api/api-client.js';
import type { Account, BrowserSignIn } from '../../common/auth/browser-sign-in.js';
import { loadWebConfig } from '../../common/auth/web-config.js';
import { detectHost } from '../../common/host/detect-host.js';
import type { TeamsHost } from '../../common/host/host.types.js';

export type Boot =
  | { readonly phase: 'failed'; readonly error: unknown }
  | {
      readonly phase: 'signed-out';
      readonly signIn: BrowserSignIn;
      /** Why the last sign-in did not work, if it did not. */
      readonly error: unknown;
    }
  | {
      readonly phase: 'ready';
      readonly tokens: TokenSource;
      readonly account: Account | undefined;
      readonly teams: TeamsHost | undefined;
      readonly signIn: BrowserSignIn | undefined;
    };

async function bootBrowser(config: Awaited<ReturnType<typeof loadWebConfig>>): Promise<Boot> {
  // oauth4webapi is needed only outside Teams: its own chunk.
  const { BrowserSignIn, CALLBACK_PATH } = await import('../../common/auth/browser-sign-in.js');
  const signIn = new BrowserSignIn(config);
  if (window.location.pathname === CALLBACK_PATH) {
    try {
      const returnTo = await signIn.completeSignIn(new URL(window.location.href));
      window.history.replaceState(null, '', `/${returnTo.startsWith('#') ? returnTo : ''}`);
    } catch (error) {
      window.history.replaceState(null, '', '/');
      return { phase: 'signed-out', signIn, error };
    }
  }
  if (!signIn.isSignedIn()) return { phase: 'signed-out', signIn, error: undefined };
  return { phase: 'ready', tokens: signIn, account: signIn.account(), teams: undefined, signIn };
}

async function runBoot(): Promise<Boot> {
  try {
    const config = loadWebConfig();
    // Teams needs the settings only for NAA; the browser always. Either way it is in flight.
    config.catch((error: unknown) => console.warn('web config not loaded', error));
    const host = await detectHost(config);
    if (host.kind === 'teams') {
      return {
        phase: 'ready',
        tokens: host.tokens,
        account: host.account,
        teams: host,
        signIn: undefined,
      };
    }
    return await bootBrowser(await config);
  } catch (error) {
    return { phase: 'failed', error };
  }
}

let started: Promise<Boot> | undefined;

/** The same start-up for every caller (React may mount twice in development). */
export function boot(): Promise<Boot> {
  started ??= runBoot();
  return started;
}

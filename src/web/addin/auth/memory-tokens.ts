// The token the sign-in dialog handed over: kept in memory only (the task pane's storage may be
// partitioned from the dialog's, and a token in memory goes with the pane). When it runs out the
// user signs in again through the dialog, which the identity provider usually answers at once.
import type { TokenSource } from '../../common/api/api-client.js';
import { SignInRequired } from '../../common/api/api-errors.js';

/** Stop using a token this long before it expires, so no request carries a dead one. */
const EXPIRY_MARGIN_MS = 60_000;

/** The `exp` of a JWT in milliseconds, or undefined when the token is not a readable JWT. */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch (error) {
    // Not a JWT (an opaque token): the API says when it is no longer good.
    console.info('token expiry not readable', error);
    return undefined;
  }
}

export function createMemoryTokens(accessToken: string, now: () => number = Date.now): TokenSource {
  const expiresAt = tokenExpiry(accessToken);
  return {
    async getToken(options = {}) {
      // A refused token (forceRefresh) or an expired one: only a new sign-in helps.
      if (options.forceRefresh) throw new SignInRequired('the API refused the token');
      if (expiresAt !== undefined && expiresAt - now() < EXPIRY_MARGIN_MS) {
        throw new SignInRequired('the token expired');
      }
      return accessToken;
    },
  };
}

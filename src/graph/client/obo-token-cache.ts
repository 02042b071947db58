// On-behalf-of tokens for Graph, one per incoming user token, reused until shortly before they
// expire. msal-node looks up its OBO cache by the requested scopes, and a token requested for
// `https://graph.microsoft.com/.default` is stored under the scopes the server granted, so the
// lookup misses and every API request would cost a round trip to the token endpoint (measured
// against the sandbox: one token request per API request). This cache keys by a hash of the
// assertion — never the token itself — and shares one request among concurrent callers.
// When Entra ID refuses the exchange (expired assertion, consent, MFA or Conditional Access), the
// caller hears why through `onRefused`: the Graph SDK wraps whatever a token provider throws into
// its own error and drops the original, so the refusal could not travel with the exception.
import type { ConfidentialClientApplication } from '@azure/msal-node';
import { createHash } from 'node:crypto';
import {
  DelegatedAccessRefused,
  GRAPH_DEFAULT_SCOPE,
  toDelegatedAccessRefusal,
  type AccessTokenProvider,
  type DelegatedAccessRefusal,
} from './tokens.js';

export interface OboCacheOptions {
  /** Users with a live token kept at most; the oldest go first. */
  readonly maxEntries?: number;
  /** Fetch a new token this long before the cached one expires (msal's default: 5 minutes). */
  readonly refreshBeforeMs?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly token: Promise<{ readonly accessToken: string; readonly reuseUntil: number }>;
}

export class OnBehalfOfTokens {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly refreshBeforeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly msal: Pick<ConfidentialClientApplication, 'acquireTokenOnBehalfOf'>,
    options: OboCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The token provider for one request, on behalf of the user whose token is `assertion`;
   * `onRefused` hears when Entra ID refuses the exchange (the provider then throws
   * DelegatedAccessRefused).
   */
  providerFor(
    assertion: string,
    onRefused?: (refusal: DelegatedAccessRefusal) => void,
  ): AccessTokenProvider {
    return {
      getAccessToken: async () => {
        try {
          return await this.tokenFor(assertion);
        } catch (error) {
          const refusal = toDelegatedAccessRefusal(error);
          if (!refusal) throw error;
          onRefused?.(refusal);
          throw new DelegatedAccessRefused(refusal, { cause: error });
        }
      },
    };
  }

  private async tokenFor(assertion: string): Promise<string> {
    const key = createHash('sha256').update(assertion).digest('base64url');
    const cached = this.entries.get(key);
    if (cached) {
      const token = await cached.token.catch(() => undefined);
      if (token && token.reuseUntil > this.now()) return token.accessToken;
      if (this.entries.get(key) === cached) this.entries.delete(key);
    }
    const entry: Entry = { token: this.acquire(assertion) };
    this.entries.set(key, entry);
    this.evict();
    try {
      return (await entry.token).accessToken;
    } catch (error) {
      // A failed exchange is not remembered: the next request asks again.
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }

  private async acquire(assertion: string) {
    const result = await this.msal.acquireTokenOnBehalfOf({
      oboAssertion: assertion,
      scopes: [GRAPH_DEFAULT_SCOPE],
    });
    if (!result?.accessToken) throw new Error('Entra ID returned no token on behalf of the user');
    const expiresAt = result.expiresOn?.getTime() ?? this.now();
    return { accessToken: result.accessToken, reuseUntil: expiresAt - this.refreshBeforeMs };
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(key); // insertion order: the oldest first
    }
  }
}

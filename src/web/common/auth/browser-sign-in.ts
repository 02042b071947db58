// Sign-in outside Teams: authorization code with PKCE at the identity provider the server names
// (/api/web-config) — Entra ID, or locally the sandbox's pick-a-person page. Tokens live in
// sessionStorage (gone with the tab, not shared with other sites) and are refreshed with the
// refresh token before they run out. With the `organizations` authority (users of more than one
// tenant) the issuer is Entra's template `…/{tenantid}/v2.0`: the ID token must name the issuer
// of its own `tid`, as Entra's multi-tenant validation rule says. When the API asks for more (a
// claims challenge: MFA, Conditional Access, consent), the next sign-in carries it; the user
// starts it from the message.
import * as oauth from 'oauth4webapi';
import type { TokenRequest, TokenSource } from '../api/api-client.js';
import { SignInRequired } from '../api/api-errors.js';
import type { TGetWebConfigResponse } from '../api/api-types.js';

export const CALLBACK_PATH = '/auth/callback';
const TOKENS_KEY = 'workshopplanner.tokens';
const PENDING_KEY = 'workshopplanner.sign-in';
/** The API's claims challenge, for the next sign-in (a redirect cannot answer getToken). */
const CHALLENGE_KEY = 'workshopplanner.claims-challenge';
/** Refresh this long before the access token expires, so a request never carries a dead one. */
const REFRESH_MARGIN_MS = 60_000;

export interface Account {
  readonly name: string;
  readonly username: string;
}

interface StoredTokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly expiresAt: number;
  readonly account: Account;
}

interface PendingSignIn {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo: string;
}

const TENANT_PLACEHOLDER = '{tenantid}';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `tid` claim of the ID token in a token response, read without verifying (that follows). */
async function idTokenTenant(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as { id_token?: unknown };
    const payload = typeof body.id_token === 'string' ? body.id_token.split('.')[1] : undefined;
    if (!payload) return undefined;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const tid = (JSON.parse(json) as { tid?: unknown }).tid;
    return typeof tid === 'string' && GUID.test(tid) ? tid.toLowerCase() : undefined;
  } catch {
    // Not JSON or no readable ID token: the validation that follows refuses the response.
    return undefined;
  }
}

function readJson<T>(storage: Storage, key: string): T | undefined {
  const text = storage.getItem(key);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    // Someone else's or a damaged value: treat as absent and drop it.
    storage.removeItem(key);
    console.warn(`ignored an unreadable ${key}`, error);
    return undefined;
  }
}

export class BrowserSignIn implements TokenSource {
  private readonly as: oauth.AuthorizationServer;
  private readonly client: oauth.Client;
  private readonly options: oauth.HttpRequestOptions<'POST', URLSearchParams>;
  private refreshing: Promise<StoredTokens> | undefined;

  constructor(
    private readonly config: TGetWebConfigResponse,
    private readonly storage: Storage = sessionStorage,
    private readonly location: Pick<Location, 'origin' | 'assign'> = window.location,
  ) {
    this.as = {
      issuer: config.authority.issuer,
      authorization_endpoint: config.authority.authorizationEndpoint,
      token_endpoint: config.authority.tokenEndpoint,
      end_session_endpoint: config.authority.endSessionEndpoint,
    };
    this.client = { client_id: config.clientId };
    // The local sandbox serves browsers over plain HTTP (its CA is not the browser's); a real
    // authority is https and this stays off.
    const insecure = new URL(config.authority.tokenEndpoint).protocol === 'http:';
    this.options = insecure ? { [oauth.allowInsecureRequests]: true } : {};
  }

  get redirectUri(): string {
    return `${this.location.origin}${CALLBACK_PATH}`;
  }

  account(): Account | undefined {
    return readJson<StoredTokens>(this.storage, TOKENS_KEY)?.account;
  }

  isSignedIn(): boolean {
    return this.account() !== undefined;
  }

  /** Goes to the identity provider; comes back at /auth/callback, then to `returnTo`. */
  async startSignIn(returnTo: string): Promise<void> {
    const verifier = oauth.generateRandomCodeVerifier();
    const pending: PendingSignIn = {
      verifier,
      state: oauth.generateRandomState(),
      nonce: oauth.generateRandomNonce(),
      returnTo,
    };
    this.storage.setItem(PENDING_KEY, JSON.stringify(pending));
    const challenge = readJson<TokenRequest>(this.storage, CHALLENGE_KEY);
    this.storage.removeItem(CHALLENGE_KEY);
    const url = new URL(this.config.authority.authorizationEndpoint);
    url.search = new URLSearchParams({
      client_id: this.config.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      response_mode: 'query',
      scope: this.config.signInScopes.join(' '),
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      prompt: challenge?.consent ? 'consent' : 'select_account',
      ...(challenge?.claims ? { claims: challenge.claims } : {}),
    }).toString();
    this.location.assign(url.toString());
  }

  /** Redeems the code in the callback URL; returns where the user was going. */
  async completeSignIn(callbackUrl: URL): Promise<string> {
    const pending = readJson<PendingSignIn>(this.storage, PENDING_KEY);
    this.storage.removeItem(PENDING_KEY);
    if (!pending) throw new SignInRequired('no sign-in was started in this tab');
    const params = oauth.validateAuthResponse(this.as, this.client, callbackUrl, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      this.as,
      this.client,
      oauth.None(),
      params,
      this.redirectUri,
      pending.verifier,
      this.options,
    );
    const result = await oauth.processAuthorizationCodeResponse(
      await this.issuerFor(response),
      this.client,
      response,
      { expectedNonce: pending.nonce, requireIdToken: true },
    );
    this.store(result, undefined);
    return pending.returnTo;
  }

  async getToken(options: TokenRequest = {}): Promise<string> {
    if (options.claims || options.consent) {
      // Only a new sign-in at the identity provider can satisfy it; the page leaves for that
      // when the user chooses to (the API's message offers it), so requests going on meanwhile
      // keep the current token.
      this.storage.setItem(
        CHALLENGE_KEY,
        JSON.stringify({ claims: options.claims, consent: options.consent }),
      );
      throw new SignInRequired('the API asked for a sign-in with more claims or consent');
    }
    const tokens = readJson<StoredTokens>(this.storage, TOKENS_KEY);
    if (!tokens) throw new SignInRequired('not signed in');
    if (!options.forceRefresh && tokens.expiresAt - Date.now() > REFRESH_MARGIN_MS) {
      return tokens.accessToken;
    }
    // One refresh at a time: parallel requests wait for the same new token.
    this.refreshing ??= this.refresh(tokens).finally(() => (this.refreshing = undefined));
    return (await this.refreshing).accessToken;
  }

  /**
   * The authorization server as the response's ID token must match it: with a multi-tenant
   * issuer template, the issuer of the token's own tenant (any other `iss` is then refused).
   */
  private async issuerFor(response: Response): Promise<oauth.AuthorizationServer> {
    if (!this.as.issuer.includes(TENANT_PLACEHOLDER)) return this.as;
    const tid = await idTokenTenant(response);
    return tid ? { ...this.as, issuer: this.as.issuer.replace(TENANT_PLACEHOLDER, tid) } : this.as;
  }

  private async refresh(tokens: StoredTokens): Promise<StoredTokens> {
    if (!tokens.refreshToken) {
      this.storage.removeItem(TOKENS_KEY);
      throw new SignInRequired('the token expired and there is no refresh token');
    }
    try {
      const response = await oauth.refreshTokenGrantRequest(
        this.as,
        this.client,
        oauth.None(),
        tokens.refreshToken,
        this.options,
      );
      const result = await oauth.processRefreshTokenResponse(
        await this.issuerFor(response),
        this.client,
        response,
      );
      return this.store(result, tokens);
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError) {
        // The identity provider refused the refresh token: a new sign-in is the only way on.
        this.storage.removeItem(TOKENS_KEY);
        throw new SignInRequired(`refresh refused: ${error.error}`);
      }
      throw error;
    }
  }

  private store(result: oauth.TokenEndpointResponse, previous: StoredTokens | undefined) {
    const claims = oauth.getValidatedIdTokenClaims(result);
    const tokens: StoredTokens = {
      accessToken: result.access_token,
      refreshToken: result.refresh_token ?? previous?.refreshToken,
      expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000,
      account: claims
        ? {
            name: typeof claims.name === 'string' ? claims.name : '',
            username:
              typeof claims.preferred_username === 'string' ? claims.preferred_username : '',
          }
        : (previous?.account ?? { name: '', username: '' }),
    };
    this.storage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    return tokens;
  }

  /** Forgets the tokens and ends the session at the identity provider. */
  signOut(): void {
    this.storage.removeItem(TOKENS_KEY);
    const url = new URL(this.config.authority.endSessionEndpoint);
    url.searchParams.set('post_logout_redirect_uri', `${this.location.origin}/`);
    this.location.assign(url.toString());
  }
}

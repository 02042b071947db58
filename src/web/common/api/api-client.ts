// HTTP to the product's API: the caller's token, the user's language (the server answers labels
// and problems in it), problem+json read into ApiProblem. After a 401 one new token, and when the
// server's challenge carries Microsoft 365's claims (MFA, Conditional Access, consent) that new
// token comes from an interactive sign-in with them. Reads (GET) are retried when the line
// or the server has a bad moment; commands (POST) are not — the UI tells the user what happened
// and lets them send it again (the server finishes a half-done command, never does one twice).
import { ApiProblem, ConnectionLost, isTransient, type ProblemBody } from './api-errors.js';

export type Language = 'nl' | 'en';

/** What the next token must do better than the last one. */
export interface TokenRequest {
  /** Not the cached one: the API refused the previous token. */
  readonly forceRefresh?: boolean;
  /**
   * The API's claims challenge (a JSON claims request from Entra ID, e.g. for MFA or Conditional
   * Access): a token that satisfies it, from an interactive sign-in if need be.
   */
  readonly claims?: string;
  /** The API needs the user's consent for Microsoft 365: ask for it, interactively. */
  readonly consent?: boolean;
}

export interface TokenSource {
  /** A token for the API; see TokenRequest for what the API asked after refusing one. */
  getToken(options?: TokenRequest): Promise<string>;
}

export interface ApiClientOptions {
  readonly tokens: TokenSource;
  readonly language: () => Language;
  /** The API's origin; '' for the server that served the page. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Attempts of a GET in all (default 3). */
  readonly maxAttempts?: number;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
}

const MAX_RETRY_WAIT_MS = 10_000;

function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * The token request a 401's challenge asks for: Microsoft's claims-challenge format
 * (error="insufficient_claims", claims=base64 JSON; error_description="consent_required" for
 * consent), which the server sends when Entra ID refused its on-behalf-of exchange. Undefined for
 * any other 401 (an expired or refused token: a fresh one is enough).
 */
export function claimsChallengeOf(header: string | null): TokenRequest | undefined {
  if (!header || !/^Bearer\b/i.test(header)) return undefined;
  const params = new Map(
    [...header.matchAll(/([a-z_]+)="([^"]*)"/gi)].map((m) => [m[1]!.toLowerCase(), m[2]!]),
  );
  if (params.get('error') !== 'insufficient_claims') return undefined;
  let claims: string | undefined;
  try {
    claims = params.has('claims') ? atob(params.get('claims')!) : undefined;
  } catch {
    // Not base64 after all: ask for the token again without it (the server's detail remains).
    claims = undefined;
  }
  return {
    forceRefresh: true,
    ...(claims ? { claims } : {}),
    ...(params.get('error_description') === 'consent_required' ? { consent: true } : {}),
  };
}

async function readProblem(response: Response): Promise<ApiProblem> {
  const type = response.headers.get('content-type') ?? '';
  // A body that is not JSON after all (a proxy's error page): the status alone says it.
  const body = type.includes('json')
    ? await (response.json() as Promise<ProblemBody>).catch(() => undefined)
    : undefined;
  return new ApiProblem(
    body && typeof body.code === 'string'
      ? body
      : {
          status: response.status,
          code: response.status >= 500 ? 'INTERNAL' : 'UNKNOWN',
          title: response.statusText || `HTTP ${response.status}`,
          detail: '',
        },
    retryAfterSeconds(response),
  );
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxAttempts = options.maxAttempts ?? 3;

  async function send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<unknown> {
    let request: TokenRequest = {};
    // The server's 401 that asked for an interactive sign-in: its Dutch (or English) detail says
    // what to do when that sign-in does not happen or does not help.
    let challenge: ApiProblem | undefined;
    for (let tokenAttempt = 0; ; tokenAttempt++) {
      let token: string;
      try {
        token = await options.tokens.getToken(request);
      } catch (error) {
        if (!challenge) throw error;
        console.warn('the sign-in the API asked for did not succeed', error);
        throw challenge;
      }
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json, application/problem+json',
            'accept-language': options.language(),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      } catch (error) {
        throw new ConnectionLost(error);
      }
      // A refused token was not used for anything (nor was Microsoft 365 reached without one):
      // one fresh token — satisfying the claims challenge if the server sent one — then give up.
      if (response.status === 401 && tokenAttempt === 0) {
        const claimsRequest = claimsChallengeOf(response.headers.get('www-authenticate'));
        if (claimsRequest) challenge = await readProblem(response);
        request = claimsRequest ?? { forceRefresh: true };
        continue;
      }
      if (!response.ok) throw await readProblem(response);
      if (response.status === 204) return undefined;
      try {
        return await response.json();
      } catch (error) {
        // The answer broke off halfway: as good as no answer.
        throw new ConnectionLost(error);
      }
    }
  }

  async function getWithRetry(path: string): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send('GET', path);
      } catch (error) {
        if (attempt >= maxAttempts || !isTransient(error)) throw error;
        const hinted = error instanceof ApiProblem ? error.retryAfterSeconds : undefined;
        const wait = hinted !== undefined ? hinted * 1000 : 500 * 3 ** (attempt - 1);
        await sleep(Math.min(wait, MAX_RETRY_WAIT_MS));
      }
    }
  }

  return {
    get: async <T>(path: string) => (await getWithRetry(path)) as T,
    post: async <T>(path: string, body?: unknown) => (await send('POST', path, body)) as T,
    put: async <T>(path: string, body?: unknown) => (await send('PUT', path, body)) as T,
  };
}

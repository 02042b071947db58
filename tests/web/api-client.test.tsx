// The API client: problems read from problem+json, reads retried after a bad moment, commands
// never repeated on their own, one fresh token after a refusal, the user's language sent.
import { describe, expect, it, jest } from '@jest/globals';
import {
  createApiClient,
  type TokenRequest,
  type TokenSource,
} from '../../src/web/common/api/api-client.js';
import { ApiProblem, ConnectionLost } from '../../src/web/common/api/api-errors.js';
import { detectHost, type DetectHostDependencies } from '../../src/web/common/host/detect-host.js';

type Fetch = typeof fetch;

/** What the client reads of a fetch Response (jsdom has no Response of its own). */
function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const all: Record<string, string> = {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    ...headers,
  };
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    headers: { get: (name: string) => all[name.toLowerCase()] ?? null },
    json: async () => body,
  } as unknown as Response;
}

function clientWith(responses: (() => Response | Promise<Response>)[], tokens?: TokenSource) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFake = jest.fn<Fetch>(async (input, init) => {
    calls.push({ url: String(input), init });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return next();
  });
  const sleep = jest.fn(async () => undefined);
  const client = createApiClient({
    tokens: tokens ?? { getToken: async () => 'token-1' },
    language: () => 'nl',
    fetch: fetchFake,
    sleep,
  });
  return { client, calls, sleep };
}

const PROBLEM = {
  type: 'https://workshopplanner.nl/problems/graph-unavailable',
  title: 'Microsoft 365 niet bereikbaar',
  status: 503,
  detail: 'Probeer het zo opnieuw.',
  code: 'GRAPH_UNAVAILABLE',
  correlationId: 'c-1',
};

describe('the API client', () => {
  it('sends the token and the language, and reads the answer', async () => {
    const { client, calls } = clientWith([() => json(200, { name: 'Sanne' })]);
    await expect(client.get('/api/me')).resolves.toEqual({ name: 'Sanne' });
    const headers = calls[0]?.init?.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer token-1');
    expect(headers['accept-language']).toBe('nl');
  });

  it('retries a read after a 503 (waiting as Retry-After says) and a dropped line', async () => {
    const { client, calls, sleep } = clientWith([
      () => json(503, PROBLEM, { 'retry-after': '2' }),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(200, { ok: true }),
    ]);
    await expect(client.get('/api/municipalities')).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(3);
    expect(sleep.mock.calls[0]).toEqual([2000]);
  });

  it('gives up on a read after three attempts with the server’s problem', async () => {
    const { client, calls } = clientWith([1, 2, 3].map(() => () => json(503, PROBLEM)));
    const error = await client.get('/api/municipalities').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ code: 'GRAPH_UNAVAILABLE', detail: 'Probeer het zo opnieuw.' });
    expect(calls).toHaveLength(3);
  });

  it('never repeats a command on its own: a dropped line is reported as such', async () => {
    const { client, calls } = clientWith([
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(200, {}),
    ]);
    await expect(client.post('/api/signups/7/confirm', { slotIndex: 1 })).rejects.toBeInstanceOf(
      ConnectionLost,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init?.body).toBe('{"slotIndex":1}');
  });

  it('asks one fresh token after a 401, then sends the command again', async () => {
    const getToken = jest.fn(async (options?: { forceRefresh?: boolean }) =>
      options?.forceRefresh ? 'token-2' : 'token-1',
    );
    const unauthenticated = { ...PROBLEM, status: 401, code: 'UNAUTHENTICATED' };
    const { client, calls } = clientWith(
      [() => json(401, unauthenticated), () => json(200, { id: '7' })],
      { getToken },
    );
    await expect(client.post('/api/signups', {})).resolves.toEqual({ id: '7' });
    expect((calls[1]?.init?.headers as Record<string, string>).authorization).toBe(
      'Bearer token-2',
    );
  });

  describe('a claims challenge (Microsoft 365 wants MFA, Conditional Access or consent)', () => {
    const CLAIMS = '{"access_token":{"capolids":{"essential":true,"values":["p1"]}}}';
    const CHALLENGED = {
      ...PROBLEM,
      status: 401,
      code: 'UNAUTHENTICATED',
      title: 'Niet aangemeld',
      detail: 'Microsoft 365 vraagt om een extra controle van uw aanmelding.',
    };
    const challenge = (params: string) =>
      json(401, CHALLENGED, {
        'www-authenticate': `Bearer realm="Workshopplanner", authorization_uri="https://login.microsoftonline.com/t/oauth2/v2.0/authorize", error="insufficient_claims"${params}`,
      });

    it('asks a token with the claims (interactively if need be) and sends the command again once', async () => {
      const getToken = jest.fn(async (options?: TokenRequest) =>
        options?.claims ? 'token-with-mfa' : 'token-1',
      );
      const { client, calls } = clientWith(
        [() => challenge(`, claims="${btoa(CLAIMS)}"`), () => json(200, { id: '7' })],
        { getToken },
      );
      await expect(client.post('/api/signups/7/propose', { slots: [1] })).resolves.toEqual({
        id: '7',
      });
      expect(getToken).toHaveBeenLastCalledWith({ forceRefresh: true, claims: CLAIMS });
      expect(calls).toHaveLength(2);
      expect((calls[1]?.init?.headers as Record<string, string>).authorization).toBe(
        'Bearer token-with-mfa',
      );
      expect(calls[1]?.init?.body).toBe('{"slots":[1]}');
    });

    it('asks for consent when the server says consent_required', async () => {
      const getToken = jest.fn(async (_options?: TokenRequest) => 'token-after-consent');
      const { client } = clientWith(
        [() => challenge(', error_description="consent_required"'), () => json(200, [])],
        { getToken },
      );
      await expect(client.get('/api/signups')).resolves.toEqual([]);
      expect(getToken).toHaveBeenLastCalledWith({ forceRefresh: true, consent: true });
    });

    it('shows the server’s Dutch explanation when that sign-in does not happen', async () => {
      const getToken = jest.fn(async (options?: TokenRequest) => {
        if (options?.claims) throw new Error('popup_window_error');
        return 'token-1';
      });
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { client, calls } = clientWith([() => challenge(`, claims="${btoa(CLAIMS)}"`)], {
        getToken,
      });
      const error = await client.get('/api/signups').catch((e: unknown) => e);
      warn.mockRestore();
      expect(error).toBeInstanceOf(ApiProblem);
      expect(error).toMatchObject({ status: 401, detail: CHALLENGED.detail });
      expect(calls).toHaveLength(1);
    });

    it('tries once: a second refusal ends with the server’s explanation', async () => {
      const getToken = jest.fn(async (_options?: TokenRequest) => 'token');
      const { client, calls } = clientWith(
        [
          () => challenge(`, claims="${btoa(CLAIMS)}"`),
          () => challenge(`, claims="${btoa(CLAIMS)}"`),
        ],
        { getToken },
      );
      const error = await client.post('/api/sync').catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 401, detail: CHALLENGED.detail });
      expect(calls).toHaveLength(2);
    });
  });

  it('turns field errors of a 422 into the problem’s fieldErrors', async () => {
    const { client } = clientWith([
      () =>
        json(422, {
          ...PROBLEM,
          status: 422,
          code: 'DOMAIN_RULE_VIOLATED',
          errors: [{ field: 'contact.email', code: 'CONTACT_EMAIL_INVALID', message: 'Ongeldig' }],
        }),
    ]);
    const error = (await client.post('/api/signups', {}).catch((e: unknown) => e)) as ApiProblem;
    expect(error.fieldErrors).toEqual([
      { field: 'contact.email', code: 'CONTACT_EMAIL_INVALID', message: 'Ongeldig' },
    ]);
  });
});

describe('finding the host', () => {
  const config = Promise.resolve({} as never);

  it('is the browser in a top-level window, without loading teams-js', async () => {
    const connectTeams = jest.fn<DetectHostDependencies['connectTeams']>(async () => undefined);
    await expect(detectHost(config, { isFramed: () => false, connectTeams })).resolves.toEqual({
      kind: 'browser',
    });
    expect(connectTeams).not.toHaveBeenCalled();
  });

  it('tries Teams when framed, with a short timeout, and falls back to the browser', async () => {
    const connectTeams = jest.fn<DetectHostDependencies['connectTeams']>(async () => undefined);
    await expect(
      detectHost(config, { isFramed: () => true, connectTeams, timeoutMs: 1234 }),
    ).resolves.toEqual({ kind: 'browser' });
    expect(connectTeams).toHaveBeenCalledWith(config, 1234);
  });
});

// The public settings the tab needs before anyone is signed in (GET /api/web-config): where to
// sign in, the client id, the API's scope. Read once per page load, retried if the line drops.
import { ApiProblem, ConnectionLost, isTransient } from '../api/api-errors.js';
import type { TGetWebConfigResponse } from '../api/api-types.js';

export async function loadWebConfig(
  doFetch: typeof fetch = (input, init) => fetch(input, init),
  attempts = 3,
): Promise<TGetWebConfigResponse> {
  for (let attempt = 1; ; attempt++) {
    try {
      let response: Response;
      try {
        response = await doFetch('/api/web-config', { headers: { accept: 'application/json' } });
      } catch (error) {
        throw new ConnectionLost(error);
      }
      if (!response.ok) {
        throw new ApiProblem({
          status: response.status,
          code: 'WEB_CONFIG_UNAVAILABLE',
          title: response.statusText,
          detail: '',
        });
      }
      return (await response.json()) as TGetWebConfigResponse;
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

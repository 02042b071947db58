// The API over real HTTP against a sandbox whose lists are provisioned: the server composed from
// its settings (msal over HTTPS, on-behalf-of per request), tokens as the tab gets them, and the
// steps of the planning story as API calls.
import type { Sandbox, RequestLogEntry } from '@workshopplanner/m365-sandbox';
import { FIXED_TODAY, startPlanningHarness, type PlanningHarness } from '../../support/planning.js';
import type { TestSandboxOptions } from '../../support/sandbox.js';
import {
  apiToken,
  call,
  startTestServer,
  type CallOptions,
  type CallResult,
  type TestServer,
  type TestServerOptions,
} from './server-harness.js';

export interface ApiStack {
  readonly planning: PlanningHarness;
  readonly sandbox: Sandbox;
  readonly server: TestServer;
  /** A request as `upnStart` (a seeded user), with a cached token. */
  as(upnStart: string, path: string, options?: Omit<CallOptions, 'token'>): Promise<CallResult>;
  token(upnStart: string): Promise<string>;
  close(): Promise<void>;
}

export { FIXED_TODAY };

export async function startApiStack(
  options: { sandbox?: TestSandboxOptions; server?: TestServerOptions; today?: Date } = {},
): Promise<ApiStack> {
  const planning = await startPlanningHarness({
    ...(options.today ? { today: options.today } : {}),
    ...options.sandbox,
  });
  const server = await startTestServer(planning.sandbox, {
    ...(options.today ? { clock: { now: () => planning.sandbox.ctx.clock.now() } } : {}),
    ...options.server,
    // The tests call faster than a person would; the rate limit has its own test.
    env: { RATE_LIMIT_MAX: '1000000', ...options.server?.env },
  });
  const tokens = new Map<string, Promise<string>>();
  const token = (upnStart: string) => {
    let cached = tokens.get(upnStart);
    if (!cached) {
      cached = apiToken(planning.sandbox, upnStart);
      tokens.set(upnStart, cached);
    }
    return cached;
  };
  return {
    planning,
    sandbox: planning.sandbox,
    server,
    token,
    as: async (upnStart, path, callOptions = {}) =>
      call(server, path, { ...callOptions, token: await token(upnStart) }),
    close: async () => {
      await server.close();
      await planning.close();
    },
  };
}

/** Graph writes (parts of a batch included, getSchedule excluded) since `seq`. */
export function graphWritesSince(sandbox: Sandbox, seq: number): RequestLogEntry[] {
  return sandbox.ctx.requestLog
    .since(seq)
    .filter(
      (entry) =>
        entry.kind === 'graph' &&
        ['POST', 'PATCH', 'PUT', 'DELETE'].includes(entry.method) &&
        !/\/\$batch(\?|$)/.test(entry.path) &&
        !/\/getSchedule(\?|$)/.test(entry.path),
    );
}

/** Throws with the answer when the status is not the expected one (clearer than toBe). */
export function expectStatus(result: CallResult, status: number): CallResult {
  if (result.status !== status) {
    throw new Error(`expected ${status}, got ${result.status}: ${result.text.slice(0, 600)}`);
  }
  return result;
}

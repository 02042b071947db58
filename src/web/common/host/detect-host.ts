// Is this page inside Teams? teams-js's app.initialize() rejects at once in a top-level window,
// but when a page that is not a Microsoft 365 host frames the tab it waits 60 s before it gives
// up (PLATFORM.md §6). So: a top-level window is a browser without loading teams-js at all;
// a framed one tries Teams for a short while and falls back to the browser sign-in.
import type { TGetWebConfigResponse } from '../api/api-types.js';
import type { Host } from './host.types.js';

export const TEAMS_INIT_TIMEOUT_MS = 4000;

export interface DetectHostDependencies {
  readonly isFramed: () => boolean;
  /** Connects to Teams or resolves undefined (not a Teams host, or too slow). */
  readonly connectTeams: (
    config: Promise<TGetWebConfigResponse>,
    timeoutMs: number,
  ) => Promise<Host | undefined>;
  readonly timeoutMs?: number;
}

const defaults: DetectHostDependencies = {
  isFramed: () => window.parent !== window,
  // teams-js and msal-browser are large: they load only when the page is framed.
  connectTeams: async (config, timeoutMs) =>
    (await import('./teams-host.js')).connectTeams(config, timeoutMs),
};

export async function detectHost(
  config: Promise<TGetWebConfigResponse>,
  dependencies: DetectHostDependencies = defaults,
): Promise<Host> {
  if (!dependencies.isFramed()) return { kind: 'browser' };
  const teams = await dependencies.connectTeams(
    config,
    dependencies.timeoutMs ?? TEAMS_INIT_TIMEOUT_MS,
  );
  return teams ?? { kind: 'browser' };
}

// Is this page inside Teams (or Outlook, or the Microsoft 365 app, which host the same tab)?
// - On desktop and web the host frames the tab. teams-js's app.initialize() rejects at once in
//   a top-level window, but when a page that is not a Microsoft 365 host frames the tab it waits
//   60 s before it gives up (PLATFORM.md §6): a framed page tries for a short while only.
// - On mobile (Teams, Outlook and Microsoft 365 for iOS and Android) the host loads the tab in a
//   webview without a frame; teams-js then talks to the app through `window.nativeInterface`.
//   A top-level window is therefore not proof of a plain browser. The manifest's contentUrls
//   carry `?host=teams` (appPackage/manifest.template.json), so a page opened with it tries the
//   host as well. Without a host teams-js finds neither a parent window nor a native interface
//   and rejects at once ("No Parent window found"): a copied link costs no waiting.
// Anything else is a plain browser, which never loads teams-js at all.
import type { TGetWebConfigResponse } from '../api/api-types.js';
import type { Host } from './host.types.js';

export const TEAMS_INIT_TIMEOUT_MS = 4000;

/** The query parameter every contentUrl of the manifest carries, and its value. */
export const HOST_PARAMETER = 'host';
export const HOST_PARAMETER_VALUE = 'teams';

export interface DetectHostDependencies {
  readonly isFramed: () => boolean;
  /** The page's query string (`window.location.search`). */
  readonly search?: () => string;
  /** Connects to Teams or resolves undefined (not a Teams host, or too slow). */
  readonly connectTeams: (
    config: Promise<TGetWebConfigResponse>,
    timeoutMs: number,
  ) => Promise<Host | undefined>;
  readonly timeoutMs?: number;
}

const defaults: DetectHostDependencies = {
  isFramed: () => window.parent !== window,
  search: () => window.location.search,
  // teams-js and msal-browser are large: they load only when a host may be there.
  connectTeams: async (config, timeoutMs) =>
    (await import('./teams-host.js')).connectTeams(config, timeoutMs),
};

/** Whether a Microsoft 365 host opened this page from the manifest (contentUrl `?host=teams`). */
export function isOpenedFromManifest(search: string): boolean {
  return new URLSearchParams(search).get(HOST_PARAMETER) === HOST_PARAMETER_VALUE;
}

export async function detectHost(
  config: Promise<TGetWebConfigResponse>,
  dependencies: DetectHostDependencies = defaults,
): Promise<Host> {
  const search = dependencies.search?.() ?? window.location.search;
  if (!dependencies.isFramed() && !isOpenedFromManifest(search)) return { kind: 'browser' };
  const teams = await dependencies.connectTeams(
    config,
    dependencies.timeoutMs ?? TEAMS_INIT_TIMEOUT_MS,
  );
  return teams ?? { kind: 'browser' };
}

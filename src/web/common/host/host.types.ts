// Where the tab runs: inside Teams (teams-js initialised, theme and locale from Teams, the token
// from Teams) or in a plain browser (its own sign-in, theme from the system with a toggle).
import type { Theme } from '@fluentui/react-components';
import type { TokenSource } from '../api/api-client.js';
import type { Account } from '../auth/browser-sign-in.js';

/** Teams' theme names (app.getContext().app.theme, registerOnThemeChangeHandler). */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  readonly kind: 'teams';
  /** e.g. "nl-nl", "en-us" */
  readonly locale: string;
  readonly theme: TeamsTheme;
  /** Teams' Fluent themes (teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme). */
  readonly themes: Readonly<Record<TeamsTheme, Theme>>;
  readonly account: Account | undefined;
  readonly tokens: TokenSource;
  /** Calls `handler` whenever the user switches Teams' theme. */
  onThemeChange(handler: (theme: TeamsTheme) => void): void;
}

export interface BrowserHost {
  readonly kind: 'browser';
}

export type Host = TeamsHost | BrowserHost;

export function toTeamsTheme(value: string | undefined): TeamsTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

// Fluent's themes for each place the tab runs: Teams' own three (they come with the Teams host,
// which loads only inside Teams, and follow the Teams client live), and the web themes in a plain
// browser (the system's light or dark, with a toggle; Teams' high-contrast theme when the system
// asks for more contrast or forces its colours).
import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { TeamsHost, TeamsTheme } from '../host/host.types.js';

export type ThemeChoice =
  | { readonly host: 'teams'; readonly theme: TeamsTheme; readonly teams: TeamsHost }
  | { readonly host: 'browser'; readonly dark: boolean; readonly contrast?: boolean };

export function fluentThemeOf(choice: ThemeChoice): Theme {
  if (choice.host === 'browser') {
    if (choice.contrast) return teamsHighContrastTheme;
    return choice.dark ? webDarkTheme : webLightTheme;
  }
  return choice.teams.themes[choice.theme];
}

/** Whether the chosen theme is a dark one (for `color-scheme`, so native inputs match). */
export function isDarkTheme(choice: ThemeChoice): boolean {
  return choice.host === 'browser'
    ? choice.dark || choice.contrast === true
    : choice.theme !== 'default';
}

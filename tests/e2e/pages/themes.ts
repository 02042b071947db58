// axe in both browser themes: the current one, then the other (the header's toggle), then back.
import { expect } from '@jest/globals';
import { findAxeViolations } from './axe.js';
import type { TabApp } from './tab-app.js';

export async function expectNoAxeViolationsInBothThemes(app: TabApp, label: string) {
  const light = await findAxeViolations(app.page);
  await app.toggleDarkTheme();
  const wasDark = await app.isDark();
  const dark = await findAxeViolations(app.page);
  await app.toggleDarkTheme();
  expect({ page: label, wasDark, light, dark }).toEqual({
    page: label,
    wasDark: true,
    light: [],
    dark: [],
  });
}

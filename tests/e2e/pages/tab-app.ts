// The Teams tab in a plain browser, as a user drives it: signing in through the sandbox's
// pick-a-person page, the header's language and theme controls, and the pages by URL.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { RunningStack } from '../../support/stack.js';

/**
 * A Dutch user's browser. Less motion: Fluent then skips its fades, so axe measures contrast on
 * the final colours and not on a toast that is fading in or out while it runs.
 */
export const TAB_CONTEXT: BrowserContextOptions = {
  locale: 'nl-NL',
  viewport: { width: 1280, height: 900 },
  reducedMotion: 'reduce',
};

/**
 * A browser context for the tab whose clock is the stack's (its fixed today, running), so the
 * pages' own date checks agree with the server's.
 */
export async function newTabContext(
  browser: Browser,
  stack: RunningStack,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...TAB_CONTEXT, ...options });
  await context.clock.install({ time: stack.now() });
  return context;
}

export class TabApp {
  constructor(
    readonly page: Page,
    readonly stack: RunningStack,
  ) {}

  /** Opens the tab and signs in as `person` (a display name on the sandbox's sign-in page). */
  async signIn(person: string): Promise<void> {
    await this.page.goto(this.stack.appUrl);
    await this.page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).click();
    // The sandbox's page lists the seeded people as buttons (plain HTML forms).
    await this.page.getByRole('button', { name: new RegExp(person) }).click();
    await this.page.getByRole('navigation', { name: /Hoofdmenu|Main menu/ }).waitFor();
  }

  async open(fragment: string): Promise<void> {
    await this.page.goto(`${this.stack.appUrl}/${fragment}`);
  }

  async waitForHeading(text: string | RegExp): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: text }).waitFor();
  }

  async toggleDarkTheme(): Promise<void> {
    await this.page.getByRole('button', { name: /Donker thema|Dark theme/ }).click();
  }

  /**
   * The system asks for more contrast (prefers-contrast: more) or not: the tab then shows Teams'
   * high-contrast theme, and no light/dark toggle (src/web/common/theme/use-browser-theme.ts).
   */
  async setMoreContrast(on: boolean): Promise<void> {
    await this.page.emulateMedia({ contrast: on ? 'more' : 'no-preference' });
    const toggle = this.page.getByRole('button', { name: /Donker thema|Dark theme/ });
    await toggle.waitFor({ state: on ? 'detached' : 'visible' });
  }

  async isDark(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.style.colorScheme === 'dark');
  }

  async switchLanguage(to: 'English' | 'Nederlands'): Promise<void> {
    await this.page.getByRole('button', { name: to }).click();
  }

  /** The caller's access token, as the tab keeps it (for checks through the API). */
  async accessToken(): Promise<string> {
    return this.page.evaluate(() => {
      const stored = sessionStorage.getItem('workshopplanner.tokens');
      return stored ? (JSON.parse(stored) as { accessToken: string }).accessToken : '';
    });
  }

  /** GET on the API as the signed-in user. */
  async api<T>(path: string): Promise<T> {
    const response = await fetch(`${this.stack.appUrl}${path}`, {
      headers: { authorization: `Bearer ${await this.accessToken()}` },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** The id of the sign-up whose pages are open (#/signups/{id}/…). */
  signupIdFromUrl(): string {
    const match = /#\/signups\/(\d+)\//.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a sign-up page: ${this.page.url()}`);
    return match[1];
  }

  /** The accessible description of a control: the texts its aria-describedby points at. */
  static async descriptionOf(locator: ReturnType<Page['locator']>): Promise<string> {
    return locator.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }
}

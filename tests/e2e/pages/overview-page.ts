// The overview: every municipality's row, the "needs your action first" list, filters.
import type { Page } from 'playwright-core';

export class OverviewPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page
      .getByRole('table', { name: /Gemeenten|Municipalities|Alle gemeenten/ })
      .waitFor();
  }

  row(municipality: string) {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: municipality, exact: true }) });
  }

  /** The text in a row's "Stand" column (which column that is depends on the role). */
  async statusOf(municipality: string): Promise<string> {
    const headers = (await this.page.getByRole('columnheader').allInnerTexts()).map((h) =>
      h.trim(),
    );
    const column = headers.findIndex((header) => header === 'Stand' || header === 'Status');
    return (await this.row(municipality).getByRole('cell').nth(column).innerText()).trim();
  }

  /**
   * Waits until the municipality's status reads `expected`: after a language switch the page
   * loads again, and the server's labels arrive after the page's own texts.
   */
  async waitForStatus(municipality: string, expected: string, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let last = await this.statusOf(municipality);
    while (last !== expected) {
      if (Date.now() > until) {
        throw new Error(`The status of ${municipality} stayed "${last}", not "${expected}".`);
      }
      await this.page.waitForTimeout(100);
      last = await this.statusOf(municipality);
    }
  }

  /** The "Eerst doen" item of a municipality (its text), or undefined. */
  async firstItemOf(municipality: string): Promise<string | undefined> {
    const item = this.page
      .getByRole('listitem')
      .filter({ hasText: municipality })
      .filter({ has: this.page.getByRole('link') });
    return (await item.count()) > 0 ? (await item.first().innerText()).trim() : undefined;
  }

  /**
   * Waits until the municipality's "Eerst doen" item matches `expected` and returns its text (or
   * the last text seen): a page opened again shows its cached rows at once and the fresh ones a
   * moment later.
   */
  async waitForFirstItem(
    municipality: string,
    expected: RegExp,
    timeoutMs = 15_000,
  ): Promise<string | undefined> {
    const until = Date.now() + timeoutMs;
    let last = await this.firstItemOf(municipality);
    while (!(last !== undefined && expected.test(last)) && Date.now() < until) {
      await this.page.waitForTimeout(200);
      last = await this.firstItemOf(municipality);
    }
    return last;
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: /Zoek een gemeente|Search/ }).fill(text);
  }

  async filterStatus(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /^(Stand|Status)$/ }).selectOption({ label });
  }

  async countText(): Promise<string> {
    return (
      await this.page.getByText(/van \d+ gemeenten|of \d+ municipalities/).innerText()
    ).trim();
  }

  async openNextStep(municipality: string): Promise<void> {
    await this.row(municipality).getByRole('link').click();
  }
}

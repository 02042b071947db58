// The pages of one sign-up: availability (grid and pairs), options and answers, confirm, log.
import type { Page } from 'playwright-core';

export class AvailabilityPage {
  constructor(readonly page: Page) {}

  grid() {
    return this.page.getByRole('table', { name: /Beschikbaarheid per trainer/ });
  }

  async waitUntilLoaded(): Promise<void> {
    await this.grid().waitFor({ timeout: 20_000 });
  }

  /** The pair that is chosen (rank 1 unless the user picked another). */
  async chosenPair(): Promise<{ berenschot: string; riec: string }> {
    const label = await this.page.getByRole('radio', { checked: true }).getAttribute('id');
    const text = await this.page.locator(`label[for="${label}"]`).innerText();
    const match = /^\d+\. (.+) en (.+)$/.exec(text.trim());
    if (!match?.[1] || !match[2]) throw new Error(`unexpected pair label: ${text}`);
    return { berenschot: match[1], riec: match[2] };
  }

  /** The availability words in a trainer's row, one per slot. */
  async rowOf(trainer: string): Promise<string[]> {
    const row = this.grid()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(trainer) }) });
    return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
  }

  /** Places the options; a pair with a trainer shown "bezet" is confirmed first (issue 18.6). */
  async placeOptions(): Promise<void> {
    await this.page.getByRole('button', { name: 'Opties plaatsen bij dit paar' }).click();
    const anyway = this.page.getByRole('button', { name: 'Toch plaatsen bij dit paar' });
    const options = this.page.getByRole('heading', { level: 2, name: /Opties en antwoorden/ });
    await anyway.or(options).first().waitFor({ timeout: 30_000 });
    if (await anyway.isVisible()) await this.confirmBusy();
    await options.waitFor({ timeout: 30_000 });
  }

  /** The question before holding a trainer shown "bezet": its text, then "Toch plaatsen". */
  async confirmBusy(): Promise<string> {
    const question = this.page.getByText('Een trainer van dit paar is bezet');
    await question.waitFor();
    const text = (await this.page.getByRole('alert').or(question).first().innerText()).trim();
    await this.page.getByRole('button', { name: 'Toch plaatsen bij dit paar' }).click();
    return text;
  }
}

export class OptionsPage {
  constructor(readonly page: Page) {}

  table() {
    return this.page.getByRole('table', { name: /Antwoorden van de trainers per optie/ });
  }

  async refresh(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Nu bijwerken' });
    await button.click();
    await this.page.waitForFunction(
      () =>
        ![...document.querySelectorAll('button')].some(
          (b) => b.textContent?.includes('Nu bijwerken') && b.disabled,
        ),
    );
  }

  /** [Berenschot's answer, the RIEC advisor's answer, the option's outcome] */
  async answersOf(option: number): Promise<string[]> {
    const row = this.table()
      .getByRole('row')
      .filter({
        has: this.page.getByRole('rowheader', { name: new RegExp(`^Optie ${option}\\b`) }),
      });
    await row.waitFor();
    return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
  }
}

export class ConfirmPage {
  constructor(readonly page: Page) {}

  async choose(option: number): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^Optie ${option}:`) }).check();
  }

  async preview(): Promise<string> {
    return (
      await this.page.getByRole('article', { name: /Dit krijgt het kabinet/ }).innerText()
    ).trim();
  }

  async confirm(option: number, overrideReason?: string): Promise<void> {
    await this.page.getByRole('button', { name: `Optie ${option} bevestigen…` }).click();
    const dialog = this.page.getByRole('dialog');
    if (overrideReason !== undefined) {
      await dialog
        .getByRole('textbox', { name: /Reden voor de uitzondering/ })
        .fill(overrideReason);
    }
    await dialog.getByRole('button', { name: 'Bevestigen en uitnodiging versturen' }).click();
    await this.page.getByText(/^Bevestigd: /).waitFor({ timeout: 30_000 });
  }

  async logLines(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: /Stappen van de aanmelding, oudste eerst/ });
    await list.getByRole('listitem').first().waitFor();
    return (await list.getByRole('listitem').allInnerTexts()).map((text) => text.trim());
  }
}

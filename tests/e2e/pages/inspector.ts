// The sandbox's inspector: trainers answer their invitations there (as they would in Outlook),
// and the mayor's office's mailbox shows what reached it.
import type { Page } from 'playwright-core';

export type InspectorAnswer = 'Accepteren' | 'Voorlopig' | 'Weigeren';

export class Inspector {
  constructor(
    readonly page: Page,
    readonly sandboxHttpUrl: string,
  ) {}

  /** Answers the invitation for option `option` of `municipality` as `person`. */
  async answer(
    person: string,
    invitation: { municipality: string; option: number },
    answer: InspectorAnswer,
  ): Promise<void> {
    await this.page.goto(`${this.sandboxHttpUrl}/inspector`);
    await this.page.getByRole('link', { name: person, exact: true }).click();
    const form = this.page
      .getByRole('form', {
        name: new RegExp(`OPTIE ${invitation.option}: .*gemeente ${invitation.municipality}$`),
      })
      .first();
    await form.getByRole('button', { name: new RegExp(`^${answer}`) }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: /Uitnodiging/ })
      .waitFor();
  }

  /** The subjects of the messages in an external mailbox (newest first). */
  async externalMailbox(address: string): Promise<string[]> {
    await this.page.goto(
      `${this.sandboxHttpUrl}/inspector/external/${encodeURIComponent(address)}`,
    );
    return (await this.page.getByRole('heading', { level: 3 }).allInnerTexts()).map((t) =>
      t.trim(),
    );
  }
}

// The register form: municipality, contact, three slots (native date and time inputs), scan.
import type { Page } from 'playwright-core';
import { TabApp } from './tab-app.js';

export interface SlotText {
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:mm */
  readonly start: string;
  readonly end: string;
}

export class RegisterPage {
  constructor(readonly page: Page) {}

  municipality() {
    return this.page.getByRole('combobox', { name: /Gemeente|Municipality/ });
  }

  contactName() {
    return this.page.getByRole('textbox', { name: /Contactpersoon bij het kabinet/ });
  }

  contactEmail() {
    return this.page.getByRole('textbox', { name: /E-mailadres van de contactpersoon/ });
  }

  field(slot: number, part: 'Datum' | 'Begintijd' | 'Eindtijd') {
    return this.page.getByLabel(`Voorkeur ${slot}: ${part}`, { exact: true });
  }

  async chooseMunicipality(name: string): Promise<void> {
    // Typing opens the list, as it does for a person; then the option is clicked.
    await this.municipality().clear();
    await this.municipality().pressSequentially(name.slice(0, 5));
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async fill(input: {
    municipality?: string;
    contact: { name: string; email: string };
    slots: readonly SlotText[];
    scan?: 'Gedaan' | 'Gepland' | 'Nee' | 'Onbekend';
    remarks?: string;
  }): Promise<void> {
    if (input.municipality) await this.chooseMunicipality(input.municipality);
    await this.contactName().fill(input.contact.name);
    await this.contactEmail().fill(input.contact.email);
    for (const [index, slot] of input.slots.entries()) {
      await this.field(index + 1, 'Datum').fill(slot.date);
      await this.field(index + 1, 'Begintijd').fill(slot.start);
      await this.field(index + 1, 'Eindtijd').fill(slot.end);
    }
    if (input.scan) await this.page.getByRole('radio', { name: input.scan }).check();
    if (input.remarks) {
      await this.page.getByRole('textbox', { name: /Opmerkingen/ }).fill(input.remarks);
    }
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Aanmelding vastleggen' }).click();
  }

  /** Registers and goes on to the availability page (past the dry run's warnings, if any). */
  async submitAndContinue(): Promise<void> {
    await this.submit();
    const anyway = this.page.getByRole('button', { name: 'Toch vastleggen' });
    const next = this.page.getByRole('button', { name: 'Verder: beschikbaarheid bekijken' });
    const availability = this.page.getByRole('heading', { level: 2, name: /Beschikbaarheid/ });
    await anyway.or(next).or(availability).first().waitFor();
    if (await anyway.isVisible()) await anyway.click();
    await next.or(availability).first().waitFor();
    if (await next.isVisible()) await next.click();
    await availability.waitFor();
  }

  /** What a screen reader hears after the control's name: its messages. */
  descriptionOf(locator: ReturnType<Page['locator']>): Promise<string> {
    return TabApp.descriptionOf(locator);
  }
}

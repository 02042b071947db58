// One register form for the tab and the add-in (issue 17, item 3): both hosts render the same
// shared contact fields (src/web/common/forms/contact-fields.tsx), with the same labels, the
// function included; each host keeps only its frame.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, screen, within } from '@testing-library/react';
import type {
  TExtractSlotsRequest,
  TExtractSlotsResponse,
} from '../../../src/web/addin/api/addin-api.js';
import { MailSurface } from '../../../src/web/addin/mail/mail-surface.js';
import type { TListMunicipalitiesResponse } from '../../../src/web/common/api/api-types.js';
import { RegisterForm } from '../../../src/web/tab/pages/register/register-form.js';
import { availability, municipality, signupView } from '../support/fixtures.js';
import { renderInTab } from '../support/render.js';
import {
  fixtureExpectation,
  fixtureMail,
  installOffice,
  messageItem,
  type InstalledOffice,
} from './support/office-mock.js';
import { fakeAddinApi, renderInAddin } from './support/render-addin.js';

const MAIL = '02-zaanstad-namens-gemeenteraad';
const MUNICIPALITIES: TListMunicipalitiesResponse = {
  campaignId: 'weerbaarheid-demo',
  signupDeadline: '2026-12-26',
  daysToDeadline: 28,
  isSignupOpen: true,
  municipalities: [municipality('GM0392', 'Haarlem'), municipality('GM0479', 'Zaanstad')],
};

let office: InstalledOffice | undefined;
afterEach(() => office?.uninstall());

/** The labels of the shared contact fields, in order, each with a textbox it names. */
function sharedContactFields(): string[] {
  const shared = document.querySelector<HTMLElement>('[data-shared-form="contact"]');
  expect(shared).not.toBeNull();
  // The required fields' asterisk is Fluent's, hidden from the accessible name.
  const labels = [...shared!.querySelectorAll('label')].map((label) =>
    (label.textContent ?? '').replace(/\s*\*$/, ''),
  );
  for (const label of labels) {
    expect(within(shared!).getByRole('textbox', { name: label })).toBeVisible();
  }
  return labels;
}

describe('the register form in the tab and the add-in', () => {
  it('renders the same shared contact fields in both hosts', async () => {
    renderInTab(
      <RegisterForm
        municipalities={MUNICIPALITIES.municipalities}
        campaign={{
          window: { start: '2026-11-29', end: '2027-07-31' },
          defaultDurationMinutes: 180,
          preferenceCount: 3,
          isSignupOpen: true,
          signupDeadline: '2026-12-26',
        }}
        onSubmit={async () => ({ signup: signupView(), warnings: [] })}
        onDone={jest.fn()}
      />,
    );
    const inTab = sharedContactFields();
    expect(inTab).toHaveLength(3);
    expect(inTab.join(' | ')).toMatch(/Contactpersoon.*Functie.*E-mailadres/);
    cleanup();

    const mail = fixtureMail(MAIL);
    const bodyRequests: string[] = [];
    office = installOffice({ item: messageItem(mail, bodyRequests) }, bodyRequests);
    const api = fakeAddinApi({
      extractSlots: async (_request: TExtractSlotsRequest) =>
        fixtureExpectation<TExtractSlotsResponse>(MAIL),
      listMunicipalities: async () => MUNICIPALITIES,
      getAvailability: async () => availability(),
    });
    renderInAddin(<MailSurface api={api} />);
    await screen.findByRole('textbox', { name: /Functie van de contactpersoon/ });
    expect(sharedContactFields()).toEqual(inTab);
  });
});

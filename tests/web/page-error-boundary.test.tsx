// A page that fails to render: a message in the user's language with a way back, the rest of the
// app still there, and what was typed in the form still there after "Opnieuw proberen" (issue 18).
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { PageErrorBoundary } from '../../src/web/common/components/page-error-boundary.js';
import { RegisterForm } from '../../src/web/tab/pages/register/register-form.js';
import { municipality } from './support/fixtures.js';
import { renderInTab } from './support/render.js';

function Bomb({ isArmed }: { isArmed: boolean }) {
  if (isArmed) throw new RangeError('Invalid time value');
  return null;
}

const CAMPAIGN = {
  window: { start: '2026-11-29', end: '2027-07-31' },
  defaultDurationMinutes: 180,
  preferenceCount: 3,
  isSignupOpen: true,
  signupDeadline: '2026-12-26',
};

function page(isArmed: boolean, resetKey = '#/register') {
  return (
    <PageErrorBoundary resetKey={resetKey} overviewHref="#/">
      <RegisterForm
        municipalities={[municipality('GM0392', 'Haarlem')]}
        campaign={CAMPAIGN}
        initialCbsCode="GM0392"
        onSubmit={jest.fn<() => Promise<never>>()}
        onDone={jest.fn()}
      />
      <Bomb isArmed={isArmed} />
    </PageErrorBoundary>
  );
}

describe('a page that fails to render', () => {
  it('says so in Dutch, offers the overview, and keeps what was typed', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    const view = renderInTab(page(false));
    await user.type(
      screen.getByRole('textbox', { name: /E-mailadres van de contactpersoon/ }),
      'kabinet@haarlem.nl',
    );
    fireEvent.change(screen.getByLabelText('Voorkeur 1: Datum'), {
      target: { value: '2026-12-15' },
    });

    view.rerender(page(true));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Deze pagina kan niet worden getoond');
    expect(alert).toHaveTextContent('Wat u had ingevuld, is bewaard.');
    expect(screen.getByRole('link', { name: 'Terug naar het overzicht' })).toHaveAttribute(
      'href',
      '#/',
    );

    view.rerender(page(false));
    await user.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(screen.getByRole('textbox', { name: /E-mailadres van de contactpersoon/ })).toHaveValue(
      'kabinet@haarlem.nl',
    );
    expect(screen.getByLabelText('Voorkeur 1: Datum')).toHaveValue('2026-12-15');
  });

  it('says so in English, and another page gets its own chance', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = renderInTab(page(true), { language: 'en' });
    expect(screen.getByRole('alert')).toHaveTextContent('This page cannot be shown');
    expect(screen.getByRole('link', { name: 'Back to the overview' })).toBeVisible();
    view.rerender(page(false, '#/signups/1/log'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

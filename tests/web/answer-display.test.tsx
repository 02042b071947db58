// The trainers' answers per option, in words with what each option has become, and followed
// live: the page asks again (sync, then the sign-up) and announces a new answer.
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import type { TSignupView } from '../../src/web/common/api/api-types.js';
import type { WorkshopApi } from '../../src/web/common/api/workshop-api.js';
import { AnswerTable } from '../../src/web/tab/pages/options/answer-table.js';
import OptionsPage from '../../src/web/tab/pages/options/options-page.js';
import { fakeApi, renderInTab } from './support/render.js';
import { option, signupView } from './support/fixtures.js';

function cellsOf(optionName: string) {
  const row = screen.getByRole('rowheader', { name: new RegExp(`^${optionName}`) }).closest('tr');
  if (!row) throw new Error('no row');
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

describe('the answer display', () => {
  it('shows each trainer’s answer per option and what the option has become', () => {
    renderInTab(
      <AnswerTable
        signup={signupView({
          options: [
            option(0, { berenschot: 'declined', riec: 'accepted' }),
            option(1, { berenschot: 'accepted', riec: 'accepted' }),
            option(2, { berenschot: 'tentativelyAccepted' }),
          ],
        })}
      />,
    );
    const table = screen.getByRole('table', { name: 'Antwoorden van de trainers per optie' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Optie',
      'Marieke van Dijk (Berenschot)',
      'Fatima Amrani (RIEC)',
      'Stand van de optie',
    ]);
    expect(cellsOf('Optie 1')).toEqual(['afgewezen', 'geaccepteerd', 'afgewezen']);
    expect(cellsOf('Optie 2')).toEqual(['geaccepteerd', 'geaccepteerd', 'beide geaccepteerd']);
    expect(cellsOf('Optie 3')).toEqual([
      'voorlopig geaccepteerd',
      'nog geen antwoord',
      'wacht op antwoord',
    ]);
  });

  it('shows the confirmed option as the workshop and the others as released', () => {
    renderInTab(
      <AnswerTable
        signup={signupView({
          status: 'bevestigd',
          options: [
            option(0, {}, { hold: 'released', isLive: false }),
            option(
              1,
              { berenschot: 'accepted', riec: 'accepted' },
              { hold: 'finalized', isConfirmed: true },
            ),
            option(2, {}, { hold: 'released', isLive: false }),
          ],
        })}
      />,
    );
    expect(cellsOf('Optie 1')[2]).toBe('vervallen');
    expect(cellsOf('Optie 2')[2]).toBe('de workshop');
  });

  it('follows the answers live: syncs, reads the sign-up again and announces what changed', async () => {
    const waiting = signupView();
    const answered = signupView({
      eTag: '"2"',
      options: [option(0), option(1, { riec: 'accepted' }), option(2)],
    });
    const syncAnswers = jest.fn<WorkshopApi['syncAnswers']>(async () => ({
      organizer: 'sanne.devries@riec.nl',
      changes: 1,
      updated: ['7'],
      failed: [],
      signups: [],
    }));
    let reads = 0;
    const getSignup = jest.fn<WorkshopApi['getSignup']>(async () =>
      ++reads === 1 ? waiting : answered,
    );

    function Live() {
      const [signup, setSignup] = useState<TSignupView>(waiting);
      return <OptionsPage signup={signup} onSignupChange={setSignup} reload={() => undefined} />;
    }
    renderInTab(<Live />, {
      services: { api: fakeApi({ syncAnswers, getSignup }), pollIntervalMs: 30 },
    });

    await waitFor(() => expect(cellsOf('Optie 2')[1]).toBe('geaccepteerd'), { timeout: 2000 });
    expect(syncAnswers).toHaveBeenCalled();
    expect(getSignup).toHaveBeenCalledWith('7');
    // A polite live region says what came in (a toast does too).
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('status')
          .some((region) => region.textContent === 'Fatima Amrani: geaccepteerd voor optie 2.'),
      ).toBe(true),
    );
    expect(screen.getByRole('button', { name: 'Nu bijwerken' })).toBeEnabled();
  });
});

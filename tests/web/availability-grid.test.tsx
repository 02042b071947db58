// The availability grid says each trainer's state per slot in words (never colour alone) and
// marks the chosen pair; the pair list ranks the pairs and chooses one with a click.
import { describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { TPairView } from '../../src/web/common/api/api-types.js';
import { AvailabilityGrid } from '../../src/web/tab/pages/availability/availability-grid.js';
import { pairKey } from '../../src/web/common/pairs/pair-key.js';
import { PairPicker } from '../../src/web/common/pairs/pair-picker.js';
import { FATIMA, MARIEKE, availability } from './support/fixtures.js';
import { renderInTab } from './support/render.js';

function rowOf(name: RegExp) {
  const header = screen.getByRole('rowheader', { name });
  const row = header.closest('tr');
  if (!row) throw new Error('no row');
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

describe('the availability grid', () => {
  it('shows each trainer × slot as words, a hidden calendar as unknown', () => {
    renderInTab(<AvailabilityGrid availability={availability()} />);
    const table = screen.getByRole('table', { name: 'Beschikbaarheid per trainer en voorkeur' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual([
      'Trainer',
      'Optie 1: dinsdag 15 december 2026, 19.30–22.30 uur',
      'Optie 2: woensdag 16 december 2026, 19.30–22.30 uur',
      'Optie 3: donderdag 17 december 2026, 19.30–22.30 uur',
    ]);
    expect(rowOf(/Fatima Amrani/)).toEqual(['bezet', 'vrij', 'onder voorbehoud']);
    expect(rowOf(/Marieke van Dijk/)).toEqual(['onbekend', 'onbekend', 'onbekend']);
    expect(screen.getByRole('rowheader', { name: /Marieke van Dijk/ })).toHaveTextContent(
      'Berenschot · agenda niet zichtbaar',
    );
    // Berenschot first, then the RIEC advisors.
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual([
      expect.stringMatching(/^Marieke van Dijk/),
      expect.stringMatching(/^Fatima Amrani/),
    ]);
  });

  it('marks the rows of the chosen pair', () => {
    renderInTab(<AvailabilityGrid availability={availability()} chosen={[FATIMA.email]} />);
    expect(screen.getByRole('rowheader', { name: /Fatima Amrani/ })).toHaveTextContent('gekozen');
    expect(screen.getByRole('rowheader', { name: /Marieke van Dijk/ })).not.toHaveTextContent(
      'gekozen',
    );
  });

  it('speaks English when asked', () => {
    renderInTab(<AvailabilityGrid availability={availability()} />, { language: 'en' });
    expect(rowOf(/Fatima Amrani/)).toEqual(['busy', 'free', 'tentative']);
    expect(
      screen.getByRole('columnheader', { name: 'Option 1: Tuesday 15 December 2026, 19:30–22:30' }),
    ).toBeVisible();
  });
});

describe('the pair picker', () => {
  it('lists the pairs by rank with their verdict per slot, and chooses one with a click', async () => {
    const pairs = availability().pairs;
    const onChange = jest.fn<(pair: TPairView) => void>();
    renderInTab(
      <>
        <h3 id="pairs-heading">Kies een trainerspaar</h3>
        <PairPicker
          pairs={pairs}
          value={pairKey(pairs[0]!)}
          onChange={onChange}
          labelledBy="pairs-heading"
          shownAtFirst={5}
        />
      </>,
    );
    const first = screen.getByRole('radio', { name: '1. Marieke van Dijk en Fatima Amrani' });
    expect(first).toBeChecked();
    expect(first).toHaveAccessibleDescription(
      /optie 1: bezet · optie 2: RIEC-adviseur vrij, Berenschot onbekend · optie 3: bezet/,
    );
    await userEvent
      .setup()
      .click(screen.getByRole('radio', { name: '2. Thomas Kok en Fatima Amrani' }));
    expect(onChange).toHaveBeenCalledWith(pairs[1]!);
  });

  it('shows five pairs at first and all on request', async () => {
    const base = availability().pairs[0]!;
    const pairs = Array.from({ length: 8 }, (_, i) => ({
      ...base,
      rank: i + 1,
      berenschot: { ...MARIEKE, email: `b${i}@berenschot.nl`, name: `Adviseur ${i + 1}` },
    }));
    renderInTab(
      <PairPicker
        pairs={pairs}
        value={pairKey(pairs[0]!)}
        onChange={() => undefined}
        labelledBy="pairs-heading"
        shownAtFirst={5}
      />,
    );
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Toon alle 8 paren' }));
    expect(screen.getAllByRole('radio')).toHaveLength(8);
  });
});

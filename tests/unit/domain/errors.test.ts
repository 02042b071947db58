import { describe, expect, it } from '@jest/globals';
import { createIssue, formatIssue, messages } from '../../../src/domain/errors.js';

describe('domain messages', () => {
  it('has a Dutch and an English text for every code', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.nl).sort());
    expect(Object.keys(messages.nl).length).toBeGreaterThanOrEqual(30);
  });

  it('numbers preferences from 1 for people and keeps the 0-based index in the field path', () => {
    const issue = createIssue('SLOT_OVERLAP', 'preferences.2', { index: 2, other: 0 });
    expect(issue.message).toBe(
      'Voorkeur 3 overlapt met voorkeur 1. Geef drie verschillende momenten op.',
    );
    expect(formatIssue(issue, 'en')).toBe(
      'Preference 3 overlaps preference 1. Give three different times.',
    );
  });

  it('names the status and the action in words users know', () => {
    const issue = createIssue('INVALID_TRANSITION', '', {
      command: 'confirm',
      status: 'nieuwe_data_nodig',
    });
    expect(issue.message).toBe(
      '"bevestigen" kan niet bij een aanmelding met status "nieuwe data nodig".',
    );
  });

  it('shows instants in Amsterdam time', () => {
    const issue = createIssue('HOLDS_LAPSED', '', { lapsesAt: '2022-04-03T08:00:00Z' });
    expect(issue.message).toBe(
      'De opties zijn vervallen op zondag 3 april 2022 om 10.00 uur. Vraag de gemeente om nieuwe data.',
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import { negotiateLanguage } from '../../../src/server/http/locale.js';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en', 'en'],
    ['en-US,en;q=0.9,nl;q=0.8', 'en'],
    ['nl-NL,nl;q=0.9,en-US;q=0.8', 'nl'],
    ['en;q=0.5, nl-NL', 'nl'],
    ['de-DE, en;q=0.7', 'en'],
    ['de-DE, fr', 'nl'],
    ['*', 'nl'],
    ['en;q=0, nl;q=0.1', 'nl'],
    ['EN-gb', 'en'],
    ['en;q=0.8, nl;q=0.8', 'en'],
    ['en;q=abc, nl;q=0.2', 'nl'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('reads a repeated header as one list', () => {
    expect(negotiateLanguage(['de', 'en;q=0.9'])).toBe('en');
  });
});

// Editing the contact's function (issue 18, item 12 with the shared contact schema): a new
// function is stored and logged; an edit that gives none keeps the stored one.
import { describe, expect, it } from '@jest/globals';
import { transition } from '../../../src/domain/lifecycle.js';
import type { Signup } from '../../../src/domain/signup.js';
import { MAY_2, effectOf } from './lifecycle-fixtures.js';
import { registeredSignup } from './signup-fixtures.js';

function edit(state: Signup, contact: Signup['contact']) {
  return transition(state, { type: 'edit', changes: { contact }, by: 'k.smit' }, MAY_2);
}

describe('editing the contact’s function', () => {
  const base = registeredSignup(MAY_2);

  it('stores and logs a new function', () => {
    const result = edit(base, { ...base.contact, function: 'kabinet van de burgemeester' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.state.contact.function).toBe('kabinet van de burgemeester');
    expect(effectOf(result, 'appendLog')?.detail).toContain(
      'functie (leeg) → "kabinet van de burgemeester"',
    );
  });

  it('keeps the stored function when the edit gives none', () => {
    const withFunction = edit(base, { ...base.contact, function: 'griffier' });
    if (!withFunction.ok) throw new Error(withFunction.error.message);
    const renamed = edit(withFunction.state, {
      name: 'M. Jansen',
      email: withFunction.state.contact.email,
    });
    if (!renamed.ok) throw new Error(renamed.error.message);
    expect(renamed.state.contact).toEqual({
      name: 'M. Jansen',
      email: withFunction.state.contact.email,
      function: 'griffier',
    });
    expect(effectOf(renamed, 'appendLog')?.detail).not.toContain('functie');
  });
});

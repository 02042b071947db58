import { describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { UserAssertion } from '../../../src/server/auth/user-assertion.js';

describe('UserAssertion', () => {
  const token = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJl';

  it('gives the token only through reveal()', () => {
    const assertion = new UserAssertion(token);
    expect(assertion.reveal()).toBe(token);
    expect(JSON.stringify({ assertion })).not.toContain('eyJ');
    expect(`${assertion}`).not.toContain('eyJ');
    expect(inspect({ assertion })).not.toContain('eyJ');
    expect(Object.keys(assertion)).toEqual([]);
  });
});

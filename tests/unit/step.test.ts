// The story tests' step helper names the step a failure happened in (issue 17, item 10).
import { describe, expect, it } from '@jest/globals';
import { step } from '../support/step.js';

describe('step', () => {
  it('returns what the step returns', async () => {
    expect(await step('adds', () => 1 + 1)).toBe(2);
  });

  it('prefixes a failed expectation with the step’s name', async () => {
    const failed = step('registers', () => expect(1).toBe(2));
    await expect(failed).rejects.toThrow(/^step “registers”: expect\(received\)\.toBe/);
  });

  it('names the step for a thrown non-error too', async () => {
    await expect(
      step('syncs', () => {
        throw 'gone';
      }),
    ).rejects.toThrow('step “syncs”: gone');
  });
});

import { describe, expect, it } from '@jest/globals';

describe('the test runner', () => {
  it('runs with a time zone that is not UTC, so forgotten zones fail loudly', () => {
    expect(process.env.TZ).toBe('Asia/Kathmandu');
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-345);
  });
});

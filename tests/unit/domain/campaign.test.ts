import { describe, expect, it } from '@jest/globals';
import { demoEdition, edition2022, toCampaign } from '../../../src/domain/campaign-settings.js';
import {
  CAMPAIGN_2022,
  computeDefaultEnd,
  countDaysToDeadline,
  demoCampaign,
  isSignupOpen,
  signupDeadlineInstant,
} from '../../../src/domain/campaign.js';
import { validateSignup } from '../../../src/domain/signup-validation.js';
import { cest, haarlemRequest, slot } from './signup-fixtures.js';

describe('the 2022 edition (letter of 28 April 2022)', () => {
  it('states the rules of the letter', () => {
    expect(CAMPAIGN_2022).toMatchObject({
      title: 'Workshop weerbaarheid, integriteit en ondermijning',
      audience: 'gemeenteraadsleden',
      provider: { name: 'Provincie Noord-Holland' },
      isFree: true,
      signupDeadline: '2022-06-15',
      window: { start: '2022-01-01', end: '2022-12-31' },
      preferenceCount: 3,
      maxDurationMinutes: 240,
      holdLapseDays: 14,
    });
    expect(CAMPAIGN_2022.trainerRoles.map((r) => [r.role, r.organisation, r.count])).toEqual([
      ['berenschot', 'Berenschot', 1],
      ['riec', 'RIEC', 1],
    ]);
  });

  it('closes at the end of 15 June in Amsterdam (21:59:59 UTC in summer time)', () => {
    expect(signupDeadlineInstant(CAMPAIGN_2022)).toBe('2022-06-15T21:59:59.999Z');
    expect(isSignupOpen(CAMPAIGN_2022, cest('2022-06-15T23:59:59'))).toBe(true);
    expect(isSignupOpen(CAMPAIGN_2022, cest('2022-06-16T00:00:00'))).toBe(false);
  });

  it('counts the days left by the Dutch calendar', () => {
    expect(countDaysToDeadline(CAMPAIGN_2022, cest('2022-06-01T08:00:00'))).toBe(14);
    expect(countDaysToDeadline(CAMPAIGN_2022, cest('2022-06-15T23:30:00'))).toBe(0);
    expect(countDaysToDeadline(CAMPAIGN_2022, cest('2022-06-16T00:30:00'))).toBe(-1);
  });

  it('gives a slot without an end time the default three hours', () => {
    expect(computeDefaultEnd('2022-06-14T19:30:00+02:00', CAMPAIGN_2022)).toBe(
      '2022-06-14T20:30:00Z',
    );
    expect(computeDefaultEnd('dinsdagavond', CAMPAIGN_2022)).toBeUndefined();
  });
});

describe('the demo edition', () => {
  it('dates the deadline four weeks and the window up to four months from today', () => {
    const demo = demoCampaign('2025-11-28');
    expect(demo.signupDeadline).toBe('2025-12-26');
    expect(demo.window).toEqual({ start: '2025-11-29', end: '2026-03-28' });
    expect(demo.maxDurationMinutes).toBe(240);
  });

  it('takes today from the Amsterdam calendar, not from the server’s zone', () => {
    // 20:00 in Amsterdam on 28 November is already 29 November in Kathmandu.
    const now = new Date('2025-11-28T19:00:00Z');
    const rolling = toCampaign(demoEdition('2020-01-01'), now);
    expect(rolling.signupDeadline).toBe('2025-12-26');
    expect(isSignupOpen(rolling, now)).toBe(true);
  });

  it('accepts a sign-up for next month and is found by its id', () => {
    const now = new Date('2025-11-28T09:00:00Z');
    const preferences = [
      slot('2025-12-09', '19:30', '22:30', '+01:00'),
      slot('2025-12-11', '19:30', '22:30', '+01:00'),
      slot('2026-01-13', '19:30', '22:30', '+01:00'),
    ];
    const campaign = toCampaign(demoEdition('2020-01-01'), now);
    expect(validateSignup(haarlemRequest({ preferences }), campaign, now).ok).toBe(true);
    expect(campaign.id).toBe('weerbaarheid-demo');
    expect(toCampaign(edition2022(), now)).toEqual(CAMPAIGN_2022);
  });
});

import { describe, expect, it } from '@jest/globals';
import { CAMPAIGN_2022, demoCampaign } from '../../../src/domain/campaign.js';
import { formatIssue } from '../../../src/domain/errors.js';
import type { DomainIssue } from '../../../src/domain/errors.js';
import { validatePreferences, validateSignup } from '../../../src/domain/signup-validation.js';
import { JUNE_EVENINGS, cest, haarlemRequest, slot } from './signup-fixtures.js';

// Tests run in Asia/Kathmandu (UTC+05:45): a rule evaluated in the process zone gives other dates.
const MAY_2022 = cest('2022-05-02T09:00:00');

function codesAt(issues: readonly DomainIssue[]): string[] {
  return issues.map((issue) => `${issue.code}@${issue.field}`);
}

function errorsOf(result: ReturnType<typeof validateSignup>): readonly DomainIssue[] {
  return result.ok ? [] : result.errors;
}

describe('validateSignup', () => {
  it('accepts three June evenings from Haarlem without warnings and stores them as UTC instants', () => {
    const result = validateSignup(haarlemRequest(), CAMPAIGN_2022, MAY_2022);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.value.municipality.name).toBe('Haarlem');
    expect(result.value.municipality.riec).toBe('RIEC Noord-Holland');
    expect(result.value.preferences[0]).toEqual({
      start: '2022-06-14T17:30:00Z',
      end: '2022-06-14T20:30:00Z',
    });
  });

  it('refuses a municipality outside Noord-Holland at the municipality field', () => {
    const result = validateSignup(haarlemRequest({ cbsCode: 'GM0344' }), CAMPAIGN_2022, MAY_2022);
    expect(codesAt(errorsOf(result))).toEqual(['MUNICIPALITY_UNKNOWN@cbsCode']);
  });

  it('asks for the contact at the mayor’s office', () => {
    const contact = { name: ' ', email: 'kabinet-haarlem.nl' };
    const result = validateSignup(haarlemRequest({ contact }), CAMPAIGN_2022, MAY_2022);
    expect(codesAt(errorsOf(result))).toEqual([
      'CONTACT_NAME_REQUIRED@contact.name',
      'CONTACT_EMAIL_INVALID@contact.email',
    ]);
  });

  it('says what to do for an empty municipality and address, without quoting "" (issue 18)', () => {
    const request = haarlemRequest({ cbsCode: '', contact: { name: 'Kabinet', email: ' ' } });
    const errors = errorsOf(validateSignup(request, CAMPAIGN_2022, MAY_2022));
    expect(errors.map((issue) => issue.message)).toEqual([
      'Kies de gemeente uit de lijst.',
      'Vul het e-mailadres van de contactpersoon in, bijvoorbeeld kabinet@gemeente.nl.',
    ]);
    expect(errors.map((issue) => formatIssue(issue, 'en'))).toEqual([
      'Choose the municipality from the list.',
      "Enter the contact's e-mail address, e.g. office@municipality.nl.",
    ]);
  });

  it.each([
    'a,b@velsen.nl',
    'a@velsen.nl;b@velsen.nl',
    'Kabinet <kabinet@velsen.nl>',
    'kabinet@velsen.nl, griffie@velsen.nl',
    'kabinet@@velsen.nl',
    'kabinet@velsen',
    'kabinet@velsen..nl',
    '.kabinet@velsen.nl',
    '"kabinet"@velsen.nl',
  ])('refuses %j: one mailbox only, so a later notice cannot fail on it', (email) => {
    const contact = { name: 'Kabinet', email };
    const result = validateSignup(haarlemRequest({ contact }), CAMPAIGN_2022, MAY_2022);
    expect(codesAt(errorsOf(result))).toEqual(['CONTACT_EMAIL_INVALID@contact.email']);
    expect(errorsOf(result)[0]?.message).toContain('Vul één e-mailadres');
  });

  it.each(['kabinet@velsen.nl', 'j.de.boer+workshop@gemeente-velsen.nl', "o'brien@zaanstad.nl"])(
    'accepts %j',
    (email) => {
      const contact = { name: 'Kabinet', email };
      expect(validateSignup(haarlemRequest({ contact }), CAMPAIGN_2022, MAY_2022).ok).toBe(true);
    },
  );

  it.each(['J. de\tBoer', 'J. de Boer\nBcc: x@y.nl', 'J. de \u202eBoer', 'Jan\u0000'])(
    'refuses a name with a control or invisible character (%j)',
    (name) => {
      const contact = { name, email: 'kabinet@velsen.nl' };
      const result = validateSignup(haarlemRequest({ contact }), CAMPAIGN_2022, MAY_2022);
      expect(codesAt(errorsOf(result))).toEqual(['CONTACT_NAME_INVALID@contact.name']);
    },
  );

  it('allows exactly four hours and refuses a minute more, at the end field', () => {
    const fourHours = [slot('2022-06-14', '18:30', '22:30'), ...JUNE_EVENINGS.slice(1)];
    expect(
      validateSignup(haarlemRequest({ preferences: fourHours }), CAMPAIGN_2022, MAY_2022).ok,
    ).toBe(true);
    const tooLong = [slot('2022-06-14', '18:29', '22:30'), ...JUNE_EVENINGS.slice(1)];
    const result = validateSignup(
      haarlemRequest({ preferences: tooLong }),
      CAMPAIGN_2022,
      MAY_2022,
    );
    expect(codesAt(errorsOf(result))).toEqual(['SLOT_TOO_LONG@preferences.0.end']);
    expect(errorsOf(result)[0]?.message).toBe(
      'Voorkeur 1 duurt 4 uur en 1 minuten; de workshop duurt maximaal 4 uur.',
    );
  });

  it('counts the duration in real time across the end of summer time', () => {
    // 30 October 2022: the clocks go back at 03:00. 00:30–04:00 on the clock is 4.5 real hours.
    const night = { start: '2022-10-30T00:30:00+02:00', end: '2022-10-30T04:00:00+01:00' };
    const result = validatePreferences([night, ...JUNE_EVENINGS.slice(1)], CAMPAIGN_2022, MAY_2022);
    expect(result.ok ? [] : codesAt(result.errors)).toEqual(['SLOT_TOO_LONG@preferences.0.end']);
  });

  it('refuses an end before the start, a slot in the past and one outside 2022', () => {
    const preferences = [
      slot('2022-06-14', '22:30', '19:30'),
      slot('2022-04-20', '19:30', '22:30'),
      { start: '2023-01-10T19:30:00+01:00', end: '2023-01-10T22:30:00+01:00' },
    ];
    const result = validateSignup(haarlemRequest({ preferences }), CAMPAIGN_2022, MAY_2022);
    expect(codesAt(errorsOf(result))).toEqual([
      'SLOT_END_BEFORE_START@preferences.0.end',
      'SLOT_IN_PAST@preferences.1.start',
      'SLOT_OUTSIDE_WINDOW@preferences.2.start',
    ]);
  });

  it('refuses a time without an offset: it would mean another moment in every time zone', () => {
    const preferences = [
      { start: '2022-06-14T19:30', end: '2022-06-14T22:30:00+02:00' },
      ...JUNE_EVENINGS.slice(1),
    ];
    const result = validateSignup(haarlemRequest({ preferences }), CAMPAIGN_2022, MAY_2022);
    expect(codesAt(errorsOf(result))).toEqual(['SLOT_INVALID_TIME@preferences.0.start']);
  });

  it('asks for exactly three preferences', () => {
    const result = validateSignup(
      haarlemRequest({ preferences: JUNE_EVENINGS.slice(0, 2) }),
      CAMPAIGN_2022,
      MAY_2022,
    );
    expect(codesAt(errorsOf(result))).toEqual(['PREFERENCES_COUNT@preferences']);
    expect(errorsOf(result)[0]?.message).toBe('Geef precies 3 voorkeursmomenten op (nu 2).');
  });

  it('sees the same moment written in UTC as a duplicate, and a later overlap as an overlap', () => {
    const first = JUNE_EVENINGS[0]!;
    const sameInUtc = { start: '2022-06-14T17:30:00Z', end: '2022-06-14T20:30:00Z' };
    const overlapping = slot('2022-06-14', '21:00', '23:00');
    const result = validateSignup(
      haarlemRequest({ preferences: [first, sameInUtc, overlapping] }),
      CAMPAIGN_2022,
      MAY_2022,
    );
    expect(errorsOf(result).map((e) => [e.code, e.field, e.params])).toEqual([
      ['PREFERENCES_DUPLICATE', 'preferences.1', { index: 1, other: 0 }],
      ['SLOT_OVERLAP', 'preferences.2', { index: 2, other: 0 }],
    ]);
  });

  it('lets one slot start when the previous one ends', () => {
    const preferences = [
      slot('2022-06-14', '14:00', '17:00'),
      slot('2022-06-14', '17:00', '20:00'),
      slot('2022-06-14', '20:00', '23:00'),
    ];
    expect(validateSignup(haarlemRequest({ preferences }), CAMPAIGN_2022, MAY_2022).ok).toBe(true);
  });

  describe('the deadline of 15 June 2022', () => {
    const september = [
      slot('2022-09-13', '19:30', '22:30'),
      slot('2022-09-22', '19:30', '22:30'),
      slot('2022-09-26', '19:30', '22:30'),
    ];
    const request = (overrides = {}) => haarlemRequest({ preferences: september, ...overrides });

    it('is open until the last minute of that day in Amsterdam', () => {
      const lastMinute = cest('2022-06-15T23:59:00');
      expect(validateSignup(request(), CAMPAIGN_2022, lastMinute).ok).toBe(true);
    });

    it('is closed after midnight, unless the account holder gives a reason', () => {
      const justAfter = cest('2022-06-16T00:00:30');
      const late = validateSignup(request(), CAMPAIGN_2022, justAfter);
      expect(codesAt(errorsOf(late))).toEqual(['DEADLINE_PASSED@']);
      expect(errorsOf(late)[0]?.message).toContain('woensdag 15 juni 2022');

      const blank = validateSignup(
        request({ lateOverride: { reason: '  ' } }),
        CAMPAIGN_2022,
        justAfter,
      );
      expect(codesAt(errorsOf(blank))).toEqual([
        'LATE_OVERRIDE_REASON_REQUIRED@lateOverride.reason',
      ]);

      const accepted = validateSignup(
        request({ lateOverride: { reason: 'Raad besloot op 15 juni, mail kwam 16 juni' } }),
        CAMPAIGN_2022,
        justAfter,
      );
      expect(accepted.ok).toBe(true);
      expect(codesAt(accepted.warnings)).toEqual(['LATE_OVERRIDE_USED@lateOverride.reason']);
      expect(accepted.ok && accepted.value.lateOverride?.reason).toBe(
        'Raad besloot op 15 juni, mail kwam 16 juni',
      );
    });

    it('records no late override for a sign-up in time', () => {
      const result = validateSignup(
        haarlemRequest({ lateOverride: { reason: 'voor de zekerheid' } }),
        CAMPAIGN_2022,
        MAY_2022,
      );
      expect(result.ok && result.value.lateOverride).toBeUndefined();
      expect(result.warnings).toEqual([]);
    });
  });

  describe('warnings', () => {
    function warningsFor(first: { start: string; end: string }) {
      const result = validateSignup(
        haarlemRequest({ preferences: [first, ...JUNE_EVENINGS.slice(1)] }),
        CAMPAIGN_2022,
        MAY_2022,
      );
      expect(result.ok).toBe(true);
      return result.warnings;
    }

    it('warns for Hemelvaartsdag, with the holiday named in Dutch and in English', () => {
      const [warning] = warningsFor(slot('2022-05-26', '19:30', '22:30'));
      expect(warning).toMatchObject({ code: 'SLOT_ON_HOLIDAY', field: 'preferences.0.start' });
      expect(warning?.message).toBe(
        'Voorkeur 1 valt op een feestdag (Hemelvaartsdag, donderdag 26 mei 2022).',
      );
      expect(warning && formatIssue(warning, 'en')).toBe(
        'Preference 1 falls on a public holiday (Ascension Day, Thursday 26 May 2022).',
      );
    });

    it('warns for an evening people keep free (kerstavond, oudejaarsavond, …), not its afternoon', () => {
      const onChristmasEve = warningsFor(slot('2022-12-24', '19:30', '22:30', '+01:00'));
      expect(codesAt(onChristmasEve)).toEqual([
        'SLOT_IN_WEEKEND@preferences.0.start',
        'SLOT_ON_EVENING_OFF@preferences.0.start',
      ]);
      const christmasEve = onChristmasEve[1];
      expect(christmasEve).toMatchObject({
        code: 'SLOT_ON_EVENING_OFF',
        field: 'preferences.0.start',
        message:
          'Voorkeur 1 valt op kerstavond (zaterdag 24 december 2022); dan houden de meeste raadsleden de avond vrij.',
      });
      expect(christmasEve && formatIssue(christmasEve, 'en')).toBe(
        'Preference 1 falls on Christmas Eve (Saturday 24 December 2022), an evening most council members keep free.',
      );
      expect(codesAt(warningsFor(slot('2022-12-31', '17:00', '19:00', '+01:00')))).toEqual([
        'SLOT_IN_WEEKEND@preferences.0.start',
        'SLOT_ON_EVENING_OFF@preferences.0.start',
      ]);
      expect(codesAt(warningsFor(slot('2022-05-04', '19:30', '22:30')))).toEqual([
        'SLOT_ON_EVENING_OFF@preferences.0.start',
      ]);
      expect(warningsFor(slot('2022-12-05', '13:00', '17:00', '+01:00'))).toEqual([]);
    });

    it('does not warn for the evening before Hemelvaartsdag (already the 26th in Kathmandu)', () => {
      expect(warningsFor(slot('2022-05-25', '20:00', '22:30'))).toEqual([]);
    });

    it('warns for a Saturday but not for a Friday evening that is Saturday in Asia', () => {
      expect(codesAt(warningsFor(slot('2022-06-18', '10:00', '13:00')))).toEqual([
        'SLOT_IN_WEEKEND@preferences.0.start',
      ]);
      expect(warningsFor(slot('2022-06-17', '20:00', '22:30'))).toEqual([]);
    });

    it('treats evenings until 23:00 as normal and warns before 09:00 or after 23:00', () => {
      expect(warningsFor(slot('2022-06-13', '19:00', '23:00'))).toEqual([]);
      expect(codesAt(warningsFor(slot('2022-06-13', '07:30', '10:00')))).toEqual([
        'SLOT_OUTSIDE_MEETING_HOURS@preferences.0.start',
      ]);
      expect(codesAt(warningsFor(slot('2022-06-13', '20:00', '23:30')))).toEqual([
        'SLOT_OUTSIDE_MEETING_HOURS@preferences.0.start',
      ]);
    });

    it('applies meeting hours in winter time too', () => {
      const winterEvening = slot('2022-11-15', '19:30', '22:30', '+01:00');
      expect(warningsFor(winterEvening)).toEqual([]);
      expect(
        warningsFor({ start: '2022-11-15T18:30:00Z', end: '2022-11-15T22:30:00Z' }),
      ).toHaveLength(1); // 19:30–23:30 in Amsterdam
    });

    it('warns in the week of the municipal elections of 18 March 2026 only', () => {
      const now = new Date('2026-02-01T10:00:00Z');
      const preferences = [
        slot('2026-03-16', '19:30', '22:30', '+01:00'), // maandag in de verkiezingsweek
        slot('2026-03-22', '14:00', '17:00', '+01:00'), // zondag, nog dezelfde week
        slot('2026-03-23', '19:30', '22:30', '+01:00'), // maandag erna
      ];
      const result = validateSignup(
        haarlemRequest({ preferences }),
        demoCampaign('2026-02-01'),
        now,
      );
      expect(result.ok).toBe(true);
      const election = result.warnings.filter((w) => w.code === 'SLOT_IN_ELECTION_WEEK');
      expect(election.map((w) => w.field)).toEqual(['preferences.0.start', 'preferences.1.start']);
      expect(election[0]?.message).toBe(
        'Voorkeur 1 valt in de week van de gemeenteraadsverkiezingen (woensdag 18 maart 2026).',
      );
    });
  });
});

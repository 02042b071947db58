// The coordinator's edits of an edition (issue 13, item 1): each mistake gets a Dutch message at
// its field; a deadline that did not change may stay in the past (the 2022 edition).
import { describe, expect, it } from '@jest/globals';
import { CAMPAIGN_2022 } from '../../../src/domain/campaign.js';
import {
  normaliseCampaignSettings,
  settingsOf,
  toCampaign,
  demoEdition,
  validateCampaignSettings,
  type CampaignSettings,
} from '../../../src/domain/campaign-settings.js';

const TODAY = '2026-09-01';
const valid: CampaignSettings = {
  ...settingsOf(CAMPAIGN_2022),
  signupDeadline: '2026-10-01',
  window: { start: '2026-09-02', end: '2026-12-31' },
};
const fields = (settings: CampaignSettings, previous?: CampaignSettings) =>
  validateCampaignSettings(settings, TODAY, previous).map((issue) => [issue.field, issue.message]);

describe('validating an edition', () => {
  it('accepts a sound edition', () => {
    expect(fields(valid)).toEqual([]);
  });

  it('refuses a deadline before today, but not an unchanged one', () => {
    const past = { ...valid, signupDeadline: '2026-08-31' };
    expect(fields(past)).toEqual([
      [
        'signupDeadline',
        expect.stringMatching(
          /^De uiterste aanmelddatum .*31 augustus 2026 ligt in het verleden\. Kies vandaag \(.*1 september 2026\) of later\.$/,
        ),
      ],
    ]);
    const letter = settingsOf(CAMPAIGN_2022);
    expect(fields({ ...letter, title: 'Nieuwe titel' }, letter)).toEqual([]);
  });

  it('refuses a window that ends before it starts and a date that is none', () => {
    expect(fields({ ...valid, window: { start: '2026-12-01', end: '2026-11-01' } })).toEqual([
      [
        'window.end',
        expect.stringMatching(
          /^De periode eindigt \(.*1 november 2026\) vóór ze begint \(.*1 december 2026\)\. Kies een einddatum op of na de begindatum\.$/,
        ),
      ],
    ]);
    expect(fields({ ...valid, signupDeadline: '2026-02-30' })[0]?.[0]).toBe('signupDeadline');
  });

  it('refuses a workshop longer than 4 hours and lapse days out of range', () => {
    expect(fields({ ...valid, maxDurationMinutes: 241, holdLapseDays: 0 })).toEqual([
      [
        'maxDurationMinutes',
        'Een workshop duurt minimaal 30 minuten en maximaal 4 uur; vul een aantal minuten daartussen in.',
      ],
      [
        'holdLapseDays',
        'Opties vervallen na 1 tot en met 60 dagen; vul een heel aantal dagen daartussen in.',
      ],
    ]);
  });

  it('refuses a reminder after the deadline, a repeated one and a fraction', () => {
    expect(fields({ ...valid, reminderDays: [14, -1, 14, 2.5] }).map(([field]) => field)).toEqual([
      'reminderDays.1',
      'reminderDays.2',
      'reminderDays.3',
    ]);
    expect(fields({ ...valid, reminderDays: [-1] })[0]?.[1]).toMatch(
      /valt na de uiterste aanmelddatum/,
    );
  });

  it('refuses nudge days outside 1 to 14, a fraction, and an auto-send that is no yes or no (issue 13, item 4)', () => {
    const message =
      'Een trainer die niet antwoordde krijgt na 1 tot en met 14 dagen een herinnering; vul een heel aantal dagen daartussen in.';
    expect(fields({ ...valid, nudgeAfterDays: 0 })).toEqual([['nudgeAfterDays', message]]);
    expect(fields({ ...valid, nudgeAfterDays: 15 })).toEqual([['nudgeAfterDays', message]]);
    expect(fields({ ...valid, nudgeAfterDays: 2.5 })).toEqual([['nudgeAfterDays', message]]);
    expect(fields({ ...valid, nudgeAfterDays: 1 })).toEqual([]);
    expect(fields({ ...valid, nudgeAfterDays: 14, autoSendReminders: true })).toEqual([]);
    expect(
      fields({ ...valid, autoSendReminders: 'ja' as unknown as boolean }).map(([f]) => f),
    ).toEqual(['autoSendReminders']);
  });

  it('refuses empty texts', () => {
    expect(
      fields({ ...valid, title: ' ', sender: { name: '', reminderText: '\n' } }).map(([f]) => f),
    ).toEqual(['title', 'sender.name', 'sender.reminderText']);
  });
});

describe('an edition as stored', () => {
  it('keeps reminder days from far to near and trims texts', () => {
    const normal = normaliseCampaignSettings({ ...valid, title: ' T ', reminderDays: [3, 14] });
    expect(normal).toMatchObject({ title: 'T', reminderDays: [14, 3] });
  });

  it('starts with automatic reminders off and nudges after 3 days, and keeps what was set', () => {
    expect(settingsOf(CAMPAIGN_2022)).toMatchObject({
      autoSendReminders: false,
      nudgeAfterDays: 3,
    });
    const record = { ...demoEdition('2026-09-01'), rolling: false };
    const set = { ...record, settings: { ...valid, autoSendReminders: true, nudgeAfterDays: 5 } };
    expect(toCampaign(set, new Date('2026-09-01T08:00:00Z'))).toMatchObject({
      autoSendReminders: true,
      nudgeAfterDays: 5,
    });
    expect(normaliseCampaignSettings(set.settings)).toMatchObject({
      autoSendReminders: true,
      nudgeAfterDays: 5,
    });
  });

  it('gives a rolling edition the dates of today, whatever it stored', () => {
    const campaign = toCampaign(demoEdition('2020-01-01'), new Date('2026-09-01T08:00:00Z'));
    expect(campaign.signupDeadline).toBe('2026-09-29');
    expect(campaign.window).toEqual({ start: '2026-09-02', end: '2027-01-01' });
  });
});

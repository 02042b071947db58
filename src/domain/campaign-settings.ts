// What the coordinator edits of an edition (campaign issue 13, item 1), its validation with
// Dutch messages at the field, and how an edition is kept: the settings, whether it is the
// current one, and whether its dates follow "today" (the demo edition of the sandbox).
import { CAMPAIGN_2022, DEMO_CAMPAIGN_ID, demoCampaign, type Campaign } from './campaign.js';
import { createIssue, type DomainIssue } from './errors.js';
import { parsePlainDate, toAmsterdamDate, type PlainDate } from './time.js';

/** The longest workshop a campaign may allow: the letter's "maximaal 4 uur". */
export const MAX_WORKSHOP_MINUTES = 240;
export const MIN_WORKSHOP_MINUTES = 30;
export const MAX_LAPSE_DAYS = 60;
/** The nudge to a trainer who has not answered: after 1 to 14 days (issue 13, item 4). */
export const MIN_NUDGE_AFTER_DAYS = 1;
export const MAX_NUDGE_AFTER_DAYS = 14;
/** What an edition stored before these settings existed reads as. */
export const DEFAULT_NUDGE_AFTER_DAYS = 3;
export const DEFAULT_AUTO_SEND_REMINDERS = false;

export interface CampaignSettings {
  readonly title: string;
  readonly signupDeadline: PlainDate;
  readonly window: { readonly start: PlainDate; readonly end: PlainDate };
  readonly maxDurationMinutes: number;
  readonly holdLapseDays: number;
  readonly reminderDays: readonly number[];
  readonly sender: { readonly name: string; readonly reminderText: string };
  /** The background cycle sends due reminders itself (off by default). */
  readonly autoSendReminders: boolean;
  /** Days after the holds were placed that a trainer who did not answer is nudged. */
  readonly nudgeAfterDays: number;
}

/** One edition as the list keeps it. */
export interface CampaignRecord {
  readonly settings: CampaignSettings;
  readonly id: string;
  /** The edition the tab opens by default; exactly one is current. */
  readonly isCurrent: boolean;
  /**
   * The dates follow today (deadline in four weeks, window from tomorrow for four months): the
   * sandbox's demo edition, so a demo never runs into a passed deadline. Saving the edition
   * with dates of its own ends this.
   */
  readonly rolling: boolean;
}

export function settingsOf(campaign: Campaign): CampaignSettings {
  return {
    title: campaign.title,
    signupDeadline: campaign.signupDeadline,
    window: { ...campaign.window },
    maxDurationMinutes: campaign.maxDurationMinutes,
    holdLapseDays: campaign.holdLapseDays,
    reminderDays: [...campaign.reminderDays],
    sender: { ...campaign.sender },
    autoSendReminders: campaign.autoSendReminders,
    nudgeAfterDays: campaign.nudgeAfterDays,
  };
}

/** The edition's rules at `now`: the fixed rules of the workshop with the edition's settings. */
export function toCampaign(record: CampaignRecord, now: Date): Campaign {
  const settings = record.settings;
  const dated = record.rolling
    ? demoCampaign(toAmsterdamDate(now))
    : { signupDeadline: settings.signupDeadline, window: { ...settings.window } };
  return {
    ...CAMPAIGN_2022,
    id: record.id,
    title: settings.title,
    signupDeadline: dated.signupDeadline,
    window: { ...dated.window },
    maxDurationMinutes: settings.maxDurationMinutes,
    defaultDurationMinutes: Math.min(
      CAMPAIGN_2022.defaultDurationMinutes,
      settings.maxDurationMinutes,
    ),
    holdLapseDays: settings.holdLapseDays,
    reminderDays: [...settings.reminderDays],
    sender: { ...settings.sender },
    autoSendReminders: settings.autoSendReminders,
    nudgeAfterDays: settings.nudgeAfterDays,
  };
}

/** The editions a new site starts with: the 2022 edition as the letter has it. */
export function edition2022(): CampaignRecord {
  return {
    id: CAMPAIGN_2022.id,
    settings: settingsOf(CAMPAIGN_2022),
    isCurrent: false,
    rolling: false,
  };
}

/** The sandbox's current edition, whose dates follow the (sandbox) clock. */
export function demoEdition(today: PlainDate): CampaignRecord {
  return {
    id: DEMO_CAMPAIGN_ID,
    settings: settingsOf(demoCampaign(today)),
    isCurrent: true,
    rolling: true,
  };
}

const CAMPAIGN_ID = /^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/;

export function isValidCampaignId(id: string): boolean {
  return CAMPAIGN_ID.test(id);
}

/**
 * The errors in the settings, each at its field (empty: valid). `today` is an Amsterdam date;
 * `previous` the stored settings when editing: a deadline that did not change may lie in the
 * past (the texts of the 2022 edition stay editable).
 */
export function validateCampaignSettings(
  settings: CampaignSettings,
  today: PlainDate,
  previous?: CampaignSettings,
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (settings.title.trim() === '')
    issues.push(createIssue('CAMPAIGN_TITLE_REQUIRED', 'title', {}));
  const deadline = parsePlainDate(settings.signupDeadline);
  if (!deadline) {
    issues.push(
      createIssue('CAMPAIGN_DATE_INVALID', 'signupDeadline', { value: settings.signupDeadline }),
    );
  } else if (
    settings.signupDeadline < today &&
    settings.signupDeadline !== previous?.signupDeadline
  ) {
    issues.push(
      createIssue('CAMPAIGN_DEADLINE_IN_PAST', 'signupDeadline', {
        deadline: settings.signupDeadline,
        today,
      }),
    );
  }
  const start = parsePlainDate(settings.window.start);
  const end = parsePlainDate(settings.window.end);
  if (!start) {
    issues.push(
      createIssue('CAMPAIGN_DATE_INVALID', 'window.start', { value: settings.window.start }),
    );
  }
  if (!end) {
    issues.push(createIssue('CAMPAIGN_DATE_INVALID', 'window.end', { value: settings.window.end }));
  }
  if (start && end && settings.window.end < settings.window.start) {
    issues.push(
      createIssue('CAMPAIGN_WINDOW_END_BEFORE_START', 'window.end', {
        start: settings.window.start,
        end: settings.window.end,
      }),
    );
  }
  const minutes = settings.maxDurationMinutes;
  if (
    !Number.isInteger(minutes) ||
    minutes < MIN_WORKSHOP_MINUTES ||
    minutes > MAX_WORKSHOP_MINUTES
  ) {
    issues.push(
      createIssue('CAMPAIGN_DURATION_OUT_OF_RANGE', 'maxDurationMinutes', {
        minutes,
        min: MIN_WORKSHOP_MINUTES,
        max: MAX_WORKSHOP_MINUTES,
      }),
    );
  }
  const lapse = settings.holdLapseDays;
  if (!Number.isInteger(lapse) || lapse < 1 || lapse > MAX_LAPSE_DAYS) {
    issues.push(
      createIssue('CAMPAIGN_LAPSE_DAYS_OUT_OF_RANGE', 'holdLapseDays', {
        days: lapse,
        max: MAX_LAPSE_DAYS,
      }),
    );
  }
  const nudge = settings.nudgeAfterDays;
  if (!Number.isInteger(nudge) || nudge < MIN_NUDGE_AFTER_DAYS || nudge > MAX_NUDGE_AFTER_DAYS) {
    issues.push(
      createIssue('CAMPAIGN_NUDGE_DAYS_OUT_OF_RANGE', 'nudgeAfterDays', {
        days: nudge,
        min: MIN_NUDGE_AFTER_DAYS,
        max: MAX_NUDGE_AFTER_DAYS,
      }),
    );
  }
  if (typeof settings.autoSendReminders !== 'boolean') {
    issues.push(
      createIssue('CAMPAIGN_AUTO_SEND_INVALID', 'autoSendReminders', {
        value: String(settings.autoSendReminders),
      }),
    );
  }
  settings.reminderDays.forEach((day, index) => {
    const field = `reminderDays.${index}`;
    if (!Number.isInteger(day)) {
      issues.push(
        createIssue('CAMPAIGN_REMINDER_DAY_INVALID', field, { day, problem: 'notWhole' }),
      );
    } else if (day < 0) {
      issues.push(
        createIssue('CAMPAIGN_REMINDER_DAY_INVALID', field, { day, problem: 'afterDeadline' }),
      );
    } else if (settings.reminderDays.indexOf(day) !== index) {
      issues.push(
        createIssue('CAMPAIGN_REMINDER_DAY_INVALID', field, { day, problem: 'duplicate' }),
      );
    }
  });
  if (settings.sender.name.trim() === '') {
    issues.push(createIssue('CAMPAIGN_TEXT_REQUIRED', 'sender.name', { text: 'senderName' }));
  }
  if (settings.sender.reminderText.trim() === '') {
    issues.push(
      createIssue('CAMPAIGN_TEXT_REQUIRED', 'sender.reminderText', { text: 'reminderText' }),
    );
  }
  return issues;
}

/** The settings as they are stored: texts trimmed, reminder days from far to near. */
export function normaliseCampaignSettings(settings: CampaignSettings): CampaignSettings {
  return {
    title: settings.title.trim(),
    signupDeadline: settings.signupDeadline,
    window: { ...settings.window },
    maxDurationMinutes: settings.maxDurationMinutes,
    holdLapseDays: settings.holdLapseDays,
    reminderDays: [...settings.reminderDays].sort((a, b) => b - a),
    sender: {
      name: settings.sender.name.trim(),
      reminderText: settings.sender.reminderText.trim(),
    },
    autoSendReminders: settings.autoSendReminders,
    nudgeAfterDays: settings.nudgeAfterDays,
  };
}

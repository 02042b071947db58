// The Campagne page's form (issue 13, item 1): an edition's settings as the coordinator types
// them, back to the API's request, and the API's field messages at the form's fields. Pure.
import type { TCampaignSettings, TFieldMessage } from '../../../common/api/api-types.js';

export interface SettingsDraft {
  readonly id: string;
  readonly title: string;
  readonly signupDeadline: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly maxDurationMinutes: string;
  readonly holdLapseDays: string;
  readonly reminderDays: string;
  readonly senderName: string;
  readonly reminderText: string;
  readonly nudgeAfterDays: string;
  readonly isCurrent: boolean;
  readonly autoSendReminders: boolean;
}

export type DraftField = Exclude<keyof SettingsDraft, 'isCurrent' | 'autoSendReminders'>;

export function toDraft(
  settings: TCampaignSettings,
  extra: { id: string; isCurrent: boolean },
): SettingsDraft {
  return {
    id: extra.id,
    title: settings.title,
    signupDeadline: settings.signupDeadline,
    windowStart: settings.window.start,
    windowEnd: settings.window.end,
    maxDurationMinutes: String(settings.maxDurationMinutes),
    holdLapseDays: String(settings.holdLapseDays),
    reminderDays: settings.reminderDays.join(', '),
    senderName: settings.sender.name,
    reminderText: settings.sender.reminderText,
    nudgeAfterDays: String(settings.nudgeAfterDays),
    isCurrent: extra.isCurrent,
    autoSendReminders: settings.autoSendReminders,
  };
}

/** A number as typed; text that is no number goes as NaN's stand-in -1 so the API names the field. */
function toNumber(text: string): number {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? -1 : value;
}

export function toSettings(draft: SettingsDraft): TCampaignSettings {
  return {
    title: draft.title,
    signupDeadline: draft.signupDeadline,
    window: { start: draft.windowStart, end: draft.windowEnd },
    maxDurationMinutes: toNumber(draft.maxDurationMinutes),
    holdLapseDays: toNumber(draft.holdLapseDays),
    reminderDays: draft.reminderDays
      .split(/[,;\s]+/)
      .filter((part) => part !== '')
      .map(toNumber),
    sender: { name: draft.senderName, reminderText: draft.reminderText },
    autoSendReminders: draft.autoSendReminders,
    nudgeAfterDays: toNumber(draft.nudgeAfterDays),
  };
}

const FIELD_OF: Readonly<Record<string, DraftField>> = {
  id: 'id',
  title: 'title',
  signupDeadline: 'signupDeadline',
  'window.start': 'windowStart',
  'window.end': 'windowEnd',
  window: 'windowEnd',
  maxDurationMinutes: 'maxDurationMinutes',
  holdLapseDays: 'holdLapseDays',
  reminderDays: 'reminderDays',
  'sender.name': 'senderName',
  'sender.reminderText': 'reminderText',
  nudgeAfterDays: 'nudgeAfterDays',
};

/** The API's messages per form field ("settings.reminderDays.1" → reminderDays); others apart. */
export function messagesByField(errors: readonly TFieldMessage[]): {
  readonly byField: Partial<Record<DraftField, string>>;
  readonly other: readonly string[];
} {
  const byField: Partial<Record<DraftField, string>> = {};
  const other: string[] = [];
  for (const error of errors) {
    const path = error.field.replace(/^(body\.)?(settings\.)?/, '');
    const field = FIELD_OF[path] ?? FIELD_OF[path.replace(/\.\d+$/, '')];
    if (!field) other.push(error.message);
    else byField[field] = byField[field] ? `${byField[field]} ${error.message}` : error.message;
  }
  return { byField, other };
}

// English messages (en-US), the second language of the UI.
import type { MessageTable } from './errors.js';
import {
  ACTION_LABELS,
  ANSWER_LABELS,
  STATUS_LABELS,
  TRAINER_LABELS,
  capitalise,
} from '../contract/labels.js';
import { formatDate, formatInstant } from './time.js';

const n = (index: number): number => index + 1;

export const MESSAGES_EN: MessageTable = {
  MUNICIPALITY_UNKNOWN: (p) =>
    p.cbsCode.trim() === ''
      ? 'Choose the municipality from the list.'
      : `CBS code "${p.cbsCode}" is not a municipality in Noord-Holland. Choose the municipality from the list.`,
  CONTACT_NAME_REQUIRED: () => "Enter the name of the contact at the mayor's office.",
  CONTACT_NAME_INVALID: () =>
    "The contact's name contains a tab, line break or other invisible character. Type the name again on one line.",
  CONTACT_EMAIL_INVALID: (p) =>
    p.email.trim() === ''
      ? "Enter the contact's e-mail address, e.g. office@municipality.nl."
      : `"${p.email}" is not a valid e-mail address. Enter one address of the contact, e.g. office@municipality.nl.`,
  PREFERENCES_COUNT: (p) => `Give exactly ${p.expected} preferred times (now ${p.actual}).`,
  PREFERENCES_DUPLICATE: (p) =>
    `Preference ${n(p.index)} is the same time as preference ${n(p.other)}. Choose another time.`,
  SLOT_INVALID_TIME: (p) => `Preference ${n(p.index)}: "${p.value}" is not a valid date and time.`,
  SLOT_END_BEFORE_START: (p) =>
    `Preference ${n(p.index)}: the end time must be after the start time.`,
  SLOT_TOO_LONG: (p) =>
    `Preference ${n(p.index)} lasts ${formatMinutesEn(p.minutes)}; the workshop lasts at most ${formatMinutesEn(p.maxMinutes)}.`,
  SLOT_IN_PAST: (p) =>
    `Preference ${n(p.index)} (${formatInstant(p.start, 'en')}) is in the past. Choose a time in the future.`,
  SLOT_OUTSIDE_WINDOW: (p) =>
    `Preference ${n(p.index)} is outside the workshop period (${formatDate(p.windowStart, 'en')} through ${formatDate(p.windowEnd, 'en')}).`,
  SLOT_OVERLAP: (p) =>
    `Preference ${n(p.index)} overlaps preference ${n(p.other)}. Give three different times.`,
  DEADLINE_PASSED: (p) =>
    `The sign-up period has ended (through ${formatDate(p.deadline, 'en')}). A late sign-up needs a reason from the account holder.`,
  LATE_OVERRIDE_REASON_REQUIRED: (p) =>
    `Give a reason to accept this sign-up after the deadline (${formatDate(p.deadline, 'en')}).`,
  SLOT_ON_HOLIDAY: (p) =>
    `Preference ${n(p.index)} falls on a public holiday (${p.holidayEn}, ${formatDate(p.date, 'en')}).`,
  SLOT_IN_WEEKEND: (p) =>
    `Preference ${n(p.index)} falls in the weekend (${formatDate(p.date, 'en')}).`,
  SLOT_ON_EVENING_OFF: (p) =>
    `Preference ${n(p.index)} falls on ${p.eveningEn} (${formatDate(p.date, 'en')}), an evening most council members keep free.`,
  SLOT_OUTSIDE_MEETING_HOURS: (p) =>
    `Preference ${n(p.index)} is (partly) outside the usual hours (${p.from}–${p.to}).`,
  SLOT_IN_ELECTION_WEEK: (p) =>
    `Preference ${n(p.index)} falls in the week of the municipal elections (${formatDate(p.electionDate, 'en')}).`,
  LATE_OVERRIDE_USED: (p) =>
    `Sign-up accepted after the deadline (${formatDate(p.deadline, 'en')}). Reason: ${p.reason}`,
  CAMPAIGN_TITLE_REQUIRED: () => 'Enter the title of the campaign.',
  CAMPAIGN_DATE_INVALID: (p) =>
    `"${p.value}" is not a valid date. Enter a date such as 15-06-2027.`,
  CAMPAIGN_DEADLINE_IN_PAST: (p) =>
    `The sign-up deadline ${formatDate(p.deadline, 'en')} is in the past. Choose today (${formatDate(p.today, 'en')}) or later.`,
  CAMPAIGN_WINDOW_END_BEFORE_START: (p) =>
    `The period ends (${formatDate(p.end, 'en')}) before it starts (${formatDate(p.start, 'en')}). Choose an end date on or after the start date.`,
  CAMPAIGN_DURATION_OUT_OF_RANGE: (p) =>
    `A workshop lasts at least ${p.min} minutes and at most ${formatMinutesEn(p.max)}; enter a number of minutes in between.`,
  CAMPAIGN_LAPSE_DAYS_OUT_OF_RANGE: (p) =>
    `Options lapse after 1 to ${p.max} days; enter a whole number of days in between.`,
  CAMPAIGN_REMINDER_DAY_INVALID: (p) =>
    p.problem === 'afterDeadline'
      ? `Reminder ${p.day} falls after the sign-up deadline. Enter the number of days before the deadline (0 or more).`
      : p.problem === 'duplicate'
        ? `${p.day} days before the deadline is already listed; name each reminder day once.`
        : `"${p.day}" is not a whole number of days. Enter for example 14 or 3.`,
  CAMPAIGN_TEXT_REQUIRED: (p) =>
    p.text === 'senderName'
      ? 'Enter on whose behalf the messages are sent, for example Provincie Noord-Holland.'
      : 'Enter the text of the reminder; municipalities receive it by e-mail.',
  CAMPAIGN_NUDGE_DAYS_OUT_OF_RANGE: (p) =>
    `A trainer who has not answered is reminded after ${p.min} to ${p.max} days; enter a whole number of days in between.`,
  CAMPAIGN_AUTO_SEND_INVALID: () => 'Choose whether reminders are sent automatically: on or off.',
  CAMPAIGN_ID_INVALID: (p) =>
    `"${p.id}" cannot be a campaign key. Use lower-case letters, digits and hyphens, such as weerbaarheid-2027.`,
  CAMPAIGN_ID_TAKEN: (p) =>
    `A campaign with key "${p.id}" already exists. Choose another key or open that campaign.`,
  INVALID_TRANSITION: (p) =>
    `Cannot ${ACTION_LABELS.en[p.command]} a sign-up with status "${STATUS_LABELS.en[p.status]}".`,
  SLOT_INDEX_INVALID: (p) => `Option ${n(p.index)} does not exist for this sign-up.`,
  SLOT_NOT_ACCEPTED: (p) =>
    `Option ${n(p.index)} has not been accepted by both trainers (Berenschot: ${ANSWER_LABELS.en[p.berenschot]}, RIEC: ${ANSWER_LABELS.en[p.riec]}). Confirming needs a reason.`,
  SLOT_DECLINED: (p) =>
    `Option ${n(p.index)} was declined by ${TRAINER_LABELS.en[p.role]} (${p.trainer}). Choose another option.`,
  OVERRIDE_REASON_REQUIRED: (p) =>
    `Give a reason to confirm option ${n(p.index)} without both trainers' acceptance.`,
  TRAINER_NOT_FREE: (p) =>
    `${capitalise(TRAINER_LABELS.en[p.role])} (${p.trainer}) is now busy at the time of option ${n(p.index)}.`,
  TRAINER_TAKEN: (p) =>
    `${p.trainer} already gives the workshop for the municipality of ${p.municipality} on ${formatInstant(p.start, 'en')}. Option ${n(p.index)} can therefore no longer be confirmed: choose another option or ask the municipality for new dates.`,
  HOLD_OVERLAPS_WORKSHOP: (p) =>
    `Preference ${n(p.index)}: ${p.trainer} already gives the workshop for the municipality of ${p.municipality} on ${formatInstant(p.start, 'en')}. An option at this time can no longer become the workshop.`,
  HOLD_OVERLAPS_HOLD: (p) =>
    `Preference ${n(p.index)}: ${p.trainer} already has an option for the municipality of ${p.municipality} on ${formatInstant(p.start, 'en')}. Whoever confirms first gets the trainer.`,
  HOLDS_LAPSED: (p) =>
    `The options lapsed on ${formatInstant(p.lapsesAt, 'en')}. Ask the municipality for new dates.`,
  HOLDS_NOT_LAPSED: (p) =>
    `The options are valid until ${formatInstant(p.lapsesAt, 'en')} and an option is still possible.`,
  WORKSHOP_NOT_PASSED: (p) => `The workshop is not over yet (until ${formatInstant(p.end, 'en')}).`,
  CANCEL_REASON_REQUIRED: () => 'Give a reason for the cancellation.',
  PAIR_INVALID: (p) =>
    p.problem === 'same_person'
      ? 'Choose two different trainers.'
      : 'Choose one Berenschot advisor and one RIEC advisor.',
  NO_FUTURE_PREFERENCES: () =>
    'All preferred times are in the past. Ask the municipality for new dates.',
  AVAILABILITY_OUTSIDE_WINDOW: (p) =>
    `${formatDate(p.date, 'en')} is outside the workshop period (${formatDate(p.windowStart, 'en')} through ${formatDate(p.windowEnd, 'en')}). Choose a date in that period.`,
  AVAILABILITY_DUPLICATE: (p) =>
    p.date
      ? `You gave ${formatDate(p.date, 'en')} twice. Keep one line per date.`
      : `You gave the same day and day part twice. Keep one.`,
  PREFERENCES_LOCKED: (p) =>
    `The preferences are fixed while options are placed (status: ${STATUS_LABELS.en[p.status]}). Choose "Other dates": the options are released and you enter new preferences.`,
  REMINDER_TEMPLATE_REQUIRED: () =>
    'Fill in the text of the reminder; an empty reminder is not sent.',
  REMINDER_SELECTION_EMPTY: () => 'Choose at least one municipality to remind.',
  REMINDER_MUNICIPALITY_TWICE: (p) =>
    `${p.municipality} is in the selection twice; each municipality gets one reminder.`,
  REMINDER_ADDRESS_INVALID: (p) =>
    `"${p.address}" is not an e-mail address. Fill in the address of the mayor's office or the griffie, for example griffie@haarlem.nl.`,
  REMINDER_ALREADY_SIGNED_UP: (p) =>
    `${p.municipality} has already signed up; no reminder is needed. Remove it from the selection.`,
  ALREADY_SIGNED_UP: (p) =>
    `${p.municipality} has already signed up for this workshop (status: ${STATUS_LABELS.en[p.status]}). Open that sign-up instead of creating a new one.`,
};

function formatMinutesEn(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (rest === 0) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return hours === 0 ? `${rest} minutes` : `${hours} h ${rest} min`;
}

// Checks a sign-up against the campaign's rules. Errors block the sign-up; warnings are shown but
// do not (an evening on Koningsdag may be exactly what a council wants). Every date rule is
// evaluated in Amsterdam time.
import type { DateTime } from 'luxon';
import type { Campaign } from './campaign.js';
import {
  findElectionInWeekOf,
  findEveningOff,
  findPublicHoliday,
  isWeekend,
} from './dutch-calendar.js';
import { hasControlCharacters, isSingleEmailAddress } from './contact.js';
import { createIssue } from './errors.js';
import type { DomainIssue } from './errors.js';
import { findMunicipalityByCbsCode } from './municipalities.js';
import { SCAN_THEMES } from './signup.js';
import type { SignupChanges } from './lifecycle-types.js';
import type {
  Contact,
  ScanStatus,
  ScanThemes,
  SignupRequest,
  ValidPreferences,
  ValidSignup,
} from './signup.js';
import {
  endOfAmsterdamDay,
  minuteOfAmsterdamDay,
  minutesBetween,
  parseClockTime,
  parseInstant,
  toPlainDate,
  toUtcIso,
} from './time.js';
import type { Slot } from './time.js';

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly DomainIssue[] }
  | {
      readonly ok: false;
      readonly errors: readonly DomainIssue[];
      readonly warnings: readonly DomainIssue[];
    };

/** Validates a whole sign-up: municipality, contact, preferences and the deadline. */
export function validateSignup(
  request: SignupRequest,
  campaign: Campaign,
  now: Date,
): ValidationResult<ValidSignup> {
  const errors: DomainIssue[] = [];
  const warnings: DomainIssue[] = [];

  const municipality = findMunicipalityByCbsCode(request.cbsCode);
  if (!municipality) {
    errors.push(createIssue('MUNICIPALITY_UNKNOWN', 'cbsCode', { cbsCode: request.cbsCode }));
  }
  const contact = checkContact(request.contact, errors);

  const preferences = validatePreferences(request.preferences, campaign, now);
  if (!preferences.ok) errors.push(...preferences.errors);
  warnings.push(...preferences.warnings);

  const late = checkDeadline(request, campaign, now);
  errors.push(...late.errors);
  warnings.push(...late.warnings);

  if (errors.length > 0 || !municipality || !preferences.ok) return { ok: false, errors, warnings };
  const value: ValidSignup = {
    municipality,
    contact,
    preferences: preferences.value,
    scanStatus: request.scanStatus,
    ...(request.scan ? { scan: normaliseScanThemes(request.scan) } : {}),
    remarks: request.remarks.trim(),
    ...(late.reason === undefined ? {} : { lateOverride: { reason: late.reason } }),
  };
  return { ok: true, value, warnings };
}

/**
 * The scan's themes as stored: each theme once in the list's order, the free text trimmed. All
 * empty means none were given (an edit that clears them stores nothing).
 */
export function normaliseScanThemes(given: ScanThemes): ScanThemes {
  return {
    themes: SCAN_THEMES.filter((theme) => given.themes.includes(theme)),
    other: given.other.trim(),
    scanDate: given.scanDate,
  };
}

/** Whether the scan says nothing: no theme, no text, no date. */
export function isEmptyScanThemes(scan: ScanThemes | undefined): boolean {
  return !scan || (scan.themes.length === 0 && scan.other === '' && scan.scanDate === null);
}

/** The contact, trimmed: a name, one address, and a function (optional) without control characters. */
function checkContact(given: Contact, errors: DomainIssue[]): Contact {
  const role = given.function?.trim() ?? '';
  const contact: Contact = {
    name: given.name.trim(),
    email: given.email.trim(),
    ...(role !== '' ? { function: role } : {}),
  };
  if (hasControlCharacters(role))
    errors.push(createIssue('CONTACT_NAME_INVALID', 'contact.function', {}));
  if (contact.name === '') errors.push(createIssue('CONTACT_NAME_REQUIRED', 'contact.name', {}));
  else if (hasControlCharacters(contact.name))
    errors.push(createIssue('CONTACT_NAME_INVALID', 'contact.name', {}));
  if (!isSingleEmailAddress(contact.email)) {
    errors.push(createIssue('CONTACT_EMAIL_INVALID', 'contact.email', { email: contact.email }));
  }
  return contact;
}

/** An edit of a stored sign-up: what it gives, by the same rules as a sign-up. */
export interface SignupEditRequest {
  readonly contact?: Contact;
  readonly scanStatus?: ScanStatus;
  readonly scan?: ScanThemes;
  readonly remarks?: string;
  readonly preferences?: readonly Slot[];
}

/**
 * Validates an edit by the rules of a sign-up, without the deadline (the sign-up is in): the
 * contact and the preferences when given. The value is normalised like validateSignup's.
 */
export function validateSignupEdit(
  request: SignupEditRequest,
  campaign: Campaign,
  now: Date,
): ValidationResult<SignupChanges> {
  const errors: DomainIssue[] = [];
  const warnings: DomainIssue[] = [];
  const contact = request.contact ? checkContact(request.contact, errors) : undefined;
  const preferences = request.preferences
    ? validatePreferences(request.preferences, campaign, now)
    : undefined;
  if (preferences && !preferences.ok) errors.push(...preferences.errors);
  if (preferences) warnings.push(...preferences.warnings);
  if (errors.length > 0) return { ok: false, errors, warnings };
  const value: SignupChanges = {
    ...(contact ? { contact } : {}),
    ...(request.scanStatus === undefined ? {} : { scanStatus: request.scanStatus }),
    ...(request.scan === undefined ? {} : { scan: normaliseScanThemes(request.scan) }),
    ...(request.remarks === undefined ? {} : { remarks: request.remarks.trim() }),
    ...(preferences?.ok ? { preferences: preferences.value } : {}),
  };
  return { ok: true, value, warnings };
}

/**
 * Validates the preferred slots alone (also used for new dates after `nieuwe_data_nodig`, where
 * the sign-up deadline no longer applies). The value holds the slots as UTC instants.
 */
export function validatePreferences(
  preferences: readonly Slot[],
  campaign: Campaign,
  now: Date,
): ValidationResult<ValidPreferences> {
  const errors: DomainIssue[] = [];
  const warnings: DomainIssue[] = [];
  if (preferences.length !== campaign.preferenceCount) {
    errors.push(
      createIssue('PREFERENCES_COUNT', 'preferences', {
        expected: campaign.preferenceCount,
        actual: preferences.length,
      }),
    );
  }
  const parsed = preferences.map((slot, index) => {
    const checked = checkSlot(slot, index, campaign, now);
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    return checked.interval;
  });
  errors.push(...checkDistinct(parsed));

  if (errors.length > 0) return { ok: false, errors, warnings };
  const value = parsed.flatMap((interval) =>
    interval ? [{ start: toUtcIso(interval.start), end: toUtcIso(interval.end) }] : [],
  );
  // The only place that mints ValidPreferences: every slot above passed every rule.
  return { ok: true, value: value as readonly Slot[] as ValidPreferences, warnings };
}

interface Interval {
  readonly start: DateTime;
  readonly end: DateTime;
}

interface SlotCheck {
  readonly errors: readonly DomainIssue[];
  readonly warnings: readonly DomainIssue[];
  /** Present when start and end parse and start is before end (so overlap can be judged). */
  readonly interval?: Interval;
}

function checkSlot(slot: Slot, index: number, campaign: Campaign, now: Date): SlotCheck {
  const field = `preferences.${index}`;
  const start = parseInstant(slot.start);
  const end = parseInstant(slot.end);
  const errors: DomainIssue[] = [];
  if (!start) {
    errors.push(createIssue('SLOT_INVALID_TIME', `${field}.start`, { index, value: slot.start }));
  }
  if (!end) {
    errors.push(createIssue('SLOT_INVALID_TIME', `${field}.end`, { index, value: slot.end }));
  }
  if (!start || !end) return { errors, warnings: [] };
  if (end <= start) {
    errors.push(createIssue('SLOT_END_BEFORE_START', `${field}.end`, { index }));
    return { errors, warnings: [] };
  }

  const minutes = minutesBetween(start, end);
  if (minutes > campaign.maxDurationMinutes) {
    errors.push(
      createIssue('SLOT_TOO_LONG', `${field}.end`, {
        index,
        minutes,
        maxMinutes: campaign.maxDurationMinutes,
      }),
    );
  }
  if (start.toMillis() <= now.getTime()) {
    errors.push(createIssue('SLOT_IN_PAST', `${field}.start`, { index, start: toUtcIso(start) }));
  }
  const windowField = windowViolation(start, end, campaign);
  if (windowField) {
    errors.push(
      createIssue('SLOT_OUTSIDE_WINDOW', `${field}.${windowField}`, {
        index,
        windowStart: campaign.window.start,
        windowEnd: campaign.window.end,
      }),
    );
  }
  return {
    errors,
    warnings: collectSlotWarnings(start, end, index, campaign),
    interval: { start, end },
  };
}

/** Which end of the slot lies outside the campaign window, if any. */
function windowViolation(
  start: DateTime,
  end: DateTime,
  campaign: Campaign,
): 'start' | 'end' | undefined {
  const startDate = toPlainDate(start);
  if (startDate < campaign.window.start || startDate > campaign.window.end) return 'start';
  return end > endOfAmsterdamDay(campaign.window.end) ? 'end' : undefined;
}

/** A slot that runs past 18:00 takes the evening. */
const EVENING_FROM_MINUTE = 18 * 60;

function collectSlotWarnings(
  start: DateTime,
  end: DateTime,
  index: number,
  campaign: Campaign,
): DomainIssue[] {
  const field = `preferences.${index}.start`;
  const warnings: DomainIssue[] = [];
  const startDate = toPlainDate(start);
  const endDate = toPlainDate(end);

  const holiday = findPublicHoliday(startDate) ?? findPublicHoliday(endDate);
  if (holiday) {
    warnings.push(
      createIssue('SLOT_ON_HOLIDAY', field, {
        index,
        date: holiday.date,
        holidayNl: holiday.nameNl,
        holidayEn: holiday.nameEn,
      }),
    );
  }
  if (isWeekend(startDate)) {
    warnings.push(createIssue('SLOT_IN_WEEKEND', field, { index, date: startDate }));
  }

  const from = parseClockTime(campaign.meetingHours.start);
  const to = parseClockTime(campaign.meetingHours.end);
  // A slot that runs past midnight ends "after 24:00" on the start day's clock.
  const endMinute = minuteOfAmsterdamDay(end) + (endDate === startDate ? 0 : 24 * 60);
  const eveningOff = endMinute > EVENING_FROM_MINUTE ? findEveningOff(startDate) : undefined;
  if (eveningOff && !holiday) {
    warnings.push(
      createIssue('SLOT_ON_EVENING_OFF', field, {
        index,
        date: eveningOff.date,
        eveningNl: eveningOff.nameNl,
        eveningEn: eveningOff.nameEn,
      }),
    );
  }
  if (minuteOfAmsterdamDay(start) < from || endMinute > to) {
    warnings.push(
      createIssue('SLOT_OUTSIDE_MEETING_HOURS', field, {
        index,
        from: campaign.meetingHours.start,
        to: campaign.meetingHours.end,
      }),
    );
  }
  const election = findElectionInWeekOf(startDate);
  if (election) {
    warnings.push(createIssue('SLOT_IN_ELECTION_WEEK', field, { index, electionDate: election }));
  }
  return warnings;
}

/** Duplicates and overlaps, reported at the later of the two preferences. */
function checkDistinct(intervals: readonly (Interval | undefined)[]): DomainIssue[] {
  const errors: DomainIssue[] = [];
  intervals.forEach((later, index) => {
    if (!later) return;
    const earlier = intervals.slice(0, index);
    const same = earlier.findIndex((e) => e !== undefined && isSameInterval(e, later));
    if (same !== -1) {
      errors.push(
        createIssue('PREFERENCES_DUPLICATE', `preferences.${index}`, { index, other: same }),
      );
      return;
    }
    const other = earlier.findIndex((e) => e !== undefined && overlaps(e, later));
    if (other !== -1) {
      errors.push(createIssue('SLOT_OVERLAP', `preferences.${index}`, { index, other }));
    }
  });
  return errors;
}

function isSameInterval(a: Interval, b: Interval): boolean {
  return a.start.toMillis() === b.start.toMillis() && a.end.toMillis() === b.end.toMillis();
}

/** Half-open intervals: one slot ending at 21:00 and the next starting at 21:00 do not overlap. */
function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

interface DeadlineCheck {
  readonly errors: readonly DomainIssue[];
  readonly warnings: readonly DomainIssue[];
  readonly reason?: string;
}

function checkDeadline(request: SignupRequest, campaign: Campaign, now: Date): DeadlineCheck {
  const deadline = campaign.signupDeadline;
  if (now.getTime() <= endOfAmsterdamDay(deadline).toMillis()) return { errors: [], warnings: [] };
  if (!request.lateOverride) {
    return { errors: [createIssue('DEADLINE_PASSED', '', { deadline })], warnings: [] };
  }
  const reason = request.lateOverride.reason.trim();
  if (reason === '') {
    const error = createIssue('LATE_OVERRIDE_REASON_REQUIRED', 'lateOverride.reason', { deadline });
    return { errors: [error], warnings: [] };
  }
  const warning = createIssue('LATE_OVERRIDE_USED', 'lateOverride.reason', { deadline, reason });
  return { errors: [], warnings: [warning], reason };
}

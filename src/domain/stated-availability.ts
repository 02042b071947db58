// "Mijn beschikbaarheid": what a trainer states about the evenings and day parts they can or
// cannot work in the campaign window (a usual week plus exceptions per date). Stored per
// campaign and per trainer account (tid+oid); the planner reads it as `stated`
// (planner/stated.ts): known free or known busy where the calendar says nothing.
import type { DayPart, StatedDate, StatedWeekday } from './planner/types.js';
import { renderMessage, type DomainIssue, type IssueParams } from './errors.js';
import { parsePlainDate, type PlainDate } from './time.js';

export const DAY_PARTS: readonly DayPart[] = ['ochtend', 'middag', 'avond'];

/** A trainer's statement as the trainer gives it, without who (the caller is who). */
export interface AvailabilityStatement {
  readonly weekly: readonly StatedWeekday[];
  readonly dates: readonly StatedDate[];
}

/** A statement as stored: whose (the trainer's account and address) and when. */
export interface StoredStatement extends AvailabilityStatement {
  readonly campaignId: string;
  readonly account: { readonly tenantId: string; readonly objectId: string };
  /** The trainer's address when it was written (lower case); the account decides, not this. */
  readonly trainer: string;
  readonly updatedAt: string;
  readonly stored: { readonly id: string; readonly eTag: string };
}

/** The key of a statement in the list: one per campaign and trainer account. */
export function statementKey(
  campaignId: string,
  account: { readonly tenantId: string; readonly objectId: string },
): string {
  return `${campaignId}|${account.tenantId.toLowerCase()}|${account.objectId.toLowerCase()}`;
}

function outsideWindow(
  field: string,
  params: IssueParams['AVAILABILITY_OUTSIDE_WINDOW'],
): DomainIssue<'AVAILABILITY_OUTSIDE_WINDOW'> {
  const message = renderMessage('AVAILABILITY_OUTSIDE_WINDOW', params, 'nl');
  return { code: 'AVAILABILITY_OUTSIDE_WINDOW', field, params, message };
}

function duplicate(
  field: string,
  params: IssueParams['AVAILABILITY_DUPLICATE'],
): DomainIssue<'AVAILABILITY_DUPLICATE'> {
  const message = renderMessage('AVAILABILITY_DUPLICATE', params, 'nl');
  return { code: 'AVAILABILITY_DUPLICATE', field, params, message };
}

/**
 * What is wrong with a statement: a date outside the campaign window, or the same weekday and
 * day part (or the same date and day part) said twice. Empty when it can be stored.
 */
export function validateStatement(
  statement: AvailabilityStatement,
  window: { readonly start: PlainDate; readonly end: PlainDate },
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const weekly = new Set<string>();
  statement.weekly.forEach((line, index) => {
    const key = `${line.weekday}|${line.dayPart}`;
    if (weekly.has(key)) {
      issues.push(duplicate(`weekly.${index}`, { weekday: line.weekday, dayPart: line.dayPart }));
    }
    weekly.add(key);
  });
  const dates = new Set<string>();
  statement.dates.forEach((line, index) => {
    const parsed = parsePlainDate(line.date);
    // The contract lets only real dates (JJJJ-MM-DD) through; an unreadable one is not judged.
    if (parsed && (line.date < window.start || line.date > window.end)) {
      issues.push(
        outsideWindow(`dates.${index}.date`, {
          date: line.date,
          windowStart: window.start,
          windowEnd: window.end,
        }),
      );
    }
    const key = `${line.date}|${line.dayPart ?? 'dag'}`;
    if (dates.has(key)) {
      issues.push(duplicate(`dates.${index}.date`, { date: line.date }));
    }
    dates.add(key);
  });
  return issues;
}

/** The statement in a stable order (weekday and day part; date and day part), for storing. */
export function normaliseStatement(statement: AvailabilityStatement): AvailabilityStatement {
  const part = (p: DayPart | undefined) => (p ? DAY_PARTS.indexOf(p) : -1);
  return {
    weekly: [...statement.weekly].sort(
      (a, b) => a.weekday - b.weekday || part(a.dayPart) - part(b.dayPart),
    ),
    dates: [...statement.dates].sort(
      (a, b) => a.date.localeCompare(b.date) || part(a.dayPart) - part(b.dayPart),
    ),
  };
}

// One query key per resource the web loads, so a command can say what it changed and the cache
// loads exactly that again. A key starts with the resource's name; what follows narrows it.
import type { InvalidateQueryFilters, QueryKey } from '@tanstack/react-query';

export const queryKeys = {
  me: () => ['me'] as const,
  /** The overview's rows, of the edition picked (none: the current edition). */
  municipalities: (edition?: string) => ['municipalities', 'edition', edition ?? ''] as const,
  registerChoices: () => ['municipalities', 'with-campaign'] as const,
  campaign: () => ['campaign'] as const,
  campaigns: () => ['campaigns'] as const,
  dashboard: (edition?: string) => ['dashboard', edition ?? ''] as const,
  /** The page Herinneringen of one edition (its id; issue 13, item 3). */
  reminders: (campaignId: string) => ['reminders', campaignId] as const,
  signups: (filters: Readonly<Record<string, unknown>> = {}) => ['signups', filters] as const,
  /** The overview's sign-ups a page at a time, of one edition (under 'signups': a command's
   * signupChanged/signupsChanged loads them again). */
  signupPages: (campaignId: string) => ['signups', 'pages', campaignId] as const,
  signup: (id: string) => ['signup', id] as const,
  signupLog: (id: string, version: string) => ['signup', id, 'log', version] as const,
  signupCheck: (id: string, slots: string) => ['signup', id, 'check', slots] as const,
  workshopSheet: (id: string) => ['signup', id, 'sheet'] as const,
  availability: (cbsCode: string, slots: string) => ['availability', cbsCode, slots] as const,
  myAvailability: () => ['my-availability'] as const,
  log: (filters: Readonly<Record<string, unknown>>) => ['log', filters] as const,
  addinItem: (surface: 'mail' | 'appointment') => ['addin', surface] as const,
} satisfies Record<string, (...args: never[]) => QueryKey>;

/**
 * What a command on one sign-up (propose, confirm, cancel, edit, other dates) changed: the
 * sign-up with its log and sheet, the lists that show it, and the campaign log. The sign-up page
 * itself is not asked again: it shows the command's answer (the new view) at once.
 */
export function signupChanged(id: string): InvalidateQueryFilters[] {
  return [
    { queryKey: queryKeys.signup(id), exact: true, refetchType: 'none' },
    { queryKey: [...queryKeys.signup(id), 'log'] },
    { queryKey: queryKeys.workshopSheet(id) },
    { queryKey: ['signups'] },
    { queryKey: ['municipalities'] },
    { queryKey: ['log'] },
  ];
}

/** A new sign-up: the lists that show it. */
export function signupsChanged(): InvalidateQueryFilters[] {
  return [{ queryKey: ['signups'] }, { queryKey: ['municipalities'] }, { queryKey: ['log'] }];
}

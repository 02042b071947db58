// The overview's logic without React: filtering and searching the municipalities, what needs
// the account holder first, and the next step for each municipality within their rights.
import {
  NEEDS_ACTION,
  SIGNUP_STATUSES,
  type TGetMeResponse,
  type TMunicipalityView,
  type TNeedsAction,
  type TSignupRow,
  type TSignupStatus,
} from '../../../common/api/api-types.js';
import type { Route } from '../../routing/routes.js';

export const STATUS_FILTERS = ['all', 'action', 'none', ...SIGNUP_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface OverviewFilter {
  readonly query: string;
  readonly status: StatusFilter;
  /** 'all', or one RIEC (the coordinator sees them all). */
  readonly riec: string;
}

export const NO_FILTER: OverviewFilter = { query: '', status: 'all', riec: 'all' };

/** "bergen nh" finds "Bergen (NH.)"; accents and punctuation do not matter. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

export function statusOf(row: TMunicipalityView): TSignupStatus | 'none' {
  return row.signup?.status ?? 'none';
}

export interface PagedRows {
  /** The municipalities not signed up, and those whose sign-up a loaded page holds. */
  readonly rows: TMunicipalityView[];
  /** Municipalities whose sign-up is loaded, of `total` signed up in the edition. */
  readonly loaded: number;
  readonly total: number;
}

/**
 * The overview's rows from its two sources (issue 16, item 4): `municipalities`
 * (listMunicipalities: the register of the caller's RIEC or RIECs, one row per municipality, so
 * at most the country's 342, with whether each signed up) and the sign-ups read a page at a time
 * (listSignupSummaries, in registration order). A signed-up municipality shows once its sign-up
 * has been loaded, with the page's (newest) view of it; the municipalities without a sign-up
 * show at once, as the account holder must see whom to sign up. Rows keep the register's
 * order (by name), as before the pages.
 */
export function joinPages(
  municipalities: readonly TMunicipalityView[],
  signups: readonly TSignupRow[],
  /** Every page is in: a sign-up no page held (it changed between the reads) shows as well. */
  complete: boolean,
): PagedRows {
  // In id order: a later sign-up of the same municipality (after a cancellation) wins, as in
  // listMunicipalities.
  const loaded = new Map<string, TSignupRow>();
  for (const signup of signups) loaded.set(signup.municipality.cbsCode, signup);
  const rows: TMunicipalityView[] = [];
  let total = 0;
  let shown = 0;
  for (const municipality of municipalities) {
    if (municipality.signup) total += 1;
    const page = loaded.get(municipality.cbsCode);
    if (page) {
      shown += 1;
      rows.push({
        ...municipality,
        signup: {
          id: page.id,
          status: page.status,
          confirmedSlot: page.confirmedSlot,
          lapsesAt: page.lapsesAt,
          answers: page.answers,
          needsAction: page.needsAction,
          pendingOperation: page.pendingOperation,
        },
      });
    } else if (!municipality.signup) {
      rows.push(municipality);
    } else if (complete) {
      shown += 1;
      rows.push(municipality);
    }
  }
  return { rows, loaded: shown, total: Math.max(total, shown) };
}

export function filterMunicipalities(
  rows: readonly TMunicipalityView[],
  filter: OverviewFilter,
): TMunicipalityView[] {
  const query = normalise(filter.query);
  return rows.filter((row) => {
    if (filter.riec !== 'all' && row.riec !== filter.riec) return false;
    if (filter.status === 'action' && !row.signup?.needsAction) return false;
    if (filter.status !== 'all' && filter.status !== 'action' && statusOf(row) !== filter.status) {
      return false;
    }
    return (
      query === '' ||
      normalise(`${row.displayName} ${row.name}`).includes(query) ||
      row.cbsCode.toLowerCase() === query
    );
  });
}

export interface ActionItem {
  readonly row: TMunicipalityView;
  readonly needsAction: TNeedsAction;
}

/** What needs the user first: most urgent kind first, then by name. */
export function listActionItems(rows: readonly TMunicipalityView[]): ActionItem[] {
  return rows
    .flatMap((row) =>
      row.signup?.needsAction ? [{ row, needsAction: row.signup.needsAction }] : [],
    )
    .sort(
      (a, b) =>
        NEEDS_ACTION.indexOf(a.needsAction) - NEEDS_ACTION.indexOf(b.needsAction) ||
        a.row.displayName.localeCompare(b.row.displayName, 'nl'),
    );
}

export type NextStepKind = 'register' | 'newDates' | 'availability' | 'answers' | 'confirm' | 'log';

export interface NextStep {
  readonly kind: NextStepKind;
  readonly route: Route;
}

/** The one link a row offers: the step the user can take now, else a place to look. */
export function findNextStep(
  row: TMunicipalityView,
  me: TGetMeResponse,
  isSignupOpen: boolean,
): NextStep | undefined {
  const can = (permission: TGetMeResponse['permissions'][number]) =>
    me.permissions.includes(permission);
  const signup = row.signup;
  if (!signup) {
    return can('signups:write') && isSignupOpen
      ? { kind: 'register', route: { page: 'register', cbsCode: row.cbsCode } }
      : undefined;
  }
  const at = (page: 'availability' | 'options' | 'confirm' | 'log') =>
    ({ page, signupId: signup.id }) as const;
  switch (signup.status) {
    case 'nieuwe_data_nodig':
      return can('signups:write')
        ? { kind: 'newDates', route: { page: 'register', cbsCode: row.cbsCode } }
        : { kind: 'log', route: at('log') };
    case 'aangemeld':
      return { kind: 'availability', route: at('availability') };
    case 'opties_geplaatst':
      return signup.needsAction === 'both_accepted' && can('signups:confirm')
        ? { kind: 'confirm', route: at('confirm') }
        : { kind: 'answers', route: at('options') };
    default:
      return { kind: 'log', route: at('log') };
  }
}

// The overview's logic without React: filtering and searching the municipalities, what needs
// the account holder first, and the next step for each municipality within their rights.
import {
  NEEDS_ACTION,
  SIGNUP_STATUSES,
  type TGetMeResponse,
  type TMunicipalityView,
  type TNeedsAction,
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

// The tab's pages as URL fragments (#/signups/12/confirm): no router library, and a fragment
// survives Teams' own URL handling and a reload. Pure, so it is tested without a browser.
export type SignupPage =
  'availability' | 'options' | 'confirm' | 'log' | 'preparation' | 'edit' | 'newDates';

export type Route =
  | { readonly page: 'overview' }
  | { readonly page: 'register'; readonly cbsCode?: string }
  | { readonly page: 'planning' }
  | { readonly page: 'my-availability' }
  /** The province dashboard (issue 13, item 2). */
  | { readonly page: 'dashboard' }
  /** The editions of the campaign and their settings (coordinator; issue 13, item 1). */
  | { readonly page: 'campaign' }
  /** Reminders to municipalities that have not signed up (issue 13, item 3). */
  | { readonly page: 'reminders' }
  /** The campaign-wide log (the Teams tab "Logboek", `?view=logboek`). */
  | { readonly page: 'logbook'; readonly cbsCode?: string; readonly pageNumber?: number }
  | { readonly page: SignupPage; readonly signupId: string }
  | { readonly page: 'not-found' };

export const SIGNUP_PAGES: readonly SignupPage[] = [
  'availability',
  'options',
  'confirm',
  'log',
  'preparation',
  'edit',
  'newDates',
];

/** "#/register?gemeente=GM0392" → { page: 'register', cbsCode: 'GM0392' } */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts.length === 0) return { page: 'overview' };
  if (parts[0] === 'register' && parts.length === 1) {
    const cbsCode = params.get('gemeente');
    return cbsCode ? { page: 'register', cbsCode } : { page: 'register' };
  }
  if (parts[0] === 'planning' && parts.length === 1) return { page: 'planning' };
  if (parts[0] === 'beschikbaarheid' && parts.length === 1) return { page: 'my-availability' };
  if (parts[0] === 'dashboard' && parts.length === 1) return { page: 'dashboard' };
  if (parts[0] === 'campagne' && parts.length === 1) return { page: 'campaign' };
  if (parts[0] === 'herinneringen' && parts.length === 1) return { page: 'reminders' };
  if (parts[0] === 'logboek' && parts.length === 1) {
    const cbsCode = params.get('gemeente');
    const pageNumber = Number(params.get('pagina') ?? '1');
    return {
      page: 'logbook',
      ...(cbsCode && /^GM\d{4}$/.test(cbsCode) ? { cbsCode } : {}),
      ...(Number.isInteger(pageNumber) && pageNumber > 1 ? { pageNumber } : {}),
    };
  }
  if (parts[0] === 'signups' && parts.length === 3 && /^[1-9]\d{0,9}$/.test(parts[1] ?? '')) {
    const page = SIGNUP_PAGES.find((candidate) => candidate === parts[2]);
    if (page) return { page, signupId: parts[1] ?? '' };
  }
  return { page: 'not-found' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'overview':
    case 'not-found':
      return '#/';
    case 'planning':
      return '#/planning';
    case 'my-availability':
      return '#/beschikbaarheid';
    case 'dashboard':
      return '#/dashboard';
    case 'campaign':
      return '#/campagne';
    case 'reminders':
      return '#/herinneringen';
    case 'logbook': {
      const search = new URLSearchParams();
      if (route.cbsCode) search.set('gemeente', route.cbsCode);
      if (route.pageNumber && route.pageNumber > 1) search.set('pagina', String(route.pageNumber));
      const query = search.toString();
      return query ? `#/logboek?${query}` : '#/logboek';
    }
    case 'register':
      return route.cbsCode
        ? `#/register?gemeente=${encodeURIComponent(route.cbsCode)}`
        : '#/register';
    default:
      return `#/signups/${encodeURIComponent(route.signupId)}/${route.page}`;
  }
}

/**
 * The page a Teams tab opens with (`?view=logboek` in its content URL), when the fragment names
 * none: the static tabs of the app package point at one web page.
 */
export function initialHash(hash: string, search: string): string {
  // Any fragment, "#/" (the overview) included, is a page the user chose.
  if (hash !== '' && hash !== '#') return hash;
  return new URLSearchParams(search).get('view') === 'logboek' ? '#/logboek' : hash;
}

/**
 * The page a Teams deep link opens (an activity feed notification, issue 13 item 5): its
 * `subEntityId` (TeamsJS: `context.page.subPageId`) is a sign-up's id, opened on its options
 * page, or the CBS code of a municipality that has not signed up, opened on the sign-up form
 * for it; anything else opens nothing (undefined), so a stray value never leads to "not found".
 */
export function deepLinkHash(subPageId: string | undefined): string | undefined {
  if (subPageId && /^GM\d{4}$/.test(subPageId)) {
    return routeHref({ page: 'register', cbsCode: subPageId });
  }
  if (!subPageId || !/^[1-9]\d{0,9}$/.test(subPageId)) return undefined;
  return routeHref({ page: 'options', signupId: subPageId });
}

/** The edition the user picked (`editie=` in the fragment's query); undefined: the current one. */
export function editionOf(hash: string): string | undefined {
  const [, query = ''] = hash.replace(/^#/, '').split('?');
  const edition = new URLSearchParams(query).get('editie');
  return edition && /^[a-z0-9][a-z0-9-]{0,49}$/.test(edition) ? edition : undefined;
}

/** `href` with the picked edition kept (or dropped when `edition` is undefined). */
export function withEdition(href: string, edition: string | undefined): string {
  const [path = '#/', query = ''] = href.split('?');
  const search = new URLSearchParams(query);
  if (edition) search.set('editie', edition);
  else search.delete('editie');
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

// The tab's pages as URL fragments (#/signups/12/confirm): no router library, and a fragment
// survives Teams' own URL handling and a reload. Pure, so it is tested without a browser.
export type SignupPage =
  'availability' | 'options' | 'confirm' | 'log' | 'preparation' | 'edit' | 'newDates';

export type Route =
  | { readonly page: 'overview' }
  | { readonly page: 'register'; readonly cbsCode?: string }
  | { readonly page: 'planning' }
  | { readonly page: 'my-availability' }
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
    case 'register':
      return route.cbsCode
        ? `#/register?gemeente=${encodeURIComponent(route.cbsCode)}`
        : '#/register';
    default:
      return `#/signups/${encodeURIComponent(route.signupId)}/${route.page}`;
  }
}

// The current page, from the URL fragment, following the back and forward buttons.
import { useSyncExternalStore } from 'react';
import { initialHash, parseRoute, routeHref, type Route } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () =>
    initialHash(window.location.hash, window.location.search),
  );
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

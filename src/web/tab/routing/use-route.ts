// The current page, from the URL fragment, following the back and forward buttons.
import { useSyncExternalStore } from 'react';
import {
  editionOf,
  initialHash,
  parseRoute,
  routeHref,
  withEdition,
  type Route,
} from './routes.js';

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

/** The edition the user picked in the URL; undefined: the current one. */
export function useEdition(): string | undefined {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return editionOf(hash);
}

/** `href` keeping the edition the user picked. */
export function useEditionHref(): (route: Route) => string {
  const edition = useEdition();
  return (route) => withEdition(routeHref(route), edition);
}

/** Picks an edition: the same page, the edition in the URL so a link keeps it. */
export function pickEdition(edition: string | undefined): void {
  const hash = window.location.hash || '#/';
  window.location.hash = withEdition(hash, edition);
}

export function navigate(route: Route): void {
  window.location.hash = withEdition(routeHref(route), editionOf(window.location.hash));
}

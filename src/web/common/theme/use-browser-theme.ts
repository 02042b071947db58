// The browser's theme: the system's light or dark (prefers-color-scheme, followed live) unless
// the user chose one with the toggle; that choice is remembered on this computer. When the system
// asks for more contrast or forces its colours (Windows contrast themes), `contrast` is set and
// the tab shows Teams' high-contrast theme, as Teams itself would (followed live too).
import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'workshopplanner.theme';
const QUERY = '(prefers-color-scheme: dark)';
const CONTRAST_QUERY = '(prefers-contrast: more), (forced-colors: active)';

type Stored = 'light' | 'dark' | null;

function readStored(): Stored {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch (error) {
    // Storage can be blocked (privacy settings): follow the system then.
    console.warn('theme preference not readable', error);
    return null;
  }
}

function systemMatches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** Whether a media query matches, followed live. */
function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => systemMatches(query));
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const media = window.matchMedia(query);
    const onChange = () => setMatches(media.matches);
    onChange();
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

export function useBrowserTheme(): { dark: boolean; contrast: boolean; toggle: () => void } {
  const [stored, setStored] = useState<Stored>(readStored);
  const systemDark = useMediaQuery(QUERY);
  const contrast = useMediaQuery(CONTRAST_QUERY);

  const dark = stored === null ? systemDark : stored === 'dark';
  const toggle = useCallback(() => {
    const next = dark ? 'light' : 'dark';
    setStored(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch (error) {
      console.warn('theme preference not stored', error);
    }
  }, [dark]);
  return { dark, contrast, toggle };
}

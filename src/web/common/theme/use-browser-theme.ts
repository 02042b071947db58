// The browser's theme: the system's light or dark (prefers-color-scheme, followed live) unless
// the user chose one with the toggle; that choice is remembered on this computer.
import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'workshopplanner.theme';
const QUERY = '(prefers-color-scheme: dark)';

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

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

export function useBrowserTheme(): { dark: boolean; toggle: () => void } {
  const [stored, setStored] = useState<Stored>(readStored);
  const [systemDark, setSystemDark] = useState(systemPrefersDark);

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const media = window.matchMedia(QUERY);
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

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
  return { dark, toggle };
}

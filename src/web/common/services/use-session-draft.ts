// What the user typed in a form, kept in sessionStorage while the tab is open: it survives a
// page that fails to render (the error boundary throws the page's own state away), a reload and
// a visit to another page. Cleared once the form is sent. Nothing is kept when sessionStorage is
// not there (a locked-down browser): the form then works as before.
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'workshopplanner.draft.';

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Access denied (third-party storage blocked in an iframe): no drafts, the form still works.
    return undefined;
  }
}

/** The stored draft, if any and if `accept` recognises it (an older shape is dropped). */
export function readSessionDraft<T>(key: string, accept: (value: unknown) => value is T) {
  const raw = storage()?.getItem(PREFIX + key);
  if (raw === null || raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : undefined;
  } catch {
    return undefined; // not JSON: somebody else's value under our key, ignored
  }
}

export function clearSessionDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/**
 * useState that starts from the stored draft (or `initial`) and stores every change; `clear`
 * forgets it (after sending).
 */
export function useSessionDraft<T>(
  key: string,
  initial: () => T,
  accept: (value: unknown) => value is T,
): [T, (update: (current: T) => T) => void, () => void] {
  const [value, setValue] = useState<T>(() => readSessionDraft(key, accept) ?? initial());
  useEffect(() => {
    try {
      storage()?.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the form keeps working without a copy.
    }
  }, [key, value]);
  const clear = useCallback(() => clearSessionDraft(key), [key]);
  return [value, setValue, clear];
}

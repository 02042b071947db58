// Loading data for a page: the latest answer, the error, whether it is loading, and a reload.
// An answer that comes back after the page asked again (or went away) is dropped; the previous
// data stays on screen while newer data loads.
import { useCallback, useEffect, useMemo, useState } from 'react';

export interface Query<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly isLoading: boolean;
  reload(): void;
  /** Replace the data with a newer view (e.g. the answer of a command). */
  setData(data: T): void;
}

interface Settled<T> {
  /** Which request this answers: a new load or a reload makes a new key. */
  readonly key: object;
  readonly data: T | undefined;
  readonly error: unknown;
}

/** `load` must be stable (useCallback): a new function means "load again". */
export function useQuery<T>(load: () => Promise<T>): Query<T> {
  const [version, setVersion] = useState(0);
  // One key per request; `version` is in the list to make reload() a new request.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const key = useMemo(() => ({}), [load, version]);
  const [settled, setSettled] = useState<Settled<T> | undefined>(undefined);

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (data) => {
        if (isCurrent) setSettled({ key, data, error: undefined });
      },
      (error: unknown) => {
        if (isCurrent) setSettled((previous) => ({ key, data: previous?.data, error }));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load, key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((data: T) => setSettled({ key, data, error: undefined }), [key]);
  return {
    data: settled?.data,
    error: settled?.key === key ? settled.error : undefined,
    isLoading: settled?.key !== key,
    reload,
    setData,
  };
}

// The trainers' availability for the slots as they stand: asked again (after a short pause)
// whenever the user changes a slot or the municipality, so what the pane shows always belongs to
// what would be registered. An answer for slots that have changed since is dropped.
import { useCallback, useEffect, useState } from 'react';
import type {
  TGetAvailabilityRequest,
  TGetAvailabilityResponse,
} from '../../common/api/api-types.js';
import type { AddinApi } from '../api/addin-api.js';
import { checkAvailability } from '../flows/mail-flow.js';

/** Typing a time changes it several times a second: wait for a pause before asking Graph. */
export const AVAILABILITY_DEBOUNCE_MS = 400;

interface Settled {
  readonly key: string;
  readonly data: TGetAvailabilityResponse | undefined;
  readonly error: unknown;
}

export interface Availability {
  readonly data: TGetAvailabilityResponse | undefined;
  readonly error: unknown;
  readonly isLoading: boolean;
  retry(): void;
}

export function useAvailability(
  api: Pick<AddinApi, 'getAvailability'>,
  request: TGetAvailabilityRequest | undefined,
): Availability {
  const key = request ? JSON.stringify(request) : undefined;
  const [settled, setSettled] = useState<Settled | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === undefined) return undefined;
    let isCurrent = true;
    const timer = setTimeout(() => {
      checkAvailability(api, JSON.parse(key) as TGetAvailabilityRequest).then(
        (data) => {
          if (isCurrent) setSettled({ key, data, error: undefined });
        },
        (error: unknown) => {
          if (isCurrent) setSettled({ key, data: undefined, error });
        },
      );
    }, AVAILABILITY_DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, key, attempt]);

  const retry = useCallback(() => {
    setSettled(undefined);
    setAttempt((n) => n + 1);
  }, []);
  const current = settled?.key === key ? settled : undefined;
  return {
    data: current?.data,
    error: current?.error,
    isLoading: key !== undefined && current === undefined,
    retry,
  };
}

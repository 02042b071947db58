// Follows a sign-up whose options wait for answers: every ~15 s (and on request) the trainers'
// answers are read from the organizer's calendar (syncAnswers) and the sign-up again; paused
// while the tab is hidden, stopped once nothing waits for an answer any more.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TSignupView } from '../../../common/api/api-types.js';
import { hasPermission, useAppServices } from '../../../common/services/app-services.js';

export interface LiveSignup {
  readonly lastChecked: Date | undefined;
  readonly error: unknown;
  readonly isChecking: boolean;
  readonly isLive: boolean;
  check(): Promise<void>;
}

export function useLiveSignup(
  signup: TSignupView,
  onSignupChange: (signup: TSignupView) => void,
): LiveSignup {
  const { api, me, now, pollIntervalMs } = useAppServices();
  const [lastChecked, setLastChecked] = useState<Date | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [isChecking, setChecking] = useState(false);
  const inFlight = useRef(false);
  const canSync = hasPermission(me, 'signups:sync');
  const isLive = signup.status === 'opties_geplaatst';
  const id = signup.id;

  const check = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setChecking(true);
    try {
      // The account holder's own calendar holds the answers; others (coordinator, trainers)
      // read what the background sync already wrote.
      if (canSync) await api.syncAnswers();
      onSignupChange(await api.getSignup(id));
      setLastChecked(now());
      setError(undefined);
    } catch (failure) {
      setError(failure);
    } finally {
      inFlight.current = false;
      setChecking(false);
    }
  }, [api, canSync, id, now, onSignupChange]);

  useEffect(() => {
    if (!isLive) return undefined;
    // The first check right after the page shows, then every interval: both from timers, so the
    // effect only subscribes and the checks update state from their callbacks.
    const first = setTimeout(() => void check(), 0);
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void check();
    }, pollIntervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [isLive, check, pollIntervalMs]);

  return { lastChecked, error, isChecking, isLive, check };
}

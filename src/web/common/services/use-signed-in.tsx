// Who the signed-in user is (GET /me), shared by the Teams tab and the Outlook add-in: until the
// answer is there, what to show instead — a spinner, or the API's problem with "try again" and,
// when the token was refused, a button to sign in again.
import { Button } from '@fluentui/react-components';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, SignInRequired } from '../api/api-errors.js';
import type { WorkshopApi } from '../api/workshop-api.js';
import { Loading } from '../components/loading.js';
import { ProblemMessage } from '../components/problem-message.js';
import type { AppServices } from './app-services.js';
import { useQuery } from './use-query.js';
import { queryKeys } from './query-keys.js';

export type SignedIn =
  | { readonly services: AppServices; readonly waiting?: undefined }
  | { readonly services?: undefined; readonly waiting: ReactNode };

export function useSignedIn(
  api: WorkshopApi,
  options: { readonly signInAgain: (() => void) | undefined; readonly pollIntervalMs: number },
): SignedIn {
  const { t } = useTranslation();
  const { signInAgain, pollIntervalMs } = options;
  const loadMe = useCallback(() => api.getMe(), [api]);
  const me = useQuery(queryKeys.me(), loadMe);
  const services = useMemo<AppServices | undefined>(
    () =>
      me.data
        ? { api, me: me.data, now: () => new Date(), pollIntervalMs, signInAgain }
        : undefined,
    [api, me.data, pollIntervalMs, signInAgain],
  );
  if (services) return { services };
  if (me.error === undefined || me.isLoading) {
    return { waiting: <Loading label={t('shell.loadingUser')} /> };
  }
  const needsSignIn =
    me.error instanceof SignInRequired ||
    (me.error instanceof ApiProblem && me.error.code === 'UNAUTHENTICATED');
  return {
    waiting: (
      <>
        <ProblemMessage error={me.error} onRetry={me.reload} />
        {needsSignIn && signInAgain && (
          <div>
            <Button appearance="primary" onClick={signInAgain}>
              {t('shell.signIn')}
            </Button>
          </div>
        )}
      </>
    ),
  };
}

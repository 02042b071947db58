// Signed in: the API with the user's token and language, who the user is (GET /me), and the
// surface — within what the user's role allows.
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenSource } from '../../common/api/api-client.js';
import { ApiProblem, SignInRequired } from '../../common/api/api-errors.js';
import { Loading } from '../../common/components/loading.js';
import { ProblemMessage } from '../../common/components/problem-message.js';
import { currentLanguage, type Language } from '../../common/i18n/i18n.js';
import {
  AppServicesProvider,
  hasPermission,
  type AppServices,
} from '../../common/services/app-services.js';
import { useQuery } from '../../common/services/use-query.js';
import type { AddinApi } from '../api/addin-api.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import type { Surface } from '../office/office-host.js';

// Each surface is its own chunk: a pane shows only one of them.
const MailSurface = lazy(() => import('../mail/mail-surface.js'));
const AppointmentSurface = lazy(() => import('../appointment/appointment-surface.js'));

/** The add-in follows no live data; the tab's polling setting is not used here. */
const POLL_INTERVAL_MS = 15_000;

export interface AddinSessionProps {
  readonly tokens: TokenSource;
  readonly createApi: (tokens: TokenSource, language: Language) => AddinApi;
  readonly surface: Surface;
  readonly signInAgain: (() => void) | undefined;
}

function NoAccess({ text }: { text: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

export function AddinSession({ tokens, createApi, surface, signInAgain }: AddinSessionProps) {
  const { t, i18n } = useTranslation();
  const at = useAddinT();
  const language = currentLanguage(i18n);
  // A new API per language: the server answers labels and problems in it.
  const api = useMemo(() => createApi(tokens, language), [createApi, tokens, language]);
  const loadMe = useCallback(() => api.getMe(), [api]);
  const me = useQuery(loadMe);

  const services = useMemo<AppServices | undefined>(
    () =>
      me.data
        ? {
            api,
            me: me.data,
            now: () => new Date(),
            pollIntervalMs: POLL_INTERVAL_MS,
            signInAgain,
          }
        : undefined,
    [api, me.data, signInAgain],
  );

  if (!services) {
    if (me.error !== undefined && !me.isLoading) {
      const needsSignIn =
        me.error instanceof SignInRequired ||
        (me.error instanceof ApiProblem && me.error.code === 'UNAUTHENTICATED');
      return (
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
      );
    }
    return <Loading label={t('shell.loadingUser')} />;
  }

  let page;
  if (surface === 'mail') {
    page =
      hasPermission(services.me, 'signups:write') &&
      hasPermission(services.me, 'signups:propose') ? (
        <MailSurface api={api} />
      ) : (
        <NoAccess text={at('noAccess.mail')} />
      );
  } else {
    page =
      hasPermission(services.me, 'signups:read') ||
      hasPermission(services.me, 'workshops:read-own') ? (
        <AppointmentSurface api={api} me={services.me} />
      ) : (
        <NoAccess text={at('noAccess.appointment')} />
      );
  }
  return (
    <AppServicesProvider value={services}>
      <Suspense fallback={<Loading label={t('shell.loadingPage')} />}>{page}</Suspense>
    </AppServicesProvider>
  );
}

// A signed-in session: the API with the user's token and language, who the user is (GET /me),
// the navigation their role allows, and the pages.
import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient, type TokenSource } from '../../common/api/api-client.js';
import { ApiProblem, SignInRequired } from '../../common/api/api-errors.js';
import type { TGetMeResponse } from '../../common/api/api-types.js';
import { createWorkshopApi } from '../../common/api/workshop-api.js';
import { Loading } from '../../common/components/loading.js';
import { ProblemMessage } from '../../common/components/problem-message.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import {
  AppServicesProvider,
  hasPermission,
  type AppServices,
} from '../../common/services/app-services.js';
import { useQuery } from '../../common/services/use-query.js';
import { useRoute } from '../routing/use-route.js';
import { routeHref } from '../routing/routes.js';
import { Pages } from './pages.js';

export const POLL_INTERVAL_MS = 15_000;

const useStyles = makeStyles({
  nav: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

function MainNav({ me }: { me: TGetMeResponse }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const route = useRoute();
  const current = (page: string) => (route.page === page ? ('page' as const) : undefined);
  return (
    <nav aria-label={t('nav.label')} className={styles.nav}>
      <Link href={routeHref({ page: 'overview' })} aria-current={current('overview')}>
        {hasPermission(me, 'signups:read') ? t('nav.overview') : t('nav.workshops')}
      </Link>
      {hasPermission(me, 'signups:write') && (
        <Link href={routeHref({ page: 'register' })} aria-current={current('register')}>
          {t('nav.register')}
        </Link>
      )}
    </nav>
  );
}

export interface SessionProps {
  readonly tokens: TokenSource;
  readonly signInAgain: (() => void) | undefined;
  readonly frame: (nav: ReactNode, children: ReactNode) => ReactNode;
}

export function Session({ tokens, signInAgain, frame }: SessionProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // A new API object per language: pages load again and the server's labels follow the switch.
  const api = useMemo(
    () => createWorkshopApi(createApiClient({ tokens, language: () => language })),
    [tokens, language],
  );
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
      return frame(
        undefined,
        <>
          <ProblemMessage error={me.error} onRetry={me.reload} />
          {needsSignIn && signInAgain && (
            <div>
              <Button appearance="primary" onClick={signInAgain}>
                {t('shell.signIn')}
              </Button>
            </div>
          )}
        </>,
      );
    }
    return frame(undefined, <Loading label={t('shell.loadingUser')} />);
  }

  return (
    <AppServicesProvider value={services}>
      {frame(<MainNav me={services.me} />, <Pages />)}
    </AppServicesProvider>
  );
}

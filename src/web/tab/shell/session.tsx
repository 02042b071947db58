// A signed-in session: the API with the user's token and language, who the user is (GET /me),
// the navigation their role allows, and the pages.
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient, type TokenSource } from '../../common/api/api-client.js';
import type { TGetMeResponse } from '../../common/api/api-types.js';
import { createWorkshopApi, type WorkshopApi } from '../../common/api/workshop-api.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import { AppServicesProvider, canPlan, hasPermission } from '../../common/services/app-services.js';
import { QueryProvider } from '../../common/services/query-client.js';
import { useSignedIn } from '../../common/services/use-signed-in.js';
import { useEditionHref, useRoute } from '../routing/use-route.js';
import { Pages } from './pages.js';

// Its own chunk (Fluent's Select): the first render does not wait for the edition picker.
const EditionPicker = lazy(() => import('./edition-picker.js'));

export const POLL_INTERVAL_MS = 15_000;

const useStyles = makeStyles({
  nav: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
  },
});

function MainNav({ me }: { me: TGetMeResponse }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const route = useRoute();
  const routeHref = useEditionHref();
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
      {canPlan(me) && (
        <Link href={routeHref({ page: 'planning' })} aria-current={current('planning')}>
          {t('nav.planning')}
        </Link>
      )}
      {hasPermission(me, 'availability:write-own') && (
        <Link
          href={routeHref({ page: 'my-availability' })}
          aria-current={current('my-availability')}
        >
          {t('nav.myAvailability')}
        </Link>
      )}
      {hasPermission(me, 'signups:read') && (
        <Link href={routeHref({ page: 'dashboard' })} aria-current={current('dashboard')}>
          {t('nav.dashboard')}
        </Link>
      )}
      {hasPermission(me, 'signups:read') && (
        <Link href={routeHref({ page: 'reminders' })} aria-current={current('reminders')}>
          {t('reminders.nav')}
        </Link>
      )}
      {hasPermission(me, 'signups:read') && (
        <Link href={routeHref({ page: 'logbook' })} aria-current={current('logbook')}>
          {t('nav.log')}
        </Link>
      )}
      {hasPermission(me, 'campaign:write') && (
        <Link href={routeHref({ page: 'campaign' })} aria-current={current('campaign')}>
          {t('nav.campaign')}
        </Link>
      )}
    </nav>
  );
}

function NavBar({ me }: { me: TGetMeResponse }) {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <MainNav me={me} />
      {hasPermission(me, 'signups:read') && (
        <Suspense fallback={null}>
          <EditionPicker />
        </Suspense>
      )}
    </div>
  );
}

export interface SessionProps {
  readonly tokens: TokenSource;
  readonly signInAgain: (() => void) | undefined;
  readonly frame: (nav: ReactNode, children: ReactNode) => ReactNode;
}

export function Session({ tokens, signInAgain, frame }: SessionProps) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // A new API object per language: pages load again and the server's labels follow the switch.
  const api = useMemo(
    () => createWorkshopApi(createApiClient({ tokens, language: () => language })),
    [tokens, language],
  );
  // The query cache belongs to this API: another language or sign-in starts an empty one.
  return (
    <QueryProvider scope={api}>
      <SignedIn api={api} signInAgain={signInAgain} frame={frame} />
    </QueryProvider>
  );
}

function SignedIn({
  api,
  signInAgain,
  frame,
}: Omit<SessionProps, 'tokens'> & { readonly api: WorkshopApi }) {
  const { services, waiting } = useSignedIn(api, { signInAgain, pollIntervalMs: POLL_INTERVAL_MS });
  if (!services) return frame(undefined, waiting);

  return (
    <AppServicesProvider value={services}>
      {frame(<NavBar me={services.me} />, <Pages />)}
    </AppServicesProvider>
  );
}

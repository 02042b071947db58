// Signed in: the API with the user's token and language, who the user is (GET /me), and the
// surface — within what the user's role allows.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenSource } from '../../common/api/api-client.js';
import { Loading } from '../../common/components/loading.js';
import { PageErrorBoundary } from '../../common/components/page-error-boundary.js';
import { currentLanguage, type Language } from '../../common/i18n/i18n.js';
import { AppServicesProvider, hasPermission } from '../../common/services/app-services.js';
import { QueryProvider } from '../../common/services/query-client.js';
import { useSignedIn } from '../../common/services/use-signed-in.js';
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
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // A new API per language: the server answers labels and problems in it.
  const api = useMemo(() => createApi(tokens, language), [createApi, tokens, language]);
  // The query cache belongs to this API: another language or sign-in starts an empty one.
  return (
    <QueryProvider scope={api}>
      <SignedIn api={api} surface={surface} signInAgain={signInAgain} />
    </QueryProvider>
  );
}

function SignedIn({
  api,
  surface,
  signInAgain,
}: Pick<AddinSessionProps, 'surface' | 'signInAgain'> & { readonly api: AddinApi }) {
  const { t } = useTranslation();
  const at = useAddinT();
  const { services, waiting } = useSignedIn(api, { signInAgain, pollIntervalMs: POLL_INTERVAL_MS });
  if (!services) return waiting;

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
      <PageErrorBoundary resetKey={surface}>
        <Suspense fallback={<Loading label={t('shell.loadingPage')} />}>{page}</Suspense>
      </PageErrorBoundary>
    </AppServicesProvider>
  );
}

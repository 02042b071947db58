// The pane's start: is this Outlook (else say where the page belongs), Outlook's language and
// theme, a token (NAA or the fallback sign-in), then the session with the surface the ribbon
// button asked for.
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenSource } from '../../common/api/api-client.js';
import { createApiClient } from '../../common/api/api-client.js';
import { Loading } from '../../common/components/loading.js';
import { ProblemMessage } from '../../common/components/problem-message.js';
import {
  currentLanguage,
  readStoredLanguage,
  storeLanguage,
  toLanguage,
  type Language,
} from '../../common/i18n/i18n.js';
import { useBrowserTheme } from '../../common/theme/use-browser-theme.js';
import { createAddinApi, type AddinApi } from '../api/addin-api.js';
import { startAuth, type AddinAuth, type SignIn } from '../auth/start-auth.js';
import { connectOffice, surfaceOf, type OfficeInfo } from '../office/office-host.js';
import { AddinFrame } from './addin-frame.js';
import { hasSignInFailed } from './addin-urls.js';
import { OutsideOffice } from './outside-office.js';
import { AddinSession } from './session.js';
import { SignInPanel } from './sign-in-panel.js';
import { useAddinStyles } from './use-addin-styles.js';

type Phase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'outside' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | {
      readonly kind: 'signed-out';
      readonly signIn: SignIn;
      readonly error: unknown;
      readonly isSigningIn: boolean;
    }
  | { readonly kind: 'ready'; readonly tokens: TokenSource; readonly signIn: SignIn | undefined };

export interface AddinRootProps {
  /** location.search: ?surface=mail|appointment, ?signin=failed */
  readonly search: string;
  readonly connect?: () => Promise<OfficeInfo | undefined>;
  readonly authenticate?: (office: OfficeInfo) => Promise<AddinAuth>;
  readonly createApi?: (tokens: TokenSource, language: Language) => AddinApi;
}

function defaultCreateApi(tokens: TokenSource, language: Language): AddinApi {
  return createAddinApi(createApiClient({ tokens, language: () => language }));
}

async function connectSafely(
  connect: () => Promise<OfficeInfo | undefined>,
): Promise<OfficeInfo | undefined> {
  try {
    return await connect();
  } catch (error) {
    // office.js loaded but could not start (not an Office host): as good as outside Office.
    console.warn('Office did not start', error);
    return undefined;
  }
}

export function AddinRoot({
  search,
  connect = connectOffice,
  authenticate = startAuth,
  createApi = defaultCreateApi,
}: AddinRootProps) {
  const { t, i18n } = useTranslation();
  const styles = useAddinStyles();
  const browserTheme = useBrowserTheme();
  const [office, setOffice] = useState<OfficeInfo | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const language = currentLanguage(i18n);

  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const info = await connectSafely(connect);
      if (!isCurrent) return;
      if (!info) {
        setPhase({ kind: 'outside' });
        return;
      }
      setOffice(info);
      // The user's own choice (the switch) first, then Outlook's language, then Dutch.
      const preferred = readStoredLanguage() ?? toLanguage(info.displayLanguage) ?? 'nl';
      void i18n.changeLanguage(preferred);
      try {
        const auth = await authenticate(info);
        if (!isCurrent) return;
        setPhase(
          auth.kind === 'ready'
            ? { kind: 'ready', tokens: auth.tokens, signIn: auth.signIn }
            : { kind: 'signed-out', signIn: auth.signIn, error: undefined, isSigningIn: false },
        );
      } catch (error) {
        if (isCurrent) setPhase({ kind: 'failed', error });
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [connect, authenticate, i18n]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const isDark = office ? office.isDark : browserTheme.dark;
  useEffect(() => {
    // Native date and time pickers follow the pane's theme.
    document.documentElement.style.colorScheme = isDark ? 'dark' : 'light';
  }, [isDark]);

  const runSignIn = useCallback(async (signIn: SignIn) => {
    setPhase({ kind: 'signed-out', signIn, error: undefined, isSigningIn: true });
    try {
      const tokens = await signIn();
      // undefined: the pane is on its way to the identity provider; it comes back signed in.
      if (tokens) setPhase({ kind: 'ready', tokens, signIn });
    } catch (error) {
      setPhase({ kind: 'signed-out', signIn, error, isSigningIn: false });
    }
  }, []);

  const changeLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );

  let content;
  switch (phase.kind) {
    case 'starting':
      content = <Loading label={t('shell.starting')} />;
      break;
    case 'outside':
      content = <OutsideOffice />;
      break;
    case 'failed':
      content = <ProblemMessage error={phase.error} onRetry={() => window.location.reload()} />;
      break;
    case 'signed-out':
      content = (
        <SignInPanel
          isSigningIn={phase.isSigningIn}
          error={phase.error}
          hasFailedBefore={hasSignInFailed(search)}
          onSignIn={() => void runSignIn(phase.signIn)}
        />
      );
      break;
    case 'ready': {
      const signIn = phase.signIn;
      content = (
        <AddinSession
          tokens={phase.tokens}
          createApi={createApi}
          surface={surfaceOf(search, office?.itemKind)}
          signInAgain={signIn ? () => void runSignIn(signIn) : undefined}
        />
      );
      break;
    }
  }

  return (
    <FluentProvider theme={isDark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <AddinFrame language={language} onLanguageChange={changeLanguage}>
        {content}
      </AddinFrame>
    </FluentProvider>
  );
}

// The shell: theme (Teams' own, or the browser's), language, start-up and sign-in. Once a
// token source is there, Session takes over.
import { Button, FluentProvider, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../common/components/loading.js';
import { AppToaster } from '../../common/components/notify.js';
import { ProblemMessage } from '../../common/components/problem-message.js';
import type { TeamsTheme } from '../../common/host/host.types.js';
import {
  currentLanguage,
  storeLanguage,
  toLanguage,
  type Language,
} from '../../common/i18n/i18n.js';
import { FIRST_RENDER_MARK, markOnce } from '../../common/performance/marks.js';
import { fluentThemeOf, isDarkTheme, type ThemeChoice } from '../../common/theme/themes.js';
import { useBrowserTheme } from '../../common/theme/use-browser-theme.js';
import { AppFrame, type FrameControls } from './app-frame.js';
import { boot as startBoot, type Boot } from './boot.js';
import { Session } from './session.js';
import { useShellStyles } from './use-shell-styles.js';

export function Root() {
  const { t, i18n } = useTranslation();
  const styles = useShellStyles();
  const [boot, setBoot] = useState<Boot | undefined>(undefined);
  const [teamsTheme, setTeamsTheme] = useState<TeamsTheme | undefined>(undefined);
  const browserTheme = useBrowserTheme();
  const language = currentLanguage(i18n);

  useEffect(() => markOnce(FIRST_RENDER_MARK), []);

  useEffect(() => {
    let isCurrent = true;
    void startBoot().then((result) => {
      if (isCurrent) setBoot(result);
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  const teams = boot?.phase === 'ready' ? boot.teams : undefined;
  useEffect(() => {
    if (!teams) return;
    // Until Teams reports a change, its context's theme holds (see `choice` below).
    teams.onThemeChange(setTeamsTheme);
    void i18n.changeLanguage(toLanguage(teams.locale) ?? 'nl');
  }, [teams, i18n]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const choice: ThemeChoice = teams
    ? { host: 'teams', theme: teamsTheme ?? teams.theme, teams }
    : { host: 'browser', dark: browserTheme.dark, contrast: browserTheme.contrast };
  const isDark = isDarkTheme(choice);
  useEffect(() => {
    // Native controls (date and time pickers, scrollbars) follow the page's theme.
    document.documentElement.style.colorScheme = isDark ? 'dark' : 'light';
  }, [isDark]);

  const changeLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );

  const signIn = boot?.phase === 'signed-out' || boot?.phase === 'ready' ? boot.signIn : undefined;
  const startSignIn = useCallback(() => {
    void signIn?.startSignIn(window.location.hash);
  }, [signIn]);

  const controls: FrameControls = {
    language,
    onLanguageChange: teams ? undefined : changeLanguage,
    // In high contrast the system chose the colours: no light/dark toggle then.
    theme: teams || browserTheme.contrast ? undefined : browserTheme,
    account: boot?.phase === 'ready' ? boot.account : undefined,
    onSignOut: boot?.phase === 'ready' && boot.signIn ? () => boot.signIn?.signOut() : undefined,
  };

  let content;
  if (!boot) {
    content = (
      <AppFrame controls={controls}>
        <Loading label={t('shell.starting')} />
      </AppFrame>
    );
  } else if (boot.phase === 'failed') {
    content = (
      <AppFrame controls={controls}>
        <ProblemMessage error={boot.error} onRetry={() => window.location.reload()} />
      </AppFrame>
    );
  } else if (boot.phase === 'signed-out') {
    content = (
      <AppFrame controls={controls}>
        <section className={styles.card} aria-labelledby="sign-in-title">
          <Text as="h2" id="sign-in-title" size={500} weight="semibold" className={styles.flush}>
            {t('signIn.title')}
          </Text>
          <Text as="p" className={styles.flush}>
            {t('signIn.intro')}
          </Text>
          {boot.error !== undefined && <ProblemMessage error={boot.error} />}
          <div>
            <Button appearance="primary" onClick={startSignIn}>
              {t('shell.signIn')}
            </Button>
          </div>
        </section>
      </AppFrame>
    );
  } else {
    content = (
      <Session
        tokens={boot.tokens}
        signInAgain={boot.signIn ? startSignIn : undefined}
        frame={(nav, children) => (
          <AppFrame controls={controls} nav={nav}>
            {children}
          </AppFrame>
        )}
      />
    );
  }

  return (
    // The page's background sits on a div of its own: Fluent gives the provider's className to
    // the mount node of every portal (toasts, dialogs, popups), which covers the whole window.
    <FluentProvider theme={fluentThemeOf(choice)}>
      <div className={styles.page}>
        <AppToaster />
        {content}
      </div>
    </FluentProvider>
  );
}

// The frame of every screen: a skip link, the app's h1, the navigation, the language and theme
// controls and who is signed in, then the page in <main>.
import { Body1, Button, Title1, ToggleButton } from '@fluentui/react-components';
import {
  LocalLanguage20Regular,
  SignOut20Regular,
  WeatherMoon20Regular,
} from '@fluentui/react-icons';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../common/auth/browser-sign-in.js';
import type { Language } from '../../common/i18n/i18n.js';
import { useShellStyles } from './use-shell-styles.js';

export interface FrameControls {
  readonly language: Language;
  /** Absent in Teams: the language follows the Teams client there. */
  readonly onLanguageChange: ((language: Language) => void) | undefined;
  /** Absent in Teams: the theme follows the Teams client there. */
  readonly theme: { readonly dark: boolean; readonly toggle: () => void } | undefined;
  readonly account: Account | undefined;
  readonly onSignOut: (() => void) | undefined;
}

export interface AppFrameProps {
  readonly controls: FrameControls;
  readonly nav?: ReactNode;
  readonly children: ReactNode;
}

export function AppFrame({ controls, nav, children }: AppFrameProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  const main = useRef<HTMLElement>(null);
  const other: Language = controls.language === 'nl' ? 'en' : 'nl';
  return (
    <>
      <a
        href="#main"
        className={styles.skipLink}
        onClick={(event) => {
          // The fragment holds the route: move focus instead of following the link.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <div className={styles.topRow}>
            <div className={styles.brand}>
              <Title1 as="h1" className={styles.title}>
                Workshopplanner
              </Title1>
              <Body1 className={styles.subtitle}>{t('shell.subtitle')}</Body1>
            </div>
            <div className={styles.controls}>
              {controls.onLanguageChange && (
                <Button
                  appearance="subtle"
                  icon={<LocalLanguage20Regular />}
                  lang={other}
                  title={t('shell.switchLanguage')}
                  onClick={() => controls.onLanguageChange?.(other)}
                >
                  {other === 'en' ? 'English' : 'Nederlands'}
                </Button>
              )}
              {controls.theme && (
                <ToggleButton
                  appearance="subtle"
                  icon={<WeatherMoon20Regular />}
                  checked={controls.theme.dark}
                  onClick={controls.theme.toggle}
                >
                  {t('shell.darkTheme')}
                </ToggleButton>
              )}
              {controls.account && (
                <Body1 className={styles.account}>
                  {t('shell.signedInAs', {
                    name: controls.account.name || controls.account.username,
                  })}
                </Body1>
              )}
              {controls.onSignOut && (
                <Button
                  appearance="subtle"
                  icon={<SignOut20Regular />}
                  onClick={controls.onSignOut}
                >
                  {t('shell.signOut')}
                </Button>
              )}
            </div>
          </div>
          {nav}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </>
  );
}

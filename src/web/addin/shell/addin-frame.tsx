// The pane's frame: the product's name as h1, the language switch (Outlook's own language is
// the default, the switch overrides it), then the surface.
import { Button, Text } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../common/i18n/i18n.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from './use-addin-styles.js';

export interface AddinFrameProps {
  readonly language: Language;
  readonly onLanguageChange: (language: Language) => void;
  readonly children: ReactNode;
}

export function AddinFrame({ language, onLanguageChange, children }: AddinFrameProps) {
  const { t } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  const other: Language = language === 'nl' ? 'en' : 'nl';
  return (
    <>
      <header className={styles.header}>
        <Text as="h1" className={styles.brand}>
          {at('frame.title')}
        </Text>
        <Button
          appearance="subtle"
          size="small"
          icon={<LocalLanguage20Regular />}
          lang={other}
          title={t('shell.switchLanguage')}
          onClick={() => onLanguageChange(other)}
        >
          {other === 'en' ? 'English' : 'Nederlands'}
        </Button>
      </header>
      <main className={styles.main}>{children}</main>
    </>
  );
}

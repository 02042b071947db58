// Done: the sign-up is registered and the holds are placed. What the user should know now — the
// status, the options as placed, the API's warnings — and where to follow it up: the tab.
import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../common/components/status-labels.js';
import { formatSlot } from '../../common/format/format-dates.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import type { SubmitResult } from '../flows/mail-flow.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { tabUrl } from '../shell/addin-urls.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';

export function ResultPanel({ result }: { result: SubmitResult }) {
  const { t, i18n } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  const language = currentLanguage(i18n);
  const { signup, warnings } = result;
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: focus moves to the outcome so a screen reader reads it.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className={styles.section} aria-labelledby="result-title">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            <span id="result-title" ref={heading} tabIndex={-1} role="heading" aria-level={3}>
              {at('mail.result.title', { name: signup.municipality.name })}
            </span>
          </MessageBarTitle>
          {signup.pair &&
            at('mail.result.text', {
              berenschot: signup.pair.berenschot.name,
              riec: signup.pair.riec.name,
            })}
        </MessageBarBody>
      </MessageBar>
      <Text className={styles.inline}>
        {at('mail.result.status')} <StatusBadge status={signup.status} />
      </Text>
      <Text as="h4" className={styles.sectionHeading}>
        {at('mail.result.options')}
      </Text>
      <ol className={styles.list}>
        {signup.options.map((option) => (
          <li key={option.slotIndex}>
            {formatSlot(option.slot.start, option.slot.end, language)} ({t(`hold.${option.hold}`)})
          </li>
        ))}
      </ol>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {at('mail.result.warnings')}
            <ul className={styles.list}>
              {warnings.map((warning) => (
                <li key={`${warning.field}-${warning.code}`}>{warning.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text as="p">
        <Link href={tabUrl(signup.id)} target="_blank" rel="noreferrer">
          {at('mail.result.openTab')}
        </Link>{' '}
        <span className={styles.muted}>{at('mail.result.tabHint')}</span>
      </Text>
    </section>
  );
}

// The facts of a sign-up that every step of it shows: contact, preferences, trainers, scan.
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TSignupView } from '../../../common/api/api-types.js';
import { formatSlot } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { useSignupStyles } from './use-signup-styles.js';

export function SignupSummary({ signup }: { signup: TSignupView }) {
  const { t, i18n } = useTranslation();
  const styles = useSignupStyles();
  const language = currentLanguage(i18n);
  return (
    <dl className={styles.summary}>
      <dt className={styles.term}>{t('signup.contact')}</dt>
      <dd className={styles.detail}>
        {signup.contact.name} &lt;{signup.contact.email}&gt;
      </dd>
      <dt className={styles.term}>{t('signup.preferences')}</dt>
      <dd className={styles.detail}>
        <ol className={styles.list}>
          {signup.preferences.map((slot) => (
            <li key={slot.slotIndex}>{formatSlot(slot.start, slot.end, language)}</li>
          ))}
        </ol>
      </dd>
      {signup.pair && (
        <>
          <dt className={styles.term}>{t('signup.trainers')}</dt>
          <dd className={styles.detail}>
            {t('signup.pair', {
              berenschot: signup.pair.berenschot.name,
              riec: signup.pair.riec.name,
            })}
          </dd>
        </>
      )}
      <dt className={styles.term}>{t('signup.scan')}</dt>
      <dd className={styles.detail}>{t(`scan.${signup.scanStatus}`)}</dd>
      {signup.remarks && (
        <>
          <dt className={styles.term}>{t('signup.remarks')}</dt>
          <dd className={styles.detail}>
            <Text className={styles.freeText}>{signup.remarks}</Text>
          </dd>
        </>
      )}
      <dt className={styles.term}>{t('signup.accountHolder')}</dt>
      <dd className={styles.detail}>
        {signup.accountHolder.name} ({signup.riec})
      </dd>
    </dl>
  );
}

// The sign-up's log (SharePoint list "Workshoplogboek"): every step, oldest first, with who took
// it, when, from which status to which, and the detail (an exception's reason included).
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../common/components/loading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { formatMoment } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { describeLogEntry } from './log-text.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  entry: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    '::before': {
      content: '""',
      position: 'absolute',
      left: `calc(-1 * ${tokens.spacingHorizontalS} + -1px)`,
      top: tokens.spacingVerticalM,
      width: tokens.spacingHorizontalM,
      height: tokens.spacingHorizontalM,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandBackground,
    },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function LogTimeline({ signupId, version = '' }: { signupId: string; version?: string }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { api } = useAppServices();
  const language = currentLanguage(i18n);
  // `version` changes when the sign-up did: the log then has a new line to show.
  const load = useCallback(() => {
    void version;
    return api.getSignupLog(signupId);
  }, [api, signupId, version]);
  const query = useQuery(queryKeys.signupLog(signupId, version), load);

  if (query.error !== undefined) {
    return <ProblemMessage error={query.error} onRetry={query.reload} />;
  }
  if (!query.data) return <Loading label={t('log.loading')} />;
  if (query.data.entries.length === 0) return <Text>{t('log.empty')}</Text>;
  return (
    <ol className={styles.list} aria-label={t('log.label')}>
      {query.data.entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className={styles.entry}>
          <Text weight="semibold">
            <time dateTime={entry.at}>{formatMoment(entry.at, language)}</time>
            {' · '}
            {t(`action.${entry.action}`)}
          </Text>
          <Text>
            {entry.from
              ? t('log.transition', {
                  from: t(`status.${entry.from}`),
                  to: t(`status.${entry.to}`),
                })
              : t('log.start', { to: t(`status.${entry.to}`) })}
            {' · '}
            {entry.by === 'systeem' ? t('log.system') : entry.by}
          </Text>
          {(entry.detail || entry.event) && (
            <Text className={styles.muted}>{describeLogEntry(entry, t, language)}</Text>
          )}
        </li>
      ))}
    </ol>
  );
}

// The page "Logboek" (the Teams tab `?view=logboek`, issue 18 item 9): every step of the
// campaign's sign-ups the user may see — their RIEC's, or all of them for the coordinator —
// newest first, per municipality if chosen, 50 to a page. The filter and the page are in the URL,
// so a reload or a shared link shows the same lines.
import {
  Body1,
  Button,
  Field,
  Link,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../common/components/loading.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { formatMoment } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { navigate } from '../../routing/use-route.js';
import { routeHref } from '../../routing/routes.js';
import { describeLogEntry } from './log-text.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filter: { maxWidth: '24rem' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  pager: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
});

export default function CampaignLogPage(props: { cbsCode?: string; pageNumber?: number }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { api, me } = useAppServices();
  const language = currentLanguage(i18n);
  const page = props.pageNumber ?? 1;
  const cbsCode = props.cbsCode;
  const loadLog = useCallback(
    () => api.listLog({ ...(cbsCode ? { cbsCode } : {}), page }),
    [api, cbsCode, page],
  );
  const log = useQuery(queryKeys.log({ cbsCode, page }), loadLog);
  const loadMunicipalities = useCallback(() => api.listMunicipalities(), [api]);
  const municipalities = useQuery(queryKeys.municipalities(), loadMunicipalities);

  const go = (next: { cbsCode?: string | undefined; pageNumber?: number }) =>
    navigate({
      page: 'logbook',
      ...(next.cbsCode ? { cbsCode: next.cbsCode } : {}),
      ...(next.pageNumber && next.pageNumber > 1 ? { pageNumber: next.pageNumber } : {}),
    });

  const data = log.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const withSignup = (municipalities.data?.municipalities ?? []).filter((m) => m.signup);

  return (
    <section className={styles.page}>
      <PageHeading title={t('campaignLog.title')}>{t('campaignLog.title')}</PageHeading>
      <Body1>{me.canReadAll ? t('campaignLog.intro') : t('campaignLog.introRiec')}</Body1>
      <div role="search">
        <Field label={t('campaignLog.municipality')} className={styles.filter}>
          <Select value={cbsCode ?? ''} onChange={(_, d) => go({ cbsCode: d.value || undefined })}>
            <option value="">{t('campaignLog.allMunicipalities')}</option>
            {withSignup.map((m) => (
              <option key={m.cbsCode} value={m.cbsCode}>
                {m.displayName}
              </option>
            ))}
            {cbsCode && !withSignup.some((m) => m.cbsCode === cbsCode) && (
              <option value={cbsCode}>{cbsCode}</option>
            )}
          </Select>
        </Field>
      </div>
      {log.error !== undefined ? (
        <ProblemMessage error={log.error} onRetry={log.reload} />
      ) : !data ? (
        <Loading label={t('campaignLog.loading')} />
      ) : data.entries.length === 0 ? (
        <Text>{cbsCode ? t('campaignLog.emptyMunicipality') : t('campaignLog.empty')}</Text>
      ) : (
        <>
          <ol className={styles.list} aria-label={t('campaignLog.label')}>
            {data.entries.map((entry, index) => (
              <li key={`${entry.signupId}-${entry.at}-${index}`} className={styles.entry}>
                <Text weight="semibold">
                  <time dateTime={entry.at}>{formatMoment(entry.at, language)}</time>
                  {' · '}
                  <Link
                    href={routeHref({ page: 'log', signupId: entry.signupId })}
                    aria-label={t('campaignLog.toSignup', { municipality: entry.municipality })}
                  >
                    {entry.municipality}
                  </Link>
                  {' · '}
                  {t(`action.${entry.action}`)}
                </Text>
                <Text>
                  {entry.from && entry.from !== entry.to
                    ? t('log.transition', {
                        from: t(`status.${entry.from}`),
                        to: t(`status.${entry.to}`),
                      })
                    : entry.from
                      ? t(`status.${entry.to}`)
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
          <nav aria-label={t('campaignLog.pages')} className={styles.pager}>
            <Button disabled={page <= 1} onClick={() => go({ cbsCode, pageNumber: page - 1 })}>
              {t('campaignLog.previous')}
            </Button>
            <Text aria-live="polite">
              {t('campaignLog.page', { page, pages, total: data.total })}
            </Text>
            <Button disabled={page >= pages} onClick={() => go({ cbsCode, pageNumber: page + 1 })}>
              {t('campaignLog.next')}
            </Button>
          </nav>
        </>
      )}
    </section>
  );
}

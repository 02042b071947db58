// The start page: the municipalities of the user's RIEC (all of them for the coordinator), the
// days left to sign up, what needs the account holder first, and every municipality's status
// with filters and search.
//
// Two reads (issue 16, item 4). listMunicipalities gives the edition, the deadline and the
// register of the caller's RIEC or RIECs — one row per municipality, at most the country's 342
// even for the coordinator, so it stays one small answer — from which the municipalities that
// have NOT signed up show at once, and "Eerst doen". The table's sign-ups come a page at a time
// from listSignupSummaries (50 per page, filtered to the edition on the server): the coordinator's
// view over all RIECs never loads every sign-up of every edition at once, and "Volgende 50 laden"
// under the table loads the next page.
import {
  Body1,
  Field,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Title3,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../common/components/loading.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { formatLongDate } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { FIRST_PAGE_MARK, markOnce } from '../../../common/performance/marks.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { usePages } from '../../../common/services/use-pages.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { useEdition } from '../../routing/use-route.js';
import { ActionList } from './action-list.js';
import { ExportButtons } from './export-buttons.js';
import { MunicipalityTable } from './municipality-table.js';
import {
  NO_FILTER,
  STATUS_FILTERS,
  filterMunicipalities,
  joinPages,
  listActionItems,
  type OverviewFilter,
  type StatusFilter,
} from './overview-model.js';
import { SignupPager } from './signup-pager.js';
import { useOverviewStyles } from './use-overview-styles.js';

/** Sign-ups per page in the table. */
export const OVERVIEW_PAGE_SIZE = 50;

function DeadlineNotice(props: { days: number; deadline: string; isOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const date = formatLongDate(props.deadline, currentLanguage(i18n));
  if (!props.isOpen) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('overview.deadline.passed', { date })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={props.days <= 7 ? 'warning' : 'info'}>
      <MessageBarBody>
        {props.days === 0
          ? t('overview.deadline.today', { date })
          : t('overview.deadline.days', { count: props.days, date })}
      </MessageBarBody>
    </MessageBar>
  );
}

export default function OverviewPage() {
  const { t } = useTranslation();
  const styles = useOverviewStyles();
  const { api, me, now } = useAppServices();
  const edition = useEdition();
  const load = useCallback(() => api.listMunicipalities(edition), [api, edition]);
  const query = useQuery(queryKeys.municipalities(edition), load);
  const [filter, setFilter] = useState<OverviewFilter>(NO_FILTER);
  const data = query.data;
  const campaignId = data?.campaignId ?? '';
  const loadPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await api.listSignupSummaries({
        campaignId,
        limit: OVERVIEW_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      return { items: page.signups, nextCursor: page.nextCursor };
    },
    [api, campaignId],
  );
  const pages = usePages(queryKeys.signupPages(campaignId), loadPage, {
    enabled: campaignId !== '',
  });
  const ready = data !== undefined && pages.items !== undefined;

  useEffect(() => {
    if (ready) markOnce(FIRST_PAGE_MARK);
  }, [ready]);

  const paged = useMemo(
    () => (data ? joinPages(data.municipalities, pages.items ?? [], !pages.hasMore) : undefined),
    [data, pages.items, pages.hasMore],
  );
  const rows = useMemo(
    () => (paged ? filterMunicipalities(paged.rows, filter) : []),
    [paged, filter],
  );
  const actionItems = useMemo(() => (data ? listActionItems(data.municipalities) : []), [data]);
  const riecs = useMemo(
    () => [...new Set((data?.municipalities ?? []).map((m) => m.riec))].sort(),
    [data],
  );
  const title = t('overview.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {pages.error !== undefined && <ProblemMessage error={pages.error} onRetry={pages.reload} />}
      {!ready && (query.isLoading || pages.isLoading) && <Loading label={t('overview.loading')} />}
      {data && paged && ready && (
        <>
          <DeadlineNotice
            days={data.daysToDeadline}
            deadline={data.signupDeadline}
            isOpen={data.isSignupOpen}
          />
          <section className={styles.section} aria-labelledby="overview-first">
            <Title3 as="h3" id="overview-first" className={styles.heading}>
              {t('overview.first')}
            </Title3>
            <ActionList items={actionItems} me={me} isSignupOpen={data.isSignupOpen} />
          </section>
          <section className={styles.section} aria-labelledby="overview-all">
            <Title3 as="h3" id="overview-all" className={styles.heading}>
              {me.canReadAll ? t('overview.allProvince') : t('overview.all')}
            </Title3>
            <div className={styles.filters} role="search">
              <Field label={t('overview.search')} className={styles.filterField}>
                <SearchBox
                  value={filter.query}
                  onChange={(_, d) => setFilter((f) => ({ ...f, query: d.value }))}
                />
              </Field>
              <Field label={t('overview.statusFilter')} className={styles.filterField}>
                <Select
                  value={filter.status}
                  onChange={(_, d) => setFilter((f) => ({ ...f, status: d.value as StatusFilter }))}
                >
                  {STATUS_FILTERS.map((status) => (
                    <option key={status} value={status}>
                      {t(`overview.filter.${status}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              {me.canReadAll && riecs.length > 1 && (
                <Field label={t('overview.riecFilter')} className={styles.filterField}>
                  <Select
                    value={filter.riec}
                    onChange={(_, d) => setFilter((f) => ({ ...f, riec: d.value }))}
                  >
                    <option value="all">{t('overview.filter.allRiecs')}</option>
                    {riecs.map((riec) => (
                      <option key={riec} value={riec}>
                        {riec}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
            </div>
            <Body1 role="status" className={styles.muted}>
              {t('overview.count', { shown: rows.length, total: data.municipalities.length })}
            </Body1>
            <ExportButtons campaignId={data.campaignId} />
            {rows.length > 0 && (
              <MunicipalityTable
                rows={rows}
                me={me}
                isSignupOpen={data.isSignupOpen}
                showRiec={me.canReadAll}
                now={now()}
              />
            )}
            <SignupPager
              loaded={paged.loaded}
              total={paged.total}
              pageSize={OVERVIEW_PAGE_SIZE}
              hasMore={pages.hasMore}
              isLoadingMore={pages.isLoadingMore}
              onMore={pages.loadMore}
            />
          </section>
        </>
      )}
    </>
  );
}

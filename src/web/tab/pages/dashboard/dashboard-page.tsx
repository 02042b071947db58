// The province dashboard (issue 13, item 2): for the edition the user picked, per RIEC the funnel,
// the days to the deadline, sign-ups and confirmations over time, each trainer's workshops and
// holds, the scan answers counted and what needs attention first (holds that lapse within 2 days
// and due reminders included), when the last reminder went to each municipality that has not
// signed up (items 3 and 4). Account holder: own RIEC;
// coordinator: every RIEC. Every chart has a table with the same figures; the charts load last.
import {
  Body1,
  Link,
  MessageBar,
  MessageBarBody,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGetDashboardResponse } from '../../../common/api/api-types.js';
import { DataTable } from '../../../common/components/data-table.js';
import { Loading } from '../../../common/components/loading.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { VisuallyHidden } from '../../../common/components/visually-hidden.js';
import { formatLongDate, formatMoment } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { useEdition, useEditionHref } from '../../routing/use-route.js';
import { useOverviewStyles } from '../overview/use-overview-styles.js';
import { FUNNEL_ORDER } from './dashboard-model.js';

const DashboardCharts = lazy(() => import('./dashboard-charts.js'));

function Deadline({ dashboard }: { dashboard: TGetDashboardResponse }) {
  const { t, i18n } = useTranslation();
  const date = formatLongDate(dashboard.signupDeadline, currentLanguage(i18n));
  const days = dashboard.daysToDeadline;
  const text =
    days < 0
      ? t('dashboard.deadlinePassed', { date })
      : days === 0
        ? t('dashboard.deadlineToday', { date })
        : t('dashboard.deadline', { count: days, date });
  return (
    <MessageBar intent={days >= 0 && days <= 7 ? 'warning' : 'info'}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

function FunnelTable({ dashboard }: { dashboard: TGetDashboardResponse }) {
  const { t } = useTranslation();
  const rows = [
    ...dashboard.riecs.map((row) => ({ key: row.riec, label: row.riec, ...row })),
    ...(dashboard.riecs.length > 1
      ? [
          {
            key: 'total',
            label: t('dashboard.total'),
            municipalities: dashboard.riecs.reduce((n, row) => n + row.municipalities, 0),
            funnel: dashboard.total,
          },
        ]
      : []),
  ];
  return (
    <DataTable labelledBy="dashboard-funnel">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.riec')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.municipalities')}</TableHeaderCell>
          {FUNNEL_ORDER.map((stage) => (
            <TableHeaderCell key={stage}>{t(`dashboard.stage.${stage}`)}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell>{row.label}</TableCell>
            <TableCell>{row.municipalities}</TableCell>
            {FUNNEL_ORDER.map((stage) => (
              <TableCell key={stage}>{row.funnel[stage]}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

function WeeksTable({ dashboard }: { dashboard: TGetDashboardResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <DataTable labelledBy="dashboard-over-time">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.week')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.signedUp')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.confirmedCount')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.signedUpTotal')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.confirmedTotal')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {dashboard.weeks.map((week) => (
          <TableRow key={week.week}>
            <TableCell>{formatLongDate(week.week, language)}</TableCell>
            <TableCell>{week.signedUp}</TableCell>
            <TableCell>{week.confirmed}</TableCell>
            <TableCell>{week.signedUpTotal}</TableCell>
            <TableCell>{week.confirmedTotal}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

function TrainerTable({ dashboard }: { dashboard: TGetDashboardResponse }) {
  const { t } = useTranslation();
  return (
    <DataTable labelledBy="dashboard-trainers">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.trainer')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.role')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.workshops')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.holds')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.unanswered')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {dashboard.trainers.map((trainer) => (
          <TableRow key={trainer.email}>
            <TableCell>{trainer.name}</TableCell>
            <TableCell>{t(`role.${trainer.role}`)}</TableCell>
            <TableCell>{trainer.workshops}</TableCell>
            <TableCell>{trainer.holds}</TableCell>
            <TableCell>{trainer.unanswered}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

function ScanTable({ dashboard }: { dashboard: TGetDashboardResponse }) {
  const { t } = useTranslation();
  return (
    <DataTable labelledBy="dashboard-scan">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.scanAnswer')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.count')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {(Object.keys(dashboard.scan) as (keyof typeof dashboard.scan)[]).map((answer) => (
          <TableRow key={answer}>
            <TableCell>{t(`scan.${answer}`)}</TableCell>
            <TableCell>{dashboard.scan[answer]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

function Actions({ dashboard }: { dashboard: TGetDashboardResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const styles = useOverviewStyles();
  const href = useEditionHref();
  const due = dashboard.reminders.filter((row) => row.dueSince !== null);
  if (dashboard.actions.length + dashboard.lapsingHolds.length + due.length === 0) {
    return <Body1 className={styles.muted}>{t('dashboard.nothingFirst')}</Body1>;
  }
  return (
    <ol className={styles.actions}>
      {dashboard.lapsingHolds.map((hold) => (
        <li key={`lapses-${hold.signupId}`} className={styles.actionItem}>
          <span className={styles.actionText}>
            <Text weight="semibold">{hold.displayName}</Text>
            <Body1>
              {t('dashboard.lapsesSoon', { when: formatMoment(hold.lapsesAt, language) })}
            </Body1>
          </span>
          <Link href={href({ page: 'options', signupId: hold.signupId })}>
            {t('nextStep.answers')}
            <VisuallyHidden>{` – ${hold.displayName}`}</VisuallyHidden>
          </Link>
        </li>
      ))}
      {dashboard.actions.map((action) => (
        <li key={action.signupId} className={styles.actionItem}>
          <span className={styles.actionText}>
            <Text weight="semibold">{action.displayName}</Text>
            <Body1>{t(`needsAction.${action.needsAction}`)}</Body1>
          </span>
          <Link href={href({ page: 'options', signupId: action.signupId })}>
            {t('nextStep.answers')}
            <VisuallyHidden>{` – ${action.displayName}`}</VisuallyHidden>
          </Link>
        </li>
      ))}
      {due.map((row) => (
        <li key={`reminder-${row.cbsCode}`} className={styles.actionItem}>
          <span className={styles.actionText}>
            <Text weight="semibold">{row.displayName}</Text>
            <Body1>
              {t('dashboard.reminderDue', {
                date: formatLongDate(row.dueSince ?? '', language),
              })}
            </Body1>
          </span>
          <Link href={href({ page: 'reminders' })}>{t('reminders.dashboardLink')}</Link>
        </li>
      ))}
    </ol>
  );
}

function RemindersTable({ dashboard }: { dashboard: TGetDashboardResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <DataTable labelledBy="dashboard-reminders">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.municipality')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.riec')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.remindersSent')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.lastReminder')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.reminderDueSince')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {dashboard.reminders.map((row) => (
          <TableRow key={row.cbsCode}>
            <TableCell>{row.displayName}</TableCell>
            <TableCell>{row.riec}</TableCell>
            <TableCell>{row.sentCount}</TableCell>
            <TableCell>
              {row.lastSentAt ? formatMoment(row.lastSentAt, language) : t('dashboard.never')}
            </TableCell>
            <TableCell>
              {row.dueSince ? formatLongDate(row.dueSince, language) : t('dashboard.notDue')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

function Section(props: { id: string; title: string; children: React.ReactNode }) {
  const styles = useOverviewStyles();
  return (
    <section className={styles.section} aria-labelledby={props.id}>
      <Title3 as="h3" id={props.id} className={styles.heading}>
        {props.title}
      </Title3>
      {props.children}
    </section>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const styles = useOverviewStyles();
  const { api } = useAppServices();
  const edition = useEdition();
  const href = useEditionHref();
  const load = useCallback(() => api.getDashboard(edition), [api, edition]);
  const query = useQuery(queryKeys.dashboard(edition), load);
  const dashboard = query.data;
  const title = t('dashboard.title');
  const chart = (which: 'funnel' | 'overTime') =>
    dashboard && (
      <Suspense fallback={null}>
        <DashboardCharts dashboard={dashboard} which={which} />
      </Suspense>
    );

  return (
    <>
      <PageHeading title={title}>{dashboard ? `${title}: ${dashboard.title}` : title}</PageHeading>
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {!dashboard && query.isLoading && <Loading label={t('dashboard.loading')} />}
      {dashboard && (
        <>
          <Deadline dashboard={dashboard} />
          <Section id="dashboard-first" title={t('dashboard.first')}>
            <Actions dashboard={dashboard} />
          </Section>
          <Section id="dashboard-funnel" title={t('dashboard.funnel')}>
            {chart('funnel')}
            <FunnelTable dashboard={dashboard} />
          </Section>
          <Section id="dashboard-over-time" title={t('dashboard.overTime')}>
            {dashboard.weeks.length === 0 ? (
              <Body1 className={styles.muted}>{t('dashboard.noWeeks')}</Body1>
            ) : (
              <>
                {chart('overTime')}
                <WeeksTable dashboard={dashboard} />
                <Body1 className={styles.muted}>{t('dashboard.overTimeNote')}</Body1>
              </>
            )}
          </Section>
          <Section id="dashboard-reminders" title={t('dashboard.reminders')}>
            <Link href={href({ page: 'reminders' })}>{t('reminders.dashboardLink')}</Link>
            {dashboard.reminders.length === 0 ? (
              <Body1 className={styles.muted}>{t('dashboard.noReminders')}</Body1>
            ) : (
              <RemindersTable dashboard={dashboard} />
            )}
          </Section>
          <Section id="dashboard-trainers" title={t('dashboard.trainers')}>
            {dashboard.trainers.length === 0 ? (
              <Body1 className={styles.muted}>{t('dashboard.noTrainers')}</Body1>
            ) : (
              <TrainerTable dashboard={dashboard} />
            )}
          </Section>
          <Section id="dashboard-scan" title={t('dashboard.scan')}>
            <ScanTable dashboard={dashboard} />
          </Section>
        </>
      )}
    </>
  );
}

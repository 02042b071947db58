// The dashboard's charts (@fluentui/react-charts, the Fluent v9 chart controls, themed like the
// rest): the funnel per RIEC as stacked bars and the sign-ups and confirmations over time as
// lines. Its own chunk, loaded after the tables: every figure is also in a table (accessibility).
import { LineChart, VerticalStackedBarChart } from '@fluentui/react-charts';
import { useTranslation } from 'react-i18next';
import type { TGetDashboardResponse } from '../../../common/api/api-types.js';
import { FUNNEL_ORDER } from './dashboard-model.js';

export interface DashboardChartsProps {
  readonly dashboard: TGetDashboardResponse;
  readonly which: 'funnel' | 'overTime';
}

export default function DashboardCharts({ dashboard, which }: DashboardChartsProps) {
  const { t } = useTranslation();
  if (which === 'funnel') {
    return (
      <div role="img" aria-label={t('dashboard.funnelChart')}>
        <VerticalStackedBarChart
          chartTitle={t('dashboard.funnel')}
          height={260}
          hideTooltip={false}
          data={dashboard.riecs.map((row) => ({
            xAxisPoint: row.riec.replace(/^RIEC /, ''),
            chartData: FUNNEL_ORDER.map((stage) => ({
              legend: t(`dashboard.stage.${stage}`),
              data: row.funnel[stage],
            })),
          }))}
        />
      </div>
    );
  }
  return (
    <div role="img" aria-label={t('dashboard.overTimeChart')}>
      <LineChart
        height={240}
        data={{
          chartTitle: t('dashboard.overTime'),
          lineChartData: [
            {
              legend: t('dashboard.signedUpTotal'),
              data: dashboard.weeks.map((week) => ({
                x: new Date(`${week.week}T12:00:00Z`),
                y: week.signedUpTotal,
              })),
            },
            {
              legend: t('dashboard.confirmedTotal'),
              data: dashboard.weeks.map((week) => ({
                x: new Date(`${week.week}T12:00:00Z`),
                y: week.confirmedTotal,
              })),
            },
          ],
        }}
      />
    </div>
  );
}

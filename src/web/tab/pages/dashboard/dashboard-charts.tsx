// The dashboard's charts (@fluentui/react-charts, the Fluent v9 chart controls, themed like the
// rest): the funnel per RIEC as stacked bars and the sign-ups and confirmations over time as
// lines. Its own chunk, loaded after the tables: every figure is also in a table (accessibility).
import {
  DataVizPalette,
  getColorFromToken,
  LineChart,
  VerticalStackedBarChart,
} from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TGetDashboardResponse } from '../../../common/api/api-types.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { FUNNEL_ORDER } from './dashboard-model.js';

// One colour per stage, the same in every bar, so the legend names each stage once.
const STAGE_COLOURS = [
  DataVizPalette.color1,
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
  DataVizPalette.color7,
];

const useStyles = makeStyles({
  // A chart never makes the page wider than the pane: it scrolls sideways inside instead (and
  // takes focus, so the keyboard can scroll it too).
  figure: { margin: 0, maxWidth: '100%', overflowX: 'auto', minWidth: 0 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  // The chart's legend capitalises every word ("Niet Aangemeld"); Dutch does not.
  legend: { textTransform: 'none' },
});

export interface DashboardChartsProps {
  readonly dashboard: TGetDashboardResponse;
  readonly which: 'funnel' | 'overTime';
}

export default function DashboardCharts({ dashboard, which }: DashboardChartsProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  if (which === 'funnel') {
    return (
      <figure className={styles.figure} tabIndex={0}>
        <figcaption className={styles.hidden}>{t('dashboard.funnelChart')}</figcaption>
        <VerticalStackedBarChart
          height={260}
          barWidth="auto"
          maxBarWidth={40}
          xAxisInnerPadding={0.4}
          xAxisOuterPadding={0.3}
          wrapXAxisLables
          legendProps={{ enabledWrapLines: true, styles: { legend: styles.legend } }}
          data={dashboard.riecs.map((row) => ({
            xAxisPoint: row.riec.replace(/^RIEC /, ''),
            chartData: FUNNEL_ORDER.map((stage, index) => ({
              legend: t(`dashboard.stage.${stage}`),
              data: row.funnel[stage],
              color: getColorFromToken(STAGE_COLOURS[index] ?? DataVizPalette.color1),
            })),
          }))}
        />
      </figure>
    );
  }
  const weeks = dashboard.weeks.map((week) => new Date(`${week.week}T12:00:00Z`));
  return (
    <figure className={styles.figure} tabIndex={0}>
      <figcaption className={styles.hidden}>{t('dashboard.overTimeChart')}</figcaption>
      <LineChart
        height={240}
        tickValues={weeks}
        legendProps={{ enabledWrapLines: true, styles: { legend: styles.legend } }}
        customDateTimeFormatter={(date) =>
          date.toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', {
            day: 'numeric',
            month: 'short',
          })
        }
        data={{
          lineChartData: [
            {
              legend: t('dashboard.signedUpTotal'),
              color: getColorFromToken(DataVizPalette.color2),
              data: dashboard.weeks.map((week, i) => ({ x: weeks[i]!, y: week.signedUpTotal })),
            },
            {
              legend: t('dashboard.confirmedTotal'),
              color: getColorFromToken(DataVizPalette.color5),
              data: dashboard.weeks.map((week, i) => ({ x: weeks[i]!, y: week.confirmedTotal })),
            },
          ],
        }}
      />
    </figure>
  );
}

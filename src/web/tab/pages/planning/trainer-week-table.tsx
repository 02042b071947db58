// The timeline per trainer (issue 12, item 4): a table (row = trainer, column = week) with the
// workshops, options and planned workshops as blocks. The kinds differ by word, icon and border
// (solid, dashed, dotted), not by colour alone, so they stay apart in high contrast and with the
// system's forced colours. On a narrow pane the table scrolls sideways in its own region, which
// the keyboard can reach (tabIndex 0, named like the table).
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import {
  CalendarAdd16Regular,
  CalendarCheckmark16Regular,
  Clock16Regular,
} from '@fluentui/react-icons';
import { useId, useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlanRow } from '../../../common/api/api-types.js';
import { formatMoment, formatShortDate } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { trainerWeeks, type BlockKind, type TFixedItem } from './trainer-weeks.js';

const useStyles = makeStyles({
  region: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  table: { tableLayout: 'auto' },
  caption: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  timeline: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  role: { display: 'block', color: tokens.colorNeutralForeground3 },
  cell: { verticalAlign: 'top' },
  blocks: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} 0`,
    listStyleType: 'none',
  },
  block: {
    display: 'block',
    minWidth: '9rem',
    whiteSpace: 'nowrap',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
  },
  workshop: {
    ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  hold: {
    ...shorthands.border(tokens.strokeWidthThick, 'dashed', tokens.colorNeutralStrokeAccessible),
    backgroundColor: tokens.colorNeutralBackground3,
  },
  planned: {
    ...shorthands.border(tokens.strokeWidthThick, 'dotted', tokens.colorNeutralStrokeAccessible),
    backgroundColor: tokens.colorNeutralBackground1,
  },
  kind: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  when: { display: 'block' },
});

const ICONS: Record<BlockKind, ReactElement> = {
  workshop: <CalendarCheckmark16Regular aria-hidden />,
  hold: <Clock16Regular aria-hidden />,
  planned: <CalendarAdd16Regular aria-hidden />,
};
const KINDS: readonly BlockKind[] = ['workshop', 'hold', 'planned'];

function KindLabel({ kind }: { readonly kind: BlockKind }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <span className={styles.kind}>
      {ICONS[kind]}
      {t(`timeline.kind.${kind}`)}
    </span>
  );
}

export function TrainerWeekTable(props: {
  readonly rows: readonly TPlanRow[];
  readonly fixed?: readonly TFixedItem[];
  /** Sign-ups whose options the apply placed: their blocks are options now. */
  readonly placed?: ReadonlySet<string>;
}) {
  const { rows, fixed, placed } = props;
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const captionId = useId();
  const view = useMemo(() => trainerWeeks(rows, fixed, placed), [rows, fixed, placed]);
  if (view.rows.length === 0) return null;
  return (
    <div className={styles.timeline}>
      <ul className={styles.legend} aria-label={t('timeline.legend')}>
        {KINDS.map((kind) => (
          <li key={kind} className={mergeClasses(styles.block, styles[kind])}>
            <KindLabel kind={kind} />
            <Caption1 className={styles.when}>{t(`timeline.meaning.${kind}`)}</Caption1>
          </li>
        ))}
      </ul>
      <div
        className={styles.region}
        role="region"
        aria-labelledby={captionId}
        // Reachable with the keyboard, so a narrow pane can scroll it (axe: scrollable-region-focusable).
        tabIndex={0}
      >
        <Table size="small" className={styles.table}>
          <caption id={captionId} className={styles.caption}>
            {t('timeline.caption')}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('planning.trainer')}</TableHeaderCell>
              {view.weeks.map((week) => (
                <TableHeaderCell key={week} scope="col">
                  {t('planning.weekOf', { date: formatShortDate(week, language) })}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.rows.map((row) => (
              <TableRow key={row.trainer.id}>
                <TableHeaderCell scope="row">
                  {row.trainer.name}
                  <Caption1 className={styles.role}>{t(`role.${row.trainer.role}`)}</Caption1>
                </TableHeaderCell>
                {row.cells.map((cell, index) => (
                  <TableCell key={view.weeks[index]} className={styles.cell}>
                    {cell.length > 0 && (
                      <ul className={styles.blocks}>
                        {cell.map((block) => (
                          <li
                            key={block.key}
                            className={mergeClasses(styles.block, styles[block.kind])}
                            data-kind={block.kind}
                          >
                            <KindLabel kind={block.kind} />
                            {`: ${block.municipality}`}
                            <Caption1 className={styles.when}>
                              {formatMoment(block.start, language)}
                            </Caption1>
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

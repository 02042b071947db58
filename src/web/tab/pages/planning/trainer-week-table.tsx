// The plan per trainer: trainer rows, the weeks across, the planned workshops in the cells.
import {
  Caption1,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlanRow } from '../../../common/api/api-types.js';
import { DataTable } from '../../../common/components/data-table.js';
import { formatShortDate } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { trainerWeeks } from './trainer-weeks.js';

const useStyles = makeStyles({
  workshop: { display: 'block', whiteSpace: 'nowrap' },
  role: { display: 'block', color: tokens.colorNeutralForeground3 },
});

export function TrainerWeekTable({ rows }: { readonly rows: readonly TPlanRow[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const view = useMemo(() => trainerWeeks(rows), [rows]);
  if (view.rows.length === 0) return null;
  return (
    <DataTable caption={t('planning.perTrainer')}>
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
              <TableCell key={view.weeks[index]}>
                {cell.map((workshop) => (
                  <span key={workshop.signupId} className={styles.workshop}>
                    {workshop.municipality}
                    <Caption1 className={styles.role}>
                      {formatShortDate(workshop.start, language)}
                    </Caption1>
                  </span>
                ))}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

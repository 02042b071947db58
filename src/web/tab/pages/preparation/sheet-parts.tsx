// Parts of the workshop sheet (issue 14, item 4): the facts at its top (date, place, pair,
// contact, scan and themes) and the preview of an attendee list as it was read, with the Dutch
// message per row, before anything is stored.
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TAttendeePreview, TWorkshopSheet } from '../../../../contract/index.js';
import { sheetFacts } from '../../../common/format/sheet-facts.js';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

export function SheetFacts({ sheet, language }: { sheet: TWorkshopSheet; language: 'nl' | 'en' }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const facts = sheetFacts(sheet, t, language);
  return (
    <dl className={styles.facts}>
      {facts.map(([term, detail]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PreviewTable({ preview }: { preview: TAttendeePreview }) {
  const { t } = useTranslation();
  const errors = preview.issues;
  return (
    <section aria-labelledby="preview-heading">
      <Title3 as="h5" id="preview-heading">
        {t('prep.previewTitle')}
      </Title3>
      <p>
        {t('prep.columns', {
          columns: preview.columns
            .map(
              (c) =>
                `${c.header} → ${t(`prepColumn.${c.meaning ?? 'unused'}` as 'prepColumn.naam')}`,
            )
            .join(', '),
        })}
      </p>
      <h5>{t('prep.problems')}</h5>
      {errors.length === 0 ? (
        <p>{t('prep.noProblems')}</p>
      ) : (
        <ul>
          {errors.map((issue, index) => (
            <li key={`${issue.code}-${index}`}>
              {issue.severity === 'error' ? '⚠ ' : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      <Table size="small" aria-labelledby="preview-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('prep.row')}</TableHeaderCell>
            <TableHeaderCell>{t('prep.name')}</TableHeaderCell>
            <TableHeaderCell>{t('prep.party')}</TableHeaderCell>
            <TableHeaderCell>{t('prep.side')}</TableHeaderCell>
            <TableHeaderCell>{t('prep.role')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row) => (
            <TableRow key={row.row} aria-invalid={!row.isValid || undefined}>
              <TableCell>{row.row}</TableCell>
              <TableCell>{row.name}</TableCell>
              <TableCell>{row.party}</TableCell>
              <TableCell>{row.side}</TableCell>
              <TableCell>{row.role}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

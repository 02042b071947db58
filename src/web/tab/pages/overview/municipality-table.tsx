// Every municipality with its sign-up: status, the trainers' answers or the confirmed date, and
// the next step.
import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TGetMeResponse, TMunicipalityView } from '../../../common/api/api-types.js';
import { StatusBadge } from '../../../common/components/status-labels.js';
import { VisuallyHidden } from '../../../common/components/visually-hidden.js';
import { formatSlot, formatTimeUntil } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { routeHref } from '../../routing/routes.js';
import { findNextStep, statusOf } from './overview-model.js';
import { useOverviewStyles } from './use-overview-styles.js';

function Progress({ row, now }: { row: TMunicipalityView; now: Date }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const signup = row.signup;
  if (!signup) return null;
  if (signup.confirmedSlot) {
    return <>{formatSlot(signup.confirmedSlot.start, signup.confirmedSlot.end, language)}</>;
  }
  if (signup.status !== 'opties_geplaatst') return null;
  const counts = signup.answers;
  const parts = (
    [
      ['accepted', counts.accepted],
      ['tentative', counts.tentativelyAccepted],
      ['declined', counts.declined],
      ['pending', counts.pending],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => t(`overview.answerParts.${kind}`, { count }));
  return (
    <>
      {parts.join(', ')}
      {signup.lapsesAt && (
        <>
          <br />
          {t('overview.lapses', { when: formatTimeUntil(signup.lapsesAt, now, language) })}
        </>
      )}
    </>
  );
}

export function MunicipalityTable(props: {
  rows: readonly TMunicipalityView[];
  me: TGetMeResponse;
  isSignupOpen: boolean;
  showRiec: boolean;
  now: Date;
}) {
  const { t } = useTranslation();
  const styles = useOverviewStyles();
  return (
    <div className={styles.tableWrap}>
      <Table aria-labelledby="overview-all" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('overview.column.municipality')}</TableHeaderCell>
            {props.showRiec && <TableHeaderCell scope="col">RIEC</TableHeaderCell>}
            <TableHeaderCell scope="col">{t('overview.column.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.column.progress')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.column.next')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row) => {
            const next = findNextStep(row, props.me, props.isSignupOpen);
            return (
              <TableRow key={row.cbsCode}>
                <TableCell>{row.displayName}</TableCell>
                {props.showRiec && <TableCell>{row.riec}</TableCell>}
                <TableCell>
                  <StatusBadge status={statusOf(row)} />
                </TableCell>
                <TableCell>
                  <Progress row={row} now={props.now} />
                </TableCell>
                <TableCell>
                  {next && (
                    <Link href={routeHref(next.route)}>
                      {t(`nextStep.${next.kind}`)}
                      <VisuallyHidden>{` – ${row.displayName}`}</VisuallyHidden>
                    </Link>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

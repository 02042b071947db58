// A trainer's own view (read-only): the workshops they give and the options that wait for their
// answer in Outlook. Answering happens in Outlook; this page only shows.
import {
  Body1,
  Link,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSignupView } from '../../../common/api/api-types.js';
import { DataTable } from '../../../common/components/data-table.js';
import { Loading } from '../../../common/components/loading.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { AnswerLabel, StatusBadge } from '../../../common/components/status-labels.js';
import { VisuallyHidden } from '../../../common/components/visually-hidden.js';
import { formatSlot } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { FIRST_PAGE_MARK, markOnce } from '../../../common/performance/marks.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { routeHref } from '../../routing/routes.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

function roleOf(signup: TSignupView, email: string): 'berenschot' | 'riec' | undefined {
  const same = (a: string) => a.toLowerCase() === email.toLowerCase();
  if (signup.pair && same(signup.pair.berenschot.email)) return 'berenschot';
  if (signup.pair && same(signup.pair.riec.email)) return 'riec';
  return undefined;
}

export default function TrainerPage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { api, me } = useAppServices();
  const load = useCallback(() => api.listSignups(), [api]);
  const query = useQuery(queryKeys.signups(), load);
  const signups = query.data?.signups ?? [];
  const workshops = signups.filter((s) => s.confirmedSlot !== null);
  const open = signups.filter((s) => s.status === 'opties_geplaatst');
  const title = t('trainer.title');

  useEffect(() => {
    if (query.data) markOnce(FIRST_PAGE_MARK);
  }, [query.data]);

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Body1>{t('trainer.intro')}</Body1>
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {!query.data && query.isLoading && <Loading label={t('trainer.loading')} />}
      {query.data && (
        <>
          <section className={styles.section} aria-labelledby="trainer-workshops">
            <Title3 as="h3" id="trainer-workshops" className={styles.heading}>
              {t('trainer.workshops')}
            </Title3>
            {workshops.length === 0 ? (
              <Body1 className={styles.muted}>{t('trainer.noWorkshops')}</Body1>
            ) : (
              <ul>
                {workshops.map((signup) => (
                  <li key={signup.id}>
                    <strong>{signup.municipality.name}</strong>:{' '}
                    {signup.confirmedSlot &&
                      formatSlot(
                        signup.confirmedSlot.start,
                        signup.confirmedSlot.end,
                        language,
                      )}{' '}
                    <StatusBadge status={signup.status} />{' '}
                    <Link href={routeHref({ page: 'log', signupId: signup.id })}>
                      {t('nextStep.log')}
                      <VisuallyHidden>{` – ${signup.municipality.name}`}</VisuallyHidden>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.section} aria-labelledby="trainer-open">
            <Title3 as="h3" id="trainer-open" className={styles.heading}>
              {t('trainer.open')}
            </Title3>
            {open.length === 0 ? (
              <Body1 className={styles.muted}>{t('trainer.noOpen')}</Body1>
            ) : (
              <DataTable labelledBy="trainer-open">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">
                      {t('overview.column.municipality')}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col">{t('options.option')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('trainer.yourAnswer')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {open.flatMap((signup) => {
                    const role = roleOf(signup, me.email);
                    return signup.options
                      .filter((option) => option.hold === 'open')
                      .map((option) => (
                        <TableRow key={`${signup.id}-${option.slotIndex}`}>
                          <TableCell>{signup.municipality.name}</TableCell>
                          <TableCell>
                            {t('options.optionNumber', { number: option.slotIndex + 1 })}:{' '}
                            {formatSlot(option.slot.start, option.slot.end, language)}
                          </TableCell>
                          <TableCell>
                            {role ? <AnswerLabel answer={option.answers[role]} /> : '—'}
                          </TableCell>
                        </TableRow>
                      ));
                  })}
                </TableBody>
              </DataTable>
            )}
          </section>
        </>
      )}
    </>
  );
}

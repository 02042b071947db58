// "Mijn beschikbaarheid" (issue 12): a trainer states, for the campaign window, the evenings and
// day parts they can or cannot work: a usual week plus exceptions per date. The planner counts
// it as known where the calendar says nothing (a Berenschot calendar is not visible to the
// RIECs). What the trainer typed is kept as a session draft until it is saved.
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../common/api/api-errors.js';
import type { TMyAvailabilityResponse } from '../../../common/api/api-types.js';
import { Loading } from '../../../common/components/loading.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { formatLongDate } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { FIRST_PAGE_MARK, markOnce } from '../../../common/performance/marks.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { clearSessionDraft, useSessionDraft } from '../../../common/services/use-session-draft.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import {
  DAY_PARTS,
  WEEKDAYS,
  draftFrom,
  isDraft,
  requestFrom,
  weeklyKey,
  type Answer,
  type AvailabilityDraft,
  type DateRow,
} from './my-availability-model.js';

const DRAFT_KEY = 'my-availability';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  table: { borderCollapse: 'collapse', width: 'fit-content' },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, textAlign: 'left' },
  dateRow: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export default function MyAvailabilityPage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { api } = useAppServices();
  const load = useCallback(() => api.getMyAvailability(), [api]);
  const query = useQuery(queryKeys.myAvailability(), load);
  const [draft, setDraft] = useSessionDraft<AvailabilityDraft | null>(
    DRAFT_KEY,
    () => null,
    isDraft,
  );
  const [saved, setSaved] = useState<TMyAvailabilityResponse | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [nextKey, setNextKey] = useState(0);
  const titleId = useId();
  const title = t('myAvailability.title');

  useEffect(() => {
    const data = query.data;
    if (data) {
      markOnce(FIRST_PAGE_MARK);
      // A draft the trainer is still working on wins over what is stored.
      setDraft((current) => current ?? draftFrom(data));
    }
  }, [query.data, setDraft]);

  const fieldError = (field: string) =>
    error instanceof ApiProblem
      ? error.fieldErrors.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message
      : undefined;

  const setWeekly = (key: string, answer: Answer) =>
    setDraft((d) => (d ? { ...d, weekly: { ...d.weekly, [key]: answer } } : d));
  const setRow = (key: string, change: Partial<DateRow>) =>
    setDraft((d) =>
      d ? { ...d, dates: d.dates.map((r) => (r.key === key ? { ...r, ...change } : r)) } : d,
    );

  const window = saved?.window ?? query.data?.window;

  async function save() {
    if (!draft) return;
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const result = await api.saveMyAvailability(requestFrom(draft));
      clearSessionDraft(DRAFT_KEY);
      setDraft(() => draftFrom(result));
      setSaved(result);
    } catch (caught) {
      // The draft stays as typed: the trainer corrects the field the message names.
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Body1>{t('myAvailability.intro')}</Body1>
      {window && (
        <Body1>
          {t('myAvailability.window', {
            start: formatLongDate(window.start, language),
            end: formatLongDate(window.end, language),
          })}
        </Body1>
      )}
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {!query.data && query.isLoading && <Loading label={t('myAvailability.loading')} />}
      {draft && (
        <form
          className={styles.form}
          aria-labelledby={titleId}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <span id={titleId} hidden>
            {title}
          </span>
          <section className={styles.section} aria-labelledby="my-availability-week">
            <Title3 as="h3" id="my-availability-week" className={styles.heading}>
              {t('myAvailability.week')}
            </Title3>
            <Body1>{t('myAvailability.weekHelp')}</Body1>
            <table className={styles.table}>
              <caption className={styles.cell}>{t('myAvailability.weekCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>
                    {t('myAvailability.day')}
                  </th>
                  {DAY_PARTS.map((part) => (
                    <th key={part} scope="col" className={styles.cell}>
                      {t(`myAvailability.dayPart.${part}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {WEEKDAYS.map((weekday) => (
                  <tr key={weekday}>
                    <th scope="row" className={styles.cell}>
                      {t(`myAvailability.weekday.d${weekday}`)}
                    </th>
                    {DAY_PARTS.map((part) => {
                      const key = weeklyKey(weekday, part);
                      return (
                        <td key={part} className={styles.cell}>
                          <Select
                            aria-label={t('myAvailability.cellLabel', {
                              day: t(`myAvailability.weekday.d${weekday}`),
                              part: t(`myAvailability.dayPart.${part}`),
                            })}
                            value={draft.weekly[key] ?? ''}
                            onChange={(_, d) => setWeekly(key, d.value as Answer)}
                          >
                            <option value="">{t('myAvailability.answer.unsaid')}</option>
                            <option value="yes">{t('myAvailability.answer.yes')}</option>
                            <option value="no">{t('myAvailability.answer.no')}</option>
                          </Select>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className={styles.section} aria-labelledby="my-availability-dates">
            <Title3 as="h3" id="my-availability-dates" className={styles.heading}>
              {t('myAvailability.dates')}
            </Title3>
            <Body1>{t('myAvailability.datesHelp')}</Body1>
            {draft.dates.length === 0 && <Body1>{t('myAvailability.noDates')}</Body1>}
            {draft.dates.map((row, index) => {
              const number = index + 1;
              const dateError = fieldError(`dates.${index}`);
              return (
                <div
                  key={row.key}
                  className={styles.dateRow}
                  role="group"
                  aria-label={t('myAvailability.dateGroup', { number })}
                >
                  <Field
                    label={t('myAvailability.date', { number })}
                    {...(dateError
                      ? { validationState: 'error' as const, validationMessage: dateError }
                      : {})}
                  >
                    <Input
                      type="date"
                      value={row.date}
                      {...(window ? { min: window.start, max: window.end } : {})}
                      onChange={(_, d) => setRow(row.key, { date: d.value })}
                    />
                  </Field>
                  <Field label={t('myAvailability.datePart', { number })}>
                    <Select
                      value={row.dayPart}
                      onChange={(_, d) =>
                        setRow(row.key, { dayPart: d.value as DateRow['dayPart'] })
                      }
                    >
                      <option value="">{t('myAvailability.wholeDay')}</option>
                      {DAY_PARTS.map((part) => (
                        <option key={part} value={part}>
                          {t(`myAvailability.dayPart.${part}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('myAvailability.dateAnswer', { number })}>
                    <Select
                      value={row.answer}
                      onChange={(_, d) => setRow(row.key, { answer: d.value as DateRow['answer'] })}
                    >
                      <option value="no">{t('myAvailability.answer.no')}</option>
                      <option value="yes">{t('myAvailability.answer.yes')}</option>
                    </Select>
                  </Field>
                  <Button
                    icon={<Delete20Regular />}
                    onClick={() =>
                      setDraft((d) =>
                        d ? { ...d, dates: d.dates.filter((r) => r.key !== row.key) } : d,
                      )
                    }
                  >
                    {t('myAvailability.removeDate', { number })}
                  </Button>
                </div>
              );
            })}
            <div className={styles.actions}>
              <Button
                icon={<Add20Regular />}
                onClick={() => {
                  setNextKey((k) => k + 1);
                  setDraft((d) =>
                    d
                      ? {
                          ...d,
                          dates: [
                            ...d.dates,
                            {
                              key: `new-${Date.now()}-${nextKey}`,
                              date: window?.start ?? '',
                              dayPart: '',
                              answer: 'no',
                            },
                          ],
                        }
                      : d,
                  );
                }}
              >
                {t('myAvailability.addDate')}
              </Button>
            </div>
          </section>

          {error !== undefined && (
            <ProblemMessage
              error={error}
              action={t('myAvailability.save')}
              onRetry={() => void save()}
            />
          )}
          {saved && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t('myAvailability.saved')}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {busy ? t('myAvailability.saving') : t('myAvailability.save')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

// The page "Planning": one plan for all sign-ups of the account holder's RIEC (the coordinator:
// the province, read-only). "Plan maken" asks the planner; "Vastzetten" and "Overslaan" per row
// plan again with that choice; "Plan toepassen" sends the WHOLE plan's assignments back (as
// docs/planner.md requires: the server judges overlaps within the plan) and shows the progress,
// polled from the sign-ups themselves, and then the outcome per sign-up. When a trainer declined
// or options lapsed since, the page offers a new plan (confirmed workshops stay; replan.ts).
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TApplyProgress,
  TAssignment,
  TPlanCampaignResponse,
  TPlanRow,
} from '../../../common/api/api-types.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { currentLanguage, type Language } from '../../../common/i18n/i18n.js';
import { hasPermission, useAppServices } from '../../../common/services/app-services.js';
import { queryKeys, signupsChanged } from '../../../common/services/query-keys.js';
import { useQuery } from '../../../common/services/use-query.js';
import { PlanTable, type LeftOutRow, type Plan } from './plan-table.js';
import { findReplanItems, type ReplanItem } from './replan.js';
import { TrainerWeekTable } from './trainer-week-table.js';
import { placedIds } from './trainer-weeks.js';

/** How often the progress of applying is asked while the apply call runs (at most). */
const PROGRESS_POLL_MS = 1_500;

type Applying =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: TApplyProgress | undefined }
  | { readonly phase: 'done'; readonly progress: TApplyProgress }
  | { readonly phase: 'failed'; readonly error: unknown };

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

function formatGap(gap: number, language: Language): string {
  const number = (gap * 100).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 2,
  });
  return `${number}%`;
}

/** The verdict of a plan in words: how many are planned and how sure that is the best. */
export function verdictText(plan: Plan, t: TFunction, language: Language): string {
  const { planned, unplanned } = plan.metrics;
  if (plan.status === 'empty') return t('planning.verdict.empty');
  const count = t('planning.verdict.count', { planned, total: planned + unplanned });
  switch (plan.status) {
    case 'optimal':
      return `${count} ${unplanned === 0 ? t('planning.verdict.optimal') : t('planning.verdict.optimalNotAll')}`;
    case 'timeLimit':
      return `${count} ${
        plan.gap === null
          ? t('planning.verdict.timeLimitNoGap')
          : t('planning.verdict.timeLimit', { gap: formatGap(plan.gap, language) })
      }`;
    case 'heuristic':
      return `${count} ${t('planning.verdict.heuristic')}`;
  }
}

/** The offer of a new plan: which sign-ups changed, and that confirmed workshops stay. */
function ReplanOffer(props: {
  readonly items: readonly ReplanItem[];
  readonly disabled: boolean;
  readonly onPlan: () => void;
}) {
  const { t } = useTranslation();
  const names = props.items
    .map((item) =>
      t('replan.item', {
        municipality: item.municipality,
        reason: t(`replan.reason.${item.reason}`),
      }),
    )
    .join(', ');
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('replan.title')}</MessageBarTitle>
        {t('replan.text', { count: props.items.length, names })} {t('replan.kept')}
      </MessageBarBody>
      <MessageBarActions>
        <Button disabled={props.disabled} onClick={props.onPlan}>
          {t('replan.action')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export default function PlanningPage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { api, me, now, pollIntervalMs } = useAppServices();
  const canApply = hasPermission(me, 'signups:propose');
  const client = useQueryClient();
  // The overview's rows (cached when the user came from there): what changed since the last plan.
  const loadMunicipalities = useCallback(() => api.listMunicipalities(), [api]);
  const municipalities = useQuery(queryKeys.municipalities(), loadMunicipalities);
  const replanItems = useMemo(
    () => (municipalities.data ? findReplanItems(municipalities.data.municipalities, now()) : []),
    [municipalities.data, now],
  );

  const [result, setResult] = useState<TPlanCampaignResponse | undefined>(undefined);
  const [keep, setKeep] = useState<ReadonlyMap<string, number>>(new Map());
  const [leftOut, setLeftOut] = useState<ReadonlyMap<string, LeftOutRow>>(new Map());
  const [isPlanning, setIsPlanning] = useState(false);
  const [planError, setPlanError] = useState<unknown>(undefined);
  const [applying, setApplying] = useState<Applying>({ phase: 'idle' });
  // Set on every mount, not only at creation: React mounts a page again after unmounting it
  // (StrictMode does, and so can Suspense), and a ref left at false kept "Plan maken" spinning for
  // ever with the plan's answer dropped.
  const isMounted = useRef(false);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);

  const makePlan = useCallback(
    async (nextKeep: ReadonlyMap<string, number>, nextLeftOut: ReadonlyMap<string, LeftOutRow>) => {
      setIsPlanning(true);
      setPlanError(undefined);
      try {
        const answer = await api.planCampaign({
          ...(nextKeep.size > 0
            ? { keep: [...nextKeep].map(([signupId, slotIndex]) => ({ signupId, slotIndex })) }
            : {}),
          ...(nextLeftOut.size > 0 ? { leaveOut: [...nextLeftOut.keys()] } : {}),
        });
        if (!isMounted.current) return;
        setResult(answer);
        setApplying({ phase: 'idle' });
      } catch (error) {
        // The plan on screen stays; the message says what went wrong.
        if (isMounted.current) setPlanError(error);
      } finally {
        if (isMounted.current) setIsPlanning(false);
      }
    },
    [api],
  );

  const onKeep = (row: TPlanRow, on: boolean) => {
    const next = new Map(keep);
    if (on && row.planned) next.set(row.signupId, row.planned.slot.slotIndex);
    else next.delete(row.signupId);
    setKeep(next);
    void makePlan(next, leftOut);
  };

  const onLeaveOut = (signupId: string, row: LeftOutRow | undefined) => {
    const next = new Map(leftOut);
    const nextKeep = new Map(keep);
    if (row) {
      next.set(signupId, row);
      nextKeep.delete(signupId);
    } else {
      next.delete(signupId);
    }
    setLeftOut(next);
    setKeep(nextKeep);
    void makePlan(nextKeep, next);
  };

  const apply = async (assignments: readonly TAssignment[]) => {
    setApplying({ phase: 'running', progress: undefined });
    let isRunning = true;
    const request = { assignments: [...assignments] };
    const poll = async () => {
      while (isRunning) {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(PROGRESS_POLL_MS, pollIntervalMs)),
        );
        if (!isRunning) return;
        try {
          const progress = await api.getApplyProgress(request);
          if (isRunning && isMounted.current) setApplying({ phase: 'running', progress });
        } catch {
          // A missed poll is no news: the apply call's own answer follows.
        }
      }
    };
    void poll();
    try {
      const progress = await api.applyPlan(request);
      isRunning = false;
      // The overview, the sign-ups and the log show the placed options.
      for (const filters of signupsChanged()) void client.invalidateQueries(filters);
      if (isMounted.current) setApplying({ phase: 'done', progress });
    } catch (error) {
      isRunning = false;
      if (isMounted.current) setApplying({ phase: 'failed', error });
    }
  };

  const plan = result?.kind === 'plan' ? result : undefined;
  const isApplying = applying.phase === 'running';
  const progress =
    applying.phase === 'running' || applying.phase === 'done' ? applying.progress : undefined;
  const title = t('planning.title');
  const placed = useMemo(() => placedIds(progress), [progress]);

  return (
    <div className={styles.page}>
      <PageHeading title={title}>{title}</PageHeading>
      <Body1 as="p">{canApply ? t('planning.intro') : t('planning.introCoordinator')}</Body1>
      {!result && replanItems.length > 0 && (
        <ReplanOffer
          items={replanItems}
          disabled={isPlanning}
          onPlan={() => void makePlan(keep, leftOut)}
        />
      )}
      <div className={styles.actions}>
        <Button
          appearance={plan ? 'secondary' : 'primary'}
          disabled={isPlanning || isApplying}
          onClick={() => void makePlan(keep, leftOut)}
        >
          {result ? t('planning.makeAgain') : t('planning.make')}
        </Button>
        {canApply && plan && (
          <Button
            appearance="primary"
            disabled={isPlanning || isApplying || plan.assignments.length === 0}
            title={t('planning.applyHelp')}
            onClick={() => void apply(plan.assignments)}
          >
            {t('planning.apply')}
          </Button>
        )}
      </div>
      {isPlanning && <Spinner size="small" label={t('planning.making')} />}
      {planError !== undefined && (
        <ProblemMessage
          error={planError}
          action={t('planning.make')}
          onRetry={() => void makePlan(keep, leftOut)}
        />
      )}
      {result?.kind === 'refused' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('planning.refused')}</MessageBarTitle>
            {result.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {plan && (
        <>
          <MessageBar
            intent={plan.status === 'optimal' && plan.metrics.unplanned === 0 ? 'success' : 'info'}
            layout="multiline"
          >
            <MessageBarBody>{verdictText(plan, t, language)}</MessageBarBody>
          </MessageBar>
          {plan.warnings.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('planning.warnings')}</MessageBarTitle>
                {plan.warnings.join(' ')}
              </MessageBarBody>
            </MessageBar>
          )}
          {applying.phase === 'running' && (
            <Field
              label={t('planning.applyTitle')}
              validationState="none"
              validationMessage={
                progress
                  ? t('planning.applying', { done: progress.done, total: progress.total })
                  : null
              }
            >
              <ProgressBar
                {...(progress && progress.total > 0
                  ? { value: progress.done / progress.total }
                  : {})}
              />
            </Field>
          )}
          {applying.phase === 'done' && (
            <MessageBar
              intent={applying.progress.done === applying.progress.total ? 'success' : 'warning'}
              layout="multiline"
              role="status"
            >
              <MessageBarBody>
                {t(
                  applying.progress.done === applying.progress.total
                    ? 'planning.applied'
                    : 'planning.appliedWithProblems',
                  { done: applying.progress.done, total: applying.progress.total },
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {applying.phase === 'failed' && (
            <ProblemMessage
              error={applying.error}
              action={t('planning.apply')}
              onRetry={() => void apply(plan.assignments)}
            />
          )}
          {plan.rows.length + plan.notPlannable.length + leftOut.size === 0 ? (
            <Body1 className={styles.muted}>{t('planning.empty')}</Body1>
          ) : (
            <PlanTable
              plan={plan}
              keep={keep}
              leftOut={leftOut}
              progress={progress}
              showRiec={me.canReadAll}
              canChange={!isPlanning && !isApplying}
              onKeep={onKeep}
              onLeaveOut={onLeaveOut}
            />
          )}
          <TrainerWeekTable rows={plan.rows} fixed={plan.fixed} placed={placed} />
        </>
      )}
    </div>
  );
}

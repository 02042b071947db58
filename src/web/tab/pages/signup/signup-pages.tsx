// One sign-up, step by step: availability → options and answers → confirm → log. The sign-up
// is loaded once here; a step that changes it (placing options, confirming) hands back the new
// view, so the header and the other steps are current without another request.
import { Button, MessageBar, MessageBarBody, mergeClasses } from '@fluentui/react-components';
import { CalendarArrowRight20Regular, Edit20Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGetMeResponse } from '../../../common/api/api-types.js';
import { Loading } from '../../../common/components/loading.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { StatusBadge } from '../../../common/components/status-labels.js';
import { hasPermission, useAppServices } from '../../../common/services/app-services.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { routeHref, type SignupPage } from '../../routing/routes.js';
import { CancelSignup } from './cancel-signup.js';
import { NewDatesNeeded } from './new-dates-needed.js';
import { SignupSummary } from './signup-summary.js';
import type { SignupStepProps } from './signup-step.js';
import { useSignupStyles } from './use-signup-styles.js';

const AvailabilityPage = lazy(() => import('../availability/availability-page.js'));
const OptionsPage = lazy(() => import('../options/options-page.js'));
const ConfirmPage = lazy(() => import('../confirm/confirm-page.js'));
const LogPage = lazy(() => import('../log/log-page.js'));
const PreparationPage = lazy(() => import('../preparation/preparation-page.js'));
const EditPage = lazy(() => import('./edit-page.js'));

function stepsFor(me: TGetMeResponse): SignupPage[] {
  return [
    ...(hasPermission(me, 'signups:propose') || hasPermission(me, 'province:read')
      ? (['availability'] as const)
      : []),
    'options',
    ...(hasPermission(me, 'signups:confirm') ? (['confirm'] as const) : []),
    'log',
  ];
}

/** The workshop sheet, once the workshop is confirmed: the account holder and the trainers. */
function preparationStep(me: TGetMeResponse, status: string | undefined): SignupPage[] {
  const mayPrepare = hasPermission(me, 'signups:write') || hasPermission(me, 'workshops:read-own');
  return mayPrepare && (status === 'bevestigd' || status === 'uitgevoerd') ? ['preparation'] : [];
}

export default function SignupPages(props: { signupId: string; page: SignupPage }) {
  const { t } = useTranslation();
  const styles = useSignupStyles();
  const { api, me } = useAppServices();
  const load = useCallback(() => api.getSignup(props.signupId), [api, props.signupId]);
  const query = useQuery(queryKeys.signup(props.signupId), load);
  const signup = query.data;
  const stepTitle = t(`steps.${props.page}`);
  const title = signup ? `${signup.municipality.name}: ${stepTitle}` : stepTitle;

  const step: SignupStepProps | undefined = signup
    ? { signup, onSignupChange: query.setData, reload: query.reload }
    : undefined;

  return (
    <>
      <div className={styles.header}>
        <div className={styles.titleRow}>
          <div className={styles.titleGroup}>
            <PageHeading title={title}>{title}</PageHeading>
            {signup && <StatusBadge status={signup.status} />}
          </div>
          {signup && (
            <div className={styles.actions}>
              {signup.userActions.includes('edit') && props.page !== 'edit' && (
                <Button
                  as="a"
                  href={routeHref({ page: 'edit', signupId: signup.id })}
                  icon={<Edit20Regular />}
                >
                  {t('edit.open')}
                </Button>
              )}
              {signup.userActions.includes('newDates') && props.page !== 'newDates' && (
                <Button
                  as="a"
                  href={routeHref({ page: 'newDates', signupId: signup.id })}
                  icon={<CalendarArrowRight20Regular />}
                >
                  {t('edit.otherDates')}
                </Button>
              )}
              {signup.userActions.includes('cancel') && (
                <CancelSignup signup={signup} onCancelled={query.setData} />
              )}
            </div>
          )}
        </div>
        <nav aria-label={t('steps.label')}>
          <ul className={styles.steps}>
            {[...stepsFor(me), ...preparationStep(me, signup?.status)].map((page) => (
              <li key={page}>
                <a
                  href={routeHref({ page, signupId: props.signupId })}
                  aria-current={page === props.page ? 'page' : undefined}
                  className={mergeClasses(
                    styles.step,
                    page === props.page ? styles.currentStep : undefined,
                  )}
                >
                  {t(`steps.${page}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {!signup && query.isLoading && <Loading label={t('signup.loading')} />}
      {signup?.status === 'nieuwe_data_nodig' && signup.userActions.includes('newDates') && (
        <NewDatesNeeded signup={signup} onSignupChange={query.setData} />
      )}
      {signup?.pendingOperation && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('signup.pendingOperation')}</MessageBarBody>
        </MessageBar>
      )}
      {step && (
        <div className={styles.content}>
          <SignupSummary signup={step.signup} />
          <Suspense fallback={<Loading label={t('shell.loadingPage')} />}>
            {props.page === 'availability' && <AvailabilityPage {...step} />}
            {props.page === 'options' && <OptionsPage {...step} />}
            {props.page === 'confirm' && <ConfirmPage {...step} />}
            {props.page === 'log' && <LogPage {...step} />}
            {props.page === 'preparation' && <PreparationPage {...step} />}
            {props.page === 'edit' && <EditPage {...step} mode="edit" />}
            {props.page === 'newDates' && <EditPage {...step} mode="newDates" />}
          </Suspense>
        </div>
      )}
    </>
  );
}

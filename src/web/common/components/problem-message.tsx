// An error as the user reads it: the API's own title and detail (Dutch, or English), what to do
// next, and a button for it. A command whose answer never came is a warning, not an error: it
// may have gone through, and sending it again is safe.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiProblem, ConnectionLost, SignInRequired, isTransient } from '../api/api-errors.js';
import { useOptionalAppServices } from '../services/app-services.js';

export interface ProblemMessageProps {
  readonly error: unknown;
  /** What the user tried, for a command ("Opties plaatsen"); absent for loading data. */
  readonly action?: string;
  readonly onRetry?: () => void;
  /** Reload what the page shows: the way on after a conflict (someone else was first). */
  readonly onRefresh?: () => void;
  /** Where a sign-up the problem names is opened (the tab's page for it); absent: no link. */
  readonly signupHref?: (signupId: string) => string;
}

type NextStep =
  | 'signIn'
  | 'role'
  | 'notFound'
  | 'conflict'
  | 'existing'
  | 'fix'
  | 'wait'
  | 'microsoft365'
  | 'retry';

/** The sign-up that is already there, when the problem is that one exists (409). */
function existingSignupOf(error: ApiProblem) {
  return error.fieldErrors.find((field) => field.code === 'ALREADY_SIGNED_UP');
}

function nextStepOf(error: ApiProblem): NextStep {
  // Not "someone changed it meanwhile": the municipality has a sign-up; that one is the way on.
  if (existingSignupOf(error)) return 'existing';
  // A municipality of another RIEC: choosing another is the fix, not asking for a role.
  if (error.fieldErrors.some((field) => field.code === 'MUNICIPALITY_OTHER_RIEC')) return 'fix';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'signIn';
    case 'NO_ROLE':
    case 'FORBIDDEN':
      return 'role';
    case 'NOT_FOUND':
      return 'notFound';
    case 'CONFLICT':
    case 'PRECONDITION_FAILED':
      return 'conflict';
    case 'VALIDATION_FAILED':
    case 'DOMAIN_RULE_VIOLATED':
    case 'MALFORMED_REQUEST':
      return 'fix';
    case 'RATE_LIMITED':
      return 'wait';
    case 'GRAPH_UNAVAILABLE':
    case 'AUTH_UNAVAILABLE':
      return 'microsoft365';
    default:
      return 'retry';
  }
}

export function ProblemMessage({
  error,
  action,
  onRetry,
  onRefresh,
  signupHref,
}: ProblemMessageProps) {
  const { t } = useTranslation();
  const services = useOptionalAppServices();
  const signIn = services?.signInAgain;

  if (error instanceof ConnectionLost) {
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t('problem.connectionLost.title')}</MessageBarTitle>
          {action
            ? t('problem.connectionLost.command', { action })
            : t('problem.connectionLost.read')}
        </MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>{t('problem.tryAgain')}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }

  if (error instanceof SignInRequired) {
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t('problem.signInRequired.title')}</MessageBarTitle>
          {t('problem.next.signIn')}
        </MessageBarBody>
        {signIn && (
          <MessageBarActions>
            <Button onClick={signIn}>{t('shell.signIn')}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }

  if (error instanceof ApiProblem) {
    const next = nextStepOf(error);
    const fields = error.fieldErrors.filter((f) => f.message !== error.detail);
    const existingId = existingSignupOf(error)?.signupId;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{error.title}</MessageBarTitle>
          {error.detail}
          {/* The detail of ALREADY_SIGNED_UP says itself what to do: open that sign-up. */}
          {next !== 'existing' && ` ${t(`problem.next.${next}`)}`}
          {fields.length > 0 && (
            <ul>
              {fields.map((field) => (
                <li key={`${field.field}-${field.code}`}>{field.message}</li>
              ))}
            </ul>
          )}
          {/* The reference helps the administrator find a failure in the logs; a form the user
              can put right himself (4xx) needs none (issue 18). */}
          {error.correlationId && error.status >= 500 && (
            <div>{t('problem.reference', { id: error.correlationId })}</div>
          )}
        </MessageBarBody>
        <MessageBarActions>
          {existingId !== undefined && signupHref && (
            <Button as="a" appearance="primary" href={signupHref(existingId)}>
              {t('problem.openExisting')}
            </Button>
          )}
          {next === 'signIn' && signIn && <Button onClick={signIn}>{t('shell.signIn')}</Button>}
          {onRetry && (isTransient(error) || next === 'retry') && (
            <Button onClick={onRetry}>{t('problem.tryAgain')}</Button>
          )}
          {onRefresh && next === 'conflict' && (
            <Button onClick={onRefresh}>{t('problem.refresh')}</Button>
          )}
        </MessageBarActions>
      </MessageBar>
    );
  }

  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('problem.unexpected.title')}</MessageBarTitle>
        {t('problem.next.retry')}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('problem.tryAgain')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

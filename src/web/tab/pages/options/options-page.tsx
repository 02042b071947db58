// Step 2: the options placed with the trainer pair, each trainer's answer as it comes in
// (checked every ~15 s and on request), when the options lapse, and the way to confirm once
// both trainers accepted one.
import {
  Body1,
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSync20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../common/components/notify.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import {
  formatLongDate,
  formatTime,
  formatTimeUntil,
} from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { routeHref } from '../../routing/routes.js';
import type { SignupStepProps } from '../signup/signup-step.js';
import { findAnswerChanges } from './answer-changes.js';
import { AnswerTable, outcomeOf } from './answer-table.js';
import { useLiveSignup } from './use-live-signup.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export default function OptionsPage({ signup, onSignupChange }: SignupStepProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { now } = useAppServices();
  const notify = useNotify();
  const live = useLiveSignup(signup, onSignupChange);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(signup);

  useEffect(() => {
    const changes = findAnswerChanges(previous.current, signup);
    previous.current = signup;
    if (changes.length === 0) return;
    const text = changes
      .map((change) =>
        t('options.newAnswer', {
          trainer: change.trainer,
          answer: t(`answer.${change.answer}`),
          number: change.slotIndex + 1,
        }),
      )
      .join(' ');
    setAnnouncement(text);
    notify(t('options.newAnswersTitle'), { intent: 'info', body: text });
  }, [signup, t, notify]);

  if (signup.options.length === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          {t('options.none')}{' '}
          {signup.userActions.includes('propose') && (
            <Link href={routeHref({ page: 'availability', signupId: signup.id })}>
              {t('options.toAvailability')}
            </Link>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }

  const bothAccepted = signup.options.filter((o) => outcomeOf(o) === 'bothAccepted');
  const canConfirm = signup.userActions.includes('confirm');

  return (
    <>
      {bothAccepted.length > 0 && signup.status === 'opties_geplaatst' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('options.bothAcceptedTitle')}</MessageBarTitle>
            {t('options.bothAccepted', {
              numbers: bothAccepted.map((o) => o.slotIndex + 1).join(', '),
            })}
          </MessageBarBody>
          {canConfirm && (
            <MessageBarActions>
              <Link href={routeHref({ page: 'confirm', signupId: signup.id })}>
                {t('options.toConfirm')}
              </Link>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {signup.lapsesAt && signup.status === 'opties_geplaatst' && (
        <Body1>
          {t('options.lapses', {
            date: formatLongDate(signup.lapsesAt, language),
            time: formatTime(signup.lapsesAt, language),
            relative: formatTimeUntil(signup.lapsesAt, now(), language),
          })}
        </Body1>
      )}
      <AnswerTable signup={signup} />
      <div className={styles.bar}>
        {live.isLive && (
          <Button
            icon={live.isChecking ? <Spinner size="tiny" /> : <ArrowSync20Regular />}
            disabled={live.isChecking}
            onClick={() => void live.check()}
          >
            {t('options.refresh')}
          </Button>
        )}
        <Body1 className={styles.muted}>
          {live.isLive
            ? live.lastChecked
              ? t('options.checkedAt', { time: formatTime(live.lastChecked, language) })
              : t('options.checking')
            : t('options.notLive')}
        </Body1>
      </div>
      {live.error !== undefined && (
        <ProblemMessage error={live.error} onRetry={() => void live.check()} />
      )}
      <div role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}

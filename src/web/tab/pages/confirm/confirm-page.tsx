// Step 3: choose the slot both trainers accepted (another one only with a reason), see exactly
// what the mayor's office will receive, confirm; then the result and the log.
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../common/components/notify.js';
import { formatSlot } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { LogTimeline } from '../log/log-timeline.js';
import { outcomeOf } from '../options/answer-table.js';
import type { SignupStepProps } from '../signup/signup-step.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { composeMayorInvitation } from './mayor-invitation.js';
import { MayorPreview } from './mayor-preview.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  option: {
    alignSelf: 'stretch',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  details: {
    display: 'block',
    paddingLeft: tokens.spacingHorizontalXXXL,
    paddingBottom: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
});

export default function ConfirmPage({ signup, onSignupChange }: SignupStepProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { api } = useAppServices();
  const notify = useNotify();
  const confirmable = signup.confirmableSlots;
  const preferred = confirmable.find((slot) => !slot.needsOverride) ?? confirmable[0];
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const slotIndex = chosen ?? preferred?.slotIndex;
  const choice = confirmable.find((slot) => slot.slotIndex === slotIndex);
  const invitation =
    slotIndex === undefined ? undefined : composeMayorInvitation(signup, slotIndex);

  if (signup.confirmedSlot) {
    const contact = `${signup.contact.name} (${signup.contact.email})`;
    return (
      <>
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t('confirm.doneTitle', {
                slot: formatSlot(signup.confirmedSlot.start, signup.confirmedSlot.end, language),
              })}
            </MessageBarTitle>
            {t('confirm.doneText', { contact })}
          </MessageBarBody>
        </MessageBar>
        <section className={styles.section} aria-labelledby="confirm-log">
          <Title3 as="h3" id="confirm-log" className={styles.heading}>
            {t('log.title')}
          </Title3>
          <LogTimeline signupId={signup.id} version={signup.eTag} />
        </section>
      </>
    );
  }

  if (!signup.userActions.includes('confirm') || confirmable.length === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          {signup.status === 'opties_geplaatst' ? t('confirm.nothingYet') : t('confirm.notNow')}
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <>
      <section className={styles.section} aria-labelledby="confirm-choice">
        <Title3 as="h3" id="confirm-choice" className={styles.heading}>
          {t('confirm.choose')}
        </Title3>
        <RadioGroup
          aria-labelledby="confirm-choice"
          value={slotIndex === undefined ? '' : String(slotIndex)}
          onChange={(_, data) => setChosen(Number(data.value))}
        >
          {signup.options.map((option) => {
            const slot = confirmable.find((c) => c.slotIndex === option.slotIndex);
            const detailsId = `confirm-option-${option.slotIndex}`;
            return (
              <div key={option.slotIndex} className={styles.option}>
                <Radio
                  value={String(option.slotIndex)}
                  disabled={!slot}
                  aria-describedby={detailsId}
                  label={t('confirm.optionLabel', {
                    number: option.slotIndex + 1,
                    slot: formatSlot(option.slot.start, option.slot.end, language),
                  })}
                />
                <Text id={detailsId} size={200} className={styles.details}>
                  {t('confirm.answers', {
                    berenschot: signup.pair?.berenschot.name ?? '',
                    berenschotAnswer: t(`answer.${option.answers.berenschot}`),
                    riec: signup.pair?.riec.name ?? '',
                    riecAnswer: t(`answer.${option.answers.riec}`),
                  })}
                  {' · '}
                  {!slot
                    ? t(`outcome.${outcomeOf(option)}`)
                    : slot.needsOverride
                      ? t('confirm.needsOverride')
                      : t('confirm.bothAccepted')}
                </Text>
              </div>
            );
          })}
        </RadioGroup>
      </section>
      {invitation && <MayorPreview invitation={invitation} />}
      {choice && (
        <div>
          <ConfirmDialog
            key={choice.slotIndex}
            signup={signup}
            slotIndex={choice.slotIndex}
            needsOverride={choice.needsOverride}
            onConfirm={(request) => api.confirmSlot(signup.id, request)}
            onConfirmed={(result) => {
              notify(t('confirm.toast', { name: signup.municipality.name }), {
                body: t('confirm.toastBody', { contact: signup.contact.email }),
              });
              onSignupChange(result);
            }}
          />
        </div>
      )}
    </>
  );
}

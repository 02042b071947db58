// Statuses, answers and availability as icon + text: never colour alone (WCAG 1.4.1), and the
// icon is decoration (aria-hidden) because the text says it.
import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import {
  CalendarAdd16Regular,
  CalendarCancel16Regular,
  CalendarCheckmark16Regular,
  CalendarClock16Regular,
  CheckmarkCircle16Filled,
  CircleHalfFill16Regular,
  Circle16Regular,
  Clock16Regular,
  DismissCircle16Filled,
  Prohibited16Regular,
  QuestionCircle16Regular,
  SubtractCircle16Regular,
  Warning16Regular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAvailability, TSignupStatus, TTrainerAnswer } from '../api/api-types.js';

const useStyles = makeStyles({
  label: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  positive: { color: tokens.colorPaletteGreenForeground1 },
  negative: { color: tokens.colorPaletteRedForeground1 },
  caution: { color: tokens.colorPaletteMarigoldForeground1 },
  neutral: { color: tokens.colorNeutralForeground3 },
});

type Tone = 'positive' | 'negative' | 'caution' | 'neutral';

function IconText(props: { icon: ReactElement; tone: Tone; text: string }) {
  const styles = useStyles();
  return (
    <span className={styles.label}>
      <span className={styles[props.tone]} aria-hidden="true" style={{ display: 'inline-flex' }}>
        {props.icon}
      </span>
      <span>{props.text}</span>
    </span>
  );
}

const STATUS_LOOK: Readonly<
  Record<TSignupStatus | 'none', { icon: ReactElement; color: NonNullable<BadgeProps['color']> }>
> = {
  none: { icon: <Circle16Regular />, color: 'informative' },
  aangemeld: { icon: <CalendarAdd16Regular />, color: 'brand' },
  opties_geplaatst: { icon: <CalendarClock16Regular />, color: 'warning' },
  bevestigd: { icon: <CalendarCheckmark16Regular />, color: 'success' },
  uitgevoerd: { icon: <CheckmarkCircle16Filled />, color: 'success' },
  geannuleerd: { icon: <CalendarCancel16Regular />, color: 'subtle' },
  nieuwe_data_nodig: { icon: <Warning16Regular />, color: 'danger' },
};

/** The sign-up's status as a badge; `none` for a municipality that has not signed up. */
export function StatusBadge({ status }: { status: TSignupStatus | 'none' }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} shape="rounded">
      {t(`status.${status}`)}
    </Badge>
  );
}

const ANSWER_LOOK: Readonly<Record<TTrainerAnswer, { icon: ReactElement; tone: Tone }>> = {
  none: { icon: <Clock16Regular />, tone: 'neutral' },
  notResponded: { icon: <Clock16Regular />, tone: 'neutral' },
  accepted: { icon: <CheckmarkCircle16Filled />, tone: 'positive' },
  tentativelyAccepted: { icon: <CircleHalfFill16Regular />, tone: 'caution' },
  declined: { icon: <DismissCircle16Filled />, tone: 'negative' },
};

export function AnswerLabel({ answer }: { answer: TTrainerAnswer }) {
  const { t } = useTranslation();
  const look = ANSWER_LOOK[answer];
  return <IconText icon={look.icon} tone={look.tone} text={t(`answer.${answer}`)} />;
}

const AVAILABILITY_LOOK: Readonly<Record<TAvailability, { icon: ReactElement; tone: Tone }>> = {
  free: { icon: <CheckmarkCircle16Filled />, tone: 'positive' },
  tentative: { icon: <CircleHalfFill16Regular />, tone: 'caution' },
  busy: { icon: <DismissCircle16Filled />, tone: 'negative' },
  oof: { icon: <Prohibited16Regular />, tone: 'negative' },
  workingElsewhere: { icon: <SubtractCircle16Regular />, tone: 'caution' },
  unknown: { icon: <QuestionCircle16Regular />, tone: 'neutral' },
};

export function AvailabilityLabel({ availability }: { availability: TAvailability }) {
  const { t } = useTranslation();
  const look = AVAILABILITY_LOOK[availability];
  return <IconText icon={look.icon} tone={look.tone} text={t(`availability.${availability}`)} />;
}

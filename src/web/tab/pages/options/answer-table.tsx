// The options of a sign-up with each trainer's answer (icon + words), and what each option
// has become: the workshop, released, accepted by both, declined, or waiting.
import {
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TOptionView, TSignupView } from '../../../common/api/api-types.js';
import { DataTable } from '../../../common/components/data-table.js';
import { AnswerLabel } from '../../../common/components/status-labels.js';
import { formatSlot } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

export type OptionOutcome = 'confirmed' | 'released' | 'bothAccepted' | 'declined' | 'waiting';

export function outcomeOf(option: TOptionView): OptionOutcome {
  if (option.isConfirmed) return 'confirmed';
  if (option.hold === 'released') return 'released';
  const answers = [option.answers.berenschot, option.answers.riec];
  if (answers.includes('declined')) return 'declined';
  if (answers.every((answer) => answer === 'accepted') && option.isLive) return 'bothAccepted';
  return 'waiting';
}

export function AnswerTable({ signup }: { signup: TSignupView }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const pair = signup.pair;
  if (!pair || signup.options.length === 0) return null;
  return (
    <DataTable caption={t('options.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('options.option')}</TableHeaderCell>
          <TableHeaderCell scope="col">
            {t('options.trainerColumn', {
              name: pair.berenschot.name,
              role: t('role.berenschot'),
            })}
          </TableHeaderCell>
          <TableHeaderCell scope="col">
            {t('options.trainerColumn', { name: pair.riec.name, role: t('role.riec') })}
          </TableHeaderCell>
          <TableHeaderCell scope="col">{t('options.outcome')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {signup.options.map((option) => (
          <TableRow key={option.slotIndex}>
            <TableHeaderCell scope="row">
              <span className={styles.option}>
                <Text weight="semibold">
                  {t('options.optionNumber', { number: option.slotIndex + 1 })}
                </Text>
                <Text size={200} className={styles.muted}>
                  {formatSlot(option.slot.start, option.slot.end, language)}
                </Text>
              </span>
            </TableHeaderCell>
            <TableCell>
              <AnswerLabel answer={option.answers.berenschot} />
            </TableCell>
            <TableCell>
              <AnswerLabel answer={option.answers.riec} />
            </TableCell>
            <TableCell>{t(`outcome.${outcomeOf(option)}`)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

// Trainers × preferred slots: each cell says free, tentative, busy, out of office or unknown in
// words with an icon (never colour alone). A calendar the product cannot see (Berenschot's, in
// another organisation) is "unknown", never "free".
import {
  Badge,
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
import type { TGetAvailabilityResponse } from '../../../common/api/api-types.js';
import { DataTable } from '../../../common/components/data-table.js';
import { AvailabilityLabel } from '../../../common/components/status-labels.js';
import { formatSlot } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';

const useStyles = makeStyles({
  trainer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: '8rem',
  },
  name: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground2 },
  chosen: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

export interface AvailabilityGridProps {
  readonly availability: TGetAvailabilityResponse;
  /** The e-mail addresses of the pair the user has chosen: their rows are marked. */
  readonly chosen?: readonly string[];
}

export function AvailabilityGrid({ availability, chosen = [] }: AvailabilityGridProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const rows = [...availability.trainers].sort(
    (a, b) =>
      a.trainer.role.localeCompare(b.trainer.role) ||
      a.trainer.name.localeCompare(b.trainer.name, 'nl'),
  );
  const anyUnknown = availability.trainers.some((entry) =>
    entry.availability.some((cell) => cell.availability === 'unknown'),
  );
  return (
    <>
      {anyUnknown && <Text className={styles.muted}>{t('availability.unknownExplained')}</Text>}
      <DataTable caption={t('availability.caption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('availability.trainer')}</TableHeaderCell>
            {availability.slots.map((slot) => (
              <TableHeaderCell key={slot.slotIndex} scope="col">
                {t('availability.slotHeader', {
                  number: slot.slotIndex + 1,
                  slot: formatSlot(slot.start, slot.end, language),
                })}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((entry) => {
            const isChosen = chosen.includes(entry.trainer.email);
            return (
              <TableRow key={entry.trainer.email} className={isChosen ? styles.chosen : undefined}>
                <TableHeaderCell scope="row">
                  <span className={styles.trainer}>
                    <span className={styles.name}>
                      <Text weight="semibold">{entry.trainer.name}</Text>
                      {isChosen && (
                        <Badge appearance="filled" color="brand">
                          {t('availability.chosen')}
                        </Badge>
                      )}
                    </span>
                    <Text size={200} className={styles.muted}>
                      {t(`role.${entry.trainer.role}`)}
                      {!entry.visible && ` · ${t('availability.notVisible')}`}
                      {entry.stated && ` · ${t('availability.stated')}`}
                    </Text>
                    {entry.load && (
                      <Text size={200} className={styles.muted}>
                        {t('availability.load', {
                          workshops: entry.load.workshops,
                          holds: entry.load.holds,
                        })}
                      </Text>
                    )}
                  </span>
                </TableHeaderCell>
                {availability.slots.map((slot) => {
                  const cell = entry.availability.find((a) => a.slotIndex === slot.slotIndex);
                  return (
                    <TableCell key={slot.slotIndex}>
                      <AvailabilityLabel availability={cell?.availability ?? 'unknown'} />
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </DataTable>
    </>
  );
}

// Who can make each preferred slot, as a short list per slot (the pane is narrow): the trainer,
// their organisation and free / busy / unknown in words with an icon, never colour alone. A
// calendar the product cannot see (Berenschot's) is "unknown", never "free".
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TGetAvailabilityResponse } from '../../common/api/api-types.js';
import { AvailabilityLabel } from '../../common/components/status-labels.js';
import { formatSlot } from '../../common/format/format-dates.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';

export function AvailabilityList({ availability }: { availability: TGetAvailabilityResponse }) {
  const { t, i18n } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  const language = currentLanguage(i18n);
  const trainers = [...availability.trainers].sort(
    (a, b) =>
      a.trainer.role.localeCompare(b.trainer.role) ||
      a.trainer.name.localeCompare(b.trainer.name, 'nl'),
  );
  return (
    <>
      {availability.slots.map((slot) => {
        const titleId = `availability-${slot.slotIndex}`;
        return (
          <section key={slot.slotIndex} className={styles.card} aria-labelledby={titleId}>
            <Text as="h4" id={titleId} className={styles.sectionHeading}>
              {at('mail.availability.slotTitle', {
                number: slot.slotIndex + 1,
                slot: formatSlot(slot.start, slot.end, language),
              })}
            </Text>
            <ul className={styles.plainList} aria-labelledby={titleId}>
              {trainers.map((entry) => {
                const cell = entry.availability.find((a) => a.slotIndex === slot.slotIndex);
                return (
                  <li key={entry.trainer.email}>
                    <Text>
                      {at('mail.availability.trainer', {
                        name: entry.trainer.name,
                        organisation: entry.visible
                          ? t(`role.${entry.trainer.role}`)
                          : at('mail.availability.notVisible', {
                              organisation: t(`role.${entry.trainer.role}`),
                            }),
                      })}{' '}
                    </Text>
                    <AvailabilityLabel availability={cell?.availability ?? 'unknown'} />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

// The trainer pairs, best first as the API ranks them; the best viable one is preselected. Each
// says per slot whether both are free, and a pair that cannot work says why (the API's Dutch).
import { Button, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPairView } from '../../common/api/api-types.js';
import { pairKey } from '../flows/mail-flow.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';

const SHOWN_AT_FIRST = 3;

export interface PairChoiceProps {
  readonly pairs: readonly TPairView[];
  readonly value: string | undefined;
  readonly onChange: (key: string) => void;
  readonly disabled: boolean;
  readonly labelledBy: string;
}

export function PairChoice({ pairs, value, onChange, disabled, labelledBy }: PairChoiceProps) {
  const { t } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  const [showAll, setShowAll] = useState(false);
  const chosenIndex = pairs.findIndex((pair) => pairKey(pair) === value);
  // The chosen pair stays visible even when it is further down the list.
  const shown = showAll
    ? pairs
    : pairs.filter((_, index) => index < SHOWN_AT_FIRST || index === chosenIndex);

  return (
    <>
      <RadioGroup
        aria-labelledby={labelledBy}
        value={value ?? ''}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value)}
      >
        {shown.map((pair) => {
          const key = pairKey(pair);
          const detailsId = `pair-${pair.rank}-details`;
          return (
            <div key={key} className={styles.pair}>
              <Radio
                value={key}
                aria-describedby={detailsId}
                label={at('mail.pairs.label', {
                  rank: pair.rank,
                  berenschot: pair.berenschot.name,
                  riec: pair.riec.name,
                })}
              />
              <Text id={detailsId} size={200} className={styles.pairDetails}>
                {pair.slots
                  .map((slot) =>
                    t('pairs.slot', {
                      number: slot.slotIndex + 1,
                      verdict: t(`verdict.${slot.verdict}`),
                    }),
                  )
                  .join(' · ')}
                {!pair.isViable && (
                  <>
                    {' '}
                    {t('pairs.notViable')} <span lang="nl">{pair.reason}</span>
                  </>
                )}
              </Text>
            </div>
          );
        })}
      </RadioGroup>
      {pairs.length > SHOWN_AT_FIRST && (
        <div>
          <Button appearance="subtle" size="small" onClick={() => setShowAll((all) => !all)}>
            {showAll
              ? at('mail.pairs.showFewer')
              : at('mail.pairs.showAll', { count: pairs.length })}
          </Button>
        </div>
      )}
    </>
  );
}

// The trainer pairs, best first (the API ranks them): one click chooses a pair. Each says per
// slot whether both are free, and why it ranks where it does.
import { Button, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPairView } from '../../../common/api/api-types.js';

const SHOWN_AT_FIRST = 5;

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: {
    alignSelf: 'stretch',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXXXL,
    paddingBottom: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function pairKey(pair: TPairView): string {
  return `${pair.berenschot.email}|${pair.riec.email}`;
}

export interface PairPickerProps {
  readonly pairs: readonly TPairView[];
  readonly value: string | undefined;
  readonly onChange: (pair: TPairView) => void;
  readonly disabled?: boolean;
}

export function PairPicker({ pairs, value, onChange, disabled = false }: PairPickerProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const chosenIndex = pairs.findIndex((pair) => pairKey(pair) === value);
  // The chosen pair stays visible even when it is further down the list.
  const shown = showAll
    ? pairs
    : pairs.filter((_, index) => index < SHOWN_AT_FIRST || index === chosenIndex);

  return (
    <div className={styles.group}>
      <RadioGroup
        aria-labelledby="pairs-heading"
        value={value ?? ''}
        disabled={disabled}
        onChange={(_, data) => {
          const pair = pairs.find((candidate) => pairKey(candidate) === data.value);
          if (pair) onChange(pair);
        }}
      >
        {shown.map((pair) => {
          const key = pairKey(pair);
          const detailsId = `pair-${pair.rank}-details`;
          return (
            <div key={key} className={styles.pair}>
              <Radio
                value={key}
                aria-describedby={detailsId}
                label={t('pairs.label', {
                  rank: pair.rank,
                  berenschot: pair.berenschot.name,
                  riec: pair.riec.name,
                })}
              />
              <div id={detailsId} className={styles.details}>
                <Text>
                  {pair.slots
                    .map((slot) =>
                      t('pairs.slot', {
                        number: slot.slotIndex + 1,
                        verdict: t(`verdict.${slot.verdict}`),
                      }),
                    )
                    .join(' · ')}
                </Text>
                {!pair.isViable && (
                  // The API's reason says why (in Dutch); the verdicts above say the rest.
                  <Text size={200} className={styles.muted}>
                    {t('pairs.notViable')} <span lang="nl">{pair.reason}</span>
                  </Text>
                )}
              </div>
            </div>
          );
        })}
      </RadioGroup>
      {pairs.length > SHOWN_AT_FIRST && (
        <div>
          <Button appearance="subtle" onClick={() => setShowAll((all) => !all)}>
            {showAll ? t('pairs.showFewer') : t('pairs.showAll', { count: pairs.length })}
          </Button>
        </div>
      )}
    </div>
  );
}

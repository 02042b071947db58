// The trainer pairs, best first as the API ranks them; one click chooses a pair. Each says per
// slot whether both are free, and a pair that cannot work says why (the API's Dutch). The Teams
// tab shows them as cards; the Outlook add-in's narrow pane as a compact list.
import { Button, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPairView } from '../api/api-types.js';
import { pairKey } from './pair-key.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    alignSelf: 'stretch',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  compact: { display: 'flex', flexDirection: 'column' },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXXXL,
    paddingBottom: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface PairPickerProps {
  readonly pairs: readonly TPairView[];
  /** The chosen pair's key (pairKey). */
  readonly value: string | undefined;
  readonly onChange: (pair: TPairView) => void;
  readonly disabled?: boolean;
  /** The id of the heading that names the choice. */
  readonly labelledBy: string;
  /** How many pairs show before "show all" (the chosen one always shows). */
  readonly shownAtFirst: number;
  readonly compact?: boolean;
}

export function PairPicker(props: PairPickerProps) {
  const { pairs, value, onChange, shownAtFirst, compact = false } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const chosenIndex = pairs.findIndex((pair) => pairKey(pair) === value);
  // The chosen pair stays visible even when it is further down the list.
  const shown = showAll
    ? pairs
    : pairs.filter((_, index) => index < shownAtFirst || index === chosenIndex);

  return (
    <div className={styles.group}>
      <RadioGroup
        aria-labelledby={props.labelledBy}
        value={value ?? ''}
        disabled={props.disabled ?? false}
        onChange={(_, data) => {
          const pair = pairs.find((candidate) => pairKey(candidate) === data.value);
          if (pair) onChange(pair);
        }}
      >
        {shown.map((pair) => {
          const key = pairKey(pair);
          const detailsId = `pair-${pair.rank}-details`;
          return (
            <div key={key} className={compact ? styles.compact : styles.card}>
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
                <Text {...(compact ? { size: 200 as const, className: styles.muted } : {})}>
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
      {pairs.length > shownAtFirst && (
        <div>
          <Button
            appearance="subtle"
            {...(compact ? { size: 'small' as const } : {})}
            onClick={() => setShowAll((all) => !all)}
          >
            {showAll ? t('pairs.showFewer') : t('pairs.showAll', { count: pairs.length })}
          </Button>
        </div>
      )}
    </div>
  );
}

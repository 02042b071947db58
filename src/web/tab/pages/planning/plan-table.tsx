// The plan as a table: per sign-up the municipality, its status, the planned time (the one
// formatter), which preference that is, the trainer pair, or why it cannot be planned (worded
// here from the API's codes), the toggles "Vastzetten" and "Overslaan", and after applying the
// outcome per sign-up.
import {
  Body1,
  Caption1,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  TApplyProgress,
  TPlanCampaignResponse,
  TPlanRow,
  TRiec,
  TSignupStatus,
} from '../../../common/api/api-types.js';
import { DataTable } from '../../../common/components/data-table.js';
import { formatSlot } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';

export type Plan = Extract<TPlanCampaignResponse, { kind: 'plan' }>;

/** A sign-up the user left out: no longer in the plan's rows, still on screen to put back. */
export interface LeftOutRow {
  readonly municipality: string;
  readonly riec: TRiec;
  readonly status: TSignupStatus;
}

export interface PlanTableProps {
  readonly plan: Plan;
  readonly keep: ReadonlyMap<string, number>;
  readonly leftOut: ReadonlyMap<string, LeftOutRow>;
  readonly progress: TApplyProgress | undefined;
  readonly showRiec: boolean;
  /** False while a plan is being made or applied. */
  readonly canChange: boolean;
  readonly onKeep: (row: TPlanRow, keep: boolean) => void;
  readonly onLeaveOut: (signupId: string, row: LeftOutRow | undefined) => void;
}

const useStyles = makeStyles({
  reason: { color: tokens.colorPaletteRedForeground1 },
  note: { display: 'block', color: tokens.colorNeutralForeground3 },
  toggles: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function names(list: readonly string[], t: TFunction): string {
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} ${t('planning.and')} ${list[list.length - 1]}`;
}

const RANK_KEYS = ['first', 'second', 'third'] as const;
const rankKey = (rank: number) => RANK_KEYS[Math.min(3, Math.max(1, rank)) - 1] ?? 'third';

/** Why a row is not planned, in the user's words: the code's text and per preference. */
export function unplannedText(unplanned: NonNullable<TPlanRow['unplanned']>, t: TFunction) {
  const perSlot = unplanned.slots.map((slot) =>
    t('planning.slotVerdict', {
      rank: t(`planning.rankShort.${rankKey(slot.slotIndex + 1)}`),
      verdict: t(`planning.slotVerdictName.${slot.verdict}`),
    }),
  );
  return {
    reason: t(`planning.unplanned.${unplanned.code}`),
    details: [
      ...(perSlot.length > 0 ? [t('planning.slotVerdicts', { list: perSlot.join('; ') })] : []),
      ...(unplanned.trainers.length > 0
        ? [
            t('planning.trainersConcerned', {
              names: names(
                unplanned.trainers.map((x) => x.name),
                t,
              ),
            }),
          ]
        : []),
    ],
  };
}

function OutcomeCell({ signupId, progress }: { signupId: string; progress?: TApplyProgress }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const row = progress?.rows.find((r) => r.signupId === signupId);
  if (!row) return <TableCell />;
  return (
    <TableCell>
      <Body1>{t(`planning.outcome.${row.outcome}`)}</Body1>
      {row.message && <Caption1 className={styles.note}>{row.message}</Caption1>}
    </TableCell>
  );
}

export function PlanTable(props: PlanTableProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { plan, progress } = props;

  const leaveOutToggle = (signupId: string, municipality: string, row: LeftOutRow) => (
    <ToggleButton
      size="small"
      checked={props.leftOut.has(signupId)}
      disabled={!props.canChange}
      title={t('planning.leaveOutHelp')}
      aria-label={`${t('planning.leaveOut')}: ${municipality}`}
      onClick={() => props.onLeaveOut(signupId, props.leftOut.has(signupId) ? undefined : row)}
    >
      {t('planning.leaveOut')}
    </ToggleButton>
  );

  return (
    <DataTable caption={t('planning.table')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('planning.municipality')}</TableHeaderCell>
          {props.showRiec && <TableHeaderCell scope="col">RIEC</TableHeaderCell>}
          <TableHeaderCell scope="col">{t('planning.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('planning.slot')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('planning.rank')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('planning.pair')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('planning.choices')}</TableHeaderCell>
          {progress && <TableHeaderCell scope="col">{t('planning.applyOutcome')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {plan.rows
          .filter((row) => !props.leftOut.has(row.signupId))
          .map((row) => {
            const unplanned = row.unplanned ? unplannedText(row.unplanned, t) : undefined;
            const canKeep = row.planned !== null && row.status === 'opties_geplaatst';
            return (
              <TableRow key={row.signupId}>
                <TableCell>{row.municipality}</TableCell>
                {props.showRiec && <TableCell>{row.riec}</TableCell>}
                <TableCell>{t(`status.${row.status}`)}</TableCell>
                {row.planned ? (
                  <>
                    <TableCell>
                      {formatSlot(row.planned.slot.start, row.planned.slot.end, language)}
                    </TableCell>
                    <TableCell>{t(`planning.rankValue.${rankKey(row.planned.rank)}`)}</TableCell>
                    <TableCell>
                      {t('planning.pairValue', {
                        berenschot: row.planned.berenschot.name,
                        riec: row.planned.riec.name,
                      })}
                      {row.planned.unknown.length > 0 && (
                        <Caption1 className={styles.note}>
                          {t('planning.unknownCalendar', {
                            names: names(
                              row.planned.unknown.map((role) =>
                                role === 'berenschot'
                                  ? (row.planned?.berenschot.name ?? '')
                                  : (row.planned?.riec.name ?? ''),
                              ),
                              t,
                            ),
                          })}
                        </Caption1>
                      )}
                    </TableCell>
                  </>
                ) : (
                  <TableCell colSpan={3}>
                    <Body1 className={styles.reason}>{t('planning.notPlanned')}: </Body1>
                    <Body1>{unplanned?.reason}</Body1>
                    {unplanned?.details.map((line) => (
                      <Caption1 key={line} className={styles.note}>
                        {line}
                      </Caption1>
                    ))}
                  </TableCell>
                )}
                <TableCell>
                  <div className={styles.toggles}>
                    {canKeep && row.planned && (
                      <ToggleButton
                        size="small"
                        checked={props.keep.has(row.signupId)}
                        disabled={!props.canChange}
                        title={t('planning.keepHelp')}
                        aria-label={`${t('planning.keep')}: ${row.municipality}`}
                        onClick={() => props.onKeep(row, !props.keep.has(row.signupId))}
                      >
                        {t('planning.keep')}
                      </ToggleButton>
                    )}
                    {leaveOutToggle(row.signupId, row.municipality, {
                      municipality: row.municipality,
                      riec: row.riec,
                      status: row.status,
                    })}
                  </div>
                </TableCell>
                {progress && <OutcomeCell signupId={row.signupId} progress={progress} />}
              </TableRow>
            );
          })}
        {plan.notPlannable.map((row) => (
          <TableRow key={`not-plannable-${row.signupId}`}>
            <TableCell>{row.municipality}</TableCell>
            {props.showRiec && <TableCell>{row.riec}</TableCell>}
            <TableCell />
            <TableCell colSpan={3}>
              <Body1 className={styles.reason}>{t('planning.notPlanned')}: </Body1>
              <Body1>{t(`planning.notPlannable.${row.code}`)}</Body1>
            </TableCell>
            <TableCell />
            {progress && <TableCell />}
          </TableRow>
        ))}
        {[...props.leftOut].map(([signupId, row]) => (
          <TableRow key={`left-out-${signupId}`}>
            <TableCell>{row.municipality}</TableCell>
            {props.showRiec && <TableCell>{row.riec}</TableCell>}
            <TableCell>{t(`status.${row.status}`)}</TableCell>
            <TableCell colSpan={3}>{t('planning.leftOut')}</TableCell>
            <TableCell>{leaveOutToggle(signupId, row.municipality, row)}</TableCell>
            {progress && <TableCell />}
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

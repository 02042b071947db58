// Step 1 of a sign-up: who of the trainers can on the three preferred slots, the pairs ranked,
// and — with one pair chosen — placing the three options (tentative holds) with them.
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CalendarAdd20Regular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPairView, TSignupView } from '../../../common/api/api-types.js';
import { Loading } from '../../../common/components/loading.js';
import { useNotify } from '../../../common/components/notify.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { pairKey } from '../../../common/pairs/pair-key.js';
import { OverlapWarning, overlapsOf } from '../../../common/pairs/overlap-warning.js';
import { PairPicker } from '../../../common/pairs/pair-picker.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useCommand } from '../../../common/services/use-command.js';
import { signupChanged } from '../../../common/services/query-keys.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { routeHref } from '../../routing/routes.js';
import { navigate } from '../../routing/use-route.js';
import type { SignupStepProps } from '../signup/signup-step.js';
import { AvailabilityGrid } from './availability-grid.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** The trainers of a pair shown "bezet" on a preference, with the preferences' numbers. */
export function busyTrainersOf(pair: TPairView): { name: string; slots: number[] }[] {
  const busy = (role: 'berenschot' | 'riec') => ({
    name: pair[role].name,
    slots: pair.slots.filter((slot) => slot[role] === 'busy').map((slot) => slot.slotIndex + 1),
  });
  return [busy('berenschot'), busy('riec')].filter((trainer) => trainer.slots.length > 0);
}

export default function AvailabilityPage({ signup, onSignupChange }: SignupStepProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useAppServices();
  const notify = useNotify();
  const slots = signup.preferences.map(({ start, end }) => ({ start, end }));
  const slotsKey = JSON.stringify(slots);
  const cbsCode = signup.municipality.cbsCode;
  const load = useCallback(
    () => api.getAvailability({ slots: JSON.parse(slotsKey) as typeof slots, cbsCode }),
    [api, slotsKey, cbsCode],
  );
  const query = useQuery(queryKeys.availability(cbsCode, slotsKey), load);
  // Weekend, holiday, Kerstmis …: the dry run of the sign-up's rules says it here too, before
  // the trainers are asked (issue 18, item 13). Nothing to say when it cannot be asked.
  const signupId = signup.id;
  const loadWarnings = useCallback(
    () =>
      api
        .checkSignup({ signupId, preferences: JSON.parse(slotsKey) as typeof slots })
        .then((check) => check.warnings)
        .catch(() => []),
    [api, signupId, slotsKey],
  );
  const warnings = useQuery(queryKeys.signupCheck(signupId, slotsKey), loadWarnings).data ?? [];
  const pairs = query.data?.pairs ?? [];
  const [chosen, setChosen] = useState<TPairView | undefined>(undefined);
  const pair = chosen ?? pairs.find((p) => p.isViable) ?? pairs[0];
  const canPropose = signup.status === 'aangemeld' && signup.userActions.includes('propose');
  // A hold on a trainer shown "bezet" is placed only after the user confirms it (issue 18.6).
  const [confirmingBusy, setConfirmingBusy] = useState(false);
  const busyTrainers = pair ? busyTrainersOf(pair) : [];

  const propose = useCommand(
    ({ choice, acknowledgeOverlaps }: { choice: TPairView; acknowledgeOverlaps: boolean }) =>
      api.proposeHolds(signup.id, {
        berenschot: choice.berenschot.email,
        riec: choice.riec.email,
        ...(acknowledgeOverlaps ? { acknowledgeOverlaps: true } : {}),
      }),
    { invalidates: () => signupChanged(signup.id) },
  );
  const overlaps = propose.state.status === 'failed' ? overlapsOf(propose.state.error) : undefined;

  async function placeOptions(acknowledgeOverlaps = false, busyConfirmed = false) {
    if (!pair) return;
    if (busyTrainers.length > 0 && !busyConfirmed && !acknowledgeOverlaps) {
      setConfirmingBusy(true);
      return;
    }
    setConfirmingBusy(false);
    afterPlaced(await propose.run({ choice: pair, acknowledgeOverlaps }));
  }

  /** After a first attempt or a retry: the options are there, on to the answers. */
  function afterPlaced(result: TSignupView | undefined) {
    if (!result?.pair) return;
    notify(t('availability.placed', { name: signup.municipality.name }), {
      body: t('availability.placedBody', {
        berenschot: result.pair.berenschot.name,
        riec: result.pair.riec.name,
      }),
    });
    onSignupChange(result);
    navigate({ page: 'options', signupId: signup.id });
  }

  return (
    <>
      {!canPropose && (
        <MessageBar intent="info">
          <MessageBarBody>
            {signup.status === 'opties_geplaatst' ? (
              <>
                {t('availability.alreadyPlaced')}{' '}
                <Link href={routeHref({ page: 'options', signupId: signup.id })}>
                  {t('availability.toAnswers')}
                </Link>
              </>
            ) : (
              t('availability.readOnly')
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {!query.data && query.isLoading && <Loading label={t('availability.loading')} />}
      {query.data && (
        <>
          {warnings.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('availability.warningsTitle')}</MessageBarTitle>
                <ul>
                  {warnings.map((warning) => (
                    <li key={`${warning.field}:${warning.code}`}>{warning.message}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <section className={styles.section} aria-labelledby="grid-heading">
            <Title3 as="h3" id="grid-heading" className={styles.heading}>
              {t('availability.gridTitle')}
            </Title3>
            <AvailabilityGrid
              availability={query.data}
              chosen={pair ? [pair.berenschot.email, pair.riec.email] : []}
            />
          </section>
          <section className={styles.section} aria-labelledby="pairs-heading">
            <Title3 as="h3" id="pairs-heading" className={styles.heading}>
              {t('pairs.title')}
            </Title3>
            <PairPicker
              pairs={pairs}
              value={pair ? pairKey(pair) : undefined}
              onChange={(next) => {
                setChosen(next);
                setConfirmingBusy(false);
                if (overlaps) propose.reset();
              }}
              disabled={!canPropose || propose.isRunning}
              labelledBy="pairs-heading"
              shownAtFirst={5}
            />
            {overlaps && (
              <OverlapWarning
                overlaps={overlaps}
                disabled={propose.isRunning}
                onPlaceAnyway={() => void placeOptions(true)}
                onChooseAnother={propose.reset}
              />
            )}
            {propose.state.status === 'failed' && !overlaps && (
              <ProblemMessage
                error={propose.state.error}
                action={t('availability.propose')}
                onRetry={() => void propose.retry().then(afterPlaced)}
              />
            )}
            {canPropose && !overlaps && confirmingBusy && busyTrainers.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('availability.busyTitle')}</MessageBarTitle>
                  {busyTrainers
                    .map((trainer) =>
                      t('availability.busyTrainer', {
                        name: trainer.name,
                        slots: trainer.slots.join(', '),
                        count: trainer.slots.length,
                      }),
                    )
                    .join(' ')}{' '}
                  {t('availability.busyQuestion')}
                </MessageBarBody>
                <MessageBarActions>
                  <Button
                    appearance="primary"
                    disabled={propose.isRunning}
                    onClick={() => void placeOptions(false, true)}
                  >
                    {t('availability.busyPlace')}
                  </Button>
                  <Button onClick={() => setConfirmingBusy(false)}>
                    {t('overlap.chooseAnother')}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {canPropose && !overlaps && !confirmingBusy && (
              <div className={styles.actions} aria-live="polite">
                <Button
                  appearance="primary"
                  icon={propose.isRunning ? <Spinner size="tiny" /> : <CalendarAdd20Regular />}
                  disabled={!pair || propose.isRunning}
                  onClick={() => void placeOptions()}
                >
                  {propose.isRunning ? t('availability.proposing') : t('availability.propose')}
                </Button>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

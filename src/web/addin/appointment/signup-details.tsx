// The sign-up behind a calendar item: municipality, status, the pair, and every option with its
// date and the trainers' answers. A trainer sees their own answer first ("Uw antwoord", as the
// product has it, so a reply that did not arrive shows) and then the other trainer's; the account
// holder sees both by name.
import { Link, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TGetMeResponse, TOptionView, TSignupView } from '../../common/api/api-types.js';
import { AnswerLabel, StatusBadge } from '../../common/components/status-labels.js';
import { formatMoment, formatSlot } from '../../common/format/format-dates.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import { hasPermission } from '../../common/services/app-services.js';
import { trainerRoleOf, type AppointmentMatch } from '../flows/appointment-match.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { tabUrl } from '../shell/addin-urls.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';

type Role = 'berenschot' | 'riec';

function OptionAnswers({
  option,
  signup,
  shown,
  mine,
}: {
  option: TOptionView;
  signup: TSignupView;
  shown: readonly Role[];
  mine: Role | undefined;
}) {
  const at = useAddinT();
  const styles = useAddinStyles();
  return (
    <ul className={styles.plainList}>
      {shown.map((role) => (
        <li key={role} className={styles.inline}>
          <span>
            {role === mine
              ? at('appointment.yourAnswer')
              : at('appointment.answerOf', { name: signup.pair?.[role].name ?? role })}
          </span>
          <AnswerLabel answer={option.answers[role]} />
        </li>
      ))}
    </ul>
  );
}

export function SignupDetails({ match, me }: { match: AppointmentMatch; me: TGetMeResponse }) {
  const { t, i18n } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  const language = currentLanguage(i18n);
  const { signup, option } = match;
  const myRole = trainerRoleOf(signup, me.email);
  // A trainer: their own answer first, then the other one's. Anyone else: both, in role order.
  const shown: readonly Role[] =
    myRole === 'riec' ? ['riec', 'berenschot'] : ['berenschot', 'riec'];
  const canOpenSignup = hasPermission(me, 'signups:read');

  return (
    <section className={styles.section} aria-labelledby="signup-title">
      <Text as="h3" id="signup-title" className={styles.sectionHeading}>
        {at('appointment.title', { name: signup.municipality.name })}
      </Text>
      <Text className={styles.inline}>
        {at('appointment.status')} <StatusBadge status={signup.status} />
      </Text>
      <Text>
        {match.isConfirmedWorkshop
          ? at('appointment.thisWorkshop')
          : at('appointment.thisOption', {
              number: (option?.slotIndex ?? 0) + 1,
              count: signup.options.length,
            })}
      </Text>
      {signup.pair && (
        <Text>
          {at('appointment.pair', {
            berenschot: signup.pair.berenschot.name,
            riec: signup.pair.riec.name,
          })}
        </Text>
      )}
      <Text as="h4" className={styles.sectionHeading}>
        {at('appointment.options')}
      </Text>
      <ol className={styles.plainList}>
        {signup.options.map((candidate) => {
          const isThis = candidate.slotIndex === option?.slotIndex;
          return (
            <li
              key={candidate.slotIndex}
              className={styles.card}
              aria-current={isThis ? 'true' : undefined}
            >
              <Text weight="semibold">
                {at('appointment.optionLabel', { number: candidate.slotIndex + 1 })}
                {isThis && ` (${at('appointment.current')})`}
                {candidate.isConfirmed && ` – ${at('appointment.confirmed')}`}
              </Text>
              <Text>
                {formatSlot(candidate.slot.start, candidate.slot.end, language)} ·{' '}
                {t(`hold.${candidate.hold}`)}
              </Text>
              <OptionAnswers option={candidate} signup={signup} shown={shown} mine={myRole} />
            </li>
          );
        })}
      </ol>
      {signup.status === 'opties_geplaatst' && signup.lapsesAt && (
        <Text>{at('appointment.lapses', { when: formatMoment(signup.lapsesAt, language) })}</Text>
      )}
      <Text size={200} className={styles.muted}>
        {at('appointment.readOnly')}
      </Text>
      <Text as="p">
        <Link href={tabUrl(canOpenSignup ? signup.id : undefined)} target="_blank" rel="noreferrer">
          {at('appointment.openTab')}
        </Link>
      </Text>
    </section>
  );
}

// Placing the options and following the trainers' answers (state `opties_geplaatst`).
import {
  describeOptions,
  fail,
  isInStatus,
  rejectCommand,
  transitionTo,
} from './lifecycle-effects.js';
import { toNewDatesNeeded } from './lifecycle-exits.js';
import { createHoldKey, findOption, hasStarted, isOptionLive } from './lifecycle-rules.js';
import type {
  AppendLogEffect,
  Effect,
  OptionAnswers,
  ProposeCommand,
  RecordAnswersCommand,
  RecordHoldIdsCommand,
  TransitionResult,
} from './lifecycle-types.js';
import { SYSTEM_ACTOR } from './lifecycle-types.js';
import type { TrainerRole } from './campaign.js';
import type { HoldOption, Signup, TrainerAnswer } from './signup.js';
import { formatSlot, toAmsterdam, toUtcIso } from './time.js';

export function proposeOptions(
  state: Signup,
  command: ProposeCommand,
  now: Date,
): TransitionResult {
  if (!isInStatus(state, 'aangemeld')) return rejectCommand(state, command);
  const { berenschot, riec } = command.pair;
  if (berenschot.role !== 'berenschot' || riec.role !== 'riec') {
    return fail('PAIR_INVALID', 'pair', { problem: 'wrong_role' });
  }
  if (berenschot.id === riec.id || berenschot.email.toLowerCase() === riec.email.toLowerCase()) {
    return fail('PAIR_INVALID', 'pair', { problem: 'same_person' });
  }
  const round = state.round + 1;
  // A preference whose start has passed gets no hold: nobody can meet in the past.
  const options: HoldOption[] = state.preferences.flatMap((slot, slotIndex) =>
    hasStarted(slot.start, now)
      ? []
      : [
          {
            slotIndex,
            slot,
            holdKey: createHoldKey(state.id, round, slotIndex),
            hold: 'open' as const,
            answers: { berenschot: 'none' as const, riec: 'none' as const },
          },
        ],
  );
  if (options.length === 0) return fail('NO_FUTURE_PREFERENCES', 'preferences', {});

  const placedAt = toAmsterdam(now);
  const next: Signup = {
    ...state,
    status: 'opties_geplaatst',
    pair: command.pair,
    round,
    options,
    optionsPlacedAt: toUtcIso(placedAt),
    // Calendar days in Amsterdam: 14 days after 10:00 is 10:00 again, also across a DST change.
    lapsesAt: toUtcIso(placedAt.plus({ days: state.holdLapseDays })),
  };
  const holds = options.map(({ slotIndex, holdKey, slot }) => ({ slotIndex, holdKey, slot }));
  const detail = `Opties geplaatst bij ${berenschot.name} (Berenschot) en ${riec.name} (RIEC): ${describeOptions(options)}.`;
  return transitionTo(next, state.status, command.by, now, detail, {
    calendar: [{ type: 'createHolds', pair: command.pair, holds }],
  });
}

/** Stores the event ids of created holds; the status does not change, so nothing is logged. */
export function recordHoldIds(state: Signup, command: RecordHoldIdsCommand): TransitionResult {
  if (!isInStatus(state, 'opties_geplaatst', 'bevestigd')) return rejectCommand(state, command);
  let options = state.options;
  for (const { slotIndex, eventId } of command.eventIds) {
    if (!findOption(state, slotIndex)) {
      return fail('SLOT_INDEX_INVALID', 'eventIds', { index: slotIndex });
    }
    options = options.map((o) => (o.slotIndex === slotIndex ? { ...o, eventId } : o));
  }
  const isChanged = options.some((o, i) => o.eventId !== state.options[i]?.eventId);
  if (!isChanged) return { ok: true, state, effects: [] };
  const next: Signup = { ...state, options };
  return { ok: true, state: next, effects: [{ type: 'writeStatus', status: state.status }] };
}

/**
 * Whether a reading taken at `at` is newer than the stored one. Graph writes
 * lastModifiedDateTime with up to seven fractional digits, so the instants are compared first and
 * the texts only within one millisecond. Readings without a time (an override, an old caller)
 * always apply; a time never loses to no time.
 */
export function isNewer(at: string | undefined, storedAt: string | undefined): boolean {
  if (at === undefined || storedAt === undefined) return true;
  const a = Date.parse(at);
  const b = Date.parse(storedAt);
  if (Number.isNaN(a) || Number.isNaN(b)) return at > storedAt;
  if (a !== b) return a > b;
  return fractionOf(at) > fractionOf(storedAt);
}

/** The fractional seconds of an ISO instant as digits padded to seven places ("1234500"). */
function fractionOf(instant: string): string {
  return (/\.(\d+)/.exec(instant)?.[1] ?? '').padEnd(7, '0');
}

type GivenAnswer = Extract<TrainerAnswer, 'accepted' | 'tentativelyAccepted' | 'declined'>;

const ANSWER_WORDS: Readonly<Record<GivenAnswer, string>> = {
  accepted: 'geaccepteerd',
  tentativelyAccepted: 'voorlopig geaccepteerd',
  declined: 'afgewezen',
};

function isGiven(answer: TrainerAnswer | undefined): answer is GivenAnswer {
  return answer === 'accepted' || answer === 'tentativelyAccepted' || answer === 'declined';
}

const ROLES: readonly TrainerRole[] = ['berenschot', 'riec'];
const ROLE_NAMES: Readonly<Record<TrainerRole, string>> = {
  berenschot: 'Berenschot',
  riec: 'RIEC',
};

/**
 * One log line per answer that changed (accept, tentative, decline; "no answer yet" is not
 * news), with the comment when known. The key is what the line logs — round, option, who, the
 * answer and the calendar version it was read from — so the same answer is one line however
 * often, or by however many syncs at once, it is read.
 */
function answerLogs(
  before: Signup,
  after: Signup,
  answers: readonly OptionAnswers[],
  now: Date,
): AppendLogEffect[] {
  const at = toUtcIso(toAmsterdam(now));
  const logs: AppendLogEffect[] = [];
  for (const option of after.options) {
    const old = before.options.find((o) => o.slotIndex === option.slotIndex);
    if (!old) continue;
    const comments = answers.find((a) => a.slotIndex === option.slotIndex)?.comments ?? {};
    const version = option.answersAt ?? at;
    const slot = formatSlot(option.slot, 'nl');
    const base = {
      type: 'appendLog' as const,
      from: after.status,
      to: after.status,
      at,
    };
    for (const role of ROLES) {
      const answer = option.answers[role];
      const trainer = after.pair?.[role];
      if (!trainer || !isGiven(answer) || answer === old.answers[role]) continue;
      const comment = comments[role]?.trim() ?? '';
      logs.push({
        ...base,
        key: `antwoord:r${after.round}:o${option.slotIndex}:${role}:${answer}:${version}`,
        by: trainer.name,
        detail:
          `${trainer.name} (${ROLE_NAMES[role]}) heeft optie ${option.slotIndex + 1} (${slot}) ${ANSWER_WORDS[answer]}.` +
          (comment ? ` Opmerking: ${comment}` : ''),
        event: {
          code: 'trainerAnswered',
          params: {
            role,
            trainer: trainer.name,
            trainerEmail: trainer.email,
            option: String(option.slotIndex + 1),
            start: option.slot.start,
            end: option.slot.end,
            answer,
            ...(comment ? { comment } : {}),
          },
        },
      });
    }
    const answer = option.municipalityAnswer;
    if (isGiven(answer) && answer !== old.municipalityAnswer) {
      const comment = comments.municipality?.trim() ?? '';
      const contact = after.contact.name || after.contact.email;
      const consequence =
        answer === 'declined' ? ' Het kabinet kan niet op de bevestigde datum.' : '';
      logs.push({
        ...base,
        key: `antwoord:r${after.round}:o${option.slotIndex}:gemeente:${answer}:${version}`,
        by: contact,
        detail:
          `De gemeente ${after.municipality.name} (${contact}) heeft de uitnodiging voor de workshop van ${slot} ${ANSWER_WORDS[answer]}.${consequence}` +
          (comment ? ` Opmerking: ${comment}` : ''),
        event: {
          code: 'municipalityAnswered',
          params: {
            contact,
            contactEmail: after.contact.email,
            start: option.slot.start,
            end: option.slot.end,
            answer,
            ...(comment ? { comment } : {}),
          },
        },
      });
    }
  }
  return logs;
}

/** Effects with the answers' log lines just before the transition's own line. */
function withAnswerLogs(effects: readonly Effect[], logs: readonly AppendLogEffect[]): Effect[] {
  const index = effects.findIndex((effect) => effect.type === 'appendLog');
  if (index < 0) return [...effects, ...logs];
  return [...effects.slice(0, index), ...logs, ...effects.slice(index)];
}

/**
 * Stores the trainers' answers (and the mayor's office's on the confirmed workshop) and logs
 * each new one. When no option can become the workshop any more (each declined, past or
 * lapsed), the sign-up moves to `nieuwe_data_nodig` and the remaining holds are released.
 */
export function recordAnswers(
  state: Signup,
  command: RecordAnswersCommand,
  now: Date,
): TransitionResult {
  if (!isInStatus(state, 'opties_geplaatst', 'bevestigd')) return rejectCommand(state, command);
  let options = state.options;
  for (const answer of command.answers) {
    if (!findOption(state, answer.slotIndex)) {
      return fail('SLOT_INDEX_INVALID', 'answers', { index: answer.slotIndex });
    }
    options = options.map((o) =>
      o.slotIndex !== answer.slotIndex || o.hold === 'released' || !isNewer(answer.at, o.answersAt)
        ? o
        : {
            ...o,
            answers: {
              berenschot: answer.berenschot ?? o.answers.berenschot,
              riec: answer.riec ?? o.answers.riec,
            },
            // Only the confirmed workshop has the mayor's office as an attendee.
            ...(o.hold === 'finalized' && (answer.municipality ?? o.municipalityAnswer)
              ? { municipalityAnswer: answer.municipality ?? o.municipalityAnswer }
              : {}),
            ...(answer.at ? { answersAt: answer.at } : {}),
          },
    );
  }
  const next: Signup = { ...state, options };
  const logs = answerLogs(state, next, command.answers, now);
  if (state.status === 'opties_geplaatst' && !options.some((o) => isOptionLive(o, next, now))) {
    const result = toNewDatesNeeded(next, command.by ?? SYSTEM_ACTOR, now);
    return result.ok ? { ...result, effects: withAnswerLogs(result.effects, logs) } : result;
  }
  const isChanged = options.some(
    (o, i) =>
      o.answers.berenschot !== state.options[i]?.answers.berenschot ||
      o.answers.riec !== state.options[i]?.answers.riec ||
      o.municipalityAnswer !== state.options[i]?.municipalityAnswer ||
      o.answersAt !== state.options[i]?.answersAt,
  );
  if (!isChanged) return { ok: true, state, effects: [] };
  return {
    ok: true,
    state: next,
    effects: [{ type: 'writeStatus', status: state.status }, ...logs],
  };
}

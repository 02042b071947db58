// A log line in the user's language: the API sends what happened as a code with parameters
// (trainer, option, answer, comment…) and the web owns the words. Lines from before the codes
// have only their Dutch detail, which is shown as it is.
import type { TFunction } from 'i18next';
import type { TLogEntryView } from '../../../common/api/api-types.js';
import { formatSlot, type Language } from '../../../common/format/format-dates.js';

const ANSWERS = ['accepted', 'tentativelyAccepted', 'declined'] as const;
const ROLES = ['berenschot', 'riec'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

export function describeLogEntry(entry: TLogEntryView, t: TFunction, language: Language): string {
  const event = entry.event;
  if (!event) return entry.detail;
  const { params } = event;
  if (event.code === 'attendeesSaved') {
    return t('log.event.attendeesSaved', { count: Number(params.count ?? 0) });
  }
  const answer = oneOf(ANSWERS, params.answer);
  if (!answer || !params.start || !params.end) return entry.detail;
  const slot = formatSlot(params.start, params.end, language);
  const comment = params.comment ? ` ${t('log.event.comment', { comment: params.comment })}` : '';
  switch (event.code) {
    case 'trainerAnswered': {
      const role = oneOf(ROLES, params.role);
      if (!role) return entry.detail;
      return (
        t('log.event.trainerAnswered', {
          trainer: params.trainer ?? '',
          role: t(`role.${role}`),
          option: params.option ?? '',
          slot,
          answer: t(`answer.${answer}`),
        }) + comment
      );
    }
    case 'municipalityAnswered': {
      const text = t('log.event.municipalityAnswered', {
        contact: params.contact ?? '',
        slot,
        answer: t(`answer.${answer}`),
      });
      const consequence = answer === 'declined' ? ` ${t('log.event.cabinetCannot')}` : '';
      return text + consequence + comment;
    }
  }
}

// Words for domain values in both languages, for messages, log details and the UI.
import type { TrainerRole } from './campaign.js';
import type { CommandType } from './lifecycle-types.js';
import type { SignupStatus, TrainerAnswer } from './signup.js';
import type { Locale } from './time.js';

export const STATUS_LABELS: Readonly<Record<Locale, Readonly<Record<SignupStatus, string>>>> = {
  nl: {
    aangemeld: 'aangemeld',
    opties_geplaatst: 'opties geplaatst',
    bevestigd: 'bevestigd',
    uitgevoerd: 'uitgevoerd',
    geannuleerd: 'geannuleerd',
    nieuwe_data_nodig: 'nieuwe data nodig',
  },
  en: {
    aangemeld: 'registered',
    opties_geplaatst: 'options placed',
    bevestigd: 'confirmed',
    uitgevoerd: 'held',
    geannuleerd: 'cancelled',
    nieuwe_data_nodig: 'new dates needed',
  },
};

export const COMMAND_LABELS: Readonly<Record<Locale, Readonly<Record<CommandType, string>>>> = {
  nl: {
    propose: 'opties plaatsen',
    recordHoldIds: 'afspraken vastleggen',
    recordAnswers: 'antwoorden verwerken',
    confirm: 'bevestigen',
    cancel: 'annuleren',
    expire: 'opties laten vervallen',
    markExecuted: 'als uitgevoerd markeren',
    newDates: 'nieuwe data invoeren',
  },
  en: {
    propose: 'place options',
    recordHoldIds: 'record the events',
    recordAnswers: 'process answers',
    confirm: 'confirm',
    cancel: 'cancel',
    expire: 'let the options lapse',
    markExecuted: 'mark as held',
    newDates: 'enter new dates',
  },
};

export const ROLE_LABELS: Readonly<Record<Locale, Readonly<Record<TrainerRole, string>>>> = {
  nl: { berenschot: 'de Berenschot-adviseur', riec: 'de RIEC-adviseur' },
  en: { berenschot: 'the Berenschot advisor', riec: 'the RIEC advisor' },
};

export const ANSWER_LABELS: Readonly<Record<Locale, Readonly<Record<TrainerAnswer, string>>>> = {
  nl: {
    none: 'nog geen antwoord',
    accepted: 'geaccepteerd',
    tentativelyAccepted: 'voorlopig geaccepteerd',
    declined: 'afgewezen',
    notResponded: 'niet gereageerd',
  },
  en: {
    none: 'no answer yet',
    accepted: 'accepted',
    tentativelyAccepted: 'tentatively accepted',
    declined: 'declined',
    notResponded: 'not responded',
  },
};

/** "de RIEC-adviseur …" at the start of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

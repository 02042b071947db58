// The words for the codes of lists.ts, in Dutch and English: the one table the server (messages,
// mails, log details) and the web (its i18n resources) read. The API itself sends codes, not
// these words (README.md, "Who owns display words").
import type {
  Availability,
  HoldState,
  Language,
  LogAction,
  PairVerdict,
  ScanStatus,
  ScanTheme,
  SignupStatus,
  TrainerAnswer,
  TrainerRole,
} from './lists.js';

export type Labels<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

export const STATUS_LABELS: Labels<SignupStatus> = {
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

/** What a line of the log did: a lifecycle command, or the registration. */
export const ACTION_LABELS: Labels<LogAction> = {
  nl: {
    register: 'aanmelden',
    propose: 'opties plaatsen',
    recordHoldIds: 'afspraken vastleggen',
    recordAnswers: 'antwoorden verwerken',
    confirm: 'bevestigen',
    cancel: 'annuleren',
    expire: 'opties laten vervallen',
    markExecuted: 'als uitgevoerd markeren',
    newDates: 'nieuwe data invoeren',
    edit: 'wijzigen',
  },
  en: {
    register: 'register',
    propose: 'place options',
    recordHoldIds: 'record the events',
    recordAnswers: 'process answers',
    confirm: 'confirm',
    cancel: 'cancel',
    expire: 'let the options lapse',
    markExecuted: 'mark as held',
    newDates: 'enter new dates',
    edit: 'edit',
  },
};

export const ANSWER_LABELS: Labels<TrainerAnswer> = {
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

export const AVAILABILITY_LABELS: Labels<Availability> = {
  nl: {
    free: 'vrij',
    tentative: 'onder voorbehoud',
    busy: 'bezet',
    oof: 'afwezig',
    workingElsewhere: 'werkt elders',
    unknown: 'onbekend',
  },
  en: {
    free: 'free',
    tentative: 'tentative',
    busy: 'busy',
    oof: 'out of office',
    workingElsewhere: 'working elsewhere',
    unknown: 'unknown',
  },
};

export const HOLD_LABELS: Labels<HoldState> = {
  nl: { open: 'optie', finalized: 'bevestigd', released: 'vervallen' },
  en: { open: 'option', finalized: 'confirmed', released: 'released' },
};

/** The answer to "did the municipality do the scan?" */
export const SCAN_LABELS: Labels<ScanStatus> = {
  nl: { gedaan: 'Gedaan', gepland: 'Gepland', nee: 'Nee', onbekend: 'Onbekend' },
  en: { gedaan: 'Done', gepland: 'Planned', nee: 'No', onbekend: 'Unknown' },
};

/** The scan's themes the municipality wants the workshop to focus on (issue 14, item 3). */
export const SCAN_THEME_LABELS: Labels<ScanTheme> = {
  nl: {
    vastgoed: 'Vastgoed',
    vergunningverlening: 'Vergunningverlening',
    intimidatie_raadsleden: 'Intimidatie van raadsleden',
    integriteit: 'Integriteit',
    informatiedeling: 'Informatiedeling',
  },
  en: {
    vastgoed: 'Real estate',
    vergunningverlening: 'Permits and licensing',
    intimidatie_raadsleden: 'Intimidation of council members',
    integriteit: 'Integrity',
    informatiedeling: 'Information sharing',
  },
};

/** The organisation of a trainer, short: a column header, a badge. */
export const TRAINER_ROLE_LABELS: Labels<TrainerRole> = {
  nl: { berenschot: 'Berenschot', riec: 'RIEC' },
  en: { berenschot: 'Berenschot', riec: 'RIEC' },
};

/** The trainer in a sentence: "de RIEC-adviseur heeft afgewezen". */
export const TRAINER_LABELS: Labels<TrainerRole> = {
  nl: { berenschot: 'de Berenschot-adviseur', riec: 'de RIEC-adviseur' },
  en: { berenschot: 'the Berenschot advisor', riec: 'the RIEC advisor' },
};

export const VERDICT_LABELS: Labels<PairVerdict> = {
  nl: {
    beide_vrij: 'beide vrij',
    berenschot_onbekend: 'RIEC-adviseur vrij, Berenschot onbekend',
    riec_onbekend: 'Berenschot vrij, RIEC-adviseur onbekend',
    beide_onbekend: 'beide onbekend',
    bezet: 'bezet',
  },
  en: {
    beide_vrij: 'both free',
    berenschot_onbekend: 'RIEC advisor free, Berenschot unknown',
    riec_onbekend: 'Berenschot free, RIEC advisor unknown',
    beide_onbekend: 'both unknown',
    bezet: 'busy',
  },
};

/** "de RIEC-adviseur …" at the start of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Words the API's views show beside domain values, in the caller's language; the lifecycle's
// own words (status, answers, commands) come from src/domain/labels.ts.
import type { Language } from '../../app/errors.js';
import type { Availability } from '../../domain/pairing.js';
import type { HoldState, ScanStatus } from '../../domain/signup.js';

type Labels<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

export const SCAN_LABELS: Labels<ScanStatus> = {
  nl: { gedaan: 'scan gedaan', gepland: 'scan gepland', nee: 'geen scan', onbekend: 'onbekend' },
  en: { gedaan: 'scan done', gepland: 'scan planned', nee: 'no scan', onbekend: 'unknown' },
};

export const HOLD_LABELS: Labels<HoldState> = {
  nl: { open: 'optie', finalized: 'bevestigd', released: 'vervallen' },
  en: { open: 'option', finalized: 'confirmed', released: 'released' },
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

/** The registration is not a lifecycle command, but it is a line in the log. */
export const REGISTER_LABEL: Readonly<Record<Language, string>> = {
  nl: 'aanmelden',
  en: 'register',
};

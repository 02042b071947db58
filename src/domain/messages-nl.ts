// Dutch messages (nl-NL), for a civil servant at a mayor's office or an RIEC account holder.
import type { MessageTable } from './errors.js';
import {
  ACTION_LABELS,
  ANSWER_LABELS,
  STATUS_LABELS,
  TRAINER_LABELS,
  capitalise,
} from '../contract/labels.js';
import { formatClockTime } from '../contract/format.js';
import { formatDate, formatInstant } from './time.js';

const n = (index: number): number => index + 1;

export const MESSAGES_NL: MessageTable = {
  MUNICIPALITY_UNKNOWN: (p) =>
    p.cbsCode.trim() === ''
      ? 'Kies de gemeente uit de lijst.'
      : `Gemeente met CBS-code "${p.cbsCode}" is geen gemeente in Noord-Holland. Kies de gemeente uit de lijst.`,
  CONTACT_NAME_REQUIRED: () => 'Vul de naam van de contactpersoon bij het kabinet in.',
  CONTACT_NAME_INVALID: () =>
    'De naam van de contactpersoon bevat een tab, regelovergang of ander onzichtbaar teken. Typ de naam opnieuw in één regel.',
  CONTACT_EMAIL_INVALID: (p) =>
    p.email.trim() === ''
      ? 'Vul het e-mailadres van de contactpersoon in, bijvoorbeeld kabinet@gemeente.nl.'
      : `"${p.email}" is geen geldig e-mailadres. Vul één e-mailadres van de contactpersoon in, bijvoorbeeld kabinet@gemeente.nl.`,
  PREFERENCES_COUNT: (p) => `Geef precies ${p.expected} voorkeursmomenten op (nu ${p.actual}).`,
  PREFERENCES_DUPLICATE: (p) =>
    `Voorkeur ${n(p.index)} is hetzelfde moment als voorkeur ${n(p.other)}. Kies een ander moment.`,
  SLOT_INVALID_TIME: (p) => `Voorkeur ${n(p.index)}: "${p.value}" is geen geldige datum en tijd.`,
  SLOT_END_BEFORE_START: (p) => `Voorkeur ${n(p.index)}: de eindtijd moet na de begintijd liggen.`,
  SLOT_TOO_LONG: (p) =>
    `Voorkeur ${n(p.index)} duurt ${formatMinutesNl(p.minutes)}; de workshop duurt maximaal ${formatMinutesNl(p.maxMinutes)}.`,
  SLOT_IN_PAST: (p) =>
    `Voorkeur ${n(p.index)} (${formatInstant(p.start, 'nl')}) ligt in het verleden. Kies een moment in de toekomst.`,
  SLOT_OUTSIDE_WINDOW: (p) =>
    `Voorkeur ${n(p.index)} valt buiten de periode van de workshop (${formatDate(p.windowStart, 'nl')} tot en met ${formatDate(p.windowEnd, 'nl')}).`,
  SLOT_OVERLAP: (p) =>
    `Voorkeur ${n(p.index)} overlapt met voorkeur ${n(p.other)}. Geef drie verschillende momenten op.`,
  DEADLINE_PASSED: (p) =>
    `De aanmeldtermijn is verlopen (tot en met ${formatDate(p.deadline, 'nl')}). Een late aanmelding kan alleen met een reden van de accounthouder.`,
  LATE_OVERRIDE_REASON_REQUIRED: (p) =>
    `Geef een reden om deze aanmelding na de termijn (${formatDate(p.deadline, 'nl')}) toch aan te nemen.`,
  SLOT_ON_HOLIDAY: (p) =>
    `Voorkeur ${n(p.index)} valt op een feestdag (${p.holidayNl}, ${formatDate(p.date, 'nl')}).`,
  SLOT_IN_WEEKEND: (p) =>
    `Voorkeur ${n(p.index)} valt in het weekend (${formatDate(p.date, 'nl')}).`,
  SLOT_ON_EVENING_OFF: (p) =>
    `Voorkeur ${n(p.index)} valt op ${p.eveningNl} (${formatDate(p.date, 'nl')}); dan houden de meeste raadsleden de avond vrij.`,
  SLOT_OUTSIDE_MEETING_HOURS: (p) =>
    `Voorkeur ${n(p.index)} valt (deels) buiten de gebruikelijke tijden (${formatClockTime(p.from, 'nl')}–${formatClockTime(p.to, 'nl')} uur).`,
  SLOT_IN_ELECTION_WEEK: (p) =>
    `Voorkeur ${n(p.index)} valt in de week van de gemeenteraadsverkiezingen (${formatDate(p.electionDate, 'nl')}).`,
  LATE_OVERRIDE_USED: (p) =>
    `Aanmelding na de termijn (${formatDate(p.deadline, 'nl')}) toch aangenomen. Reden: ${p.reason}`,
  CAMPAIGN_TITLE_REQUIRED: () => 'Vul de titel van de campagne in.',
  CAMPAIGN_DATE_INVALID: (p) =>
    `"${p.value}" is geen geldige datum. Vul een datum in als 15-06-2027.`,
  CAMPAIGN_DEADLINE_IN_PAST: (p) =>
    `De uiterste aanmelddatum ${formatDate(p.deadline, 'nl')} ligt in het verleden. Kies vandaag (${formatDate(p.today, 'nl')}) of later.`,
  CAMPAIGN_WINDOW_END_BEFORE_START: (p) =>
    `De periode eindigt (${formatDate(p.end, 'nl')}) vóór ze begint (${formatDate(p.start, 'nl')}). Kies een einddatum op of na de begindatum.`,
  CAMPAIGN_DURATION_OUT_OF_RANGE: (p) =>
    `Een workshop duurt minimaal ${p.min} minuten en maximaal ${formatMinutesNl(p.max)}; vul een aantal minuten daartussen in.`,
  CAMPAIGN_LAPSE_DAYS_OUT_OF_RANGE: (p) =>
    `Opties vervallen na 1 tot en met ${p.max} dagen; vul een heel aantal dagen daartussen in.`,
  CAMPAIGN_REMINDER_DAY_INVALID: (p) =>
    p.problem === 'afterDeadline'
      ? `Herinnering ${p.day} valt na de uiterste aanmelddatum. Geef het aantal dagen vóór de deadline op (0 of meer).`
      : p.problem === 'duplicate'
        ? `${p.day} dagen vóór de deadline staat er al; noem elke herinneringsdag één keer.`
        : `"${p.day}" is geen heel aantal dagen. Vul bijvoorbeeld 14 of 3 in.`,
  CAMPAIGN_TEXT_REQUIRED: (p) =>
    p.text === 'senderName'
      ? 'Vul in namens wie de berichten gaan, bijvoorbeeld Provincie Noord-Holland.'
      : 'Vul de tekst van de herinnering in; gemeenten krijgen die tekst per e-mail.',
  CAMPAIGN_NUDGE_DAYS_OUT_OF_RANGE: (p) =>
    `Een trainer die niet antwoordde krijgt na ${p.min} tot en met ${p.max} dagen een herinnering; vul een heel aantal dagen daartussen in.`,
  CAMPAIGN_AUTO_SEND_INVALID: () => 'Kies of herinneringen vanzelf worden verstuurd: aan of uit.',
  CAMPAIGN_ID_INVALID: (p) =>
    `"${p.id}" kan geen kenmerk van een campagne zijn. Gebruik kleine letters, cijfers en streepjes, zoals weerbaarheid-2027.`,
  CAMPAIGN_ID_TAKEN: (p) =>
    `Er is al een campagne met kenmerk "${p.id}". Kies een ander kenmerk of open die campagne.`,
  INVALID_TRANSITION: (p) =>
    `"${ACTION_LABELS.nl[p.command]}" kan niet bij een aanmelding met status "${STATUS_LABELS.nl[p.status]}".`,
  SLOT_INDEX_INVALID: (p) => `Optie ${n(p.index)} bestaat niet bij deze aanmelding.`,
  SLOT_NOT_ACCEPTED: (p) =>
    `Optie ${n(p.index)} is nog niet door beide trainers geaccepteerd (Berenschot: ${ANSWER_LABELS.nl[p.berenschot]}, RIEC: ${ANSWER_LABELS.nl[p.riec]}). Bevestigen kan alleen met een reden.`,
  SLOT_DECLINED: (p) =>
    `Optie ${n(p.index)} is afgewezen door ${TRAINER_LABELS.nl[p.role]} (${p.trainer}). Kies een andere optie.`,
  OVERRIDE_REASON_REQUIRED: (p) =>
    `Geef een reden om optie ${n(p.index)} te bevestigen zonder akkoord van beide trainers.`,
  TRAINER_NOT_FREE: (p) =>
    `${capitalise(TRAINER_LABELS.nl[p.role])} (${p.trainer}) is op het moment van optie ${n(p.index)} inmiddels bezet.`,
  TRAINER_TAKEN: (p) =>
    `${p.trainer} geeft op ${formatInstant(p.start, 'nl')} al de workshop voor gemeente ${p.municipality}. Optie ${n(p.index)} kan daarom niet meer worden bevestigd: kies een andere optie of vraag de gemeente om nieuwe data.`,
  HOLD_OVERLAPS_WORKSHOP: (p) =>
    `Voorkeur ${n(p.index)}: ${p.trainer} geeft op ${formatInstant(p.start, 'nl')} al de workshop voor gemeente ${p.municipality}. Een optie op dit moment kan niet meer de workshop worden.`,
  HOLD_OVERLAPS_HOLD: (p) =>
    `Voorkeur ${n(p.index)}: ${p.trainer} heeft op ${formatInstant(p.start, 'nl')} al een optie voor gemeente ${p.municipality}. Wie het eerst bevestigt, krijgt de trainer.`,
  HOLDS_LAPSED: (p) =>
    `De opties zijn vervallen op ${formatInstant(p.lapsesAt, 'nl')}. Vraag de gemeente om nieuwe data.`,
  HOLDS_NOT_LAPSED: (p) =>
    `De opties zijn nog geldig tot ${formatInstant(p.lapsesAt, 'nl')} en er is nog een optie mogelijk.`,
  WORKSHOP_NOT_PASSED: (p) =>
    `De workshop is nog niet voorbij (tot ${formatInstant(p.end, 'nl')}).`,
  CANCEL_REASON_REQUIRED: () => 'Geef een reden voor de annulering.',
  PAIR_INVALID: (p) =>
    p.problem === 'same_person'
      ? 'Kies twee verschillende trainers.'
      : 'Kies één Berenschot-adviseur en één RIEC-adviseur.',
  NO_FUTURE_PREFERENCES: () =>
    'Alle voorkeursmomenten liggen in het verleden. Vraag de gemeente om nieuwe data.',
  AVAILABILITY_OUTSIDE_WINDOW: (p) =>
    `${formatDate(p.date, 'nl')} valt buiten de periode van de workshop (${formatDate(p.windowStart, 'nl')} tot en met ${formatDate(p.windowEnd, 'nl')}). Kies een datum in die periode.`,
  AVAILABILITY_DUPLICATE: (p) =>
    p.date
      ? `U heeft ${formatDate(p.date, 'nl')} twee keer opgegeven. Houd één regel per datum over.`
      : `U heeft dezelfde dag en hetzelfde dagdeel twee keer opgegeven. Houd er één over.`,
  PREFERENCES_LOCKED: (p) =>
    `De voorkeuren liggen vast zolang er opties zijn geplaatst (stand: ${STATUS_LABELS.nl[p.status]}). Kies "Andere data": de opties worden dan vrijgegeven en u geeft nieuwe voorkeuren op.`,
  REMINDER_TEMPLATE_REQUIRED: () =>
    'Vul de tekst van de herinnering in; een lege herinnering wordt niet verstuurd.',
  REMINDER_SELECTION_EMPTY: () => 'Kies minstens één gemeente die de herinnering moet krijgen.',
  REMINDER_MUNICIPALITY_TWICE: (p) =>
    `${p.municipality} staat twee keer in de selectie; elke gemeente krijgt één herinnering.`,
  REMINDER_ADDRESS_INVALID: (p) =>
    `"${p.address}" is geen e-mailadres. Vul het adres van het kabinet of de griffie in, bijvoorbeeld griffie@haarlem.nl.`,
  REMINDER_ALREADY_SIGNED_UP: (p) =>
    `${p.municipality} heeft zich al aangemeld; een herinnering is niet nodig. Haal de gemeente uit de selectie.`,
  ALREADY_SIGNED_UP: (p) =>
    `Gemeente ${p.municipality} is al aangemeld voor deze workshop (stand: ${STATUS_LABELS.nl[p.status]}). Open die aanmelding in plaats van een nieuwe te maken.`,
};

function formatMinutesNl(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (rest === 0) return `${hours} uur`;
  return hours === 0 ? `${rest} minuten` : `${hours} uur en ${rest} minuten`;
}

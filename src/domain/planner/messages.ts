// The planner's texts, Dutch first and English second, for a coordinator or an RIEC account
// holder: what is wrong and what to do about it.
import type { TrainerRole } from '../campaign.js';
import type { Availability } from '../pairing.js';
import { formatSlot } from '../time.js';
import type { Slot } from '../time.js';
import type { PlanStatus, Texts, TrainerBlock } from './types.js';

export function texts(nl: string, en: string): Texts {
  return { nl, en };
}

/** "A, B en C" / "A, B and C". */
export function listOf(items: readonly string[]): Texts {
  const join = (word: string) =>
    items.length <= 1
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
  return texts(join('en'), join('and'));
}

/** "1 workshop", "3 workshops" (the same word in both languages). */
export function workshops(count: number): Texts {
  const word = count === 1 ? 'workshop' : 'workshops';
  return texts(`${count} ${word}`, `${count} ${word}`);
}

const ROLE: Readonly<Record<TrainerRole, Texts>> = {
  berenschot: texts('Berenschot-adviseur', 'Berenschot advisor'),
  riec: texts('RIEC-adviseur', 'RIEC advisor'),
};

export function roleName(role: TrainerRole, riec?: string): Texts {
  if (role === 'riec' && riec) return texts(`adviseur van ${riec}`, `advisor of ${riec}`);
  return ROLE[role];
}

const AVAILABILITY: Readonly<Record<Availability, Texts>> = {
  free: texts('vrij', 'free'),
  tentative: texts('onder voorbehoud bezet', 'tentatively busy'),
  busy: texts('bezet', 'busy'),
  oof: texts('afwezig', 'out of office'),
  workingElsewhere: texts('elders aan het werk', 'working elsewhere'),
  unknown: texts('agenda onbekend', 'calendar unknown'),
};

/** Why one trainer (or several, `count` > 1) could not take a slot, in a few words after the name(s). */
export function blockText(block: TrainerBlock, count = 1): Texts {
  const many = count > 1;
  const has = texts(many ? 'hebben' : 'heeft', many ? 'have' : 'has');
  switch (block.kind) {
    case 'calendar':
      return AVAILABILITY[block.availability];
    case 'stated':
      return texts(`${has.nl} aangegeven dan niet te kunnen`, 'said they cannot work then');
    case 'weekMaximum':
      return texts(
        `${has.nl} die week al ${workshops(block.maximum).nl} (maximum)`,
        `already ${has.en} ${workshops(block.maximum).en} that week (maximum)`,
      );
    case 'campaignMaximum':
      return texts(
        `${has.nl} al ${workshops(block.maximum).nl} in deze campagne (maximum)`,
        `already ${has.en} ${workshops(block.maximum).en} in this campaign (maximum)`,
      );
    case 'workshop':
      return texts(
        `${many ? 'geven' : 'geeft'} dan (of kort ervoor of erna) de workshop bij ${block.label}`,
        `${many ? 'give' : 'gives'} the workshop at ${block.label} then (or just before or after)`,
      );
    case 'notInLockedPair':
      return texts(
        `${many ? 'horen' : 'hoort'} niet bij het vastgezette paar`,
        `${many ? 'are' : 'is'} not in the locked pair`,
      );
  }
}

export function slotText(slot: Slot): Texts {
  return texts(formatSlot(slot, 'nl'), formatSlot(slot, 'en'));
}

export const SUMMARY = {
  empty: (leftOut: number): Texts =>
    leftOut > 0
      ? texts(
          `Er is niets om te plannen: alle ${leftOut} aanmeldingen zijn buiten de planning gelaten.`,
          `There is nothing to plan: all ${leftOut} sign-ups were left out.`,
        )
      : texts(
          'Er is niets om te plannen: er zijn geen aanmeldingen die op een planning wachten.',
          'There is nothing to plan: no sign-ups are waiting to be planned.',
        ),
  result: (status: PlanStatus, planned: number, total: number, gap: number | null): Texts => {
    const base = texts(
      `${planned} van de ${total} aanmeldingen ${planned === 1 ? 'is' : 'zijn'} ingepland.`,
      `${planned} of ${total} sign-ups ${planned === 1 ? 'is' : 'are'} planned.`,
    );
    if (status === 'timeLimit') {
      const percent =
        gap === null ? '' : `; de best mogelijke planning is hooguit ${formatGap(gap)} beter`;
      const percentEn =
        gap === null ? '' : `; the best possible plan is at most ${formatGap(gap)} better`;
      return texts(
        `${base.nl} De tijdslimiet is bereikt: dit is de beste planning die gevonden is${percent}. Plan opnieuw met meer tijd voor een planning waarvan vaststaat dat die de beste is.`,
        `${base.en} The time limit was reached: this is the best plan found${percentEn}. Plan again with more time for a plan that is proven to be the best.`,
      );
    }
    if (status === 'heuristic') {
      return texts(
        `${base.nl} Op volgorde van aanmelding ingepland (zonder optimalisatie).`,
        `${base.en} Planned in order of sign-up (not optimised).`,
      );
    }
    if (planned === total) return base;
    return texts(
      `${base.nl} Meer is niet mogelijk met deze voorkeuren, trainers en agenda’s.`,
      `${base.en} No plan can place more with these preferences, trainers and calendars.`,
    );
  },
};

function formatGap(gap: number): string {
  return `${(gap * 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 })}%`;
}

export const ERRORS = {
  noBerenschot: (): Texts =>
    texts(
      'Er staat geen Berenschot-adviseur in de trainerslijst, en elke workshop heeft er een nodig. Voeg in de lijst Workshoptrainers minstens één Berenschot-adviseur toe en plan opnieuw.',
      'The trainer list has no Berenschot advisor, and every workshop needs one. Add at least one Berenschot advisor to the Workshoptrainers list and plan again.',
    ),
  noRiecAdvisors: (riecs: readonly string[]): Texts => {
    const names = listOf(riecs);
    if (riecs.length === 1) {
      return texts(
        `Er staat geen adviseur van ${names.nl} in de trainerslijst, en elke workshop heeft een adviseur van het eigen RIEC nodig. Voeg in de lijst Workshoptrainers een adviseur van ${names.nl} toe en plan opnieuw.`,
        `The trainer list has no advisor of ${names.en}, and every workshop needs an advisor of its own RIEC. Add an advisor of ${names.en} to the Workshoptrainers list and plan again.`,
      );
    }
    return texts(
      `Er staan geen adviseurs van ${names.nl} in de trainerslijst, en elke workshop heeft een adviseur van het eigen RIEC nodig. Voeg in de lijst Workshoptrainers voor elk van deze RIEC’s een adviseur toe en plan opnieuw.`,
      `The trainer list has no advisors of ${names.en}, and every workshop needs an advisor of its own RIEC. Add an advisor for each of these RIECs to the Workshoptrainers list and plan again.`,
    );
  },
  duplicate: (what: 'aanmelding' | 'trainer', id: string): Texts =>
    texts(
      `De ${what === 'aanmelding' ? 'aanmelding' : 'trainer'} met kenmerk "${id}" staat twee keer in de invoer. Haal de dubbele weg.`,
      `The ${what === 'aanmelding' ? 'sign-up' : 'trainer'} with id "${id}" is in the input twice. Remove the duplicate.`,
    ),
  unknownSignup: (kind: 'keptHold' | 'lockedPair', id: string): Texts =>
    texts(
      `${kind === 'keptHold' ? 'Een vastgehouden optie' : 'Een vastgezet trainerspaar'} hoort bij aanmelding "${id}", maar die staat niet in de planning. Neem de aanmelding mee of laat de ${kind === 'keptHold' ? 'optie' : 'vastzetting'} los.`,
      `${kind === 'keptHold' ? 'A kept hold' : 'A locked pair'} belongs to sign-up "${id}", which is not in the planning. Include the sign-up or release the ${kind === 'keptHold' ? 'hold' : 'lock'}.`,
    ),
  badPair: (municipality: string, problem: Texts): Texts =>
    texts(
      `Het vastgezette trainerspaar van ${municipality} klopt niet: ${problem.nl}. Kies een Berenschot-adviseur en een adviseur van het eigen RIEC.`,
      `The locked trainer pair of ${municipality} is not valid: ${problem.en}. Choose a Berenschot advisor and an advisor of the municipality's own RIEC.`,
    ),
  badSlotIndex: (municipality: string, slotIndex: number): Texts =>
    texts(
      `De vastgehouden optie van ${municipality} verwijst naar voorkeur ${slotIndex + 1}, en die bestaat niet. Kies een van de voorkeuren.`,
      `The kept hold of ${municipality} refers to preference ${slotIndex + 1}, which does not exist. Choose one of the preferences.`,
    ),
};

export const PAIR_PROBLEMS = {
  unknownTrainer: (id: string): Texts =>
    texts(`trainer "${id}" staat niet in de trainerslijst`, `trainer "${id}" is not in the list`),
  wrongRole: (name: string, role: TrainerRole): Texts =>
    texts(`${name} is geen ${ROLE[role].nl}`, `${name} is not a ${ROLE[role].en}`),
  otherRiec: (name: string, riec: string): Texts =>
    texts(`${name} is geen adviseur van ${riec}`, `${name} is not an advisor of ${riec}`),
};

export const WARNINGS = {
  fixedConflict: (trainer: string, a: string, b: string): Texts =>
    texts(
      `${trainer} staat vast voor de workshops bij ${a} en bij ${b}, en die overlappen of liggen te dicht op elkaar. De planner verandert vaste afspraken niet: los dit zelf op.`,
      `${trainer} is fixed for the workshops at ${a} and at ${b}, which overlap or are too close together. The planner does not change fixed appointments: resolve this yourself.`,
    ),
  fixedOverMaximum: (trainer: string, count: number, maximum: number): Texts =>
    texts(
      `${trainer} heeft al ${count} vaste workshops, meer dan het maximum van ${maximum}. De planner geeft ${trainer} er geen bij; verhoog het maximum of verplaats een workshop.`,
      `${trainer} already has ${count} fixed workshops, more than the maximum of ${maximum}. The planner adds none; raise the maximum or move a workshop.`,
    ),
};

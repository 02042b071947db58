// What the group mixer tells the trainers, Dutch first and English second, in the shape of
// src/domain/errors.ts (code, typed params, Dutch message; `formatGroupIssue(issue, 'en')`).
// Messages may name people and parties: they are shown to the trainers only and never logged.
import type { Locale } from '../time.js';
import type { Verdict } from './types.js';

type NoParams = Readonly<Record<string, never>>;

export interface GroupIssueParams {
  // The request.
  NO_PEOPLE: NoParams;
  PERSON_ID_TWICE: { readonly name: string };
  PARTY_SIDES_DIFFER: { readonly party: string };
  EVERYONE_OUTSIDE: NoParams;
  GROUP_COUNT_INVALID: { readonly count: number; readonly people: number };
  SIZE_RANGE_INVALID: { readonly min: number; readonly max: number };
  // The pins.
  PIN_UNKNOWN_PERSON: { readonly id: string };
  PIN_CONFLICT: { readonly name: string };
  PIN_GROUP_OUT_OF_RANGE: { readonly name: string; readonly group: number; readonly count: number };
  PIN_APART_SELF: { readonly name: string };
  PIN_APART_ONE_GROUP: { readonly name: string; readonly other: string };
  PIN_APART_SAME_GROUP: { readonly name: string; readonly other: string; readonly group: number };
  PIN_GROUP_TOO_FULL: { readonly group: number; readonly pinned: number; readonly largest: number };
  PIN_TOO_MANY_FULL_GROUPS: {
    readonly full: number;
    readonly allowed: number;
    readonly largest: number;
  };
  PIN_PARTY_OVER_CAP: {
    readonly group: number;
    readonly party: string;
    readonly pinned: number;
    readonly cap: number;
  };
  PINS_INFEASIBLE: NoParams;
  PIN_APART_UNRESOLVED: { readonly name: string; readonly other: string };
  // Notes on a result.
  GROUP_COUNT_CHOSEN: {
    readonly people: number;
    readonly count: number;
    readonly smallest: number;
    readonly largest: number;
    readonly min: number;
    readonly max: number;
    readonly fitsRange: boolean;
  };
  SCORE: {
    readonly verdict: Verdict;
    readonly deviation: number;
    readonly lowerBound: number;
  };
}

export type GroupIssueCode = keyof GroupIssueParams;

const NOTES: ReadonlySet<GroupIssueCode> = new Set(['GROUP_COUNT_CHOSEN', 'SCORE']);

export type GroupIssue<C extends GroupIssueCode = GroupIssueCode> = {
  [K in C]: {
    readonly code: K;
    readonly severity: 'error' | 'note';
    readonly params: GroupIssueParams[K];
    /** Dutch (nl-NL); `formatGroupIssue(issue, 'en')` gives the English text. */
    readonly message: string;
  };
}[C];

type MessageTable = { readonly [C in GroupIssueCode]: (params: GroupIssueParams[C]) => string };

const decimal = (locale: Locale, value: number): string =>
  value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-US', { maximumFractionDigits: 2 });

const groupsNl = (count: number): string => (count === 1 ? '1 groep' : `${count} groepen`);
const groupsEn = (count: number): string => (count === 1 ? '1 group' : `${count} groups`);
const sizesNl = (p: { smallest: number; largest: number }): string =>
  p.smallest === p.largest ? `${p.smallest}` : `${p.smallest} of ${p.largest}`;
const sizesEn = (p: { smallest: number; largest: number }): string =>
  p.smallest === p.largest ? `${p.smallest}` : `${p.smallest} or ${p.largest}`;

const NL: MessageTable = {
  NO_PEOPLE: () =>
    'Er zijn geen deelnemers om in groepen te verdelen. Voeg eerst de deelnemers toe.',
  PERSON_ID_TWICE: (p) => `${p.name} staat twee keer in de lijst. Haal één van beide weg.`,
  PARTY_SIDES_DIFFER: (p) =>
    `Fractie ${p.party} staat deels als coalitie en deels als oppositie in de lijst. Pas de deelnemerslijst aan.`,
  EVERYONE_OUTSIDE: () => 'Iedereen staat buiten de groepen. Zet minder mensen buiten de groepen.',
  GROUP_COUNT_INVALID: (p) =>
    `${groupsNl(p.count)} kan niet met ${p.people} deelnemers in de groepen. Kies 1 tot en met ${p.people} groepen.`,
  SIZE_RANGE_INVALID: (p) =>
    `Een groepsgrootte van ${p.min} tot ${p.max} kan niet. Kies een kleinste en een grootste groepsgrootte van minstens 1, de kleinste niet groter dan de grootste.`,
  PIN_UNKNOWN_PERSON: () =>
    'Een vastgezette deelnemer staat niet (meer) in de lijst. Haal die vastzetting weg.',
  PIN_CONFLICT: (p) =>
    `${p.name} is op twee plaatsen vastgezet (buiten de groepen of in verschillende groepen). Kies één plaats.`,
  PIN_GROUP_OUT_OF_RANGE: (p) =>
    `${p.name} is vastgezet in groep ${p.group}, maar er zijn ${groupsNl(p.count)}. Kies een groep van 1 tot en met ${p.count}.`,
  PIN_APART_SELF: (p) => `${p.name} kan niet apart van zichzelf worden gezet.`,
  PIN_APART_ONE_GROUP: (p) =>
    `${p.name} en ${p.other} moeten apart, maar er is maar één groep. Kies meer groepen of haal de vastzetting weg.`,
  PIN_APART_SAME_GROUP: (p) =>
    `${p.name} en ${p.other} moeten apart, maar zijn allebei in groep ${p.group} vastgezet. Zet één van beiden in een andere groep.`,
  PIN_GROUP_TOO_FULL: (p) =>
    `In groep ${p.group} zijn ${p.pinned} mensen vastgezet, maar een groep heeft er hooguit ${p.largest}. Zet er minder in deze groep vast.`,
  PIN_TOO_MANY_FULL_GROUPS: (p) =>
    `${groupsNl(p.full)} zijn al vol met vastgezette mensen (${p.largest} per groep), maar dat kan bij hooguit ${p.allowed} ${p.allowed === 1 ? 'groep' : 'groepen'} zonder dat de groepen meer dan één in grootte verschillen. Zet minder mensen vast.`,
  PIN_PARTY_OVER_CAP: (p) =>
    `In groep ${p.group} zijn ${p.pinned} mensen van ${p.party} vastgezet, maar voor een goede spreiding mag een groep er hooguit ${p.cap} van deze fractie hebben. Zet er minder vast.`,
  PINS_INFEASIBLE: () =>
    'Met deze vastzettingen kunnen de groepen niet even groot en gemengd worden. Haal een of meer vastzettingen weg.',
  PIN_APART_UNRESOLVED: (p) =>
    `${p.name} en ${p.other} konden niet in verschillende groepen worden gezet zonder de andere regels te breken. Haal een vastzetting weg of kies meer groepen.`,
  GROUP_COUNT_CHOSEN: (p) =>
    p.fitsRange
      ? `${p.people} deelnemers in de groepen: ${groupsNl(p.count)} van ${sizesNl(p)}.`
      : `Met ${p.people} deelnemers passen groepen van ${p.min} tot ${p.max} niet precies: ${groupsNl(p.count)} van ${sizesNl(p)}.`,
  SCORE: (p) => {
    const numbers = `afwijking ${decimal('nl', p.deviation)}; beste haalbare ${decimal('nl', p.lowerBound)}`;
    if (p.verdict === 'optimaal') {
      return `Optimaal: de verhouding coalitie–oppositie in de groepen kan niet beter (${numbers}).`;
    }
    if (p.verdict === 'binnen-een') {
      return `Binnen 1 persoon van het optimum in de verhouding coalitie–oppositie (${numbers}).`;
    }
    return `De verhouding coalitie–oppositie wijkt meer dan 1 persoon af van de ondergrens (${numbers}). Mensen die apart moeten kunnen dat veroorzaken: schud opnieuw of haal een vastzetting weg om te zien of het beter kan.`;
  },
};

const EN: MessageTable = {
  NO_PEOPLE: () => 'There are no attendees to divide into groups. Add the attendees first.',
  PERSON_ID_TWICE: (p) => `${p.name} is in the list twice. Remove one of them.`,
  PARTY_SIDES_DIFFER: (p) =>
    `Party ${p.party} is listed partly as coalition and partly as opposition. Correct the attendee list.`,
  EVERYONE_OUTSIDE: () => 'Everyone is outside the groups. Put fewer people outside the groups.',
  GROUP_COUNT_INVALID: (p) =>
    `${groupsEn(p.count)} cannot be made with ${p.people} attendees in the groups. Choose 1 to ${p.people} groups.`,
  SIZE_RANGE_INVALID: (p) =>
    `A group size of ${p.min} to ${p.max} is not possible. Choose a smallest and a largest group size of at least 1, the smallest not above the largest.`,
  PIN_UNKNOWN_PERSON: () => 'A pinned attendee is no longer in the list. Remove that pin.',
  PIN_CONFLICT: (p) =>
    `${p.name} is pinned in two places (outside the groups or in different groups). Choose one.`,
  PIN_GROUP_OUT_OF_RANGE: (p) =>
    `${p.name} is pinned to group ${p.group}, but there are ${groupsEn(p.count)}. Choose a group from 1 to ${p.count}.`,
  PIN_APART_SELF: (p) => `${p.name} cannot be kept apart from themselves.`,
  PIN_APART_ONE_GROUP: (p) =>
    `${p.name} and ${p.other} must be apart, but there is only one group. Choose more groups or remove the pin.`,
  PIN_APART_SAME_GROUP: (p) =>
    `${p.name} and ${p.other} must be apart, but both are pinned to group ${p.group}. Move one of them to another group.`,
  PIN_GROUP_TOO_FULL: (p) =>
    `${p.pinned} people are pinned to group ${p.group}, but a group has at most ${p.largest}. Pin fewer people to this group.`,
  PIN_TOO_MANY_FULL_GROUPS: (p) =>
    `${groupsEn(p.full)} are already full of pinned people (${p.largest} each), but only ${p.allowed} can be without the groups differing by more than one in size. Pin fewer people.`,
  PIN_PARTY_OVER_CAP: (p) =>
    `${p.pinned} people of ${p.party} are pinned to group ${p.group}, but for an even spread a group may have at most ${p.cap} of this party. Pin fewer of them.`,
  PINS_INFEASIBLE: () =>
    'With these pins the groups cannot be of even size and mixed. Remove one or more pins.',
  PIN_APART_UNRESOLVED: (p) =>
    `${p.name} and ${p.other} could not be put in different groups without breaking the other rules. Remove a pin or choose more groups.`,
  GROUP_COUNT_CHOSEN: (p) =>
    p.fitsRange
      ? `${p.people} attendees in the groups: ${groupsEn(p.count)} of ${sizesEn(p)}.`
      : `With ${p.people} attendees, groups of ${p.min} to ${p.max} do not fit exactly: ${groupsEn(p.count)} of ${sizesEn(p)}.`,
  SCORE: (p) => {
    const numbers = `deviation ${decimal('en', p.deviation)}; best possible ${decimal('en', p.lowerBound)}`;
    if (p.verdict === 'optimaal') {
      return `Optimal: the coalition–opposition balance of the groups cannot be better (${numbers}).`;
    }
    if (p.verdict === 'binnen-een') {
      return `Within 1 person of the optimum in the coalition–opposition balance (${numbers}).`;
    }
    return `The coalition–opposition balance is more than 1 person from the lower bound (${numbers}). People who must be apart can cause this: shuffle again or remove a pin to see whether it can be better.`;
  },
};

const TABLES: Readonly<Record<Locale, MessageTable>> = { nl: NL, en: EN };

function render<C extends GroupIssueCode>(
  code: C,
  params: GroupIssueParams[C],
  locale: Locale,
): string {
  const table: (params: GroupIssueParams[C]) => string = TABLES[locale][code];
  return table(params);
}

export function createGroupIssue<C extends GroupIssueCode>(
  code: C,
  params: GroupIssueParams[C],
): GroupIssue {
  const severity = NOTES.has(code) ? 'note' : 'error';
  const issue = { code, severity, params, message: render(code, params, 'nl') };
  // TypeScript cannot see that an object with a generic code `C` is a member of the mapped union.
  return issue as GroupIssue;
}

export function formatGroupIssue(issue: GroupIssue, locale: Locale): string {
  return render(issue.code, issue.params, locale);
}

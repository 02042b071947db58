// The attendees of one confirmed workshop, as the griffie sends them: who comes, for which party
// (fractie), whether that party is in the coalition or the opposition, and in which role. A party is
// public, but it is still a political opinion (AVG art. 9): these values are stored only where the
// trainers need them and never logged (issue 14, item 5).

/** Coalition or opposition; `onbekend` when the list does not say and no other row of the party does. */
export type Side = 'coalitie' | 'oppositie' | 'onbekend';

export const SIDES: readonly Side[] = ['coalitie', 'oppositie', 'onbekend'];

/** `burgerlid` covers burgerleden, commissieleden and fractievertegenwoordigers who are not in the council. */
export type AttendeeRole =
  'raadslid' | 'burgerlid' | 'wethouder' | 'burgemeester' | 'griffier' | 'anders';

export const ATTENDEE_ROLES: readonly AttendeeRole[] = [
  'raadslid',
  'burgerlid',
  'wethouder',
  'burgemeester',
  'griffier',
  'anders',
];

/** Roles that speak for a party: a row with one of these roles must name its party. */
export const PARTY_ROLES: ReadonlySet<AttendeeRole> = new Set([
  'raadslid',
  'burgerlid',
  'wethouder',
]);

export interface Attendee {
  /** As written in the list, with surrounding and double spaces removed. */
  readonly name: string;
  /** The party (fractie) as written; `null` for a mayor, griffier or other without a party. */
  readonly party: string | null;
  readonly side: Side;
  readonly role: AttendeeRole;
}

/** One row as entered (pasted, uploaded or typed), before validation: every value is raw text. */
export interface AttendeeInput {
  /** 1-based row number in the sheet or form, for the messages ("rij 4"). */
  readonly row: number;
  readonly name: string;
  readonly party: string;
  /** Raw value of the side column(s): "coalitie", "C", "oppositie", "O"; `''` when absent. */
  readonly side: string;
  readonly role: string;
}

/**
 * Limits of one attendee list. A council has at most 45 members (Amsterdam); with burgerleden,
 * wethouders, the mayor and the griffie a workshop stays well under 200. A list of 500 is a mistake
 * (a whole register pasted), not a workshop.
 */
export const ATTENDEE_LIMITS = {
  minAttendees: 1,
  maxAttendees: 200,
  maxNameLength: 120,
  maxPartyLength: 80,
} as const;
